"""Search a whole project: text, or annotations by label or speaker (no Qt).

Queries: plain words find text (case-insensitive); `label:PERSON` finds mentions of a
label; `speaker:Winslet` finds quotes whose speaker's name contains the words. It reads
through its own read-only connection so it can run in a worker thread.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from ruth_annotator.tasks import NO_TASK, Task

LIMIT = 1000
PER_DOCUMENT = 20


@dataclass(frozen=True)
class Hit:
    document_id: int
    title: str
    start: int
    end: int
    context: str  # the words around the hit, on one line


def _context(text: str, start: int, end: int, width: int = 40) -> str:
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return " ".join(f"…{left}[{text[start:end]}]{right}…".split())


def parse(query: str) -> tuple[str, str]:
    """("text" | "label" | "speaker", value)."""
    match = re.match(r"^\s*(label|speaker):\s*(.+?)\s*$", query, re.I)
    if match:
        return match.group(1).lower(), match.group(2)
    return "text", query.strip()


def search(path: Path, annotator: str, query: str, task: Task = NO_TASK) -> list[Hit]:
    kind, value = parse(query)
    if not value:
        return []
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        if kind == "text":
            return _text(conn, value, task)
        if kind == "label":
            sql = """select m.document_id, d.title, m.start, m."end", d.text from mentions m
                     join documents d on d.id = m.document_id
                     where m.label = ? and m.annotator = ? and m.status != 'rejected'
                     order by m.document_id, m.start limit ?"""
            rows = conn.execute(sql, [value.upper(), annotator, LIMIT])
        else:
            sql = """select q.document_id, d.title, q.start, q."end", d.text from quotes q
                     join entities e on e.id = q.speaker join documents d on d.id = q.document_id
                     where e.name like ? and q.annotator = ? and q.status != 'rejected'
                     order by q.document_id, q.start limit ?"""
            rows = conn.execute(sql, [f"%{value}%", annotator, LIMIT])
        return [Hit(doc, title, s, e, _context(text, s, e)) for doc, title, s, e, text in rows]
    finally:
        conn.close()


def _text(conn: sqlite3.Connection, value: str, task: Task) -> list[Hit]:
    pattern = re.compile(re.escape(value), re.IGNORECASE)
    total = conn.execute("select count(*) from documents").fetchone()[0]
    # SQLite's LIKE folds case for ASCII only; other queries are matched in Python alone.
    like = "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if not value.isascii():
        like = "%"
    rows = conn.execute(
        "select id, title, text from documents where text like ? escape '\\' order by id",
        [like],
    )
    hits: list[Hit] = []
    for n, (doc, title, text) in enumerate(rows, 1):
        for k, match in enumerate(pattern.finditer(text)):
            if k >= PER_DOCUMENT:
                break
            hits.append(Hit(doc, title, match.start(), match.end(),
                            _context(text, match.start(), match.end())))
        if len(hits) >= LIMIT:
            break
        if n % 200 == 0:
            task.check()
            task.report(n, total)
    return hits[:LIMIT]
