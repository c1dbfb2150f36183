"""Small things an annotator trips over: quotation marks left inside a quote by Alt+arrows,
a mention crossing others silently, a rejected quote's speaker still outlined, "(s)"."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.helpers import drag_select, find
from ruth_annotator.gui import describe
from ruth_annotator.model.annotations import REJECTED, Span

ALT = Qt.KeyboardModifier.AltModifier


def test_alt_arrows_keep_quotation_marks_outside_the_quote(qtbot, window):
    text = window.session.text
    words = find(text, "There are no scripted words written, it's terrifying,")
    drag_select(qtbot, window.view, words)
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    quote = window.session.current_quote()
    qtbot.keyClick(window.view, Qt.Key.Key_Right, ALT)  # over the closing mark to "she"
    grown = window.session.layer.quotes[quote.id]
    assert text[grown.start:grown.end].endswith('terrifying," she')
    qtbot.keyClick(window.view, Qt.Key.Key_Left, ALT)
    back = window.session.layer.quotes[quote.id]
    assert text[back.start:back.end] == text[words.start:words.end]  # no '"' left inside
    assert describe.line(window.session.layer, text, back).count("1 segment ·") == 1


def test_a_mention_crossing_others_says_so(qtbot, window):
    text = window.session.text
    for name in ("Kate Winslet", "Mia Threapleton"):
        drag_select(qtbot, window.view, find(text, name))
        qtbot.keyClick(window.view, Qt.Key.Key_1)
    kate, mia = find(text, "Kate Winslet"), find(text, "Mia Threapleton")
    drag_select(qtbot, window.view, Span(kate.start + 5, mia.start + 3))
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    message = window.statusBar().currentMessage()
    assert "crosses “Kate Winslet” and “Mia Threapleton”" in message


def test_a_rejected_quote_leaves_no_outline(qtbot, suggested_window):
    win = suggested_window
    quotes = list(win.session.layer.quotes.values())
    for _ in quotes:
        qtbot.keyClick(win.view, Qt.Key.Key_X)
    assert all(q.status == REJECTED for q in win.session.layer.quotes.values())
    speakers = {win.session.layer.mentions[q.speaker_mention].span for q in quotes
                if q.speaker_mention in win.session.layer.mentions}
    current = win.session.layer.get(win.session.current_id)
    assert current.kind == "mention"  # on to the mentions
    assert not (set(win.view._outlines) - {current.span}) & speakers
