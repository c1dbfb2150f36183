"""The speaker chooser pops up at the quote without moving the article, guesses right,
and offers places, dates and works only when typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ruth_annotator.app.speaker_choice import can_speak

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def win(suggested_window):
    return suggested_window  # the gui conftest's window with the engine's suggestions


def test_s_pops_up_at_the_quote_and_ranks_the_cue_subject_first(qtbot, win):
    view, picker, layer = win.view, win.picker, win.session.layer
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(win.find_bar.edit, "terrifying")
    qtbot.keyClick(win.find_bar.edit, Qt.Key.Key_Escape)
    quote = win.session.current_quote()
    scroll, port = view.verticalScrollBar().value(), view.viewport().geometry()
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert picker.isVisible()
    assert view.verticalScrollBar().value() == scroll  # the article did not move
    assert view.viewport().geometry() == port
    last = view.span_rects(quote.spans[-1])[-1].toAlignedRect()
    last.moveTopLeft(view.viewport().mapTo(view, last.topLeft()))
    top = picker.geometry().top()
    assert 0 <= top - last.bottom() <= 12 or 0 <= last.top() - picker.geometry().bottom() <= 12
    text = win.session.text
    assert picker.current.text.startswith("she ") and "she said" in picker.current.text
    assert picker.current.mention == layer.mentions[picker.current.mention].id
    shown = [picker.list.item(i).text() for i in range(picker.list.count())]
    places = [e for e in layer.entities.values() if not can_speak(e)]
    assert places and not any(e.name in shown for e in places)  # entity rows: just names
    qtbot.keyClicks(picker.edit, places[0].name[:4])  # typed: now it is offered
    shown = [picker.list.item(i).text() for i in range(picker.list.count())]
    assert places[0].name in shown
    qtbot.keyClick(picker.edit, Qt.Key.Key_Escape)
    assert not picker.isVisible() and view.hasFocus()
    assert text == win.session.text
