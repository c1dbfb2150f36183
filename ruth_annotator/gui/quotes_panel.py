"""The Quotes panel, read like a transcript: who, the cue and type, then the first words.

Each quote is one two-line row (speaker in bold with "said · direct" beside it, the words
below); nested quotes sit under the quote that contains them. Clicking a row jumps to the
quote; double-clicking it asks for the speaker.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.gui.describe import entity_name, plain_tip, short
from ruth_annotator.model.annotations import PROPOSED, REJECTED, Quote
from ruth_annotator.model.layer import Layer

ROLE_ID = Qt.ItemDataRole.UserRole
ROLE_SPEAKER = Qt.ItemDataRole.UserRole + 1
ROLE_META = Qt.ItemDataRole.UserRole + 2
ROLE_PROPOSED = Qt.ItemDataRole.UserRole + 3
PAD = 5


class TranscriptDelegate(QStyledItemDelegate):
    """Draws a quote row as two lines: speaker and cue/type, then the quote's words."""

    muted = QColor("#6e7781")

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt override)
        height = option.fontMetrics.lineSpacing() * 2 + PAD * 2 + 2
        return QSize(200, height)

    def paint(self, painter, option, index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_color = opt.palette.highlightedText().color() if selected \
            else opt.palette.text().color()
        muted = text_color if selected else self.muted
        rect = opt.rect.adjusted(PAD + 2, PAD, -PAD, -PAD)
        line = opt.fontMetrics.lineSpacing()
        speaker = index.data(ROLE_SPEAKER) or "— no speaker —"
        bold = QFont(opt.font)
        bold.setBold(True)
        italic = bool(index.data(ROLE_PROPOSED))
        bold.setItalic(italic)
        painter.save()
        painter.setFont(bold)
        painter.setPen(text_color if index.data(ROLE_SPEAKER) else muted)
        top = QRect(rect.left(), rect.top(), rect.width(), line)
        elided = painter.fontMetrics().elidedText(speaker, Qt.TextElideMode.ElideRight,
                                                  rect.width() * 2 // 3)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        used = painter.fontMetrics().horizontalAdvance(elided) + 8
        normal = QFont(opt.font)
        normal.setItalic(italic)
        painter.setFont(normal)
        painter.setPen(muted)
        meta = painter.fontMetrics().elidedText(index.data(ROLE_META) or "",
                                                Qt.TextElideMode.ElideRight,
                                                max(0, rect.width() - used))
        painter.drawText(top.adjusted(used, 0, 0, 0),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, meta)
        painter.setPen(text_color)
        words = painter.fontMetrics().elidedText(index.data() or "", Qt.TextElideMode.ElideRight,
                                                 rect.width())
        painter.drawText(QRect(rect.left(), rect.top() + line, rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, words)
        painter.restore()


class QuotesPanel(QWidget):
    selected = Signal(str)  # quote id
    speakerRequested = Signal(str)  # quote id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setObjectName("quotes")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.delegate = TranscriptDelegate(self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.clicked.connect(lambda i: self._emit(self.selected, i))
        self.tree.doubleClicked.connect(lambda i: self._emit(self.speakerRequested, i))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree)
        self._rows: dict[str, QStandardItem] = {}

    @property
    def muted(self) -> QColor:
        return self.delegate.muted

    @muted.setter
    def muted(self, color: QColor) -> None:
        self.delegate.muted = QColor(color)

    def _emit(self, signal, index: QModelIndex) -> None:
        quote_id = index.data(ROLE_ID)
        if quote_id:
            signal.emit(quote_id)

    def refresh(self, layer: Layer | None, text: str) -> None:
        current = self.current_id()
        # a fresh model is far cheaper than clearing a large one row by row
        old, self.model = self.model, QStandardItemModel(self)
        self.tree.setModel(self.model)
        old.deleteLater()
        self._rows = {}
        quotes = [q for q in (layer.sorted_quotes() if layer else []) if q.status != REJECTED]
        for quote in quotes:
            row = self._row(layer, text, quote)
            parent = self._rows.get(quote.parent or "")
            (parent or self.model.invisibleRootItem()).appendRow(row)
            self._rows[quote.id] = row
        self.tree.expandAll()
        if current:
            self.show_annotation(current)

    def _row(self, layer: Layer, text: str, quote: Quote) -> QStandardItem:
        words = " … ".join(text[s.start:s.end] for s in quote.spans)
        words = short(words, 160)
        item = QStandardItem(f"“{words}”" if quote.type == "direct" else words)
        item.setData(quote.id, ROLE_ID)
        item.setData(entity_name(layer, quote.speaker), ROLE_SPEAKER)
        cue = f"{text[quote.cue.start:quote.cue.end]} · " if quote.cue else ""
        suggested = " · suggested" if quote.status == PROPOSED else ""
        item.setData(f"{cue}{quote.type}{suggested}", ROLE_META)
        item.setData(quote.status == PROPOSED, ROLE_PROPOSED)
        tip = short(text[quote.start:quote.end], 400)
        if quote.status == PROPOSED:
            tip += "\n\nSuggested, undecided: A accepts, X rejects."
        item.setToolTip(plain_tip(tip + "\nDouble-click to choose the speaker."))
        return item

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(ROLE_ID) if index.isValid() else None

    def row_count(self) -> int:
        return len(self._rows)

    def show_annotation(self, quote_id: str | None) -> None:
        item = self._rows.get(quote_id or "")
        if item is None:
            return
        index = item.index()
        self.tree.selectionModel().blockSignals(True)
        self.tree.setCurrentIndex(index)
        self.tree.selectionModel().blockSignals(False)
        self.tree.viewport().update()
        self.tree.scrollTo(index)
