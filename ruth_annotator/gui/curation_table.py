"""The curation table: one row per group of versions, one column per annotator and gold.

Rows where annotators disagree and gold has nothing yet are tinted, so the lead's eye goes
to what still needs a decision; agreed rows are quiet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ruth_annotator.gui.describe import plain_tip
from ruth_annotator.gui.theme import LIGHT, Theme
from ruth_annotator.model import Layer, Mention, Quote
from ruth_annotator.model.wording import short
from ruth_annotator.team.curation import Group

AGREED, OPEN, DECIDED = "=", "≠", "✓"


def describe(item: Mention | Quote, layer: Layer, text: str, group: Group) -> str:
    """One annotator's version in a few words; the text only where spans differ."""
    spans = {(v.start, v.end) for v in group.versions.values()}
    own = f" “{short(text[item.start:item.end], 28)}”" if len(spans) > 1 else ""
    if isinstance(item, Mention):
        return f"{item.label}{own}"
    entity = layer.entities.get(item.speaker or "")
    parts = [item.type, entity.name if entity else "no speaker"]
    if item.cue:
        parts.append(f"cue “{item.cue.text(text)}”")
    return ", ".join(parts) + own


def state(group: Group) -> str:
    if group.decided:
        return DECIDED
    return AGREED if group.agreed else OPEN


class CurationTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curation-table")
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.verticalHeader().hide()
        self.setWordWrap(False)
        self.theme: Theme = LIGHT
        self.groups: list[Group] = []

    def fill(self, groups: list[Group], layers: dict[str, Layer], gold: Layer,
             text: str) -> None:
        keep = self.currentRow()
        names = list(layers)
        self.groups = groups
        self.clear()
        self.setColumnCount(3 + len(names) + 1)
        self.setHorizontalHeaderLabels(["", "Kind", "Text", *names, gold.annotator])
        self.setRowCount(len(groups))
        open_tint = self.theme.blend(self.theme.flash, 0.45)
        done_tint = self.theme.blend(self.theme.highlight, 0.12)
        for row, group in enumerate(groups):
            mark = state(group)
            cells = [mark, group.kind, short(text[group.start:group.end], 36)]
            for name in names:
                item = group.versions.get(name)
                cells.append(describe(item, layers[name], text, group) if item else "—")
            if group.gold:
                chosen = f" ({', '.join(group.chosen)})" if group.chosen else " (edited)"
                cells.append("; ".join(describe(g, gold, text, group) for g in group.gold)
                             + chosen)
            else:
                cells.append("")
            for col, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setToolTip(plain_tip(value))  # article text is not markup
                if mark == OPEN:
                    cell.setBackground(open_tint)
                elif mark == DECIDED:
                    cell.setBackground(done_tint)
                else:
                    cell.setForeground(QColor(self.theme.muted))
                if col == 0:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    font = QFont(cell.font())
                    font.setBold(True)
                    cell.setFont(font)
                self.setItem(row, col, cell)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.setColumnWidth(2, 190)
        if groups:
            self.selectRow(min(max(keep, 0), len(groups) - 1))

    def current_group(self) -> Group | None:
        row = self.currentRow()
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def select_next(self, step: int, open_only: bool = True) -> bool:
        """Move to the next (or previous) group that still needs a decision."""
        row = self.currentRow()
        n = len(self.groups)
        for i in range(1, n + 1):
            candidate = (row + step * i) % n
            if not open_only or state(self.groups[candidate]) == OPEN:
                self.selectRow(candidate)
                return True
        return False
