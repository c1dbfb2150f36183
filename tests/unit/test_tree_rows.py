"""The flat tree's bookkeeping without Qt: after random placements, removals and openings,
the shown rows are those a fresh walk of the tree gives, and the hooks a view model hears
describe every row change in order."""

from __future__ import annotations

from contextlib import suppress

from hypothesis import given, settings
from hypothesis import strategies as st

from ruth_annotator.gui.tree_rows import ROOT, TreeRows


class Recorded(TreeRows):
    """TreeRows that replays its hooks onto a list, as a view would see the rows."""

    def __init__(self) -> None:
        self._init_rows()
        self.seen: list[str] = []
        self._pending: tuple[str, int, int] | None = None

    def _inserting(self, first: int, last: int) -> None:
        self._pending = ("insert", first, last)

    def _inserted(self) -> None:
        _, first, last = self._pending
        self.seen[first:first] = self._flat[first:last + 1]

    def _removing(self, first: int, last: int) -> None:
        del self.seen[first:last + 1]

    def _reset_done(self) -> None:
        self.seen = list(self._flat)


nodes = st.sampled_from([f"n{i}" for i in range(12)])
actions = st.lists(st.tuples(st.sampled_from(["place", "drop", "open", "close"]), nodes,
                             nodes, st.integers(0, 20)), max_size=60)


@settings(max_examples=150, deadline=None)
@given(actions)
def test_rows_follow_every_change_and_match_a_fresh_walk(steps):
    tree = Recorded()
    tree._reset({ROOT: []})
    for action, node, parent, key in steps:
        if action == "place":
            home = ROOT if parent == node or not tree.contains(parent) else parent
            # under itself or its own rows: refused, nothing changed
            with suppress(ValueError):
                tree._place(node, home, (key, node))
        elif action == "drop":
            tree._drop(node)
        else:
            tree.set_open(node, action == "open")
        assert tree._flat == tree._shown_below(ROOT)
        assert tree.seen == tree._flat
        for row, shown in enumerate(tree._flat):
            assert tree._row(shown) == row


def test_a_closed_parent_hides_its_rows_and_opening_shows_them_in_key_order():
    tree = Recorded()
    tree._resetting()  # a view model resets around it
    tree._reset({ROOT: [((1,), "a"), ((2,), "b")], "a": [((3,), "a1"), ((5,), "a2")]})
    tree._reset_done()
    assert tree.seen == ["a", "b"]
    tree.set_open("a", True)
    assert tree.seen == ["a", "a1", "a2", "b"]
    tree.set_open("a", False)
    assert tree.seen == ["a", "b"] and tree.child_count("a") == 2
