"""The annotation keys, pressed for real: mentions, quotes, nesting, segments, speakers,
span edges, delete, and the panels' merge, split, rename and type change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from gui.helpers import click_at, drag_select, find
from ruth_annotator.model.annotations import Span
from ruth_annotator.store import Project

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def make_mention(qtbot, window, span: Span, key=Qt.Key.Key_1):
    drag_select(qtbot, window.view, span)
    qtbot.keyClick(window.view, key)
    return window.session.layer.get(window.session.current_id)


def make_quote(qtbot, window, span: Span, modifier=Qt.KeyboardModifier.NoModifier):
    drag_select(qtbot, window.view, span)
    qtbot.keyClick(window.view, Qt.Key.Key_Q, modifier)
    return window.session.current_quote()


def stored_layer(window):
    with Project.open(window.session.project.path) as fresh:
        return fresh.layer(window.session.document.id)


def test_nested_quote_gets_its_parent_and_types_follow_the_keys(qtbot, window):
    text = window.session.text
    outer_span = Span(find(text, "He said").start, find(text, "worked out,").end)
    outer = make_quote(qtbot, window, outer_span)
    inner = make_quote(qtbot, window, find(text, "What about Mia?"))
    assert inner.parent == outer.id
    # selecting the quotation marks too: they are trimmed off the content
    marks = find(text, "‘You have to audition her and that has to be separate to me’")
    indirect = make_quote(qtbot, window, marks, SHIFT)
    assert text[indirect.start:indirect.end].startswith("You have") and indirect.type == "indirect"
    mixed = make_quote(qtbot, window, find(text, "blown away"), ALT)
    assert mixed.type == "mixed" and mixed.parent is None
    saved = stored_layer(window)
    assert saved.quotes[inner.id].parent == outer.id
    assert saved.quotes[indirect.id].parent == outer.id
    # the Quotes panel nests them too
    panel = window.quotes_panel
    assert panel.model.parent_of(inner.id) == outer.id
    assert panel.model.depth(inner.id) == 1  # drawn indented under it
    assert panel.model.index_of(inner.id).row() > panel.model.index_of(outer.id).row()


def test_segment_speaker_by_typing_and_addressee(qtbot, window):
    text = window.session.text
    covid = find(text, "Covid has not really helped young people.")
    quote = make_quote(qtbot, window, covid)
    angry = find(text, "They feel angry about it")
    drag_select(qtbot, window.view, angry)
    qtbot.keyClick(window.view, Qt.Key.Key_G)
    quote = window.session.layer.quotes[quote.id]
    assert quote.spans == (covid, angry)
    make_mention(qtbot, window, find(text, "Dominic Savage"))
    make_mention(qtbot, window, find(text, "Lorraine Kelly"))
    window.reveal(quote.id)
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    qtbot.keyClicks(window.picker.edit, "sava")
    assert window.picker.current.text == "Dominic Savage"
    qtbot.keyClick(window.picker.edit, Qt.Key.Key_Return)
    qtbot.keyClick(window.view, Qt.Key.Key_S, SHIFT)
    qtbot.keyClicks(window.picker.edit, "Lorr")
    qtbot.keyClick(window.picker.edit, Qt.Key.Key_Return)
    saved = stored_layer(window).quotes[quote.id]
    names = {e.id: e.name for e in stored_layer(window).entities.values()}
    assert saved.spans == (covid, angry)
    assert names[saved.speaker] == "Dominic Savage" and saved.speaker_mention is None
    assert names[saved.addressee] == "Lorraine Kelly"


def test_speaker_by_tab_and_by_clicking_a_mention(qtbot, window):
    text = window.session.text
    told = find(text, "Winslet, 47, told host Lorraine Kelly")
    winslet = make_mention(qtbot, window, Span(told.start, told.start + 7))
    kelly = make_mention(qtbot, window, find(text, "Lorraine Kelly"))
    quote = make_quote(qtbot, window, find(text, "It was really amazing working alongside her"))
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    first = window.picker.current
    qtbot.keyClick(window.picker.edit, Qt.Key.Key_Tab)
    second = window.picker.current
    assert {first.mention, second.mention} == {winslet.id, kelly.id}  # nearest first
    assert first.mention == kelly.id  # "Lorraine Kelly" sits right before the quote
    qtbot.keyClick(window.picker.edit, Qt.Key.Key_Escape)
    assert not window.picker.isVisible()
    assert window.session.layer.quotes[quote.id].speaker is None
    qtbot.keyClick(window.view, Qt.Key.Key_S)
    click_at(qtbot, window.view, winslet.start + 2)
    assert not window.picker.isVisible()
    assert window.session.layer.quotes[quote.id].speaker_mention == winslet.id


def test_span_edges_move_by_a_word(qtbot, window):
    text = window.session.text
    kate = find(text, "Kate Winslet has said")
    mention = make_mention(qtbot, window, Span(kate.start, kate.start + 4))
    qtbot.keyClick(window.view, Qt.Key.Key_Right, ALT)
    layer = window.session.layer
    assert text[layer.mentions[mention.id].start:layer.mentions[mention.id].end] == \
        "Kate Winslet"
    qtbot.keyClick(window.view, Qt.Key.Key_Right, ALT)
    assert text[layer.mentions[mention.id].start:layer.mentions[mention.id].end] == \
        "Kate Winslet has"
    qtbot.keyClick(window.view, Qt.Key.Key_Left, ALT)
    qtbot.keyClick(window.view, Qt.Key.Key_Right, ALT | SHIFT)
    assert text[layer.mentions[mention.id].start:layer.mentions[mention.id].end] == "Winslet"
    qtbot.keyClick(window.view, Qt.Key.Key_Left, ALT | SHIFT)
    m = stored_layer(window).mentions[mention.id]
    assert text[m.start:m.end] == "Kate Winslet"
    quote = make_quote(qtbot, window, find(text, "There are no scripted words"))
    qtbot.keyClick(window.view, Qt.Key.Key_Right, ALT)
    q = window.session.layer.quotes[quote.id]
    assert text[q.start:q.end] == "There are no scripted words written"


def test_delete_and_relabel_by_keys(qtbot, window):
    text = window.session.text
    mention = make_mention(qtbot, window, find(text, "Channel 4"), Qt.Key.Key_2)
    assert mention.label == "ORG"
    drag_select(qtbot, window.view, find(text, "Channel 4"))
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # same span, other key: relabel
    assert window.session.layer.mentions[mention.id].label == "GPE"
    window.reveal(mention.id)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert mention.id not in window.session.layer.mentions
    assert mention.id not in stored_layer(window).mentions
    assert not stored_layer(window).entities  # its entity went with it


def test_entities_panel_split_rename_and_type(qtbot, window):
    text = window.session.text
    first = make_mention(qtbot, window, find(text, "Kate Winslet"))
    second = make_mention(qtbot, window, find(text, "Kate Winslet", 2))
    assert first.entity == second.entity  # the same name joins the same entity
    panel = window.entities_panel
    tree = panel.tree
    tree.expandAll()
    row = panel.model.find(second.id)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(row).center())
    assert window.session.current_id == second.id  # a panel row selects the span
    assert window.view.extraSelections()  # … and flashes it
    qtbot.keyClick(tree, Qt.Key.Key_M, SHIFT)
    layer = window.session.layer
    assert layer.mentions[second.id].entity != first.entity
    # rename the new entity in place (F2, type, Enter)
    new_entity = layer.mentions[second.id].entity
    index = panel.model.find(new_entity)
    tree.setFocus()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Kate (caption)")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next loop turn
    qtbot.waitUntil(lambda: layer.entities[new_entity].name == "Kate (caption)")
    # change its type through the panel's type menu
    tree.selectionModel().select(panel.model.find(new_entity),
                                 tree.selectionModel().SelectionFlag.ClearAndSelect
                                 | tree.selectionModel().SelectionFlag.Rows)
    next(a for a in panel.type_menu.actions() if a.text() == "MISC").trigger()
    assert layer.entities[new_entity].label == "MISC"
    assert layer.mentions[second.id].label == "MISC"
    saved = stored_layer(window)
    assert saved.entities[new_entity].name == "Kate (caption)"
    assert saved.mentions[second.id].label == "MISC"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert layer.mentions[second.id].label == "PERSON"  # one undo step for the whole type


def test_clicking_a_span_selects_its_panel_rows_and_hover_describes_it(qtbot, window):
    text = window.session.text
    quote = make_quote(qtbot, window, find(text, "There are no scripted words written"))
    mention = make_mention(qtbot, window, find(text, "Dominic Savage"))
    click_at(qtbot, window.view, mention.start + 3)
    assert window.session.current_id == mention.id
    assert window.entities_panel.selected_ids() == [mention.id]
    click_at(qtbot, window.view, quote.start + 5)
    assert window.session.current_id == quote.id
    assert window.quotes_panel.current_id() == quote.id
    card = window.view.describe(mention.start + 1)
    assert "PERSON" in card and "Dominic Savage" in card and "tester" in card
    assert "Direct quote" in window.view.describe(quote.start + 1)


def test_quoting_the_same_words_again_makes_no_copy(qtbot, window):
    """Q twice on one selection: one quote (a second copy is what `check` reports as a
    problem); Shift+Q on it then makes it indirect instead of adding another."""
    span = find(window.session.text, "What about Mia?")
    first = make_quote(qtbot, window, span)
    again = make_quote(qtbot, window, span)
    layer = window.session.layer
    assert again.id == first.id
    assert [q.id for q in layer.quotes.values() if q.spans == first.spans] == [first.id]
    assert "exists already" in window.statusBar().currentMessage()
    make_quote(qtbot, window, span, SHIFT)
    assert [q.type for q in layer.quotes.values() if q.spans == first.spans] == ["indirect"]
    assert stored_layer(window).quotes[first.id].type == "indirect"
