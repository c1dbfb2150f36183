"""C with nothing selected and the cursor in the quote offers the speech verbs nearby (the
suggestion engine's cue words) in the chooser: Tab cycles them, each flashing in the text,
Enter takes one, Esc leaves the quote as it was."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt

from gui.helpers import drag_select, find
from ruth_annotator.gui.words import cues_near
from ruth_annotator.model.annotations import Span
from ruth_annotator.store import Project

QUOTE = "There are no scripted words written, it's terrifying"


def flashed(view) -> list[str]:
    return [s.cursor.selectedText() for s in view.extraSelections() if s.cursor.hasSelection()
            and s.format.background().color().name() == view.theme.flash.lower()]


def make_quote(qtbot, window):
    drag_select(qtbot, window.view, find(window.session.text, QUOTE))
    qtbot.keyClick(window.view, Qt.Key.Key_Q)
    quote = window.session.current_quote()
    assert window.session.text[quote.start:quote.end] == QUOTE
    assert window.view.selected_span() is None  # the cursor sits at the quote's end
    return quote


def test_c_offers_the_nearby_verbs_and_enter_takes_one(qtbot, window):
    text, picker, view = window.session.text, window.picker, window.view
    quote = make_quote(qtbot, window)
    said = find(text, "said", 1, quote.end)  # '…terrifying," she said.'
    shared = find(text, "shared")  # 'The star also shared that …', the paragraph before

    qtbot.keyClick(view, Qt.Key.Key_C)
    assert picker.isVisible() and picker.title.text() == "Cue:"
    assert picker.current.span == said  # nearest first
    assert picker.current.text.startswith("said") and "she said" in picker.current.text
    assert flashed(view) == ["said"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_Tab)
    assert picker.current.span == shared and flashed(view) == ["shared"]
    qtbot.keyClick(picker.edit, Qt.Key.Key_Backtab)
    assert picker.current.span == said and flashed(view) == ["said"]
    tall = view.viewport().height()
    window.resize(1300, 420)  # a short window: some verbs are out of sight
    qtbot.waitUntil(lambda: view.viewport().height() < tall / 2)
    cursor, scrolled = view.cursor_position(), set()
    for _ in range(picker.list.count()):  # round once: every verb comes into sight
        qtbot.keyClick(picker.edit, Qt.Key.Key_Tab)
        port = QRectF(view.viewport().rect())
        assert any(port.contains(r) for r in view.span_rects(picker.current.span))
        assert view.cursor_position() == cursor  # not moved, only shown
        scrolled.add(view.verticalScrollBar().value())
    assert picker.current.span == said and len(scrolled) > 1
    qtbot.keyClick(picker.edit, Qt.Key.Key_Return)

    assert not picker.isVisible()
    assert window.session.layer.quotes[quote.id].cue == said
    with Project.open(window.session.project.path) as fresh:
        assert fresh.layer(1).quotes[quote.id].cue == said
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.layer.quotes[quote.id].cue is None  # one undo step


def test_typing_filters_the_verbs_and_esc_changes_nothing(qtbot, window):
    text, picker, view = window.session.text, window.picker, window.view
    quote = make_quote(qtbot, window)
    qtbot.keyClick(view, Qt.Key.Key_C)
    assert picker.isVisible()
    qtbot.keyClicks(picker.edit, "shar")
    assert picker.list.count() == 1 and picker.current.span == find(text, "shared")
    qtbot.keyClick(picker.edit, Qt.Key.Key_Escape)
    assert not picker.isVisible()
    assert window.session.layer.quotes[quote.id].cue is None
    assert window.session.undo_stack.count() == 1  # only the quote was made


def test_a_selection_or_a_word_outside_the_quote_is_still_taken_at_once(qtbot, window):
    text, view = window.session.text, window.view
    quote = make_quote(qtbot, window)
    said = find(text, "said", 1, quote.end)
    view.place_cursor(said.start + 2)  # in "said", outside the quote
    qtbot.keyClick(view, Qt.Key.Key_C)
    assert not window.picker.isVisible()
    assert window.session.layer.quotes[quote.id].cue == said


def test_cues_near_leaves_out_the_words_of_the_quote_itself(sample_text):
    text = sample_text
    start = find(text, "He said, ‘What about Mia?’ and I said").start
    outer = Span(start, find(text, "it worked out,").end)
    assert text[outer.start:outer.end].count("said") == 2
    found = cues_near(text, [outer], 200)
    assert found and all(not s.overlaps(outer) for s in found)
    assert found[0] == find(text, "said", 1, outer.end)  # '…worked out," she said.'
