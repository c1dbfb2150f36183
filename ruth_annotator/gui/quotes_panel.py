"""The Quotes panel, read like a transcript: who, the cue and type, then the first words.

Each quote is one two-line row (speaker in bold with "said · direct" beside it, the words
below); nested quotes sit under the quote that contains them. Clicking a row jumps to the
quote; double-clicking it asks for the speaker.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.gui.describe import entity_name, plain_tip, short
from ruth_annotator.gui.sorted_tree import ROOT, BranchDelegate, FlatTreeView, SortedTreeModel
from ruth_annotator.model.annotations import PROPOSED, REJECTED, Quote
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.layer import Layer

ROLE_ID = Qt.ItemDataRole.UserRole
ROLE_SPEAKER = Qt.ItemDataRole.UserRole + 1
ROLE_META = Qt.ItemDataRole.UserRole + 2
ROLE_PROPOSED = Qt.ItemDataRole.UserRole + 3
PAD = 5


class TranscriptDelegate(BranchDelegate):
    """Draws a quote row as two lines: speaker and cue/type, then the quote's words."""

    muted = QColor("#6e7781")

    def row_height(self, view) -> int:
        return view.fontMetrics().lineSpacing() * 2 + PAD * 2 + 2

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 (Qt override)
        return QSize(200, option.fontMetrics.lineSpacing() * 2 + PAD * 2 + 2)

    def paint_content(self, painter, option, index) -> None:
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


def quote_key(quote: Quote) -> tuple:
    return (quote.start, -quote.end, quote.id)


def _shown(quote: Quote | None) -> bool:
    return quote is not None and quote.status != REJECTED


class QuoteTreeModel(SortedTreeModel):
    """The layer's quotes in text order, each under the quote that contains it (when that
    one is shown and comes first). Row content is read from the layer when drawn."""

    default_open = True

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.layer: Layer | None = None
        self.text = ""
        self._nested: dict[str, set[str]] = {}  # parent id -> quotes naming it, as shown
        self._spoken: dict[str, set[str]] = {}  # speaker entity id -> quotes, as shown

    def rebuild(self, layer: Layer | None, text: str) -> None:
        self.beginResetModel()
        self.layer, self.text = layer, text
        nested: defaultdict[str, set[str]] = defaultdict(set)
        spoken: defaultdict[str, set[str]] = defaultdict(set)
        rows: dict[str, list[tuple[tuple, str]]] = {ROOT: []}
        shown = sorted((quote_key(q), q) for q in (layer.quotes.values() if layer else ())
                       if q.status != REJECTED)
        placed: set[str] = set()
        for key, quote in shown:
            parent = quote.parent
            if parent:
                nested[parent].add(quote.id)
            if quote.speaker:
                spoken[quote.speaker].add(quote.id)
            rows.setdefault(parent if parent in placed else ROOT, []).append((key, quote.id))
            placed.add(quote.id)
        self._nested, self._spoken = dict(nested), dict(spoken)
        self._reset(rows)
        self.endResetModel()

    def _unloaded_count(self, parent_id: str) -> int:
        return 0  # every quote's rows are placed when the model is built

    def _note(self, quote: Quote, present: bool) -> None:
        """Keep the parent and speaker look-ups in step with what is shown."""
        for table, ref in ((self._nested, quote.parent), (self._spoken, quote.speaker)):
            if ref:
                if present:
                    table.setdefault(ref, set()).add(quote.id)
                else:
                    table.get(ref, set()).discard(quote.id)

    def _home(self, quote: Quote) -> str:
        """The parent row: the containing quote when shown and earlier in the order."""
        parent = self.layer.quotes.get(quote.parent or "")
        if _shown(parent) and quote_key(parent) < quote_key(quote):
            return parent.id
        return ROOT

    def apply_changes(self, changes: ChangeSet) -> None:
        """Follow one change set (already applied to the layer) row by row: changed quotes
        and the quotes nested in them find their place; renamed speakers redraw."""
        layer = self.layer
        if layer is None:
            return
        todo: dict[str, None] = {}
        renamed: set[str] = set()
        for change in changes.changes:
            if change.kind == "entity":
                renamed.add(change.id)
            elif change.kind == "quote":
                todo[change.id] = None
                todo.update(dict.fromkeys(self._nested.get(change.id, ())))
                if _shown(change.before) and self.contains(change.id):
                    self._note(change.before, False)
        for node in todo:
            if _shown(layer.quotes.get(node)) and self.contains(node):
                self._note(layer.quotes[node], False)
        try:
            self._move_rows(todo)
        except ValueError:  # an order no containing could produce: draw it afresh
            self.rebuild(layer, self.text)
            return
        for eid in renamed:
            for node in self._spoken.get(eid, ()):
                self._changed_row(node)

    def _move_rows(self, todo: dict[str, None]) -> None:
        layer = self.layer
        shown = sorted((quote_key(layer.quotes[n]), n) for n in todo
                       if _shown(layer.quotes.get(n)))
        for key, node in shown:  # parents come before what they contain
            quote = layer.quotes[node]
            if self._place(node, self._home(quote), key):
                self._changed_row(node)
            self._note(quote, True)
        gone = [n for n in todo if not _shown(layer.quotes.get(n)) and self.contains(n)]
        for node in sorted(gone, key=self._key.__getitem__, reverse=True):
            if self._children.get(node):
                raise ValueError(f"{node} still holds rows")
            self._drop(node)

    def columnCount(self, parent=None) -> int:  # noqa: N802
        return 1

    def quote(self, index: QModelIndex) -> Quote | None:
        node = self.node(index)
        return self.layer.quotes.get(node) if node and self.layer else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        quote = self.quote(index)
        if quote is None:
            return None
        text = self.text
        if role == Qt.ItemDataRole.DisplayRole:
            words = short(" … ".join(text[s.start:s.end] for s in quote.spans), 160)
            return f"“{words}”" if quote.type == "direct" else words
        if role == ROLE_ID:
            return quote.id
        if role == ROLE_SPEAKER:
            return entity_name(self.layer, quote.speaker)
        if role == ROLE_META:
            cue = f"{text[quote.cue.start:quote.cue.end]} · " if quote.cue else ""
            suggested = " · suggested" if quote.status == PROPOSED else ""
            return f"{cue}{quote.type}{suggested}"
        if role == ROLE_PROPOSED:
            return quote.status == PROPOSED
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = short(text[quote.start:quote.end], 400)
            if quote.status == PROPOSED:
                tip += "\n\nSuggested, undecided: A accepts, X rejects."
            return plain_tip(tip + "\nDouble-click to choose the speaker.")
        return None


class QuotesPanel(QWidget):
    selected = Signal(str)  # quote id
    speakerRequested = Signal(str)  # quote id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = QuoteTreeModel(self)
        self.tree = FlatTreeView()
        self.tree.setObjectName("quotes")
        self.tree.setModel(self.model)
        self.tree.horizontalHeader().hide()
        self.tree.horizontalHeader().setStretchLastSection(True)
        self.tree.indentation = 14
        self.delegate = TranscriptDelegate(self.tree)
        self.tree.setItemDelegate(self.delegate)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.clicked.connect(lambda i: self._emit(self.selected, i))
        self.tree.doubleClicked.connect(lambda i: self._emit(self.speakerRequested, i))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree)

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
        """Show another layer (or the same one afresh), every nested quote in sight."""
        current = self.current_id()
        self.model.rebuild(layer, text)
        if current:
            self.show_annotation(current)

    def apply_changes(self, changes: ChangeSet) -> None:
        """Follow one action: only its rows change."""
        self.model.apply_changes(changes)

    def current_id(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(ROLE_ID) if index.isValid() else None

    def show_annotation(self, quote_id: str | None) -> None:
        if quote_id and self.model.contains(quote_id):
            self.model.reveal(quote_id)  # nested in a closed quote: open it
        index = self.model.index_of(quote_id)
        if not index.isValid():
            return
        self.tree.selectionModel().blockSignals(True)
        self.tree.setCurrentIndex(index)
        self.tree.selectionModel().blockSignals(False)
        self.tree.viewport().update()
        self.tree.scrollTo(index)
