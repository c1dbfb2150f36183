"""The Entities and Quotes panels follow each action row by row (they are not rebuilt); after
every step of a varied session, and after undoing and redoing all of it, they must show
exactly what panels built afresh from the layer show."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from gui.helpers import find
from ruth_annotator.gui.entities_panel import EntityTreeModel, relabel
from ruth_annotator.gui.quotes_panel import ROLE_META, ROLE_SPEAKER, QuoteTreeModel
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import PROPOSED, SUGGESTED, Mention, Quote, Span

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole)


def shown(value):
    return ("italic", value.italic()) if isinstance(value, QFont) else value


def rows(model, columns: int, roles=ROLES) -> list[tuple]:
    """Every shown row: id, depth, open or not, and what each column shows."""
    out = []
    for r in range(model.rowCount()):
        node = model.node_at(r)
        cells = tuple(shown(model.data(model.index(r, c), role))
                      for c in range(columns) for role in roles)
        out.append((node, model.depth(node), model.is_open(node), cells))
    return out


def fresh_like(model, window):
    """A panel model built from the whole layer, with the same rows opened or closed."""
    s = window.session
    if isinstance(model, EntityTreeModel):
        fresh = EntityTreeModel()
        fresh.rebuild(s.layer, s.text, window.colors())
    else:
        fresh = QuoteTreeModel()
        fresh.rebuild(s.layer, s.text)
    for node in list(fresh._parent):
        fresh.set_open(node, model.is_open(node))
    return fresh


def assert_panels_fresh(window) -> None:
    entities = window.entities_panel.model
    fresh = fresh_like(entities, window)
    assert rows(entities, 3) == rows(fresh, 3)
    quotes = window.quotes_panel.model
    quote_roles = (*ROLES, ROLE_SPEAKER, ROLE_META)
    assert rows(quotes, 1, quote_roles) == rows(fresh_like(quotes, window), 1, quote_roles)
    doc = window.documents_panel.model.summary(0)
    shown = [a for a in (*window.session.layer.mentions.values(),
                         *window.session.layer.quotes.values())]
    assert doc.annotations == sum(a.status == "accepted" for a in shown)
    assert doc.proposed == sum(a.status == "proposed" for a in shown)


def test_panels_follow_actions_undo_and_redo_like_a_fresh_build(qtbot, window):
    s = window.session
    text = s.text
    steps = 0

    def act(changes, select=None):
        nonlocal steps
        assert changes
        s.apply(changes, select=select)
        steps += 1
        assert_panels_fresh(window)

    def mention(needle, label="PERSON", nth=1, **kw):
        changes = edits.add_mention(s.layer, text, find(text, needle, nth), label, **kw)
        act(changes)
        return next(i for i in changes.added_items() if isinstance(i, Mention))

    def quote(span, **kw):
        changes = edits.add_quote(s.layer, [span], "direct", **kw)
        act(changes)
        return next(i for i in changes.added_items() if isinstance(i, Quote))

    kate = mention("Kate Winslet", nth=2)
    mention("ITV", "ORG")
    mention("Kate Winslet")  # earlier in the text: the entity moves up
    entities = window.entities_panel.model
    assert entities.node_at(0) == kate.entity
    window.entities_panel.tree.expand(entities.find(kate.entity))
    assert entities.rowCount() == 4  # two entities, Kate's two mentions
    mention("Winslet", nth=3)  # joins Kate, whose rows are open
    she = mention("she", nth=2)
    savage = mention("Dominic Savage")
    proposed = mention("Mia", source=SUGGESTED, status=PROPOSED)
    content = find(text, "He said")
    outer = quote(Span(content.start, find(text, "it worked out,").end))
    inner = quote(find(text, "What about Mia?"))
    assert s.layer.quotes[inner.id].parent == outer.id
    later = quote(find(text, "There are no scripted words written"), status=PROPOSED,
                  source=SUGGESTED)
    held = quote(find(text, "no scripted words"))
    assert s.layer.quotes[held.id].parent == later.id
    act(edits.set_speaker(s.layer, outer.id, mention_id=she.id))
    act(edits.set_speaker(s.layer, inner.id, mention_id=savage.id))
    act(edits.set_cue(s.layer, outer.id, find(text, "said", 1, outer.end)))
    act(edits.merge_entities(s.layer, [kate.entity, she.entity]))
    act(edits.update(s.layer, kate.entity, "Rename", name="Kate (actor)"))
    act(relabel(s.layer, [savage.entity], "ORG"))
    act(edits.decide(s.layer, [proposed.id], True))
    act(edits.decide(s.layer, [later.id], False))  # what it holds stays, at the top
    assert window.quotes_panel.model.depth(held.id) == 0
    act(edits.split_entity(s.layer, [she.id], "the mother"))
    resized = replace(s.layer.quotes[inner.id].spans[0], start=content.start)
    act(edits.update(s.layer, inner.id, "Resize", spans=(resized,)))  # now before outer
    act(edits.delete_annotations(s.layer, [outer.id]))  # what it held moves up
    assert window.quotes_panel.model.depth(inner.id) == 0
    act(edits.delete_annotations(s.layer, [savage.id]))
    window.quotes_panel.tree.collapse(window.quotes_panel.model.index_of(inner.id))
    act(edits.delete_annotations(s.layer, [kate.entity]))
    assert_panels_fresh(window)
    for _ in range(steps):
        s.undo_stack.undo()
        assert_panels_fresh(window)
    assert not len(s.layer)
    for _ in range(steps):
        s.undo_stack.redo()
        assert_panels_fresh(window)
    entities = window.entities_panel.model
    fresh = fresh_like(entities, window)
    assert [(e, entities.kids(e)) for e in entities.kids()] == [
        (e, fresh.kids(e)) for e in fresh.kids()]


def test_a_mention_of_a_closed_entity_opens_it_when_chosen(qtbot, window):
    s = window.session
    text = s.text
    for nth in (1, 2, 3):
        s.apply(edits.add_mention(s.layer, text, find(text, "Kate Winslet", nth), "PERSON"))
    last = max(s.layer.mentions.values(), key=lambda m: m.start)
    model = window.entities_panel.model
    assert not model.is_open(last.entity)
    assert model.child_count(last.entity) == 3
    s.set_current(last.id)
    assert model.is_open(last.entity)
    assert window.entities_panel.selected_ids() == [last.id]
    tree = window.entities_panel.tree
    tree.setCurrentIndex(model.find(last.entity))
    qtbot.keyClick(tree, Qt.Key.Key_Left)  # closes it
    assert not model.is_open(last.entity) and model.rowCount() == 1
    qtbot.keyClick(tree, Qt.Key.Key_Right)  # opens it
    assert model.rowCount() == 4
