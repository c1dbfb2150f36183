"""The article: read-only text with annotations drawn by the highlighter.

Positions leave this widget only as code points (through `Positions`). Persistent marks are
the highlighter's; transient ones (flash, search hits) are extra selections; the outline of
the current quote's speaker is painted over the text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPen,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QApplication, QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from ruth_annotator.gui import words
from ruth_annotator.gui.highlighter import Highlighter
from ruth_annotator.gui.positions import Positions, display_text
from ruth_annotator.gui.span_index import Mark
from ruth_annotator.gui.theme import LIGHT, Theme
from ruth_annotator.model.annotations import Span
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.layer import Layer

FLASH_MS = 700
READING_COLUMNS = 92  # a comfortable line length, in average characters
MAX_MARKS = 500  # extra selections stay cheap below a few hundred


class ArticleView(QPlainTextEdit):
    clicked = Signal(int)  # code point under a plain click (no drag)
    dragged = Signal()  # a selection was made with the mouse

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("article")
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.highlighter = Highlighter(self.document())
        self.positions = Positions("")
        self.theme: Theme = LIGHT
        self.snap_words = True
        self.describe: Callable[[int], str] = lambda position: ""
        self.menu_actions: list = []
        self._outlines: list[Span] = []
        self._links: list[tuple[Span, Span]] = []  # speaker mention, quote (overview)
        self._labels: list[tuple[Span, str, str]] = []  # mention, label, colour
        self._drawn_at: tuple | None = None  # where the view was when last drawn
        self._extra: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._press: QPoint | None = None  # where the left button went down, while down
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(lambda: self._set_extra("flash", []))
        self.set_zoom(0)

    # --- content --------------------------------------------------------------------

    def show_document(self, text: str, layer: Layer, colors: dict[str, str],
                      theme: Theme) -> None:
        """Show a text with its layer; the highlighter is ready before the text is set."""
        self.theme = theme
        self.positions = Positions(text)
        self.highlighter.configure(self.positions, colors, theme)
        self.highlighter.index.build(layer)
        self.highlighter.selected_quote = None
        self._outlines = []
        self._extra.clear()
        self.setExtraSelections([])
        self.highlighter.forget_drawn()
        self.setPlainText(display_text(text))
        self.highlighter.forget_drawn(self.document().blockCount())
        self._drawn_at = None
        self.draw_visible()

    def draw_visible(self) -> None:
        """Draw the annotations of the paragraphs in sight, and of a screen above and
        below, that are not drawn yet: called on scrolling, resizing and painting, so a
        paragraph is drawn before it is first painted."""
        block = self.firstVisibleBlock()
        height = self.viewport().height()
        place = (block.blockNumber(), self.verticalScrollBar().value(), height,
                 self.document().documentLayout().documentSize().height())
        if not block.isValid() or place == self._drawn_at:
            return  # nothing moved since the last call (most paints)
        self._drawn_at = place
        above = 0.0
        while above < height and block.previous().isValid():
            block = block.previous()
            above += self.blockBoundingRect(block).height()
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        draw = self.highlighter.draw
        while block.isValid() and top <= 2 * height:
            draw(block)
            top += self.blockBoundingRect(block).height()
            block = block.next()

    def marks_in(self, span: Span) -> list[Mark]:
        """What is drawn over a span: the marks of the annotations shown there."""
        return self.highlighter.index.marks_in(span.start, span.end)

    def apply_changes(self, changes: ChangeSet) -> None:
        """Redraw what a change set touched (a redrawn paragraph repaints itself)."""
        for start, end in self.highlighter.index.update(changes):
            self.highlighter.rehighlight_range(start, end)

    def set_selected_quote(self, quote_id: str | None, outlines: list[Span]) -> None:
        """Stress one quote and outline its speaker mention; repaints only the outlines
        that come or go (a whole repaint of a dense page costs more than the action)."""
        self.highlighter.set_selected_quote(quote_id)
        if outlines == self._outlines:
            return
        for span in (*self._outlines, *outlines):
            for rect in self.span_rects(span):
                self.viewport().update(rect.toAlignedRect().adjusted(-4, -2, 4, 2))
        self._outlines = outlines

    def set_overview(self, links: list[tuple[Span, Span]],
                     labels: list[tuple[Span, str, str]]) -> None:
        """Every speaker link (a curve from the speaker's mention to its quote) and every
        mention's label, drawn over the text in sight; empty lists draw nothing."""
        if (links, labels) != (self._links, self._labels):
            self._links, self._labels = links, labels
            self.viewport().update()

    def set_zoom(self, steps: int) -> None:
        """Reading size: the system font a little larger, plus `steps` points."""
        font = QFont(QApplication.font())
        base = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
        font.setPointSizeF(max(7.0, base * 1.2 + steps))
        self.setFont(font)
        self.document().setDocumentMargin(18)
        self._fit_column()

    # --- selection in code points -----------------------------------------------------

    def selected_span(self) -> Span | None:
        span = self.positions.cursor_span(self.textCursor())
        if span is not None and self.snap_words:
            span = words.snap(self.positions.text, span)
        return span if span is not None and span.end > span.start else None

    def cursor_position(self) -> int:
        return self.positions.cursor_position(self.textCursor())

    def select_span(self, span: Span) -> None:
        cursor = self.textCursor()
        self.positions.select(cursor, span)
        self.setTextCursor(cursor)

    def place_cursor(self, position: int) -> None:
        cursor = self.textCursor()
        self.positions.place(cursor, position)
        self.setTextCursor(cursor)

    def scroll_to(self, span: Span) -> None:
        cursor = QTextCursor(self.document())
        self.positions.place(cursor, span.start)
        self.setTextCursor(cursor)
        self.centerCursor()

    # --- transient marks --------------------------------------------------------------

    def _selection(self, span: Span, color: str) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        self.positions.select(cursor, span)
        sel.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(color))
        sel.format = fmt
        return sel

    def _set_extra(self, name: str, selections: list) -> None:
        self._extra[name] = selections
        self.setExtraSelections([s for group in self._extra.values() for s in group])

    def flash(self, spans: list[Span]) -> None:
        """Briefly light up spans, so the eye finds what a panel row points to."""
        self._set_extra("flash", [self._selection(s, self.theme.flash) for s in spans[:50]])
        self._flash_timer.start()

    def set_search_hits(self, spans: list[Span]) -> None:
        self._set_extra("search", [self._selection(s, self.theme.search)
                                   for s in spans[:MAX_MARKS]])

    def show_span(self, span: Span) -> None:
        """Scroll, only if needed, so that a span is in sight; the text cursor stays where
        it is (a candidate flashed while choosing must be seen, not made the selection)."""
        port = QRectF(self.viewport().rect())
        if any(port.contains(r) for r in self.span_rects(span)):
            return
        start = self.positions.to_qt(span.start)
        block = self.document().findBlock(start)
        line = block.layout().lineForTextPosition(start - block.position())
        first = block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0)
        shown = max(1, self.viewport().height() // max(1, self.fontMetrics().lineSpacing()))
        self.verticalScrollBar().setValue(max(0, first - shown // 3))

    def visible_span(self) -> Span:
        """The code points in sight, from the top-left to the bottom-right of the page."""
        port = self.viewport().rect()
        first = self.cursorForPosition(port.topLeft())
        last = self.cursorForPosition(port.bottomRight())
        return Span(self.positions.cursor_position(first),
                    self.positions.cursor_position(last))

    def span_rects(self, span: Span) -> list[QRectF]:
        """Rectangles (viewport coordinates) covering a span, one per visual line."""
        start, end = self.positions.to_qt(span.start), self.positions.to_qt(span.end)
        rects: list[QRectF] = []
        block = self.document().findBlock(start)
        offset = self.contentOffset()
        while block.isValid() and block.position() < end:
            top = self.blockBoundingGeometry(block).translated(offset).topLeft()
            layout = block.layout()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                a = max(start - block.position(), line.textStart())
                b = min(end - block.position(), line.textStart() + line.textLength())
                if a < b:
                    x1, x2 = line.cursorToX(a)[0], line.cursorToX(b)[0]
                    rects.append(QRectF(top.x() + x1, top.y() + line.y(), x2 - x1,
                                        line.height()))
            block = block.next()
        return rects

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt override)
        super().scrollContentsBy(dx, dy)
        self.draw_visible()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.draw_visible()  # in case the view moved in a way not seen above
        super().paintEvent(event)
        if not (self._outlines or self._links or self._labels):
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(self.theme.outline), 1.6))
        for span in self._outlines:
            for rect in self.span_rects(span):
                painter.drawRoundedRect(rect.adjusted(-1.5, 0.5, 1.5, -0.5), 3, 3)
        if self._links or self._labels:
            self._paint_overview(painter)
        painter.end()

    def _paint_overview(self, painter: QPainter) -> None:
        sight = self.visible_span()

        def seen(span: Span) -> bool:
            return span.start <= sight.end and sight.start <= span.end

        pen = QPen(QColor(self.theme.quote), 1.4)
        for mention, quote in self._links:
            if not (seen(mention) or seen(quote)):
                continue
            a, b = self.span_rects(mention), self.span_rects(quote)
            if not a or not b:
                continue
            start = QPointF(a[0].center().x(), a[0].top())
            end = QPointF(b[0].left() + 2, b[0].top())
            lift = max(14.0, min(60.0, abs(end.x() - start.x()) / 4))
            path = QPainterPath(start)
            path.cubicTo(start + QPointF(0, -lift), end + QPointF(0, -lift), end)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(QColor(self.theme.quote))
            painter.drawEllipse(end, 2.5, 2.5)
            painter.setPen(QPen(QColor(self.theme.quote), 1.2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for rect in a:
                painter.drawRoundedRect(rect.adjusted(-1.5, 0.5, 1.5, -0.5), 3, 3)
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, self.font().pointSizeF() * 0.55))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        for span, label, color in self._labels:
            if not seen(span):
                continue
            rects = self.span_rects(span)
            if not rects:
                continue
            tag = QRectF(rects[-1].right() - metrics.horizontalAdvance(label) - 4,
                         rects[-1].top() - metrics.height() / 2, metrics.horizontalAdvance(label)
                         + 4, metrics.height())
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(color))
            painter.drawRoundedRect(tag, 2, 2)
            painter.setPen(QColor("#ffffff" if QColor(color).lightness() < 150 else "#000000"))
            painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)

    # --- mouse --------------------------------------------------------------------------

    @property
    def mouse_down(self) -> bool:
        """The left button is held (a click or drag is under way)."""
        return self._press is not None

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        moved = self._press is not None and (
            (event.position().toPoint() - self._press).manhattanLength() > 3)
        self._press = None
        if not moved and not self.textCursor().hasSelection():
            pos = self.cursorForPosition(event.position().toPoint())
            self.clicked.emit(self.positions.cursor_position(pos))
            return
        if self.snap_words:
            span = self.selected_span()
            if span is not None:
                self.select_span(span)
        self.dragged.emit()

    def viewportEvent(self, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ToolTip:
            cursor = self.cursorForPosition(event.pos())
            text = self.describe(self.positions.cursor_position(cursor))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        menu: QMenu = self.createStandardContextMenu(event.pos())
        if self.menu_actions:
            menu.addSeparator()
            for action in self.menu_actions:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # --- layout ---------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_column()
        self.draw_visible()

    def _fit_column(self) -> None:
        """Keep lines at a readable length by centring a column in wide windows."""
        column = READING_COLUMNS * max(1, self.fontMetrics().averageCharWidth())
        margin = max(0, (self.width() - column) // 2)
        if margin != self.viewportMargins().left():
            self.setViewportMargins(margin, 0, margin, 0)
            # QPlainTextEdit re-wraps only in a resizeEvent whose width changed
            QPlainTextEdit.resizeEvent(self, QResizeEvent(self.size(), QSize(-1, -1)))
