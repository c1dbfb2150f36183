"""Draws annotations into the article, one paragraph at a time.

A QSyntaxHighlighter formats one paragraph (block) at a time, which scales to a 2 MB
article with 100,000 spans (see MEASUREMENTS.md) where extra selections or per-span cursor
formats do not. It is attached before the text is set, but draws only paragraphs the view
has marked ready (those in sight, see ArticleView.draw_visible): Qt calls it for every
paragraph of a new text, and formatting all of them would cost a second on opening a
2 MB article. Overlaps are drawn by cutting the paragraph at every mark boundary and giving
each piece one combined format:
- mention: filled with its label colour (innermost mention wins);
- quote: a band in the quote colour, stronger for each level of nesting, and a solid line;
- suggestion: hollow, a different shape rather than a paler shade: a wavy line in the
  label (or quote) colour over at most a trace of fill, so it never passes for decided work;
- cue: dotted underline; the selected quote's cue is bold and its band strongest.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from ruth_annotator.gui.positions import Positions
from ruth_annotator.gui.span_index import CUE, MENTION, QUOTE, Mark, SpanIndex
from ruth_annotator.gui.theme import LIGHT, Theme

UNDER = QTextCharFormat.UnderlineStyle


class Highlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.index = SpanIndex()
        self.positions = Positions("")
        self.colors: dict[str, str] = {}
        self.theme: Theme = LIGHT
        self.selected_quote: str | None = None
        self._formats: dict[tuple, QTextCharFormat] = {}
        self._ready = bytearray()  # per paragraph number: 1 once it may be drawn

    def configure(self, positions: Positions, colors: dict[str, str], theme: Theme) -> None:
        """Set before the text: the document's positions, label colours and theme."""
        self.positions = positions
        self.colors = dict(colors)
        self.theme = theme
        self._formats.clear()

    # --- drawing --------------------------------------------------------------------

    def forget_drawn(self, blocks: int = 0) -> None:
        """A new text: no paragraph is drawn yet (`blocks` of them once it is set)."""
        self._ready = bytearray(blocks)

    def is_ready(self, block: QTextBlock) -> bool:
        n = block.blockNumber()
        return n < len(self._ready) and self._ready[n] == 1

    def draw(self, block: QTextBlock) -> None:
        """Draw a paragraph for the first time (it is coming into sight)."""
        n = block.blockNumber()
        if 0 <= n < len(self._ready) and not self._ready[n]:
            self._ready[n] = 1
            self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        block = self.currentBlock()
        n = block.blockNumber()
        if n >= len(self._ready) or not self._ready[n]:
            return  # out of sight: drawn when it comes into view
        q0 = block.position()
        pos = self.positions
        a = pos.to_model(q0)
        b = pos.to_model(q0 + block.length() - 1)  # `text` counts code points, Qt UTF-16
        marks = self.index.marks_in(a, b)
        if not marks:
            return
        cuts = sorted({a, b, *(max(a, min(b, m.start)) for m in marks),
                       *(max(a, min(b, m.end)) for m in marks)})
        for s, e in zip(cuts, cuts[1:], strict=False):
            covering = [m for m in marks if m.start <= s and e <= m.end]
            if not covering:
                continue
            fmt = self._format(self._key(covering))
            if fmt is not None:
                u = pos.to_qt(s)
                self.setFormat(u - q0, pos.to_qt(e) - u, fmt)

    def _key(self, covering: list[Mark]) -> tuple:
        mention: Mark | None = None
        depth = 0
        quote_accepted = False
        cue = cue_bold = selected = False
        for m in covering:
            if m.kind == MENTION:
                if mention is None or (m.end - m.start) < (mention.end - mention.start):
                    mention = m
            elif m.kind == QUOTE:
                depth += 1
                quote_accepted |= not m.proposed
                selected |= m.id == self.selected_quote
            elif m.kind == CUE:
                cue = True
                cue_bold |= m.id == self.selected_quote
        return (
            (mention.label, mention.proposed) if mention else None,
            depth, quote_accepted, selected, cue, cue_bold,
        )

    def _format(self, key: tuple) -> QTextCharFormat | None:
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = self._formats[key] = self._make_format(*key)
        return fmt

    def _make_format(self, mention, depth, quote_accepted, selected, cue, cue_bold):
        t = self.theme
        fmt = QTextCharFormat()
        if depth:
            if quote_accepted or selected:  # the current suggestion: a faint band to find it
                fmt.setBackground(t.quote_band(depth, selected) if quote_accepted
                                  else t.quote_band(1, False))
            fmt.setUnderlineStyle(UNDER.SingleUnderline if quote_accepted
                                  else UNDER.WaveUnderline)
            fmt.setUnderlineColor(QColor(t.quote))
        if cue:
            fmt.setUnderlineStyle(UNDER.DotLine)
            fmt.setUnderlineColor(QColor(t.quote))
            fmt.setForeground(QColor(t.quote))
            if cue_bold:
                fmt.setFontWeight(QFont.Weight.Bold)
        if mention is not None:
            label, proposed = mention
            color = self.colors.get(label, "#999999")
            fmt.setBackground(t.mention_background(color, proposed))
            if proposed:
                fmt.setUnderlineStyle(UNDER.WaveUnderline)
                fmt.setUnderlineColor(t.line_color(color))
        return fmt

    # --- updates --------------------------------------------------------------------

    def rehighlight_range(self, start: int, end: int) -> None:
        """Redraw the paragraphs that hold code points [start, end)."""
        doc = self.document()
        if doc is None:
            return
        block = doc.findBlock(self.positions.to_qt(start))
        last = self.positions.to_qt(max(start, end))
        while block.isValid() and block.position() <= last:
            if self.is_ready(block):  # the others are drawn when they come into sight
                self.rehighlightBlock(block)
            block = block.next()

    def set_selected_quote(self, quote_id: str | None) -> None:
        """Make one quote's band and cue stand out; redraws only what changes."""
        if quote_id == self.selected_quote:
            return
        old, self.selected_quote = self.selected_quote, quote_id
        for qid in (old, quote_id):
            for mark in self.index.marks_of_id(qid) if qid else ():
                self.rehighlight_range(mark.start, mark.end)
