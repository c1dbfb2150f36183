"""The sample article's first quote, annotated with real key presses and mouse drags, then
read back from the SQLite file through a fresh connection."""

from __future__ import annotations

from PySide6.QtCore import Qt

from gui.helpers import drag_select, find
from ruth_annotator.store import Project

QUOTE = ("He said, ‘What about Mia?’ and I said, ‘You have to audition her and that has to be "
         "separate to me’, and it worked out,")


def ctrl_click_rows(qtbot, tree, indexes) -> None:
    for i, index in enumerate(indexes):
        rect = tree.visualRect(index)
        modifier = Qt.KeyboardModifier.ControlModifier if i else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_first_quote_by_keyboard_and_mouse(qtbot, window, project):
    view, session = window.view, window.session
    text = session.text
    layer = session.layer

    # 1. "Kate Winslet" → PERSON mention (key 1)
    drag_select(qtbot, view, find(text, "Kate Winslet"))
    assert view.selected_span() == find(text, "Kate Winslet")
    qtbot.keyClick(view, Qt.Key.Key_1)
    kate = next(m for m in layer.mentions.values() if text[m.start:m.end] == "Kate Winslet")
    assert layer.entities[kate.entity].name == "Kate Winslet"

    # 2. the pronoun "she" after the quote → PERSON mention (its own entity at first)
    out = find(text, "it worked out,")
    she_span = find(text, "she", 1, out.end)
    drag_select(qtbot, view, she_span)
    qtbot.keyClick(view, Qt.Key.Key_1)
    she = next(m for m in layer.mentions.values() if m.start == she_span.start)
    assert she.form == "pronoun" and she.entity != kate.entity

    # 3. merge the two entities in the Entities panel (ctrl-click both rows, press M)
    tree = window.entities_panel.tree
    model = window.entities_panel.model
    rows = [model.find(kate.entity), model.find(she.entity)]
    ctrl_click_rows(qtbot, tree, rows)
    assert set(window.entities_panel.selected_entities()) == {kate.entity, she.entity}
    qtbot.keyClick(tree, Qt.Key.Key_M)
    assert layer.mentions[she.id].entity == kate.entity
    assert she.entity not in layer.entities

    # 4. the quote: drag over its content, press Q
    content = find(text, "He said")
    drag_select(qtbot, view, type(content)(content.start, out.end))
    assert text[view.selected_span().start:view.selected_span().end] == QUOTE
    qtbot.keyClick(view, Qt.Key.Key_Q)
    quote = session.current_quote()
    assert quote is not None and quote.type == "direct"
    assert text[quote.start:quote.end] == QUOTE

    # 5. S opens the speaker chooser; the nearest person mention ("she") comes first
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert window.picker.isVisible()
    assert window.picker.current.mention == she.id
    qtbot.keyClick(window.picker.edit, Qt.Key.Key_Return)
    assert not window.picker.isVisible()
    quote = layer.quotes[quote.id]
    assert (quote.speaker, quote.speaker_mention) == (kate.entity, she.id)

    # 6. the cue: select "said" after "she", press C
    said = find(text, "said", 1, she_span.end)
    drag_select(qtbot, view, said)
    qtbot.keyClick(view, Qt.Key.Key_C)
    assert layer.quotes[quote.id].cue == said

    # 7. undo twice (cue, speaker), redo twice
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer.quotes[quote.id].cue is None
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer.quotes[quote.id].speaker is None
    with Project.open(project.path) as fresh:
        stored = fresh.layer(1).quotes[quote.id]
        assert stored.speaker is None and stored.cue is None  # undo reached the file too
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(view, Qt.Key.Key_Z, redo)
    qtbot.keyClick(view, Qt.Key.Key_Z, redo)
    assert layer.quotes[quote.id].cue == said
    assert window.session.saved

    # 8. read everything back from the file with a fresh connection
    with Project.open(project.path) as fresh:
        stored = fresh.layer(1)
        q = stored.quotes[quote.id]
        assert text[q.start:q.end] == QUOTE
        assert q.type == "direct" and q.parent is None
        assert stored.entities[q.speaker].name == "Kate Winslet"
        assert text[stored.mentions[q.speaker_mention].start:
                    stored.mentions[q.speaker_mention].end] == "she"
        assert q.cue == said and text[q.cue.start:q.cue.end] == "said"
        assert {text[m.start:m.end] for m in stored.mentions_of(q.speaker)} == {
            "Kate Winslet", "she"}
        assert stored.status == "in_progress"
