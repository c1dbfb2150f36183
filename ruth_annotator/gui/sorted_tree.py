"""A tree shown as a flat table: rows kept in key order under each parent, changed one row
at a time, drawn with indentation and open/close arrows.

The panels show layers of 100,000 annotations and change by a handful of rows per action.
A QTreeView re-lays out every row it shows after any insert at a shown level, calling the
(Python) model several times per row: tens of milliseconds for 14,000 quotes, per action.
A QTableView over the shown rows only needs the row count: rows of one height are placed
by arithmetic, and only the rows on screen are read. So the tree lives here (children in
key order per parent, which rows are open) and the view gets the flat list of shown rows;
an action inserts, removes or moves single rows, the views keep selection and scroll, and
a parent's rows may be loaded only when it is first opened (`_load`).
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import repeat

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

ROOT = ""
MOVES_KEPT = 256  # row moves remembered to follow nodes without searching for them
_NONE = QModelIndex()


class SortedTreeModel(QAbstractTableModel):
    default_open = False  # whether a row holding others shows them until closed

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._toggled: set[str] = set()  # rows opened (or closed) against the default
        self._clear()

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

    def node(self, index: QModelIndex) -> str | None:
        if not index.isValid() or index.row() >= len(self._flat):
            return None
        return self._flat[index.row()]

    def node_at(self, row: int) -> str:
        return self._flat[row]

    def index_of(self, node: str | None, column: int = 0) -> QModelIndex:
        """The index of a node's row; invalid when it has none (a closed parent)."""
        if node is None or not self.is_shown(node):
            return QModelIndex()
        return self.index(self._row(node), column)

    # --- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = _NONE) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._flat)

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
                self.beginInsertRows(_NONE, row + 1, row + len(rows))
                self._add_rows(row + 1, rows)
                self.endInsertRows()
        else:
            last = self._end_of(node) - 1
            if last > row:
                self.beginRemoveRows(_NONE, row + 1, last)
                self._remove_rows(row + 1, last)
                self._toggle(node)
                self.endRemoveRows()
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
        self.beginResetModel()
        for node in list(self._parent):
            if self.child_count(node) and not self.is_open(node):
                self._toggle(node)
        self._set_flat(self._shown_below(ROOT))
        self.endResetModel()

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
        self.beginInsertRows(_NONE, row, row + len(rows) - 1)
        self._add_rows(row, rows)
        self.endInsertRows()

    def _detach(self, node: str) -> None:
        """Take a node's row (and what it holds) out; its own rows stay with it."""
        parent_id = self._parent[node]
        kids = self._children[parent_id]
        i = self._sibling_row(node)
        if self.is_shown(node):
            first, last = self._row(node), self._end_of(node) - 1
            self.beginRemoveRows(_NONE, first, last)
            del kids[i]
            del self._parent[node]
            self._remove_rows(first, last)
            self.endRemoveRows()
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
            row = self._row(node)
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))


class BranchDelegate(QStyledItemDelegate):
    """Draws the first column of a FlatTreeView row indented by its depth, with an arrow
    when it holds other rows; other columns as usual."""

    def row_height(self, view: FlatTreeView) -> int:
        return RowsView.row_height(view)

    def _offset(self, index: QModelIndex) -> int:
        model, view = index.model(), self.parent()
        return (model.depth(model.node(index)) + 1) * view.indentation

    def paint(self, painter, option, index) -> None:
        if index.column() != 0:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)  # the background needs no data of the row
        view = self.parent()
        style = view.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, view)
        model, node = index.model(), index.model().node(index)
        offset = self._offset(index)
        if node is not None and model.child_count(node):
            branch = QStyleOptionViewItem(opt)
            branch.rect = QRect(opt.rect.left() + offset - view.indentation, opt.rect.top(),
                                view.indentation, opt.rect.height())
            branch.state |= QStyle.StateFlag.State_Children
            if model.is_open(node):
                branch.state |= QStyle.StateFlag.State_Open
            style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorBranch, branch, painter,
                                view)
        content = QStyleOptionViewItem(option)
        content.rect = option.rect.adjusted(offset, 0, 0, 0)
        self.paint_content(painter, content, index)

    def paint_content(self, painter, option, index) -> None:
        super().paint(painter, option, index)

    def updateEditorGeometry(self, editor, option, index) -> None:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        if index.column() == 0:
            opt.rect = option.rect.adjusted(self._offset(index), 0, 0, 0)
        super().updateEditorGeometry(editor, opt, index)


class RowsView(QTableView):
    """A list of rows of one height, as a table without grid or headers: a QListView or
    QTreeView lays out every row (calling the Python model for each) on any change, which
    takes a fifth of a second at 100,000 rows; a table places rows of one height by
    arithmetic and reads only the rows on screen."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(1)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionsClickable(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        self._fit_rows()

    def row_height(self) -> int:
        return max(self.fontMetrics().height(), self.iconSize().height(), 16) + 2

    def _fit_rows(self) -> None:
        self.verticalHeader().setDefaultSectionSize(self.row_height())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_rows()


class FlatTreeView(RowsView):
    """A table that reads like a tree (see the module docstring): arrows open and close
    rows (click, or → / ←, which also step to a parent or first child), and the QTreeView
    calls the panels use (expand, collapse, expandAll)."""

    indentation = 20

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.horizontalHeader().setStretchLastSection(False)
        self.setItemDelegate(BranchDelegate(self))

    def setItemDelegate(self, delegate: BranchDelegate) -> None:  # noqa: N802 (Qt override)
        super().setItemDelegate(delegate)
        self._fit_rows()

    def row_height(self) -> int:
        delegate = self.itemDelegate()
        if isinstance(delegate, BranchDelegate):
            return delegate.row_height(self)
        return super().row_height()

    # --- the tree calls -------------------------------------------------------------------

    def _node(self, index: QModelIndex) -> str | None:
        model = self.model()
        return model.node(index) if isinstance(model, SortedTreeModel) else None

    def setExpanded(self, index: QModelIndex, open_: bool) -> None:  # noqa: N802
        node = self._node(index)
        if node is not None:
            self.model().set_open(node, open_)

    def expand(self, index: QModelIndex) -> None:
        self.setExpanded(index, True)

    def collapse(self, index: QModelIndex) -> None:
        self.setExpanded(index, False)

    def isExpanded(self, index: QModelIndex) -> bool:  # noqa: N802
        node = self._node(index)
        return node is not None and self.model().is_open(node)

    def expandAll(self) -> None:  # noqa: N802
        self.model().open_all()

    # --- mouse and keys -------------------------------------------------------------------

    def _on_arrow(self, index: QModelIndex, x: int) -> bool:
        node = self._node(index)
        if node is None or index.column() != 0 or not self.model().child_count(node):
            return False
        right = self.visualRect(index).left() + (self.model().depth(node) + 1) * self.indentation
        return right - self.indentation <= x < right

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        index = self.indexAt(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and self._on_arrow(
                index, event.position().toPoint().x()):
            self.setExpanded(index, not self.isExpanded(index))
            event.accept()
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        index = self.currentIndex()
        node = self._node(index)
        key = event.key()
        if node is None or key not in (Qt.Key.Key_Left, Qt.Key.Key_Right) or event.modifiers():
            super().keyPressEvent(event)
            return
        model = self.model()
        if key == Qt.Key.Key_Right and model.child_count(node):
            if not model.is_open(node):
                model.set_open(node, True)
            else:
                self.setCurrentIndex(model.index_of(model.kids(node)[0]))
        elif key == Qt.Key.Key_Left:
            if model.child_count(node) and model.is_open(node):
                model.set_open(node, False)
            elif model.parent_of(node) not in (None, ROOT):
                self.setCurrentIndex(model.index_of(model.parent_of(node)))
        event.accept()
