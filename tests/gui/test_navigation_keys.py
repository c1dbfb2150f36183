"""Suggestions (A, X, Shift+A, Shift+N), moving between annotations (N, P) and documents
(Ctrl+Enter, Ctrl+PgDn/PgUp), and both searches — all by key presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.helpers import KeyAnswers, find, show_window
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import PROPOSED, SUGGESTED, Span
from ruth_annotator.model.document import NewDocument
from ruth_annotator.store import Project

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def suggested_project(project, sample_text):
    """The sample with three proposed mentions and one proposed quote, plus two documents."""
    layer = project.layer(1)
    for name, nth in (("Kate Winslet", 1), ("Mia Threapleton", 1), ("Dominic Savage", 1)):
        changes = edits.add_mention(layer, sample_text, find(sample_text, name, nth), "PERSON",
                                    source=SUGGESTED, status=PROPOSED)
        layer.apply(changes)
        project.apply(changes, 1)
    changes = edits.add_quote(layer, [find(sample_text, "There are no scripted words written")],
                              source=SUGGESTED, status=PROPOSED)
    layer.apply(changes)
    project.apply(changes, 1)
    project.add_documents([NewDocument("Second article. Ana said hello.", "Second"),
                           NewDocument("Third article about Bo.", "Third")])
    return project


@pytest.fixture
def win(qtbot, suggested_project, no_suggestions):
    return show_window(qtbot, suggested_project)


def statuses(window) -> dict[str, str]:
    text = window.session.text
    with Project.open(window.session.project.path) as fresh:
        layer = fresh.layer(1)
        out = {text[m.start:m.end]: m.status for m in layer.mentions.values()}
        (quote,) = layer.quotes.values()
        out["quote"] = quote.status
        return out


def test_accept_reject_and_accept_all(qtbot, win):
    view = win.view
    # opening makes the first undecided quote current, and counts what is left
    quote = win.session.layer.get(win.session.current_id)
    assert quote.kind == "quote" and quote.status == PROPOSED
    assert win.status_progress.text() == "quotes 0 of 1 decided · mentions 0 of 3"
    qtbot.keyClick(view, Qt.Key.Key_X)  # reject the quote: on to the mentions
    assert statuses(win)["quote"] == "rejected"
    first = win.session.layer.get(win.session.current_id)
    assert first.status == PROPOSED and win.session.text[first.start:first.end] == "Kate Winslet"
    qtbot.keyClick(view, Qt.Key.Key_A)  # accept, then on to the next suggestion
    second = win.session.layer.get(win.session.current_id)
    assert win.session.text[second.start:second.end] == "Mia Threapleton"
    qtbot.keyClick(view, Qt.Key.Key_X)  # reject
    assert statuses(win)["Kate Winslet"] == "accepted"
    assert statuses(win)["Mia Threapleton"] == "rejected"
    assert not win.view.highlighter.index.marks_of_id(second.id)  # rejected: not drawn
    assert win.session.layer.entities[first.entity].status == "accepted"
    assert win.status_progress.text() == "quotes 1 of 1 decided · mentions 2 of 3"
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)
    assert statuses(win)["quote"] == "proposed"
    qtbot.keyClick(view, Qt.Key.Key_End, CTRL)  # the suggestions are out of sight now
    with KeyAnswers(Qt.Key.Key_Escape) as answers:
        qtbot.keyClick(view, Qt.Key.Key_A, SHIFT)  # so it asks, with the count
    assert answers.seen[0].startswith("Accept all 1 undecided quotes and 3 undecided "
                                      "mentions of this document? 3 of them are out of sight")
    assert statuses(win)["quote"] == "proposed"  # Escape: nothing happened
    qtbot.keyClick(view, Qt.Key.Key_Home, CTRL)  # all in sight: no question
    qtbot.keyClick(view, Qt.Key.Key_A, SHIFT)
    assert statuses(win) == {"Kate Winslet": "accepted", "Mia Threapleton": "accepted",
                             "Dominic Savage": "accepted", "quote": "accepted"}
    assert win.status_progress.text() == "quotes 1 of 1 decided · mentions 3 of 3"
    qtbot.keyClick(view, Qt.Key.Key_N, SHIFT)
    assert "decided" in win.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_Z, CTRL)  # accept-all is one undo step
    assert statuses(win)["Dominic Savage"] == "proposed" and statuses(win)["quote"] == "proposed"


def test_quote_keys_and_undecided_order(qtbot, win, sample_text):
    """J / K step through quotes; Shift+N visits undecided quotes first, then mentions
    one entity at a time."""
    view = win.view
    layer = win.session.layer
    (quote,) = layer.quotes.values()
    human = edits.add_quote(layer, [find(sample_text, "blown away")])
    win.session.apply(human)
    made = next(q for q in human.added_items() if q.kind == "quote")
    view.place_cursor(0)
    win.session.set_current(None)
    win.session.current_quote_id = None
    qtbot.keyClick(view, Qt.Key.Key_J)
    first = min((quote, made), key=lambda q: q.start)
    assert win.session.current_id == first.id
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert win.session.current_id == max((quote, made), key=lambda q: q.start).id
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert "No more quotes" in win.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert win.session.current_id == first.id
    qtbot.keyClick(view, Qt.Key.Key_N, SHIFT)
    assert win.session.current_id == quote.id  # the undecided quote, wherever it is


def test_next_and_previous_annotation(qtbot, win):
    view = win.view
    layer = win.session.layer
    order = sorted((*layer.mentions.values(), *layer.quotes.values()),
                   key=lambda a: (a.start, -a.end))
    win.view.place_cursor(0)
    win.session.set_current(None)
    seen = []
    for _ in order:
        qtbot.keyClick(view, Qt.Key.Key_N)
        seen.append(win.session.current_id)
    assert seen == [a.id for a in order]
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert "No more" in win.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert win.session.current_id == order[-2].id
    # the view scrolled to it: the cursor sits at the annotation's start
    assert view.cursor_position() == order[-2].start


def test_done_and_next_document_and_paging(qtbot, win, request):
    view = win.view
    title = "Kate Winslet 'blown away' by daughter as they co-starred in drama I Am Ruth"

    def stored() -> dict[str, str]:
        with Project.open(win.session.project.path) as fresh:
            return {d.title: d.status for d in fresh.documents()}

    assert win.session.document.id == 1
    answers = KeyAnswers(Qt.Key.Key_Escape, Qt.Key.Key_L, Qt.Key.Key_A)
    request.addfinalizer(answers.stop)
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)  # undecided suggestions: it asks
    answers.settle()
    assert "1 quotes and 3 mentions in this document are still undecided" in answers.seen[0]
    assert win.session.document.id == 1 and stored()[title] != "done"  # Escape: cancelled
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)  # Alt+L: leave them undecided
    answers.settle()
    assert win.session.document.title == "Second"
    assert stored()[title] == "in_progress"
    assert win.documents_panel.progress.text() == "0 of 3 done"
    assert "Second" in win.windowTitle() and "test.ruth" in win.windowTitle()
    qtbot.keyClick(view, Qt.Key.Key_PageDown, CTRL)
    assert win.session.document.title == "Third"
    qtbot.keyClick(view, Qt.Key.Key_PageUp, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_PageUp, CTRL)
    assert win.session.document.id == 1
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)  # Alt+A: accept the rest, mark done
    answers.stop()
    answers.settle()
    assert len(answers.seen) == 3
    assert win.session.document.title == "Second"
    assert stored()[title] == "done"
    with Project.open(win.session.project.path) as fresh:
        assert not [a for a in fresh.layer(1) if a.status == PROPOSED]
    assert win.documents_panel.progress.text() == "1 of 3 done"
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)  # nothing undecided: no question
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)
    assert win.documents_panel.progress.text() == "3 of 3 done"
    assert "Every document is done" in win.statusBar().currentMessage()


def test_find_in_document(qtbot, win):
    text = win.session.text
    win.view.place_cursor(0)  # opening went to the undecided quote; search from the top
    qtbot.keyClick(win.view, Qt.Key.Key_F, CTRL)
    assert win.find_bar.isVisible()
    qtbot.keyClicks(win.find_bar.edit, "winslet")
    count = text.lower().count("winslet")
    assert win.find_bar.count.text() == f"1 of {count}"
    first = win.view.selected_span()
    assert text[first.start:first.end] == "Winslet"
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Return)
    assert win.find_bar.count.text() == f"2 of {count}"
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Return, SHIFT)
    assert win.view.selected_span() == first
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Escape)
    assert not win.find_bar.isVisible()


@pytest.mark.parametrize("query, document, words", [
    ("hello", "Second", "hello"),
    ("label:PERSON", "Kate Winslet 'blown away' by daughter as they co-starred in drama I Am "
     "Ruth", "Kate Winslet"),
])
def test_find_in_project(qtbot, win, query, document, words):
    qtbot.keyClick(win.view, Qt.Key.Key_F, CTRL | SHIFT)
    assert win.docks["search"].isVisible()
    qtbot.keyClicks(win.search_panel.edit, query)
    qtbot.keyClick(win.search_panel.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.search_panel.model.rowCount() > 0)
    hit = win.search_panel.hits[0]
    assert hit.title == document
    index = win.search_panel.model.index(0, 0)
    win.search_panel.results.activated.emit(index)
    assert win.session.document.title == document
    span = win.view.selected_span()
    assert win.session.text[span.start:span.end] == words


def test_find_quotes_by_speaker(qtbot, win):
    layer = win.session.layer
    quote = next(iter(layer.quotes.values()))
    mention = next(m for m in layer.mentions.values()
                   if win.session.text[m.start:m.end] == "Kate Winslet")
    win.session.apply(edits.set_speaker(layer, quote.id, mention_id=mention.id))
    qtbot.keyClick(win.view, Qt.Key.Key_F, CTRL | SHIFT)
    qtbot.keyClicks(win.search_panel.edit, "speaker:winslet")
    qtbot.keyClick(win.search_panel.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.search_panel.model.rowCount() > 0)
    assert [(h.start, h.end) for h in win.search_panel.hits] == [(quote.start, quote.end)]
    assert Span(quote.start, quote.end) == quote.span
