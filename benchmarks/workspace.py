"""Sizes of one run and the data it shares between figures, kept in a temporary folder.

Generating the 2 MB article or the 100,000-document project once per run (not per figure)
keeps the whole suite within its five-minute budget.
"""

from __future__ import annotations

import functools
import shutil
import sqlite3
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import data
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store import Project

ANNOTATOR = "bench"


@dataclass(frozen=True)
class Scale:
    name: str
    documents: tuple[tuple[int, int], ...]  # (text size in code points, spans)
    project_docs: int  # the large project: documents
    project_annotated: int  # ... of which this many carry a layer of `export_spans` spans
    import_docs: int  # documents per timed import
    export_docs: int  # annotated documents in the export project
    export_spans: int  # spans per exported document
    actions: int  # annotation actions timed per document size
    repeat: int  # runs of the cheaper figures (medians)
    heavy_repeat: int  # runs of the figures that take seconds


FULL = Scale("full", ((5_000, 100), (200_000, 10_000), (2_000_000, 100_000)),
             project_docs=100_000, project_annotated=2_000, import_docs=20_000,
             export_docs=1_000, export_spans=100, actions=200, repeat=5, heavy_repeat=3)
TOY = Scale("toy", ((5_000, 100), (20_000, 1_000)), project_docs=300, project_annotated=20,
            import_docs=100, export_docs=20, export_spans=20, actions=10, repeat=2,
            heavy_repeat=2)


def same_settings(path: Path) -> sqlite3.Connection:
    """A bare sqlite3 connection with the pragmas the project uses (the raw limits' side)."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def bare_insert(conn: sqlite3.Connection, mention_id: str, document_id: int, span) -> float:
    """Seconds one bare INSERT of a mention row takes (autocommit: its own transaction)."""
    start = time.perf_counter()
    conn.execute('insert into mentions (id, document_id, annotator, status, source, start, '
                 '"end", label, entity, form) values (?, ?, \'raw\', \'accepted\', '
                 "'human', ?, ?, 'MISC', null, 'name')",
                 (mention_id, document_id, span.start, span.end))
    return time.perf_counter() - start


BARE_INSERT = "bare INSERT (autocommit) on the same file and pragmas"


class Workspace:
    """The run's folder and generated data; `close()` removes everything."""

    def __init__(self, scale: Scale) -> None:
        self.scale = scale
        self.root = Path(tempfile.mkdtemp(prefix="ruth-bench-"))
        self._count = 0

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    def path(self, name: str) -> Path:
        """A new, not yet existing file path."""
        self._count += 1
        return self.root / f"{self._count:03d}-{name}"

    def empty_project(self, name: str) -> Path:
        """A new project file with the schema and nothing in it."""
        path = self.path(name)
        Project.open(path, ANNOTATOR, create=True).close()
        return path

    @functools.cache  # noqa: B019 - one workspace per run; the cache dies with it
    def annotated(self, size: int, spans: int) -> tuple[str, list]:
        return data.annotated(size, spans, seed=size % 997)

    @functools.cache  # noqa: B019
    def corpus(self, count: int) -> list[NewDocument]:
        return list(data.corpus(count))

    def annotated_project(self, name: str, size: int, spans: int) -> Path:
        """A project with one document of `size` code points carrying `spans` spans."""
        text, items = self.annotated(size, spans)
        path = self.path(name)
        with Project.open(path, ANNOTATOR, create=True) as project:
            project.import_records([ParsedRecord(NewDocument(text, name), ANNOTATOR,
                                                 "in_progress", items)])
        return path

    def window_project(self) -> tuple[Path, dict]:
        """The window's project: a one-line note with one mention (opened at start, so no
        suggestions run), then one annotated document per size. Returns the path and
        {("note", 0) or (size, spans): document id}."""
        path, ids = self._window_project()
        return path, dict(ids)

    @functools.cache  # noqa: B019
    def _window_project(self) -> tuple[Path, dict]:
        from ruth_annotator.model.annotations import Mention

        path = self.path("window.ruth")
        note = "A short note from Kate Winslet.\n"
        records = [ParsedRecord(NewDocument(note, "Note"), ANNOTATOR, "in_progress",
                                [Mention("m-note00000001", 18, 30, "PERSON")])]
        for size, spans in self.scale.documents:
            text, items = self.annotated(size, spans)
            records.append(ParsedRecord(NewDocument(text, f"{size} / {spans}"), ANNOTATOR,
                                        "in_progress", items))
        with Project.open(path, ANNOTATOR, create=True) as project:
            added = project.import_records(records).added
        keys = [("note", 0), *self.scale.documents]
        return path, dict(zip(keys, added, strict=True))

    @functools.cache  # noqa: B019
    def export_project(self) -> Path:
        """Documents of about 2 KB, each with `export_spans` mentions and quotes."""
        scale = self.scale
        path = self.path("export.ruth")

        def records():
            for n in range(scale.export_docs):
                text, items = data.annotated(scale.export_spans * 20, scale.export_spans,
                                             seed=n + 1)
                yield ParsedRecord(NewDocument(text, f"Article {n + 1}", f"art-{n + 1}"),
                                   ANNOTATOR, "done", items)

        with Project.open(path, ANNOTATOR, create=True) as project:
            project.import_records(records())
        return path

    @functools.cache  # noqa: B019
    def large_project(self) -> Path:
        """The many-document project; some documents carry an annotated layer."""
        scale = self.scale
        path = self.path("large.ruth")
        docs = self.corpus(scale.project_docs)
        every = max(1, scale.project_docs // max(1, scale.project_annotated))

        def records():
            for n, doc in enumerate(docs):
                if n % every == 0 and n // every < scale.project_annotated:
                    text, items = data.annotated(scale.export_spans * 20, scale.export_spans,
                                                 seed=n + 1)
                    doc = NewDocument(text, doc.title, doc.uid, doc.meta)
                    yield ParsedRecord(doc, ANNOTATOR, "in_progress", items)
                else:
                    yield ParsedRecord(doc, None, None)

        with Project.open(path, ANNOTATOR, create=True) as project:
            project.import_records(records())
        return path
