"""Charts of agreement figures, drawn with QPainter (no chart library needed).

Rows are figures (mention F1, quote F1, κ, α, speakers …) and series are annotator pairs
(or exact/overlap). With one or two series each figure gets bars from 0 to 1, with faint
lines at 0.2 steps and the usual reading thresholds (0.67 "tentative", 0.8 "good") dashed.
With more series, bars would grow into a wall, so the chart becomes a grid — a row per
series, a column per figure — with each cell tinted by the same thresholds the tables use.
Missing values (nothing to compare) read "n/a"; negative ones (worse than chance) show as a
red stub at 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ruth_annotator.gui.theme import LIGHT, Theme
from ruth_annotator.model.labels import OKABE_ITO

BAR = 14
GAP = 10
MARKS = (0.67, 0.8)
CELL_H = 30
HEADER_H = 40
GRID_FROM = 3  # series at which bars give way to the grid


def tint(theme: Theme, value: float | None) -> QColor:
    """The background a figure gets in grids and tables: weak, fair or good."""
    if value is None:
        return QColor(theme.base)
    if value < MARKS[0]:
        return theme.blend(theme.danger, 0.35)
    if value < MARKS[1]:
        return theme.blend(theme.flash, 0.45)
    return theme.blend(theme.highlight, 0.15 + 0.35 * min(1.0, (value - MARKS[1]) / 0.2))


@dataclass
class Series:
    name: str
    values: list[float | None]  # one per row


class AgreementChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[str] = []
        self.series: list[Series] = []
        self.title = ""
        self.theme: Theme = LIGHT
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_data(self, title: str, rows: list[str], series: list[Series]) -> None:
        self.title, self.rows, self.series = title, rows, series
        self.updateGeometry()
        self.update()

    def color(self, index: int) -> QColor:
        return QColor(OKABE_ITO[(index + 4) % len(OKABE_ITO)])

    def _row_height(self) -> int:
        return max(1, len(self.series)) * BAR + GAP

    @property
    def grid(self) -> bool:
        return len(self.series) >= GRID_FROM

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        if self.grid:
            return QSize(560, 40 + HEADER_H + len(self.series) * CELL_H)
        legend = 24 if len(self.series) > 1 else 0
        return QSize(560, 48 + legend + len(self.rows) * self._row_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, self.sizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.base))
        font = QFont(self.font())
        metrics = QFontMetrics(font)
        label_w = max([metrics.horizontalAdvance(r) for r in self.rows] + [60]) + 16
        left, right = label_w, self.width() - 56
        top = 8
        bold = QFont(font)
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor(t.text))
        p.drawText(QRectF(8, top, self.width() - 16, 20), Qt.AlignmentFlag.AlignLeft,
                   self.title)
        p.setFont(font)
        top += 26
        if self.grid:
            self._grid(p, top, metrics)
            return
        if len(self.series) > 1:
            x = left
            for i, s in enumerate(self.series):
                p.fillRect(QRectF(x, top + 3, 12, 12), self.color(i))
                p.setPen(QColor(t.text))
                p.drawText(QRectF(x + 16, top, 400, 18), Qt.AlignmentFlag.AlignLeft, s.name)
                x += 16 + metrics.horizontalAdvance(s.name) + 18
            top += 24
        width = max(10, right - left)
        bottom = top + len(self.rows) * self._row_height()
        self._scale(p, left, width, top, bottom, metrics)
        for r, row in enumerate(self.rows):
            y = top + r * self._row_height()
            p.setPen(QColor(t.text))
            p.drawText(QRectF(8, y, label_w - 12, len(self.series) * BAR),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, row)
            for i, s in enumerate(self.series):
                self._bar(p, s.values[r] if r < len(s.values) else None, i,
                          QRectF(left, y + i * BAR + 1, width, BAR - 2))

    def _scale(self, p: QPainter, left: float, width: float, top: float, bottom: float,
               metrics: QFontMetrics) -> None:
        t = self.theme
        for step in range(6):
            x = left + width * step / 5
            p.setPen(QPen(QColor(t.muted), 0.5, Qt.PenStyle.SolidLine if step == 0
                          else Qt.PenStyle.DotLine))
            p.drawLine(x, top - 2, x, bottom)
            p.drawText(QRectF(x - 20, bottom + 2, 40, 16), Qt.AlignmentFlag.AlignCenter,
                       f"{step / 5:.1f}")
        for mark in MARKS:
            x = left + width * mark
            p.setPen(QPen(QColor(t.danger if mark < 0.8 else t.highlight), 1,
                          Qt.PenStyle.DashLine))
            p.drawLine(x, top - 2, x, bottom)

    def _bar(self, p: QPainter, value: float | None, index: int, rect: QRectF) -> None:
        t = self.theme
        text_rect = QRectF(rect.right() + 4, rect.top() - 2, 52, rect.height() + 4)
        p.setPen(QColor(t.text))
        if value is None:
            p.setPen(QColor(t.muted))
            p.drawText(QRectF(rect.left() + 4, rect.top() - 2, 60, rect.height() + 4),
                       Qt.AlignmentFlag.AlignVCenter, "n/a")
            return
        if value < 0:  # worse than chance: a red stub at 0
            p.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), QColor(t.danger))
        else:
            w = rect.width() * min(1.0, value)
            p.fillRect(QRectF(rect.left(), rect.top(), max(w, 1.5), rect.height()),
                       self.color(index))
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, f"{value:.2f}")

    def _grid(self, p: QPainter, top: float, metrics: QFontMetrics) -> None:
        t = self.theme
        name_w = max(metrics.horizontalAdvance(s.name) for s in self.series) + 16
        cell_w = max(40.0, (self.width() - 8 - name_w) / max(1, len(self.rows)))
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        for c, row in enumerate(self.rows):
            p.setPen(QColor(t.text))
            p.drawText(QRectF(name_w + c * cell_w + 2, top, cell_w - 4, HEADER_H), flags, row)
        top += HEADER_H
        for r, series in enumerate(self.series):
            y = top + r * CELL_H
            p.setPen(QColor(t.text))
            p.drawText(QRectF(8, y, name_w - 8, CELL_H),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, series.name)
            for c, value in enumerate(series.values):
                cell = QRectF(name_w + c * cell_w + 1, y + 1, cell_w - 2, CELL_H - 2)
                p.fillRect(cell, tint(t, value))
                p.setPen(QColor(t.muted if value is None else t.text))
                p.drawText(cell, Qt.AlignmentFlag.AlignCenter,
                           "n/a" if value is None else f"{value:.2f}")
