"""The cheat sheet (`?`): every key at a glance, and where shortcuts are changed.

Changes are checked for clashes, applied to the window's actions at once and kept in the
settings ("shortcuts"). Label keys (1–9) belong to the project's label set and are listed
here read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ruth_annotator.gui import menus
from ruth_annotator.gui.dialogs.common import described

if TYPE_CHECKING:
    from ruth_annotator.gui.workspace import Workspace

FLOW = ("Reviewing: opening a document goes to its first undecided quote. A accepts it with "
        "its speaker, cue and addressee and goes to the next undecided quote; X rejects it; "
        "then the mentions, one entity at a time. J / K: next / previous quote; Shift+N: "
        "next undecided. Keys act on what is at the text cursor; one-letter keys only while "
        "the article has the keyboard (Escape returns to it from a panel).")
NATIVE = QKeySequence.SequenceFormat.NativeText
PORTABLE = QKeySequence.SequenceFormat.PortableText


def _shown(keys: str) -> str:
    return QKeySequence(keys).toString(NATIVE)


class CheatSheet(QDialog):
    def __init__(self, window: Workspace) -> None:
        super().__init__(window)
        self.setObjectName("cheat-sheet")
        self.setWindowTitle("Keyboard shortcuts")
        self.window_ = window
        self.entries = [e for e in menus.ENTRIES if not e.submenu]
        current = menus.user_shortcuts()
        self.keys = {e.name: menus.shortcut_of(e, current) for e in self.entries}
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("shortcuts")
        self.table.setHorizontalHeaderLabels(["Keys", "Action", "What it does"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.editor = QKeySequenceEdit()
        self.editor.setMaximumSequenceLength(1)
        set_button = QPushButton("Set")
        clear_button = QPushButton("Clear")
        defaults_button = QPushButton("All defaults")
        set_button.clicked.connect(lambda: self.assign(self.editor.keySequence().toString(
            PORTABLE)))
        clear_button.clicked.connect(lambda: self.assign(""))
        defaults_button.clicked.connect(self.defaults)
        self.problem = QLabel()
        edit_row = QHBoxLayout()
        edit_row.addWidget(QLabel("New keys for the selected action:"))
        edit_row.addWidget(self.editor, 1)
        for button in (set_button, clear_button, defaults_button):
            edit_row.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self._name_controls(set_button, clear_button, defaults_button, buttons)
        layout = QVBoxLayout(self)
        flow = QLabel(FLOW)
        flow.setObjectName("review-flow")
        flow.setWordWrap(True)
        layout.addWidget(flow)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(760, 620)
        self._fill()

    def _name_controls(self, set_button: QPushButton, clear_button: QPushButton,
                       defaults_button: QPushButton, buttons: QDialogButtonBox) -> None:
        """Names a screen reader announces for every control of the sheet."""
        described(self, "Keyboard shortcuts")
        described(self.table, "Shortcuts", "Every action with its keys; select one to change")
        described(self.editor, "New keys", "Press the keys for the selected action")
        for inner in self.editor.findChildren(QLineEdit):  # the field the keys are typed in
            described(inner, "New keys")
        described(set_button, "Set keys", "Give the selected action the keys pressed above")
        described(clear_button, "Clear keys", "Take the keys away from the selected action")
        described(defaults_button, "All defaults", "Put every action back to its default keys")
        described(buttons, "Dialog buttons")
        for button in buttons.buttons():
            described(button, button.text().replace("&", ""))

    def _fill(self) -> None:
        labels = [(a.shortcut().toString(NATIVE), a.text(), "From the project's label set")
                  for a in self.window_.label_actions.values()]
        rows = [(menus.shown_keys(e, self.keys[e.name]), e.text.replace("&", ""), e.tip)
                for e in self.entries] + labels
        self.table.setRowCount(len(rows))
        clashes = self.clashes()
        for r, (keys, text, tip) in enumerate(rows):
            for c, value in enumerate((keys, text, tip)):
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                if c == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if r < len(self.entries) and self.entries[r].name in clashes:
                    item.setForeground(QBrush(QColor("#c62828")))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        twice = sorted(_shown(k) for k, names in self._taken().items() if len(names) > 1)
        self.problem.setText("Keys used twice: " + ", ".join(twice) if twice else "")

    def clashes(self) -> set[str]:
        """Names of actions (and labels) whose keys another one uses too."""
        return {n for names in self._taken().values() if len(names) > 1 for n in names}

    def _taken(self) -> dict[str, list[str]]:
        """Each key in use, with the actions (and labels) that use it."""
        taken: dict[str, list[str]] = {}
        for entry in self.entries:
            for keys in menus.keys_of(entry, self.keys[entry.name]):
                taken.setdefault(QKeySequence(keys).toString(PORTABLE), []).append(entry.name)
        for action in self.window_.label_actions.values():
            keys = action.shortcut().toString(PORTABLE)
            if keys in taken:
                taken[keys].append(action.text())
        return taken

    def assign(self, keys: str) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.entries):
            self.keys[self.entries[row].name] = keys
            self._fill()
            self.table.selectRow(row)

    def defaults(self) -> None:
        self.keys = {e.name: e.shortcut for e in self.entries}
        self._fill()

    def save(self) -> None:
        if self.clashes():
            self.problem.setText("Two actions share keys; change one before saving.")
            return
        menus.save_user_shortcuts(self.keys)
        for entry in self.entries:
            action = self.window_.actions.get(entry.name)
            if action is not None:
                menus.set_shortcut(action, entry, self.keys[entry.name])
        self.accept()


def show(window: Workspace) -> CheatSheet:
    """Open the cheat sheet beside the window (not blocking it)."""
    dialog = CheatSheet(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    window.cheat_sheet = dialog
    return dialog
