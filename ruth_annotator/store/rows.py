"""Annotations to table rows and back; the only place that knows the column layout."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Sequence
from itertools import starmap

from ruth_annotator.model.annotations import Annotation, Entity, Mention, Quote, Span

TABLES = {"entity": "entities", "mention": "mentions", "quote": "quotes"}


#: Per table, the columns an annotation is written to, in the order `row_values` gives them.
ROW_COLUMNS = {
    "entities": ("id", "document_id", "annotator", "status", "source", "label", "name",
                 "kb_id"),
    "mentions": ("id", "document_id", "annotator", "status", "source", "start", "end",
                 "label", "entity", "form"),
    "quotes": ("id", "document_id", "annotator", "status", "source", "type", "start", "end",
               "spans", "speaker", "speaker_mention", "cue_start", "cue_end", "addressee",
               "parent"),
}


def _entity_values(e: Entity, document_id: int, annotator: str) -> tuple:
    return (e.id, document_id, annotator, e.status, e.source, e.label, e.name, e.kb_id)


def _mention_values(m: Mention, document_id: int, annotator: str) -> tuple:
    return (m.id, document_id, annotator, m.status, m.source, m.start, m.end, m.label,
            m.entity, m.form)


def _quote_values(q: Quote, document_id: int, annotator: str) -> tuple:
    cue = q.cue
    return (q.id, document_id, annotator, q.status, q.source, q.type, q.start, q.end,
            json.dumps([[s.start, s.end] for s in q.spans]), q.speaker, q.speaker_mention,
            cue.start if cue else None, cue.end if cue else None, q.addressee, q.parent)


_VALUES = {Entity: _entity_values, Mention: _mention_values, Quote: _quote_values}


def row_values(item: Annotation, document_id: int, annotator: str) -> tuple:
    """The row of `item` as a tuple of ROW_COLUMNS[its table]: a bulk write of 100,000
    suggestions binds tuples by position (a dict per row costs a third of the write)."""
    return _VALUES[type(item)](item, document_id, annotator)


#: Per table, the columns an annotation is made of, in the order its class takes them.
MODEL_COLUMNS = {
    "entities": ("id", "label", "name", "kb_id", "status", "source"),
    "mentions": ("id", "start", "end", "label", "entity", "form", "status", "source"),
    "quotes": ("id", "type", "spans", "speaker", "speaker_mention", "cue_start", "cue_end",
               "addressee", "parent", "status", "source"),
}


def _quote(r: tuple) -> Quote:
    qid, qtype, spans, speaker, speaker_mention, cue_start, cue_end, addressee, parent, \
        status, source = r
    cue = Span(cue_start, cue_end) if cue_start is not None else None
    return Quote(qid, qtype, tuple(Span(s, e) for s, e in json.loads(spans)), speaker,
                 speaker_mention, cue, addressee, parent, status, source)


@functools.cache
def _select_sql(table: str, where: str) -> str:
    columns = ", ".join(f'"{c}"' for c in MODEL_COLUMNS[table])
    return f"select {columns} from {table} where {where}"


def select_items(conn: sqlite3.Connection, table: str, where: str,
                 params: Sequence) -> list[Annotation]:
    """The annotations of `table` matching `where`, read as plain tuples (opening a layer of
    100,000 spans is bound by object creation; dicts per row cost a third more).

    A row no annotation can be made of (a form or spans changed outside the app, a flipped
    byte) raises DamagedRow naming the table and row, not a bare ValueError from deep down.
    """
    return items_of(table, conn.execute(_select_sql(table, where), params).fetchall())


def select_layers_items(conn: sqlite3.Connection, table: str, document_ids: Sequence[int]
                        ) -> dict[tuple[int, str], list[Annotation]]:
    """The annotations of `table` in these documents, by (document, annotator), in one
    query: an export reads a batch of documents at once, not each layer on its own."""
    columns = ", ".join(f'"{c}"' for c in MODEL_COLUMNS[table])
    marks = ",".join("?" * len(document_ids))
    grouped: dict[tuple[int, str], list[tuple]] = {}
    for row in conn.execute(
            f"select document_id, annotator, {columns} from {table} "
            f"where document_id in ({marks}) order by document_id, annotator, rowid",
            list(document_ids)):
        grouped.setdefault((row[0], row[1]), []).append(row[2:])
    return {key: items_of(table, rows) for key, rows in grouped.items()}


def items_of(table: str, rows: list[tuple]) -> list[Annotation]:
    """Annotations from rows of MODEL_COLUMNS; a bad row raises DamagedRow."""
    try:
        return _items(table, rows)
    except _ROW_ERRORS:
        for row in rows:  # the slow path only once something is wrong: find the row
            try:
                _items(table, [row])
            except _ROW_ERRORS as e:
                raise DamagedRow(table, row[0], e) from None
        raise


def _items(table: str, rows: list[tuple]) -> list[Annotation]:
    if table == "quotes":
        return [_quote(r) for r in rows]
    return list(starmap(Entity if table == "entities" else Mention, rows))


#: What building an annotation from a nonsense row raises (json errors are ValueErrors).
_ROW_ERRORS = (ValueError, TypeError, KeyError, IndexError)


class DamagedRow(ValueError):
    """A stored row that no annotation can be made of; `str()` names table, row and why."""

    def __init__(self, table: str, row_id: object, error: BaseException) -> None:
        self.table = table
        self.row_id = row_id
        self.reason = " ".join(str(error).split()) or type(error).__name__
        super().__init__(f"row {row_id} of table {table} is damaged ({self.reason})")


@functools.cache
def insert_sql(table: str, columns: tuple[str, ...], positional: bool = False) -> str:
    """INSERT for rows with these columns, taking named parameters, or with `positional`
    tuples in column order (built once per shape)."""
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join("?" * len(columns)) if positional else \
        ", ".join(f":{c}" for c in columns)
    return f'insert into "{table}" ({names}) values ({values})'


@functools.cache
def upsert_sql(table: str, columns: tuple[str, ...], key: tuple[str, ...] = ("id",),
               positional: bool = False) -> str:
    """INSERT … ON CONFLICT DO UPDATE for rows with these columns.

    Written once per shape and reused: sqlite-utils' upsert reads the schema again on every
    call (about ten queries), which made one annotation action twice a bare insert.
    """
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c not in key)
    keys = ", ".join(f'"{c}"' for c in key)
    return (f"{insert_sql(table, columns, positional)} on conflict({keys}) "
            f"do update set {updates}")


def insert_rows(conn: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    """Insert rows that all have the same columns; a clash is an error (bulk imports)."""
    if rows:
        conn.executemany(insert_sql(table, tuple(rows[0])), rows)


def upsert_rows(conn: sqlite3.Connection, table: str, rows: list[dict],
                key: tuple[str, ...] = ("id",)) -> None:
    """Insert or update rows that all have the same columns (one statement, prepared once)."""
    if rows:
        conn.executemany(upsert_sql(table, tuple(rows[0]), key), rows)


def upsert_items(conn: sqlite3.Connection, document_id: int, annotator: str,
                 items: Iterable[Annotation], new: bool = False) -> None:
    """Insert or update annotations of any kinds in one layer: one statement a table.

    With `new`, the items are all new (ids just made, as suggestions are): they are only
    inserted, so an id already taken fails the write instead of overwriting what holds it,
    and SQLite does not look for the id before inserting it (a sixth of a suggestion run's
    write)."""
    by_table: dict[str, list[tuple]] = {"entities": [], "mentions": [], "quotes": []}
    for item in items:
        by_table[TABLES[item.kind]].append(row_values(item, document_id, annotator))
    for table, rows in by_table.items():
        if rows:
            sql = insert_sql(table, ROW_COLUMNS[table], positional=True) if new else \
                upsert_sql(table, ROW_COLUMNS[table], positional=True)
            conn.executemany(sql, rows)
