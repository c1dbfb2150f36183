"""A project: documents, label set and every annotator's layers in one SQLite file.

Every user action arrives as a ChangeSet and is written in one transaction, in WAL mode with
synchronous=FULL, so a crash, kill or power cut loses nothing that was reported as saved.
"""

from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from ruth_annotator.errors import ProjectError
from ruth_annotator.model import (
    ACCEPTED,
    DOC_STATUSES,
    Annotation,
    ChangeSet,
    Document,
    DocumentSummary,
    Layer,
    NewDocument,
)
from ruth_annotator.model.changes import Change
from ruth_annotator.model.decisions import dataset_view, only_status_differs
from ruth_annotator.model.labels import Label, validate_label_set
from ruth_annotator.model.layer import status_after_edit
from ruth_annotator.model.records import ParsedRecord, layer_to_record
from ruth_annotator.model.wording import plural
from ruth_annotator.store.importing import import_records
from ruth_annotator.store.locking import WriteLock
from ruth_annotator.store.opening import open_database, readonly_database
from ruth_annotator.store.rows import (
    TABLES,
    DamagedRow,
    select_items,
    select_layers_items,
    upsert_items,
    upsert_rows,
)
from ruth_annotator.store.searching import SearchRows
from ruth_annotator.store.sharing import SharingRows
from ruth_annotator.store.writing import writing
from ruth_annotator.tasks import NO_TASK, Task

#: Documents an export reads at once: a few queries a batch, memory bound by the batch.
EXPORT_BATCH = 200


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class ImportResult:
    """What an import did, for the progress line and the closing message."""

    added: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    layers: int = 0
    annotations: int = 0
    present: int = 0  # annotations the layers held already (not added again)
    accepted_with: int = 0  # suggestions accepted because an accepted annotation uses them
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{plural(len(self.added), 'document')} added"]
        if self.duplicates:
            parts.append(f"{plural(len(self.duplicates), 'duplicate')} skipped")
        if self.annotations:
            parts.append(f"{plural(self.annotations, 'annotation')} in "
                         f"{plural(self.layers, 'layer')}")
        if self.present:
            parts.append(f"{self.present:,} already present")
        if self.accepted_with:
            parts.append(f"{plural(self.accepted_with, 'linked suggestion')} accepted with "
                         "the accepted annotations that use them")
        if self.problems:
            parts.append(plural(len(self.problems), "problem"))
        return ", ".join(parts)


def _how_written(change: Change) -> tuple[str, str]:
    """(kind, 'delete' | 'status' | 'upsert'): a change of the status alone (a decision)
    is written as that one column."""
    before, after = change.before, change.after
    if after is None:
        return change.kind, "delete"
    if before is not None and only_status_differs(before, after):
        return change.kind, "status"
    return change.kind, "upsert"


class Project(SharingRows, SearchRows):
    """An open project file. Use `Project.open(path)`; close it (or use `with`) when done.

    Callers outside the store reach the file only through these methods (and those of the
    mixins: sharing, searching), and group writes with `transaction()`.
    """

    def __init__(self, path: Path, db: Database, annotator: str) -> None:
        self.path = path
        self.db = db
        self.annotator = annotator
        self.readonly = False
        self._lock: WriteLock | None = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (a savepoint inside another); any failure rolls it back and
        becomes a one-line ProjectError. Refused on a project open read-only."""
        if self.readonly:
            raise ProjectError("is open read-only; nothing can be saved to it", self.path)
        with writing(self.path), self.db.atomic():
            yield

    # --- opening --------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, annotator: str | None = None, *,
             create: bool = False, readonly: bool = False) -> Project:
        """Open a project; with `create`, make a new one where no file exists yet.

        For writing, the file is locked against other processes (ProjectLockedError names
        the holder); with `readonly`, nothing is locked and every write raises ProjectError.
        """
        from ruth_annotator.config import default_annotator

        path = Path(path)
        db, lock = open_database(path, create=create, readonly=readonly)
        project = cls(path, db, annotator or default_annotator())
        project.readonly = readonly
        project._lock = lock
        return project

    @classmethod
    def open_reader(cls, path: Path, annotator: str) -> Project:
        """A second, read-only connection to a project already open (and checked) in this
        process, for work in another thread: SQLite connections are not shared."""
        project = cls(path, readonly_database(path), annotator)
        project.readonly = True
        return project

    def close(self) -> None:
        self.db.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- label set ------------------------------------------------------------------

    def labels(self) -> list[Label]:
        return [
            Label(r["name"], r["color"], r["key"] or "", r["description"] or "")
            for r in self.db["labels"].rows_where(order_by="position")
        ]

    def set_labels(self, labels: list[Label], renamed: dict[str, str] | None = None) -> None:
        """Replace the label set; `renamed` ({old: new}) relabels existing annotations in
        the same transaction, so a rename never leaves mentions on a vanished label."""
        validate_label_set(labels)
        with self.transaction():
            for old, new in (renamed or {}).items():
                for table in ("entities", "mentions"):
                    self.db.execute(f"update {table} set label = ? where label = ?", [new, old])
            self.db["labels"].delete_where()
            self.db["labels"].insert_all(
                {"name": lab.name, "color": lab.color, "key": lab.key,
                 "description": lab.description, "position": i}
                for i, lab in enumerate(labels)
            )

    def label_usage(self) -> dict[str, int]:
        """How many entities and mentions (any annotator, any status) use each label."""
        return dict(self.db.execute(
            "select label, count(*) from (select label from entities"
            " union all select label from mentions) group by label"
        ).fetchall())

    # --- documents ------------------------------------------------------------------

    def add_documents(self, docs: Iterable[NewDocument], task: Task = NO_TASK,
                      total: int = 0) -> ImportResult:
        """Add documents in one transaction, skipping texts already in the project.

        Cancelling rolls the whole import back, so a project never holds half an import.
        """
        return self.import_records((ParsedRecord(d, None, None) for d in docs), task, total)

    def import_records(self, records: Iterable[ParsedRecord], task: Task = NO_TASK,
                       total: int = 0, result: ImportResult | None = None) -> ImportResult:
        """Add documents with their annotation layers in one transaction (see importing)."""
        from ruth_annotator.store.writing import text_only

        with self.transaction():
            return import_records(self, text_only(records), task, total, result)

    def document_count(self) -> int:
        return self.db.execute("select count(*) from documents").fetchone()[0]

    def documents(self, annotator: str | None = None, *, from_id: int = 0,
                  limit: int = -1) -> list[DocumentSummary]:
        """Every document's title, length and status, without loading any text; or one
        page of them (`limit` documents from id `from_id` on, in id order), so a list of
        100,000 documents reads only the rows it shows."""
        annotator = annotator or self.annotator
        sql = """
            select d.id, d.uid, d.title, d.length, coalesce(l.status, 'todo'),
              (select count(*) from mentions m where m.document_id = d.id
                 and m.annotator = :a and m.status = 'accepted')
              + (select count(*) from quotes q where q.document_id = d.id
                 and q.annotator = :a and q.status = 'accepted'),
              (select count(*) from mentions m where m.document_id = d.id
                 and m.annotator = :a and m.status = 'proposed'),
              (select count(*) from quotes q where q.document_id = d.id
                 and q.annotator = :a and q.status = 'proposed')
            from documents d
            left join layers l on l.document_id = d.id and l.annotator = :a
            where d.id >= :from_id
            order by d.id
            limit :limit
        """
        # proposed = mentions + quotes, summed here so SQLite counts each table once
        return [DocumentSummary(*row, proposed_mentions + proposed_quotes, proposed_quotes)
                for *row, proposed_mentions, proposed_quotes in self.db.execute(
                    sql, {"a": annotator, "from_id": from_id, "limit": limit})]

    def done_count(self, annotator: str | None = None) -> int:
        """How many documents the annotator has marked done."""
        return self.db.execute(
            "select count(*) from layers where annotator = ? and status = 'done'",
            [annotator or self.annotator]).fetchone()[0]

    def document(self, document_id: int) -> Document:
        r = self.db.conn.execute(
            "select id, uid, title, text, hash, meta from documents where id = ?",
            [document_id]).fetchone()
        if r is None:
            raise ProjectError(f"has no document {document_id}", self.path)
        return self._document_of(r)

    def _document_of(self, row: tuple) -> Document:
        try:
            meta = json.loads(row[5] or "{}")
        except ValueError as e:
            raise self._damaged(DamagedRow("documents", row[0], e)) from None
        return Document(*row[:5], meta)

    def _damaged(self, error: DamagedRow) -> ProjectError:
        """One line for a row the app cannot read: which, why, and what to do about it."""
        return ProjectError(f"{error}; run 'ruth-annotator check' on it, or restore a "
                            "backup (File ▸ Restore from backup…, 'ruth-annotator restore')",
                            self.path)

    def document_ids(self) -> list[int]:
        return [r[0] for r in self.db.execute("select id from documents order by id")]

    def document_uids(self) -> list[tuple[int, str]]:
        """(id, uid) of every document, in id order."""
        return self.db.execute("select id, uid from documents order by id").fetchall()

    def find_by_hash(self, digest: str) -> int | None:
        row = self.db.execute("select id from documents where hash = ?", [digest]).fetchone()
        return row[0] if row else None

    def find_by_uid(self, uid: str) -> int | None:
        row = self.db.execute("select id from documents where uid = ?", [uid]).fetchone()
        return row[0] if row else None

    # --- layers ---------------------------------------------------------------------

    def annotators(self) -> list[str]:
        sql = """select annotator from layers union select annotator from mentions
                 union select annotator from quotes union select annotator from entities"""
        return sorted({r[0] for r in self.db.execute(sql)})

    def layer(self, document_id: int, annotator: str | None = None) -> Layer:
        annotator = annotator or self.annotator
        items: list[Annotation] = []
        try:
            for table in TABLES.values():
                items.extend(select_items(self.db.conn, table,
                                          "document_id = ? and annotator = ?",
                                          [document_id, annotator]))
        except DamagedRow as e:
            raise self._damaged(e) from None
        row = self.db.execute(
            "select status from layers where document_id = ? and annotator = ?",
            [document_id, annotator],
        ).fetchone()
        return Layer.of(document_id, annotator, items, row[0] if row else "todo")

    def apply(self, changes: ChangeSet, document_id: int, annotator: str | None = None) -> None:
        """Write one user action in one transaction; the layer becomes 'in progress'."""
        annotator = annotator or self.annotator
        with self.transaction():
            self._write(changes, document_id, annotator)
            self._touch_layer(document_id, annotator, start=True)

    def _write(self, changes: ChangeSet, document_id: int, annotator: str) -> None:
        """Write the changes in order, each run of one kind and one operation as one
        statement (accepting 50,000 suggestions is one statement a table, not 50,000)."""
        conn = self.db.conn
        for (kind, how), run in itertools.groupby(changes.changes, key=_how_written):
            table = TABLES[kind]
            if how == "delete":
                conn.executemany(f'delete from "{table}" where id = ?', [[c.id] for c in run])
            elif how == "status":  # one statement a status: 3× faster than row by row
                by_status: dict[str, list[str]] = {}
                for c in run:
                    by_status.setdefault(c.after.status, []).append(c.id)
                for status, ids in by_status.items():
                    conn.execute(f'update "{table}" set status = ? where id in '
                                 "(select value from json_each(?))", [status, json.dumps(ids)])
            else:
                upsert_items(conn, document_id, annotator, [c.after for c in run])

    def _touch_layer(self, document_id: int, annotator: str, start: bool = False,
                     status: str | None = None) -> None:
        if status is None:
            row = self.db.execute(
                "select status from layers where document_id = ? and annotator = ?",
                [document_id, annotator],
            ).fetchone()
            status = row[0] if row else "todo"
            if start:
                status = status_after_edit(status)
        upsert_rows(self.db.conn, "layers",
                    [{"document_id": document_id, "annotator": annotator, "status": status,
                      "updated_at": now()}],
                    key=("document_id", "annotator"))

    def set_status(self, document_id: int, status: str, annotator: str | None = None) -> None:
        if status not in DOC_STATUSES:
            raise ValueError(f"unknown document status {status!r}")
        with self.transaction():
            self._touch_layer(document_id, annotator or self.annotator, status=status)

    def add_layer_items(self, document_id: int, annotator: str, items: list[Annotation],
                        status: str | None = None, new: bool = False) -> None:
        """Bulk-write annotations (imports, suggestions); call inside a transaction. `new`:
        all items are new (see `upsert_items`)."""
        upsert_items(self.db.conn, document_id, annotator, items, new)
        self._touch_layer(document_id, annotator, status=status)

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for table in TABLES.values():
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                found.update(
                    r[0] for r in self.db.execute(
                        f"select id from {table} where id in ({marks})", chunk)
                )
        return found

    # --- reading out ----------------------------------------------------------------

    def layer_keys(self, annotators: list[str] | None = None,
                   documents: list[int] | None = None) -> list[tuple[int, str]]:
        """(document, annotator) pairs that have a layer; documents without any layer get
        one for the project's annotator so that every document is exported."""
        pairs = {
            (r[0], r[1])
            for table in ("layers", "mentions", "quotes", "entities")
            for r in self.db.execute(f"select distinct document_id, annotator from {table}")
        }
        out = self._keys_with_default(pairs, self.document_ids(), annotators)
        if documents is not None:
            wanted = set(documents)
            out = [p for p in out if p[0] in wanted]
        return out

    def _keys_with_default(self, pairs: set[tuple[int, str]], ids: Iterable[int],
                           annotators: list[str] | None) -> list[tuple[int, str]]:
        """The pairs, plus the project's annotator for each of `ids` no pair covers,
        sorted, of `annotators` only when given."""
        covered = {d for d, _ in pairs}
        pairs = pairs | {(d, self.annotator) for d in ids if d not in covered}
        return sorted(p for p in pairs if not annotators or p[1] in annotators)

    def iter_records(self, include_suggestions: bool = False,
                     annotators: list[str] | None = None,
                     documents: list[int] | None = None,
                     task: Task = NO_TASK) -> Iterator[dict]:
        """Stream lossless JSONL records, one per document and annotator layer.

        Without suggestions only accepted annotations are written; with them, proposed ones
        too. Rejected suggestions are never exported.
        """
        total = self.document_count() if documents is None else len(set(documents))
        done = 0
        for ids in self._document_batches(documents):
            batch = self._layer_keys_of(ids, annotators)
            docs, layers = self._read_batch(ids)
            for doc_id, annotator in batch:
                layer = layers.get((doc_id, annotator)) or Layer(doc_id, annotator)
                if doc_id not in docs:
                    raise ProjectError(f"has no document {doc_id}", self.path)
                yield layer_to_record(docs[doc_id], dataset_view(layer, include_suggestions))
            done += len(ids)
            task.check()
            task.report(done, total)
        task.report(total, total)

    def _document_batches(self, documents: list[int] | None) -> Iterator[list[int]]:
        """Document ids in id order, EXPORT_BATCH at a time, read page by page (memory
        stays that of one batch however many documents there are)."""
        if documents is not None:
            wanted = sorted(set(documents))
            for start in range(0, len(wanted), EXPORT_BATCH):
                yield wanted[start : start + EXPORT_BATCH]
            return
        last = -1
        while True:
            ids = [r[0] for r in self.db.conn.execute(
                "select id from documents where id > ? order by id limit ?",
                [last, EXPORT_BATCH])]
            if not ids:
                return
            yield ids
            last = ids[-1]

    def _layer_keys_of(self, ids: list[int], annotators: list[str] | None
                       ) -> list[tuple[int, str]]:
        """layer_keys for these documents only (the same rules, in a few queries)."""
        marks = ",".join("?" * len(ids))
        pairs = {
            (r[0], r[1])
            for table in ("layers", "mentions", "quotes", "entities")
            for r in self.db.conn.execute(
                f"select distinct document_id, annotator from {table} "
                f"where document_id in ({marks})", ids)
        }
        return self._keys_with_default(pairs, ids, annotators)

    def _read_batch(self, document_ids: list[int]
                    ) -> tuple[dict[int, Document], dict[tuple[int, str], Layer]]:
        """Documents and all their layers in five queries, whatever their number."""
        conn, marks = self.db.conn, ",".join("?" * len(document_ids))
        docs = {r[0]: self._document_of(r) for r in conn.execute(
            f"select id, uid, title, text, hash, meta from documents where id in ({marks})",
            document_ids)}
        items: dict[tuple[int, str], list[Annotation]] = {}
        try:
            for table in TABLES.values():
                for key, found in select_layers_items(conn, table, document_ids).items():
                    items.setdefault(key, []).extend(found)
        except DamagedRow as e:
            raise self._damaged(e) from None
        statuses = {(r[0], r[1]): r[2] for r in conn.execute(
            f"select document_id, annotator, status from layers "
            f"where document_id in ({marks})", document_ids)}
        layers = {key: Layer.of(key[0], key[1], items.get(key, ()), statuses.get(key, "todo"))
                  for key in items.keys() | statuses.keys()}
        return docs, layers

    def _with_texts(self, rows: Iterable[tuple], column: int) -> Iterator[tuple[str, tuple]]:
        """(text of its document, row) for rows ordered by the document id in `column`.

        Each text is read once, then sliced: letting SQLite cut every mention out of its
        document (`substr`) rereads the whole text each time, so a 2 MB document with 85,700
        mentions took 95 s instead of a fraction of one."""
        current, text = None, None
        for row in rows:
            if row[column] != current:
                current = row[column]
                found = self.db.execute("select text from documents where id = ?",
                                        [current]).fetchone()
                text = found[0] if found else None
            if text is not None:
                yield text, row

    def decided_mention_surfaces(self, annotator: str) -> Iterator[tuple]:
        """(order of saving, surface, label, status, form) of the annotator's decided
        mentions, document by document."""
        rows = self.db.execute(
            """select rowid, document_id, start, "end", label, status, form from mentions
               where annotator = ? and status in ('accepted', 'rejected')
               order by document_id""", [annotator])
        for text, (order, _doc, start, end, label, status, form) in self._with_texts(rows, 1):
            yield order, text[start:end], label, status, form

    def undecided(self, annotators: list[str] | None = None) -> dict[str, dict[int, dict]]:
        """Suggestions nobody has decided on: {annotator: {document id: {kind: count}}}."""
        out: dict[str, dict[int, dict]] = {}
        for kind, table in TABLES.items():
            for annotator, doc_id, n in self.db.execute(
                f"select annotator, document_id, count(*) from {table} "
                "where status = 'proposed' group by 1, 2"
            ):
                if annotators is None or annotator in annotators:
                    out.setdefault(annotator, {}).setdefault(doc_id, {})[kind] = n
        return out

    def accepted_attributions(self, annotator: str) -> Iterator[tuple[str, str]]:
        """(cue text, speaker mention text) of the annotator's accepted quotes, "" where a
        quote has none: what the suggestion engine learns cue words and descriptors from."""
        rows = self.db.execute(
            """select q.document_id, q.cue_start, q.cue_end, m.start, m."end"
               from quotes q left join mentions m on m.id = q.speaker_mention
               where q.annotator = ? and q.status = 'accepted'
               order by q.document_id""", [annotator])
        for text, (_doc, cue_start, cue_end, start, end) in self._with_texts(rows, 0):
            yield (text[cue_start:cue_end] if cue_start is not None else "",
                   text[start:end] if start is not None else "")

    def stats(self) -> dict:
        """Counts for `ruth-annotator stats`: documents, annotations by kind and status,
        and per annotator."""
        out: dict = {"documents": self.document_count(), "annotations": {},
                     "annotators": {}, "status": {}}
        for kind, table in TABLES.items():
            for annotator, status, n in self.db.execute(
                f"select annotator, status, count(*) from {table} group by 1, 2"
            ):
                by_status = out["annotations"].setdefault(kind, {})
                by_status[status] = by_status.get(status, 0) + n
                per = out["annotators"].setdefault(annotator, {"done": 0})
                per[kind] = per.get(kind, 0) + (n if status == ACCEPTED else 0)
        for annotator, status, n in self.db.execute(
            "select annotator, status, count(*) from layers group by 1, 2"
        ):
            out["status"].setdefault(annotator, {})[status] = n
            if status == "done":
                out["annotators"].setdefault(annotator, {"done": 0})["done"] = n
        uids = dict(self.document_uids())
        out["undecided"] = {
            annotator: {uids.get(doc, str(doc)): kinds for doc, kinds in sorted(layers.items())}
            for annotator, layers in self.undecided().items()
        }
        return out
