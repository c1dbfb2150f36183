"""The Entities panel while reviewing: a filter box, only what the user opened stays open,
its scroll holds still on A and X, and each mention shows the words round it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ruth_annotator.gui.sorted_tree import ROOT


@pytest.fixture
def win(qtbot, suggested_window):
    win = suggested_window
    win.resize(1300, 500)  # a short panel: its list scrolls
    qtbot.wait(10)
    return win


def shown_entities(panel) -> list[str]:
    model = panel.model
    return [model.layer.entities[model.node_at(r)].name for r in range(model.rowCount())
            if model.parent_of(model.node_at(r)) == ROOT and not panel.tree.isRowHidden(r)]


def test_filter_box(qtbot, win):
    panel = win.entities_panel
    everyone = shown_entities(panel)
    qtbot.keyClicks(panel.filter, "thre")
    assert shown_entities(panel) == [n for n in everyone if "thre" in n.lower()]
    assert shown_entities(panel) and len(shown_entities(panel)) < len(everyone)
    panel.filter.clear()
    assert shown_entities(panel) == everyone


def test_only_what_the_user_opened_stays_open_and_the_list_holds_still(qtbot, win):
    panel, model, layer = win.entities_panel, win.entities_panel.model, win.session.layer
    by_entity = {}
    for m in sorted(layer.mentions.values(), key=lambda m: m.start):
        by_entity.setdefault(m.entity, m)
    first, second = list(by_entity.values())[:2]
    win.reveal(first.id)
    assert model.is_open(first.entity)
    win.reveal(second.id)  # another entity's mention: the first closes again
    assert model.is_open(second.entity) and not model.is_open(first.entity)
    assert "…" in model.index_of(second.id).data()  # a mention row shows its context
    panel.tree.verticalScrollBar().setValue(panel.tree.verticalScrollBar().maximum())
    scroll = panel.tree.verticalScrollBar().value()
    assert scroll > 0
    for _ in range(3):
        qtbot.keyClick(win.view, Qt.Key.Key_A)
        assert panel.tree.verticalScrollBar().value() == scroll
