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

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from ruth_annotator.gui.tree_rows import ROOT, TreeRows

_NONE = QModelIndex()


class SortedTreeModel(TreeRows, QAbstractTableModel):
    """A Qt table model over `TreeRows`: its hooks become Qt's row signals."""

    def __init__(self, parent=None) -> None:
        QAbstractTableModel.__init__(self, parent)
        self._init_rows()

    def _inserting(self, first: int, last: int) -> None:
        self.beginInsertRows(_NONE, first, last)

    def _inserted(self) -> None:
        self.endInsertRows()

    def _removing(self, first: int, last: int) -> None:
        self.beginRemoveRows(_NONE, first, last)

    def _removed(self) -> None:
        self.endRemoveRows()

    def _resetting(self) -> None:
        self.beginResetModel()

    def _reset_done(self) -> None:
        self.endResetModel()

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def node(self, index: QModelIndex) -> str | None:
        if not index.isValid() or index.row() >= len(self._flat):
            return None
        return self._flat[index.row()]

    def index_of(self, node: str | None, column: int = 0) -> QModelIndex:
        """The index of a node's row; invalid when it has none (a closed parent)."""
        if node is None or not self.is_shown(node):
            return QModelIndex()
        return self.index(self._row(node), column)

    # --- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = _NONE) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._flat)


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
