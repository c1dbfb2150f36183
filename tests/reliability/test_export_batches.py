"""Export reads documents and their layers in batches: a handful of queries per batch,
never a few per document (it made about five a document: 100,000 for 20,000 documents),
and what it writes is what reading each layer on its own gives."""

from __future__ import annotations

import tracemalloc

from reliability.helpers import annotate
from ruth_annotator.model import NewDocument
from ruth_annotator.model.records import layer_to_record
from ruth_annotator.store import Project
from ruth_annotator.store.project import EXPORT_BATCH


def many_documents(path, count: int) -> Project:
    project = Project.open(path, "ann", create=True)
    project.add_documents(NewDocument(f"Article {i}: Kate Winslet said “we won” on {i}.",
                                      uid=f"d{i}") for i in range(count))
    for doc in (1, 2, count // 2, count):
        annotate(project, 3, document_id=doc)
    return project


def statements_while(project: Project, action) -> int:
    seen: list[str] = []
    project.db.conn.set_trace_callback(seen.append)
    try:
        action()
    finally:
        project.db.conn.set_trace_callback(None)
    return len(seen)


def test_export_makes_a_few_queries_a_batch_not_a_few_a_document(tmp_path):
    count = 2 * EXPORT_BATCH + 50  # three batches
    with many_documents(tmp_path / "p.ruth", count) as project:
        records: list[dict] = []
        queries = statements_while(project, lambda: records.extend(
            project.iter_records(include_suggestions=True)))
        assert len(records) == count
        assert queries <= 11 * 3 + 2, queries  # about ten a batch
        expected = [layer_to_record(project.document(d), project.layer(d, a).visible())
                    for d, a in project.layer_keys()]
        assert records == expected
        assert sum(len(r["mentions"]) for r in records) == 12


def test_export_memory_does_not_grow_with_the_project(tmp_path):
    """The peak while streaming 4,000 documents is that of 400: one batch at a time."""
    peaks = []
    for count in (2 * EXPORT_BATCH, 20 * EXPORT_BATCH):
        with many_documents(tmp_path / f"p{count}.ruth", count) as project:
            tracemalloc.start()
            for _ in project.iter_records():
                pass
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
    assert peaks[1] < 1.5 * peaks[0], peaks
