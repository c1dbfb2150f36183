"""Search a whole project: text, or annotations by label or speaker (no Qt).

Queries: plain words find text (case-insensitive); `label:PERSON` finds mentions of a
label; `speaker:Winslet` finds quotes whose speaker's name contains the words. It reads
through its own read-only opening of the file so it can run in a worker thread.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ruth_annotator.store.project import Project
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
    with Project.open_reader(Path(path), annotator) as project:
        if kind == "text":
            return _text(project, value, task)
        if kind == "label":
            rows = project.labelled_spans(value.upper(), annotator, LIMIT)
        else:
            rows = project.spans_of_speaker(value, annotator, LIMIT)
        return [Hit(doc, title, s, e, _context(text, s, e)) for doc, title, s, e, text in rows]


def _text(project: Project, value: str, task: Task) -> list[Hit]:
    pattern = re.compile(re.escape(value), re.IGNORECASE)
    total = project.document_count()
    hits: list[Hit] = []
    for n, (doc, title, text) in enumerate(project.texts_like(value), 1):
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
