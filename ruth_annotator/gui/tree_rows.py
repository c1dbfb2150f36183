"""The pure bookkeeping of a tree shown as a flat table (no Qt): which rows are shown, in
what order, and which row each node has, changed one row at a time.

`gui/sorted_tree.py` puts a Qt table model over it; this part is tested on its own. See
that module for why the tree is kept flat.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import repeat

ROOT = ""
MOVES_KEPT = 256  # row moves remembered to follow nodes without searching for them


class TreeRows:
    """The rows of a tree shown flat: children in key order per parent, which rows are
    open, and the list of shown rows, changed one row at a time. The hooks (`_inserting`,
    `_inserted`, `_removing`, `_removed`, `_resetting`, `_reset_done`, `_row_changed`) are
    where a view model tells its views; here they do nothing."""

    default_open = False  # whether a row holding others shows them until closed

    def _init_rows(self) -> None:
        self._toggled: set[str] = set()  # rows opened (or closed) against the default
        self._clear()

    # --- hooks for a view model ---------------------------------------------------------

    def _inserting(self, first: int, last: int) -> None:
        """Rows first..last are about to be added."""

    def _inserted(self) -> None:
        """The rows announced by `_inserting` are in."""

    def _removing(self, first: int, last: int) -> None:
        """Rows first..last are about to go."""

    def _removed(self) -> None:
        """The rows announced by `_removing` are gone."""

    def _resetting(self) -> None:
        """Every row is about to change."""

    def _reset_done(self) -> None:
        """Every row changed."""

    def _row_changed(self, row: int) -> None:
        """The content of a row changed."""

    def _clear(self) -> None:
        self._children: dict[str, list[str]] = {ROOT: []}  # loaded parents only
        self._parent: dict[str, str] = {}  # node -> parent, for nodes in loaded lists
        self._key: dict[str, tuple] = {}  # the key each node was placed with
        self._set_flat([])

    def _set_flat(self, rows: list[str]) -> None:
        self._flat = rows  # the shown rows, in order
        # where each node was last seen, and how many row moves had been logged then;
        # replaying the moves logged since gives its row now without a search
        self._seen: dict[str, tuple[int, int]] = dict(
            zip(rows, zip(range(len(rows)), repeat(0)), strict=False))
        self._moves: list[tuple[int, int]] = []  # (row, rows added there, or removed: < 0)

    def _add_rows(self, at: int, rows: list[str]) -> None:
        self._flat[at:at] = rows
        self._log_move(at, len(rows))
        moves = len(self._moves)
        self._seen.update((node, (at + i, moves)) for i, node in enumerate(rows))

    def _remove_rows(self, first: int, last: int) -> None:
        del self._flat[first:last + 1]
        self._log_move(first, first - last - 1)

    def _log_move(self, at: int, count: int) -> None:
        if len(self._moves) >= MOVES_KEPT:  # start afresh rather than replay long logs
            self._seen.clear()
            self._moves.clear()
        self._moves.append((at, count))

    # --- for subclasses ---------------------------------------------------------------

    def _load(self, parent_id: str) -> list[tuple[tuple, str]]:
        """(key, id) of the rows under a node whose rows are not loaded yet."""
        return []

    def _unloaded_count(self, parent_id: str) -> int:
        """How many rows `_load(parent_id)` would give (without loading them)."""
        return len(self._load(parent_id))

    def _reset(self, rows: dict[str, list[tuple[tuple, str]]]) -> None:
        """Replace everything: {parent id: [(key, id), …] sorted}; parents not named are
        loaded on demand. Call between beginResetModel and endResetModel."""
        self._clear()
        for parent_id, items in rows.items():
            self._children[parent_id] = [node for _, node in items]
            self._key.update((node, key) for key, node in items)
            self._parent.update((node, parent_id) for _, node in items)
        self._set_flat(self._shown_below(ROOT))

    # --- structure queries ------------------------------------------------------------

    def _kids(self, parent_id: str) -> list[str]:
        kids = self._children.get(parent_id)
        if kids is None:
            items = sorted(self._load(parent_id))
            kids = self._children[parent_id] = [node for _, node in items]
            self._key.update((node, key) for key, node in items)
            self._parent.update((node, parent_id) for _, node in items)
        return kids

    def contains(self, node: str) -> bool:
        return node in self._parent

    def parent_of(self, node: str) -> str | None:
        return self._parent.get(node)

    def depth(self, node: str) -> int:
        depth, parent = 0, self._parent.get(node, ROOT)
        while parent != ROOT:
            depth, parent = depth + 1, self._parent[parent]
        return depth

    def kids(self, parent_id: str = ROOT) -> list[str]:
        """The rows under a node, in order (loads them)."""
        return list(self._kids(parent_id))

    def child_count(self, parent_id: str) -> int:
        kids = self._children.get(parent_id)
        return len(kids) if kids is not None else self._unloaded_count(parent_id)

    def _sibling_row(self, node: str) -> int:
        kids = self._children[self._parent[node]]
        return bisect_left(kids, self._key[node], key=self._key.__getitem__)

    def is_open(self, node: str) -> bool:
        return (node in self._toggled) != self.default_open

    def is_shown(self, node: str) -> bool:
        """Whether a node has a row now: it is in the tree and every parent is open."""
        parent = self._parent.get(node)
        while parent is not None and parent != ROOT:
            if not self.is_open(parent):
                return False
            parent = self._parent.get(parent)
        return parent == ROOT

    def _shown_below(self, node: str) -> list[str]:
        """The shown rows under a node (which is taken as open), depth first."""
        out: list[str] = []
        stack = list(reversed(self._kids(node)))
        toggled, default, children = self._toggled, self.default_open, self._children
        while stack:
            item = stack.pop()
            out.append(item)
            if (item in toggled) != default:  # open
                kids = children.get(item)
                if kids or (kids is None and self._unloaded_count(item)):
                    stack.extend(reversed(self._kids(item)))
        return out

    def _end_of(self, node: str) -> int:
        """The row after a shown node and everything shown under it."""
        while node != ROOT:
            siblings = self._children[self._parent[node]]
            i = self._sibling_row(node)
            if i + 1 < len(siblings):
                return self._row(siblings[i + 1])
            node = self._parent[node]
        return len(self._flat)

    def _row(self, node: str) -> int:
        """The row of a shown node: where it was last seen, moved by the rows added and
        removed above it since (a search of the rows when that is not known)."""
        flat, moves = self._flat, self._moves
        row, seen = self._seen.get(node, (-1, 0))
        if row >= 0 and seen <= len(moves):
            for at, count in moves[seen:]:
                if row >= at:
                    row += count
            if row < len(flat) and flat[row] == node:
                self._seen[node] = (row, len(moves))
                return row
        row = flat.index(node)
        self._seen[node] = (row, len(moves))
        return row

    def node_at(self, row: int) -> str:
        return self._flat[row]

    # --- opening and closing ------------------------------------------------------------

    def set_open(self, node: str, open_: bool) -> None:
        if node not in self._parent or self.is_open(node) == open_:
            return
        if not self.is_shown(node):
            self._toggle(node)
            return
        row = self._row(node)
        if open_:
            self._toggle(node)
            rows = self._shown_below(node)
            if rows:
                self._inserting(row + 1, row + len(rows))
                self._add_rows(row + 1, rows)
                self._inserted()
        else:
            last = self._end_of(node) - 1
            if last > row:
                self._removing(row + 1, last)
                self._remove_rows(row + 1, last)
                self._toggle(node)
                self._removed()
            else:
                self._toggle(node)
        self._changed_row(node)

    def reveal(self, node: str) -> None:
        """Open every row above a node, so that it has a row."""
        above = []
        parent = self._parent.get(node)
        while parent not in (None, ROOT):
            above.append(parent)
            parent = self._parent.get(parent)
        for parent in reversed(above):
            self.set_open(parent, True)

    def _toggle(self, node: str) -> None:
        self._toggled ^= {node}

    def open_all(self) -> None:
        """Open every row that holds others (one reset: the view starts afresh)."""
        self._resetting()
        for node in list(self._parent):
            if self.child_count(node) and not self.is_open(node):
                self._toggle(node)
        self._set_flat(self._shown_below(ROOT))
        self._reset_done()

    # --- changes, one row at a time -----------------------------------------------------

    def _attach(self, node: str, parent_id: str, key: tuple) -> None:
        """Put a node (with whatever it holds) under a parent, at its key's place."""
        if parent_id != ROOT and parent_id not in self._parent:
            raise ValueError(f"{parent_id} has no row to hold {node}")
        kids = self._kids(parent_id)
        i = bisect_left(kids, key, key=self._key.__getitem__)
        shown = parent_id == ROOT or (self.is_shown(parent_id) and self.is_open(parent_id))
        if not shown:
            kids.insert(i, node)
            self._key[node], self._parent[node] = key, parent_id
            self._changed_row(parent_id)  # its arrow or count may change
            return
        row = self._row(kids[i]) if i < len(kids) else self._end_of(parent_id)
        kids.insert(i, node)
        self._key[node], self._parent[node] = key, parent_id
        rows = [node, *(self._shown_below(node) if self.is_open(node) else ())]
        self._inserting(row, row + len(rows) - 1)
        self._add_rows(row, rows)
        self._inserted()

    def _detach(self, node: str) -> None:
        """Take a node's row (and what it holds) out; its own rows stay with it."""
        parent_id = self._parent[node]
        kids = self._children[parent_id]
        i = self._sibling_row(node)
        if self.is_shown(node):
            first, last = self._row(node), self._end_of(node) - 1
            self._removing(first, last)
            del kids[i]
            del self._parent[node]
            self._remove_rows(first, last)
            self._removed()
        else:
            del kids[i]
            del self._parent[node]
            self._changed_row(parent_id)

    def _drop(self, node: str) -> None:
        """Remove a node's row and everything under it."""
        if node in self._parent:
            self._detach(node)
            self._forget(node)

    def _forget(self, node: str) -> None:
        for child in self._children.pop(node, ()):
            self._forget(child)
            self._parent.pop(child, None)
        self._key.pop(node, None)

    def _place(self, node: str, parent_id: str, key: tuple) -> bool:
        """Put a node at its place under `parent_id`. Returns whether its row stayed
        where it was (so only its content may have changed)."""
        old_parent = self._parent.get(node)
        if old_parent is None:
            self._attach(node, parent_id, key)
            return False
        if old_parent == parent_id:
            kids = self._children[parent_id]
            i = self._sibling_row(node)
            after = i + 1 == len(kids) or key < self._key[kids[i + 1]]
            if (i == 0 or self._key[kids[i - 1]] < key) and after:
                self._key[node] = key  # still between its neighbours
                return True
        ancestor = parent_id
        while ancestor != ROOT:
            if ancestor == node or ancestor not in self._parent:
                raise ValueError(f"{node} cannot go under {parent_id}")
            ancestor = self._parent[ancestor]
        self._detach(node)
        self._attach(node, parent_id, key)
        return False

    def _changed_row(self, node: str) -> None:
        """Tell the views a row's content changed (every column)."""
        if node != ROOT and self.is_shown(node):
            self._row_changed(self._row(node))
