"""The flat tree behind the panels: after any mix of rows placed, moved, dropped, opened and
closed, its shown rows are those of its tree (depth first, in key order, under open rows
only), every node's row is found where it is, and Qt's model checker sees nothing wrong."""

from __future__ import annotations

import random
from contextlib import suppress

from PySide6.QtCore import Qt

from ruth_annotator.gui.sorted_tree import ROOT, SortedTreeModel


class Tree(SortedTreeModel):
    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return self.node(index) if role == Qt.ItemDataRole.DisplayRole else None


def expected_rows(model: Tree, parent: str = ROOT) -> list[str]:
    rows = []
    for node in model.kids(parent):
        rows.append(node)
        if model.is_open(node):
            rows += expected_rows(model, node)
    return rows


def test_random_changes_keep_rows_in_tree_order(qtmodeltester):
    rng = random.Random(5)
    model = Tree()
    qtmodeltester.check(model)  # keeps checking every signal the model sends from now on
    names = [f"n{i}" for i in range(40)]
    for step in range(1500):
        node = rng.choice(names)
        roll = rng.random()
        if roll < 0.55:
            parents = [ROOT, *(n for n in names if model.contains(n))]
            with suppress(ValueError):  # under itself: refused, and nothing changed
                model._place(node, rng.choice(parents), (rng.randrange(30), node))
        elif roll < 0.7:
            model._drop(node)
        else:
            model.set_open(node, rng.random() < 0.6)
        shown = [model.node_at(r) for r in range(model.rowCount())]
        assert shown == expected_rows(model), step
        for row, name in enumerate(shown):
            assert model.index_of(name).row() == row, (step, name)
        assert {n for n in names if model.contains(n) and not model.is_shown(n)}.isdisjoint(
            shown)
