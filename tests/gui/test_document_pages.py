"""The document list reads summaries a page at a time as rows are shown, holds a bounded
number of pages, and still answers every question the window asks (row of a document,
neighbours, next unfinished, how many are done) as the whole list would."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from ruth_annotator.gui import documents_panel
from ruth_annotator.gui.documents_panel import PAGE, DocumentsPanel
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import Span
from ruth_annotator.model.document import NewDocument
from ruth_annotator.store import Project

COUNT = 2 * PAGE + 230  # three pages, the last one short


@pytest.fixture
def many(tmp_path):
    project = Project.open(tmp_path / "many.ruth", "tester", create=True)
    project.add_documents(NewDocument(f"Article number {n}.", f"Article {n}")
                          for n in range(COUNT))
    ids = project.document_ids()
    for doc_id in ids[7::50]:
        project.set_status(doc_id, "done")
    yield project, ids
    project.close()


def test_the_store_pages_documents_like_the_whole_list(many):
    project, ids = many
    whole = project.documents()
    assert project.documents(from_id=ids[PAGE], limit=PAGE) == whole[PAGE:2 * PAGE]
    assert project.documents(from_id=ids[-3], limit=PAGE) == whole[-3:]
    assert project.done_count() == sum(d.status == "done" for d in whole) == len(ids[7::50])


def test_rows_are_read_a_page_at_a_time_and_answer_like_the_whole_list(qtbot, many):
    project, ids = many
    whole = project.documents()
    panel = DocumentsPanel(lambda: project)
    qtbot.addWidget(panel)
    model = panel.model
    panel.reload()
    assert model.rowCount() == COUNT and not model._pages  # ids only, so far
    for row in (0, PAGE - 1, PAGE, COUNT - 1):
        index = model.index(row)
        assert model.data(index) == whole[row].title
        assert model.data(index, Qt.ItemDataRole.UserRole) == ids[row]
        assert str(whole[row].length) in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.row_of(ids[PAGE + 3]) == PAGE + 3 and model.row_of(10 ** 9) is None
    assert model.neighbour(ids[PAGE - 1], 1) == ids[PAGE]
    assert model.neighbour(None, 1) == ids[0] and model.neighbour(ids[-1], 1) is None
    undone = [d.id for d in whole if d.status != "done"]
    assert model.next_unfinished(ids[6]) == ids[8]  # ids[7] is done
    assert model.next_unfinished(ids[-1]) == undone[0]  # wraps round
    done = len(ids[7::50])
    assert panel.progress.text() == f"{done} of {COUNT} done"
    project.set_status(ids[-1], "done")  # saved first, as the window does
    model.update(ids[-1], status="done")
    assert panel.progress.text() == f"{done + 1} of {COUNT} done"
    assert model.summary(COUNT - 1).status == "done"


@pytest.mark.parametrize("shown_before", [True, False])
def test_counts_follow_an_action_whether_or_not_its_row_was_read(qtbot, many, shown_before):
    project, ids = many
    panel = DocumentsPanel(lambda: project)
    qtbot.addWidget(panel)
    model = panel.model
    panel.reload()
    row = PAGE + 1  # a page of its own
    if shown_before:
        model.data(model.index(row))
    layer = project.layer(ids[row])
    text = project.document(ids[row]).text
    for status in ("accepted", "proposed"):
        changes = edits.add_mention(layer, text, Span(0, 7), "MISC", status=status)
        layer.apply(changes)
        project.apply(changes, ids[row])  # saved first, as the window does
        model.count_changes(ids[row], changes)
    model.update(ids[row], status="in_progress")  # the first action starts the document
    assert model.summary(row) == project.documents(from_id=ids[row], limit=1)[0]
    assert (model.summary(row).annotations, model.summary(row).proposed) == (1, 1)


def test_only_a_bounded_number_of_pages_is_held(qtbot, many, monkeypatch):
    project, ids = many
    monkeypatch.setattr(documents_panel, "KEPT_PAGES", 2)
    panel = DocumentsPanel(lambda: project)
    qtbot.addWidget(panel)
    model = panel.model
    panel.reload()
    titles = [model.data(model.index(row)) for row in (0, PAGE, 2 * PAGE, 1)]
    assert len(model._pages) == 2
    assert titles == ["Article 0", f"Article {PAGE}", f"Article {2 * PAGE}", "Article 1"]


def test_a_document_removed_meanwhile_keeps_its_row(qtbot, many):
    project, ids = many
    panel = DocumentsPanel(lambda: project)
    qtbot.addWidget(panel)
    panel.reload()
    with sqlite3.connect(project.path) as other:  # another program, behind the list's back
        other.execute("delete from documents where id = ?", [ids[3]])
    model = panel.model
    assert model.data(model.index(3)) == "(removed)"
    assert model.data(model.index(4)) == "Article 4"
