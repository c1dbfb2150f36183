"""Keeping the article, the panels and the status bar on the same annotation.

The current annotation follows the text cursor, wherever it was moved (a click, the arrow
keys, Find): the mention there, else the innermost quote; in plain text the current quote
stays current while it is in sight or beside the cursor (else the nearest quote beside the
cursor is, else none), so a cue typed after Find goes to the quote Find landed by, never to
one off screen. Text selected outside quotes keeps the current quote: its cue or segment.
Choosing a panel row (or a search hit, or N / P) scrolls the article to it and flashes it.
The current quote is stressed in the text with its speaker mention outlined.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from ruth_annotator.app.search import Hit
from ruth_annotator.gui import describe
from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.entities_panel import EntitiesPanel
from ruth_annotator.gui.picker import Candidate, Picker
from ruth_annotator.gui.quotes_panel import QuotesPanel
from ruth_annotator.gui.session import Session
from ruth_annotator.model.annotations import REJECTED, Entity, Mention, Quote, Span
from ruth_annotator.model.layer import Layer

BESIDE = 150  # code points from a quote within which the cursor is "at" it (its cue, its
# speaker's name, the words between its segments); farther, no quote is current


class Selection:
    def __init__(self, session: Session, view: ArticleView, picker: Picker,
                 entities_panel: EntitiesPanel, quotes_panel: QuotesPanel, status_item: QLabel,
                 open_document: Callable[[int], None]) -> None:
        self.session = session
        self.view = view
        self.picker = picker
        self.entities_panel = entities_panel
        self.quotes_panel = quotes_panel
        self.status_item = status_item
        self.open_document = open_document
        self._revealing = False  # a reveal moves the cursor itself: do not follow it
        view.cursorPositionChanged.connect(self.follow_cursor)
        view.dragged.connect(self.follow_cursor)

    def clicked(self, position: int) -> None:
        """A plain click: what is there becomes current; while the speaker chooser is open,
        a mention clicked is chosen instead."""
        layer = self.session.layer
        if layer is None:
            return
        if not (self.picker.isVisible() and self.picker.picks_mentions):
            self.follow_cursor()
            return
        mentions = _mentions_at(layer, position)
        if mentions:
            m = mentions[0]
            self.picker.confirm(Candidate(m.id, mention=m.id, entity=m.entity, span=m.span))

    def follow_cursor(self) -> None:
        """Make what is at the text cursor current (see the module docstring)."""
        layer = self.session.layer
        if (layer is None or self._revealing or self.picker.isVisible()
                or self.view.mouse_down):  # a click or drag is followed when it ends
            return
        span = self.view.selected_span()
        position = span.start if span is not None else self.view.cursor_position()
        mentions = _mentions_at(layer, position, end_too=True)
        quotes = _quotes_at(layer, position)
        current = self.session.current_quote()
        if quotes:
            quote = quotes[0]
        elif span is not None and current is not None and current.status != REJECTED:
            quote = current  # text selected for the current quote: its cue, a segment
        elif current is not None and current.status != REJECTED and self._in_sight(current):
            quote = current
        else:
            quote = _quote_near(layer, position, current)
        if quote is None:
            self.session.current_quote_id = None
        elif quote.id != self.session.current_quote_id:
            self.session.set_current(quote.id)
        item = mentions[0].id if mentions else (quotes[0].id if quotes else None)
        self.session.set_current(item)
        if item is None:  # the current quote may have changed without the current item
            self.current_changed(None)

    def _in_sight(self, quote: Quote) -> bool:
        port = self.view.viewport().rect()
        return any(port.intersects(r.toAlignedRect())
                   for s in quote.spans for r in self.view.span_rects(s))

    def reveal(self, item_id: str) -> None:
        """Make an annotation current, scroll to it and flash it (an entity: all its
        mentions)."""
        layer = self.session.layer
        item = layer.get(item_id) if layer else None
        if item is None:
            return
        self.session.set_current(item_id)
        if isinstance(item, Entity):
            spans = [m.span for m in layer.mentions_of(item.id)]
        else:
            spans = list(getattr(item, "spans", None) or [item.span])
        if spans:
            self._revealing = True
            try:
                self.view.scroll_to(spans[0])
            finally:
                self._revealing = False
            self.view.flash(spans)

    def current_changed(self, item_id: str | None) -> None:
        s = self.session
        if s.layer is None:
            return
        quote = s.current_quote()
        if quote is not None and quote.status == REJECTED:  # gone from the text
            quote = None
        outlines: list[Span] = []
        if quote is not None and quote.speaker_mention in s.layer.mentions:
            outlines.append(s.layer.mentions[quote.speaker_mention].span)
        current = s.layer.get(item_id or "")
        if isinstance(current, Mention):
            outlines.append(current.span)
        self.view.set_selected_quote(quote.id if quote else None, outlines)
        self.entities_panel.show_annotation(item_id)
        self.quotes_panel.show_annotation(quote.id if quote else None)
        self.show_status_item()

    def show_status_item(self) -> None:
        s = self.session
        if s.layer is not None:
            item = s.layer.get(s.current_id or "")
            self.status_item.setText(describe.line(s.layer, s.text, item))

    def picker_highlight(self, candidate: Candidate | None) -> None:
        if candidate is not None and candidate.span is not None:
            self.view.show_span(candidate.span)
            self.view.flash([candidate.span])

    def open_hit(self, hit: Hit) -> None:
        self.open_document(hit.document_id)
        if self.session.document and self.session.document.id == hit.document_id:
            span = Span(hit.start, hit.end)
            self.view.scroll_to(span)
            self.view.select_span(span)
            self.view.flash([span])


def _mentions_at(layer: Layer, position: int, end_too: bool = False) -> list[Mention]:
    """The mentions standing at a position (or, with end_too, a cursor just after one),
    innermost first."""
    found = (m for m in layer.mentions.values()
             if m.start <= position < m.end + end_too and m.status != REJECTED)
    return sorted(found, key=lambda m: m.end - m.start)


def _quotes_at(layer: Layer, position: int) -> list[Quote]:
    """The quotes with a segment at the cursor (or just before it), innermost first."""
    found = (q for q in layer.quotes.values() if q.status != REJECTED
             and any(s.start <= position <= s.end for s in q.spans))
    return sorted(found, key=lambda q: q.end - q.start)


def _gap(quote: Quote, position: int) -> int:
    return min(abs(position - edge) for s in quote.spans for edge in (s.start, s.end))


def _quote_near(layer: Layer, position: int, current: Quote | None) -> Quote | None:
    """In plain text: the current quote if it is near, else the nearest quote near."""
    if current is not None and current.status != REJECTED and _gap(current, position) <= BESIDE:
        return current
    near = [q for q in layer.quotes.values()
            if q.status != REJECTED and _gap(q, position) <= BESIDE]
    return min(near, key=lambda q: _gap(q, position), default=None)
