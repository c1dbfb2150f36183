"""Keys act where the eyes are: the current annotation follows the text cursor (clicks,
arrows, Find); one-letter keys work only in the article; panels take typed names; Escape
returns to the article; the focused pane is marked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.helpers import click_at, find
from ruth_annotator.model.annotations import ACCEPTED, PROPOSED, REJECTED

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def win(suggested_window):
    return suggested_window  # the gui conftest's window with the engine's suggestions


def quote_with(window, words: str):
    text = window.session.text
    at = find(text, words).start
    return next(q for q in window.session.layer.quotes.values() if q.start <= at < q.end
                and not any(c.start <= at < c.end for c in window.session.layer.quotes.values()
                            if c is not q and q.start <= c.start and c.end <= q.end))


def test_find_and_clicks_move_the_current_quote(qtbot, win):
    first = win.session.current_quote()
    far = quote_with(win, "terrifying")
    assert first.id != far.id and far.start - first.end > 1000
    qtbot.keyClick(win.view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(win.find_bar.edit, "terrifying")
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Escape)
    assert win.session.current_quote().id == far.id  # where Find landed
    qtbot.keyClick(win.view, Qt.Key.Key_X)
    assert win.session.layer.quotes[far.id].status == REJECTED
    assert win.session.layer.quotes[first.id].status == PROPOSED  # not the one off screen
    health = quote_with(win, "This idea of mental health")
    click_at(qtbot, win.view, find(win.session.text, "mental health").start)
    assert win.session.current_quote().id == health.id
    qtbot.keyClick(win.view, Qt.Key.Key_A)
    assert win.session.layer.quotes[health.id].status == ACCEPTED
    click_at(qtbot, win.view, find(win.session.text, "Kate Winslet has said").start)
    assert win.session.current_quote().id == first.id  # "said" is next to the first quote
    qtbot.keyClick(win.view, Qt.Key.Key_End, CTRL)  # the arrow keys move it too
    last = win.session.current_quote()
    assert last.end >= len(win.session.text) - 200
    click_at(qtbot, win.view, find(win.session.text, "The film follows").start)
    assert not win.selection._in_sight(last)
    assert win.session.current_quote() is None  # not beside any quote, the last off screen
    qtbot.keyClick(win.view, Qt.Key.Key_S)
    assert not win.picker.isVisible()
    assert "No current quote" in win.statusBar().currentMessage()


def test_letters_in_a_panel_jump_to_a_name_and_never_decide(qtbot, win):
    layer = win.session.layer
    before = {a.id: a.status for a in layer}
    tree = win.entities_panel.tree
    tree.setFocus()
    qtbot.keyClicks(tree, "dom")
    assert {a.id: a.status for a in layer} == before  # "a", "x", letters: nothing decided
    assert tree.currentIndex().data().startswith("Dominic")
    qtbot.keyClick(tree, Qt.Key.Key_X)
    qtbot.keyClick(tree, Qt.Key.Key_A)
    assert {a.id: a.status for a in layer} == before
    dock = win.docks["entities"]
    assert win.theme.highlight in dock.styleSheet()  # the focused pane is marked
    qtbot.keyClick(tree, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is win.view
    assert win.theme.highlight in win.view.styleSheet() and not dock.styleSheet()
    qtbot.keyClick(win.view, Qt.Key.Key_A)  # in the article, A decides again
    assert {a.id: a.status for a in layer} != before
