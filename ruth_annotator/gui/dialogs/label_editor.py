"""Edit the project's label set: add, remove, rename, recolour, reorder, set shortcut keys.

Renames are tracked by row, so that saving relabels the annotations already made with the
old name (`Project.set_labels(labels, renamed)`); removing a label that annotations still
use asks first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.gui import menus, messages
from ruth_annotator.gui.dialogs.common import described
from ruth_annotator.model.labels import DEFAULT_LABELS, OKABE_ITO, Label, validate_label_set

NAME, COLOUR, KEY, DESCRIPTION = range(4)
ORIGINAL = Qt.ItemDataRole.UserRole


def menu_keys() -> dict[str, str]:
    """Keys the menus use (with the user's changes), so a label cannot take them."""
    overrides = menus.user_shortcuts()
    keys = {}
    for entry in menus.ENTRIES:
        for shortcut in menus.keys_of(entry, menus.shortcut_of(entry, overrides)):
            keys[QKeySequence(shortcut).toString()] = entry.text.replace("&", "")
    return keys


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class LabelSetEditor(QWidget):
    """A table of labels with buttons; `labels()` returns the edited, validated set."""

    changed = Signal()

    def __init__(self, labels: list[Label], usage: dict[str, int] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.usage = usage or {}
        #: Asked before removing a label in use; tests replace it.
        self.confirm: Callable[[str], bool] = self._ask
        #: Picks a colour starting from the given one; None when cancelled. Tests replace it.
        self.pick_colour: Callable[[str], str | None] = self._pick
        described(self, self.tr("Label set editor"))

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Colour"), self.tr("Key"), self.tr("Description")])
        self.table.horizontalHeader().setSectionResizeMode(
            DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        self.table.itemChanged.connect(self._item_changed)
        self.table.cellDoubleClicked.connect(
            lambda row, col: self.choose_colour(row) if col == COLOUR else None)
        described(self.table, self.tr("Labels"),
                  self.tr("Double-click a cell to edit it; F2 edits the current cell"))

        self.problem_label = QLabel(self)
        self.problem_label.setWordWrap(True)
        described(self.problem_label, self.tr("Label set problems"))

        buttons = QHBoxLayout()
        for text, tip, slot in (
            (self.tr("&Add"), self.tr("Add a new label"), self.add_label),
            (self.tr("&Remove"), self.tr("Remove the selected label"), self.remove_selected),
            (self.tr("Colour…"), self.tr("Choose the selected label's colour"),
             self.choose_colour),
            (self.tr("Move &up"), self.tr("Move the selected label up"), lambda: self.move(-1)),
            (self.tr("Move do&wn"), self.tr("Move the selected label down"),
             lambda: self.move(1)),
            (self.tr("Defaults"), self.tr("Replace the set with the default labels"),
             self.reset_defaults),
        ):
            button = QPushButton(text, self)
            described(button, text.replace("&", ""), tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.problem_label)
        self.set_labels(labels, keep_originals=False)

    # --- reading and writing the table ---------------------------------------------

    def set_labels(self, labels: list[Label], keep_originals: bool = False) -> None:
        """Fill the table; rows remember their label's stored name to detect renames."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for label in labels:
            self._append(label, None if keep_originals else label.name)
        self.table.blockSignals(False)
        self._refresh()

    def _append(self, label: Label, original: str | None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        name = QTableWidgetItem(label.name)
        name.setData(ORIGINAL, original)
        colour = QTableWidgetItem(swatch(label.color), label.color.upper())
        colour.setToolTip(self.tr("Double-click to choose a colour, or type #RRGGBB"))
        for col, item in ((NAME, name), (COLOUR, colour), (KEY, QTableWidgetItem(label.key)),
                          (DESCRIPTION, QTableWidgetItem(label.description))):
            self.table.setItem(row, col, item)
        return row

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item else ""

    def labels(self) -> list[Label]:
        """The edited set; raises ValueError with a readable message when it is invalid."""
        labels = [
            Label(self._text(r, NAME), self._text(r, COLOUR), self._text(r, KEY),
                  self._text(r, DESCRIPTION))
            for r in range(self.table.rowCount())
        ]
        if not labels:
            raise ValueError(self.tr("a project needs at least one label"))
        validate_label_set(labels)
        taken = menu_keys()
        for label in labels:
            action = taken.get(QKeySequence(label.key).toString()) if label.key else None
            if action:
                raise ValueError(self.tr("key {key} of {name} is already {action}").format(
                    key=label.key, name=label.name, action=action))
        return labels

    def renamed(self) -> dict[str, str]:
        """{stored name: new name} for rows whose label was renamed."""
        out = {}
        for row in range(self.table.rowCount()):
            original = self.table.item(row, NAME).data(ORIGINAL)
            if original and original != self._text(row, NAME):
                out[original] = self._text(row, NAME)
        return out

    def problem(self) -> str:
        try:
            self.labels()
        except ValueError as e:
            return str(e)
        return ""

    # --- actions ---------------------------------------------------------------------

    def add_label(self) -> None:
        names = {self._text(r, NAME) for r in range(self.table.rowCount())}
        keys = {self._text(r, KEY) for r in range(self.table.rowCount())}
        n = 1
        while f"LABEL_{n}" in names:
            n += 1
        key = next((k for k in "123456789" if k not in keys), "")
        colour = OKABE_ITO[self.table.rowCount() % len(OKABE_ITO)]
        self.table.blockSignals(True)
        row = self._append(Label(f"LABEL_{n}", colour, key), None)
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, NAME)
        self.table.editItem(self.table.item(row, NAME))
        self._refresh()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        original = self.table.item(row, NAME).data(ORIGINAL)
        used = self.usage.get(original, 0) if original else 0
        if used and not self.confirm(self.tr(
                "{name} is used by {n} annotation(s). They keep the label, but it will have "
                "no colour or key. Remove it anyway?").format(name=original, n=used)):
            return
        self.table.removeRow(row)
        self._refresh()

    def choose_colour(self, row: int | None = None) -> None:
        row = self.table.currentRow() if row is None or row is False else row
        if row < 0:
            return
        chosen = self.pick_colour(self._text(row, COLOUR))
        if chosen:
            self.table.item(row, COLOUR).setText(chosen.upper())

    def move(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self.table.blockSignals(True)
        for col in range(self.table.columnCount()):
            a, b = self.table.takeItem(row, col), self.table.takeItem(target, col)
            self.table.setItem(row, col, b)
            self.table.setItem(target, col, a)
        self.table.blockSignals(False)
        self.table.setCurrentCell(target, NAME)
        self._refresh()

    def reset_defaults(self) -> None:
        """Default labels; those whose names exist keep matching their stored rows."""
        stored = {self.table.item(r, NAME).data(ORIGINAL)
                  for r in range(self.table.rowCount())}
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for label in DEFAULT_LABELS:
            self._append(label, label.name if label.name in stored else None)
        self.table.blockSignals(False)
        self._refresh()

    # --- feedback --------------------------------------------------------------------

    def _item_changed(self, item: QTableWidgetItem) -> None:
        self.table.blockSignals(True)
        if item.column() == NAME and item.text() != item.text().upper():
            item.setText(item.text().upper().replace(" ", "_"))
        if item.column() == KEY and item.text() != item.text().upper():
            item.setText(item.text().upper())
        if item.column() == COLOUR and QColor.isValidColorName(item.text().strip()):
            item.setIcon(swatch(item.text().strip()))
        self.table.blockSignals(False)
        self._refresh()

    def _refresh(self) -> None:
        self.problem_label.setText(self.problem())
        self.changed.emit()

    def _ask(self, text: str) -> bool:
        answer = messages.question(self, self.tr("Remove label"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _pick(self, current: str) -> str | None:
        colour = QColorDialog.getColor(QColor(current), self, self.tr("Label colour"))
        return colour.name() if colour.isValid() else None
