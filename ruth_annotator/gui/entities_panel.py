"""The Entities panel: each entity with its mentions; merge, split, rename, change type.

A two-level item model over the layer (entities, then their mentions) rebuilt from the
layer after each change, keeping what was expanded and selected. Edits go back as
requests to the window, which turns them into change sets; the panel never writes.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.gui.describe import plain_tip, short
from ruth_annotator.model.annotations import PROPOSED, REJECTED, Entity, Mention
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.layer import Layer

ROLE_ID = Qt.ItemDataRole.UserRole


def swatch(color: str, size: int = 12) -> QIcon:
    pix = QPixmap(size * 2, size * 2)
    pix.setDevicePixelRatio(2)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(color))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    p.end()
    return QIcon(pix)


_ROOT = QModelIndex()


class EntityTreeModel(QAbstractItemModel):
    renameRequested = Signal(str, str)  # entity id, new name
    COLUMNS = ("Entity", "Type", "Mentions")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entities: list[Entity] = []
        self.children: list[list[Mention]] = []
        self.text = ""
        self.colors: dict[str, str] = {}
        self._icons: dict[str, QIcon] = {}
        self._where: dict[str, tuple[int, int]] = {}  # id -> (entity row, mention row or -1)

    def rebuild(self, layer: Layer | None, text: str, colors: dict[str, str]) -> None:
        self.beginResetModel()
        self.text, self.colors = text, colors
        groups: dict[str, list[Mention]] = {}
        for m in layer.sorted_mentions() if layer else []:
            if m.status != REJECTED and m.entity:
                groups.setdefault(m.entity, []).append(m)
        entities = [e for e in (layer.entities.values() if layer else ())
                    if e.status != REJECTED]
        entities.sort(key=lambda e: (groups[e.id][0].start if groups.get(e.id) else 1 << 62,
                                     e.name))
        self.entities = entities
        self.children = [groups.get(e.id, []) for e in entities]
        self._where = {e.id: (row, -1) for row, e in enumerate(entities)}
        for row, mentions in enumerate(self.children):
            self._where.update((m.id, (row, crow)) for crow, m in enumerate(mentions))
        self.endResetModel()

    # --- structure ------------------------------------------------------------------

    def index(self, row: int, column: int, parent=_ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else 0)

    def parent(self, index: QModelIndex) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self.entities)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.children[parent.row()])
        return 0

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def item(self, index: QModelIndex) -> Entity | Mention | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self.entities[index.row()]
        return self.children[index.internalId() - 1][index.row()]

    # --- content ----------------------------------------------------------------------

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.item(index)
        if item is None:
            return None
        col = index.column()
        if role == ROLE_ID:
            return item.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if isinstance(item, Entity):
                count = len(self.children[index.row()])
                return (item.name, item.label, str(count))[col]
            return (short(self.text[item.start:item.end], 50), item.form,
                    "suggested" if item.status == PROPOSED else "")[col]
        if role == Qt.ItemDataRole.DecorationRole and col == 0 and isinstance(item, Entity):
            color = self.colors.get(item.label, "#999999")
            if color not in self._icons:
                self._icons[color] = swatch(color)
            return self._icons[color]
        if role == Qt.ItemDataRole.FontRole and item.status == PROPOSED:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(item, Entity):
            return plain_tip(f"{item.name} ({item.label}) — double-click or F2 to rename")
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if isinstance(self.item(index), Entity) and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        item = self.item(index)
        name = " ".join(str(value).split())
        if isinstance(item, Entity) and role == Qt.ItemDataRole.EditRole and name \
                and name != item.name:
            self.renameRequested.emit(item.id, name)
            return True
        return False

    def find(self, item_id: str) -> QModelIndex:
        row, crow = self._where.get(item_id, (-1, -1))
        if row < 0:
            return QModelIndex()
        return self.index(row, 0) if crow < 0 else self.index(crow, 0, self.index(row, 0))


def relabel(layer: Layer, entity_ids: list[str], label: str) -> ChangeSet:
    """Change entities' type together with all their mentions' (one undo step)."""
    pairs = []
    for eid in entity_ids:
        entity = layer.entities[eid]
        pairs.append((entity, replace(entity, label=label)))
        pairs += [(m, replace(m, label=label)) for m in layer.mentions_of(eid)]
    names = ", ".join(layer.entities[e].name for e in entity_ids)
    return ChangeSet.replaced(f"Make {short(names, 40)} {label}", pairs)


class EntitiesPanel(QWidget):
    selected = Signal(str)  # annotation id clicked by the user
    relabelRequested = Signal(list, str)  # entity ids, label

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = EntityTreeModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("entities")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        # fixed widths: sizing to contents would read every row of a 100,000-mention layer
        width = self.fontMetrics().horizontalAdvance
        header.resizeSection(1, width("WORK_OF_ART") + 16)
        header.resizeSection(2, width("Mentions") + 16)
        self.tree.clicked.connect(self._clicked)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)
        self.type_button = QToolButton(text="Type ▾", toolTip="Change the type of the "
                                       "selected entities", autoRaise=True)
        self.type_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.type_menu = QMenu(self)
        self.type_button.setMenu(self.type_menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.buttons)
        layout.addWidget(self.tree, 1)
        self._expanded: set[str] = set()
        self.tree.expanded.connect(lambda i: self._expanded.add(i.data(ROLE_ID)))
        self.tree.collapsed.connect(lambda i: self._expanded.discard(i.data(ROLE_ID)))

    def add_buttons(self, actions: list[QAction]) -> None:
        """Buttons for the window's merge/split actions, then the type menu."""
        for action in actions:
            button = QToolButton(autoRaise=True)
            button.setDefaultAction(action)
            self.buttons.addWidget(button)
        self.buttons.addWidget(self.type_button)
        self.buttons.addStretch(1)

    def set_labels(self, labels: list[str]) -> None:
        self.type_menu.clear()
        for label in labels:
            self.type_menu.addAction(label, lambda label=label: self._relabel(label))

    def refresh(self, layer: Layer | None, text: str, colors: dict[str, str]) -> None:
        keep = self.selected_ids()
        self.model.rebuild(layer, text, colors)
        for item_id in self._expanded.copy():
            index = self.model.find(item_id)
            if index.isValid():
                self.tree.expand(index)
        self._select(keep)

    def _select(self, ids: list[str]) -> None:
        selection = self.tree.selectionModel()
        selection.clearSelection()
        flags = (selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        for item_id in ids:
            index = self.model.find(item_id)
            if index.isValid():
                selection.select(index, flags)

    def show_annotation(self, item_id: str | None) -> None:
        """Select the row of an annotation (without telling anyone back)."""
        index = self.model.find(item_id) if item_id else QModelIndex()
        if not index.isValid() or index in self.tree.selectionModel().selectedRows():
            return
        if index.parent().isValid():
            self.tree.expand(index.parent())
        self.tree.selectionModel().blockSignals(True)
        self.tree.setCurrentIndex(index)
        self._select([item_id])
        self.tree.selectionModel().blockSignals(False)
        self.tree.scrollTo(index)

    def _clicked(self, index: QModelIndex) -> None:
        item = self.model.item(index)
        if item is not None:
            self.selected.emit(item.id)

    def selected_ids(self) -> list[str]:
        rows = self.tree.selectionModel().selectedRows() if self.tree.selectionModel() else []
        return [i.data(ROLE_ID) for i in rows]

    def selected_entities(self) -> list[str]:
        out: list[str] = []
        for index in self.tree.selectionModel().selectedRows():
            item = self.model.item(index)
            eid = item.id if isinstance(item, Entity) else getattr(item, "entity", None)
            if eid and eid not in out:
                out.append(eid)
        return out

    def selected_mentions(self) -> list[str]:
        return [i.data(ROLE_ID) for i in self.tree.selectionModel().selectedRows()
                if isinstance(self.model.item(i), Mention)]

    def has_focus(self) -> bool:
        return self.tree.hasFocus()

    def _relabel(self, label: str) -> None:
        if self.selected_entities():
            self.relabelRequested.emit(self.selected_entities(), label)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        for i in range(self.buttons.count()):
            widget = self.buttons.itemAt(i).widget()
            if isinstance(widget, QToolButton) and widget.defaultAction():
                menu.addAction(widget.defaultAction())
        rename = menu.addAction("Rename…")
        rename.triggered.connect(lambda: self.tree.edit(self.tree.currentIndex()))
        menu.addMenu(self.type_menu).setText("Change type")
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
