"""The Entities panel: each entity with its mentions; merge, split, rename, change type.

A two-level item model over the layer (entities, then their mentions), built when a
document opens and then changed row by row by each action's change set, so views keep what
was expanded and selected. Edits go back as requests to the window, which turns them into
change sets; the panel never writes.
"""

from __future__ import annotations

from dataclasses import replace
from operator import attrgetter

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.gui.describe import plain_tip, short
from ruth_annotator.gui.sorted_tree import ROOT, FlatTreeView, SortedTreeModel
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


BIG = 1 << 62  # where entities without a mention sort
_START = attrgetter("start")
_PLAIN = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE = _PLAIN | Qt.ItemFlag.ItemIsEditable
_ROLES = frozenset((ROLE_ID, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.FontRole,
                    Qt.ItemDataRole.ToolTipRole))


def mention_key(m: Mention) -> tuple:
    return (m.start, -m.end, m.id)


def _shown(item: Entity | Mention | None) -> bool:
    return item is not None and item.status != REJECTED


class EntityTreeModel(SortedTreeModel):
    """Entities in the order of their first mention, each with its mentions in text order.

    Built in one pass over the layer; an entity's mentions are sorted only when a view opens
    it. A change set moves, adds and removes single rows (see `apply_changes`).
    """

    renameRequested = Signal(str, str)  # entity id, new name
    COLUMNS = ("Entity", "Type", "Mentions")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.layer: Layer | None = None
        self.text = ""
        self.colors: dict[str, str] = {}
        self._icons: dict[str, QIcon] = {}
        self._groups: dict[str, dict[str, Mention]] = {}  # entity id -> its shown mentions

    def rebuild(self, layer: Layer | None, text: str, colors: dict[str, str]) -> None:
        self.beginResetModel()
        self.layer, self.text, self.colors = layer, text, colors
        groups: dict[str, dict[str, Mention]] = {}
        for m in layer.mentions.values() if layer else ():
            if m.entity and m.status != REJECTED:
                group = groups.get(m.entity)
                if group is None:
                    groups[m.entity] = {m.id: m}
                else:
                    group[m.id] = m
        self._groups = groups
        entities = [e for e in (layer.entities.values() if layer else ()) if _shown(e)]
        self._reset({ROOT: sorted((self._entity_key(e), e.id) for e in entities)})
        self.endResetModel()

    def _entity_key(self, entity: Entity) -> tuple:
        if entity.id in self._children:  # loaded: its first row is its first mention
            kids = self._children[entity.id]
            first = self._key[kids[0]][0] if kids else BIG
        else:
            group = self._groups.get(entity.id)
            first = min(map(_START, group.values())) if group else BIG
        return (first, entity.name, entity.id)

    def _load(self, parent_id: str) -> list[tuple[tuple, str]]:
        group = self._groups.get(parent_id, {}) if self._parent.get(parent_id) == ROOT else {}
        return [(mention_key(m), m.id) for m in group.values()]

    def _unloaded_count(self, parent_id: str) -> int:
        if self._parent.get(parent_id) != ROOT:
            return 0
        return len(self._groups.get(parent_id, ()))

    def apply_changes(self, changes: ChangeSet) -> None:
        """Follow one change set (already applied to the layer) row by row."""
        layer = self.layer
        if layer is None:
            return
        touched: set[str] = set()
        moved: list[Mention] = []
        for change in changes.changes:
            if change.kind == "entity":
                touched.add(change.id)
            elif change.kind == "mention":
                before, after = change.before, change.after
                old = before.entity if _shown(before) and before.entity else None
                new = after.entity if _shown(after) and after.entity else None
                for eid in (old, new):  # rows load before their group changes, so the
                    if eid and self._parent.get(eid) == ROOT:  # views hear of each row
                        self._kids(eid)
                if old:
                    self._groups.get(old, {}).pop(before.id, None)
                if new:
                    self._groups.setdefault(new, {})[after.id] = after
                touched.update(e for e in (old, new) if e)
                moved.append(after if after is not None else before)
        for m in moved:  # mentions first: entity order follows their first mention
            now = layer.mentions.get(m.id)
            home = now.entity if _shown(now) and now.entity else None
            if home is not None and self._parent.get(home) == ROOT:
                self._kids(home)
                if self._place(m.id, home, mention_key(now)):
                    self._changed_row(m.id)
            else:
                self._drop(m.id)
        for eid in touched:
            entity = layer.entities.get(eid)
            if not _shown(entity):
                self._drop(eid)
                continue
            if self._place(eid, ROOT, self._entity_key(entity)):
                self._changed_row(eid)

    # --- content ----------------------------------------------------------------------

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None

    def item(self, index: QModelIndex) -> Entity | Mention | None:
        node = self.node(index)
        if node is None or self.layer is None:
            return None
        if self._parent.get(node) == ROOT:
            return self.layer.entities.get(node)
        return self.layer.mentions.get(node)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES:  # views ask for a dozen roles per cell; most are unused
            return None
        item = self.item(index)
        if item is None:
            return None
        col = index.column()
        if role == ROLE_ID:
            return item.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if isinstance(item, Entity):
                return (item.name, item.label, str(self.child_count(item.id)))[col]
            if col == 0:  # the mention with a few words round it, to tell them apart
                before = " ".join(self.text[max(0, item.start - 28):item.start].split()[1:])
                after = " ".join(self.text[item.end:item.end + 28].split()[:-1])
                return f"{short(self.text[item.start:item.end], 40)}   …{before} ‹›{after}…" \
                    if role == Qt.ItemDataRole.DisplayRole else self.text[item.start:item.end]
            return (item.form, "suggested" if item.status == PROPOSED else "")[col - 1]
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
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(" ".join(self.text[max(0, item.start - 80):item.end + 80].split()))
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if index.column() == 0 and self._parent.get(self.node(index) or "") == ROOT:
            return _EDITABLE
        return _PLAIN

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        item = self.item(index)
        name = " ".join(str(value).split())
        if isinstance(item, Entity) and role == Qt.ItemDataRole.EditRole and name \
                and name != item.name:
            self.renameRequested.emit(item.id, name)
            return True
        return False

    def find(self, item_id: str) -> QModelIndex:
        """The row of an entity or mention (loading its entity's rows if need be)."""
        mention = self.layer.mentions.get(item_id) if self.layer else None
        if mention is not None and mention.entity and self._parent.get(mention.entity) == ROOT:
            self._kids(mention.entity)
        return self.index_of(item_id)


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
        self.tree = FlatTreeView()
        self.tree.setObjectName("entities")
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # plain cells: Qt's own delegate draws them without Python
            self.tree.setItemDelegateForColumn(column, QStyledItemDelegate(self.tree))
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
        self.filter = QLineEdit(placeholderText="Filter entities by name")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _text: self._apply_filter())
        self._auto_open: str | None = None  # the entity opened to show a mention, not by hand
        self._filtered = False  # some rows may be hidden by the filter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self.buttons)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        self.model.rowsInserted.connect(lambda *_a: self._apply_filter())
        self.model.modelReset.connect(self._apply_filter)

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

    def apply_changes(self, changes: ChangeSet) -> None:
        """Follow one action: only its rows change; what was open and selected stays, and
        the list does not scroll (A and X decide in the text, not here)."""
        keep = self.selected_ids()
        scroll = self.tree.verticalScrollBar().value()
        self.model.apply_changes(changes)
        if self.selected_ids() != keep:  # a row that moved was selected
            self._select(keep)
        self.tree.verticalScrollBar().setValue(scroll)

    def _apply_filter(self) -> None:
        """Hide the entities whose name does not hold the typed words (and their rows)."""
        typed = self.filter.text().strip().lower()
        if not typed and not self._filtered:
            return  # nothing hidden and nothing to hide: no walk over every row per insert
        self._filtered = bool(typed)
        model = self.model
        entity_shown = True
        for row in range(model.rowCount()):
            node = model.node_at(row)
            if model.parent_of(node) == ROOT:
                entity = model.layer.entities.get(node) if model.layer else None
                entity_shown = not typed or (entity is not None and typed in entity.name.lower())
            self.tree.setRowHidden(row, not entity_shown)

    def refresh(self, layer: Layer | None, text: str, colors: dict[str, str]) -> None:
        """Show another layer (or the same one afresh), keeping what was open and chosen."""
        keep = self.selected_ids()
        self.model.rebuild(layer, text, colors)
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
        current = self.tree.currentIndex()
        if item_id and self.model.node(current) == item_id and \
                self.tree.selectionModel().isRowSelected(current.row()):
            return  # shown already (each action asks again)
        bar = self.tree.verticalScrollBar()
        scroll = bar.value()  # the list holds still unless the row is out of sight
        layer = self.model.layer
        mention = layer.mentions.get(item_id) if layer is not None and item_id else None
        owner = mention.entity if mention is not None else None
        if self._auto_open and self._auto_open not in (owner, item_id):
            self.model.set_open(self._auto_open, False)  # opened only to show a mention
            self._auto_open = None
        index = self.model.find(item_id) if item_id else QModelIndex()
        if item_id and not index.isValid() and self.model.contains(item_id):
            self.model.reveal(item_id)  # a mention of a closed entity: open it, for now
            self._auto_open = owner
            index = self.model.find(item_id)
        if index.isValid() and index not in self.tree.selectionModel().selectedRows():
            self.tree.selectionModel().blockSignals(True)
            self.tree.setCurrentIndex(index)
            self._select([item_id])
            self.tree.selectionModel().blockSignals(False)
        bar.setValue(scroll)
        if index.isValid():
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

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
