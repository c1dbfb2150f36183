"""`ruth-annotator check`: is the file whole, and does every annotation still make sense?

SQLite's own check finds damaged pages; the rest finds what no database check can: spans
outside their document, references to annotations that are gone, texts that no longer
match their hash. The file is only read.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ruth_annotator.errors import ProjectError
from ruth_annotator.model.document import text_hash
from ruth_annotator.model.wording import plural, short
from ruth_annotator.store.opening import (
    check_existing,
    connect_readonly,
    foreign_objects,
    one_line,
)

#: At most this many problems of one kind are listed.
LIMIT = 20

# (what, query) pairs; each query returns (document_id, annotator, id) of a bad row.
# Quoted "end": it is an SQL keyword.
_SPAN_CHECKS = [
    ("mention outside its document", """
        select m.document_id, m.annotator, m.id from mentions m
        join documents d on d.id = m.document_id
        where m.start < 0 or m."end" <= m.start or m."end" > d.length"""),
    ("quote outside its document", """
        select q.document_id, q.annotator, q.id from quotes q
        join documents d on d.id = q.document_id
        where q.start < 0 or q."end" <= q.start or q."end" > d.length
           or (q.cue_start is not null and (q.cue_start < 0 or q.cue_end > d.length))"""),
]
# (table, column, target table, what the link is): every link an annotation can hold.
_LINKS = [
    ("mentions", "entity", "entities", "entity"),
    ("quotes", "speaker", "entities", "speaker"),
    ("quotes", "addressee", "entities", "addressee"),
    ("quotes", "speaker_mention", "mentions", "speaker mention"),
    ("quotes", "parent", "quotes", "enclosing quote"),
]
_KIND = {"entities": "entity", "mentions": "mention", "quotes": "quote"}


_TEXT_TABLES = ("documents", "labels", "layers", "entities", "mentions", "quotes")


@dataclass
class CheckReport:
    documents: int = 0
    annotations: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_project(path: Path) -> CheckReport:
    """Check every page and every annotation of the project at `path` (read-only)."""
    path = Path(path)
    report = CheckReport()
    try:
        check_existing(path, deep=False)
    except ProjectError as e:
        if "damaged" not in e.message:
            raise
        report.problems.append(e.message.split(";")[0])
        return report
    conn = connect_readonly(path)
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")  # damage shows, not raises
    with contextlib.closing(conn):
        try:
            _check_foreign_objects(conn, report)
            _check(conn, report)
        except sqlite3.DatabaseError as e:
            report.problems.append(f"is damaged ({one_line(str(e))})")
        except UnicodeDecodeError:  # raised for SQLite messages quoting damaged bytes
            report.problems.append("is damaged (its schema holds bytes that are not text)")
    if report.ok:
        _check_readable(path, report)
    return report


def _check_foreign_objects(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Triggers, views, tables and indexes this release did not make: each could run code
    on a write or hide data, so the file is not opened for writing while they are there."""
    for name in foreign_objects(conn)[:LIMIT]:
        report.problems.append(f"holds a {name} that Ruth Annotator did not make")


def _check_readable(path: Path, report: CheckReport) -> None:
    """Read every document and layer as the app does: a value no annotation may hold (a
    form or status changed by a flipped byte) would otherwise fail only when opened."""
    from ruth_annotator.store.project import Project

    with Project.open(path, readonly=True) as project:
        for doc, annotator in project.layer_keys():
            try:
                project.document(doc)
                project.layer(doc, annotator)
            except ProjectError as e:  # a row no annotation can be made of
                report.problems.append(f"document {doc}, {annotator}: "
                                       f"{e.message.split(';')[0]}")
            except (ValueError, TypeError, KeyError, sqlite3.Error) as e:
                report.problems.append(f"document {doc}, {annotator}: cannot be read "
                                       f"({one_line(str(e))})")
            if len(report.problems) >= LIMIT:
                return


def _rows_not_utf8(conn: sqlite3.Connection, table: str) -> int:
    """Rows with a text value that is not valid UTF-8 (reading them would fail)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    previous, conn.text_factory = conn.text_factory, bytes
    try:
        bad = 0
        for row in cursor.execute(f"select * from {table}"):
            try:
                for value in row:
                    if isinstance(value, bytes):
                        value.decode("utf-8")
            except UnicodeDecodeError:
                bad += 1
        return bad
    finally:
        conn.text_factory = previous


def _check(conn: sqlite3.Connection, report: CheckReport) -> None:
    pages = [r[0] for r in conn.execute(f"PRAGMA integrity_check({LIMIT})")]
    if pages != ["ok"]:
        report.problems.extend(f"damaged: {one_line(row)}" for row in pages)
        return
    for table in _TEXT_TABLES:  # a flipped byte in a text field passes SQLite's check
        bad = _rows_not_utf8(conn, table)
        if bad:
            report.problems.append(f"damaged: {plural(bad, 'row')} of {table} hold text that is "
                                   "not UTF-8")
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchmany(LIMIT):
        report.problems.append(f"row {rowid} of {table} points to a missing row of {parent}")
    report.documents = conn.execute("select count(*) from documents").fetchone()[0]
    report.annotations = sum(
        conn.execute(f"select count(*) from {table}").fetchone()[0]
        for table in ("mentions", "quotes")
    )
    for what, sql in _SPAN_CHECKS:
        for doc, annotator, item in conn.execute(sql).fetchmany(LIMIT):
            report.problems.append(f"document {doc}, {annotator}: {what} ({item})")
    _check_links(conn, report)
    _check_twice(conn, report)
    bad = 0
    for doc, raw, digest, length in conn.execute(
        "select id, cast(text as blob), hash, length from documents order by id"
    ):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        if text is None or text_hash(text) != digest or len(text) != length:
            bad += 1
            if bad <= LIMIT:
                report.problems.append(f"document {doc}: text does not match its hash/length")


def _check_links(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Each link to nothing, and each link from an accepted annotation to one that is not
    accepted (the decision rule, docs/decisions.md), named by document and text."""
    for table, column, target, what in _LINKS:
        sql = (f"select a.document_id, a.annotator, a.id, a.status, b.id, b.status "
               f"from {table} a left join {target} b on b.id = a.{column} "
               f"and b.document_id = a.document_id and b.annotator = a.annotator "
               f"where a.{column} is not null and (b.id is null or "
               f"(a.status = 'accepted' and b.status != 'accepted'))")
        for doc, annotator, item, status, found, found_status in \
                conn.execute(sql).fetchmany(LIMIT):
            where = f"document {_uid(conn, doc)} ({annotator})"
            source = f"{status} {_KIND[table]} {_text(conn, table, item)}"
            if found is None:
                report.problems.append(f"{where}: {source} points at a missing {what}")
            else:
                report.problems.append(
                    f"{where}: {source} points at a {found_status} {what} "
                    f"{_text(conn, target, found)}; accept it or unlink it")


# Annotations a layer holds twice (an import repeated before imports became idempotent):
# the same span, label and links; rejected suggestions are left aside.
_TWICE = [
    ("mentions", 'start, "end", label, entity'),
    ("quotes", 'type, spans, speaker, speaker_mention, cue_start, cue_end, addressee, parent'),
]


def _check_twice(conn: sqlite3.Connection, report: CheckReport) -> None:
    """Each annotation a layer holds more than once, by document and text."""
    for table, columns in _TWICE:
        sql = (f"select document_id, annotator, min(id), count(*) from {table} "
               f"where status != 'rejected' group by document_id, annotator, {columns} "
               "having count(*) > 1")
        for doc, annotator, item, n in conn.execute(sql).fetchmany(LIMIT):
            report.problems.append(f"document {_uid(conn, doc)} ({annotator}): "
                                   f"{_KIND[table]} {_text(conn, table, item)} is there "
                                   f"{n} times; delete the copies")


def _uid(conn: sqlite3.Connection, document_id: int) -> str:
    row = conn.execute("select uid from documents where id = ?", [document_id]).fetchone()
    return row[0] if row else str(document_id)


def _text(conn: sqlite3.Connection, table: str, item_id: str, limit: int = 40) -> str:
    """“The words” an annotation covers (an entity's name), cut short: what a person sees."""
    if table == "entities":
        row = conn.execute("select name from entities where id = ?", [item_id]).fetchone()
    else:
        row = conn.execute(
            f'select substr(d.text, a.start + 1, min(a."end" - a.start, ?)) '
            f"from {table} a join documents d on d.id = a.document_id where a.id = ?",
            [limit + 1, item_id]).fetchone()
    return f"“{short((row[0] or '') if row else '', limit)}”"
