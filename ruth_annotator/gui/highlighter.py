"""Draws annotations into the article, one paragraph at a time.

A QSyntaxHighlighter attached before the text is set formats each block as Qt lays it out;
this scales to a 2 MB article with 100,000 spans (see MEASUREMENTS.md), where extra
selections or per-span cursor formats do not. Overlaps are drawn by cutting the paragraph
at every mark boundary and giving each piece one combined format:
- mention: tinted background in its label colour (innermost mention wins);
- quote: a band in the quote colour, stronger for each level of nesting, and an underline;
- suggestion: fainter fill and a dashed underline;
- cue: dotted underline; the selected quote's cue is bold and its band strongest.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

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

    def configure(self, positions: Positions, colors: dict[str, str], theme: Theme) -> None:
        """Set before the text: the document's positions, label colours and theme."""
        self.positions = positions
        self.colors = dict(colors)
        self.theme = theme
        self._formats.clear()

    # --- drawing --------------------------------------------------------------------

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        block = self.currentBlock()
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
            fmt.setBackground(t.quote_band(depth, selected))
            fmt.setUnderlineStyle(UNDER.SingleUnderline if quote_accepted
                                  else UNDER.DashUnderline)
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
                fmt.setUnderlineStyle(UNDER.DashUnderline)
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
