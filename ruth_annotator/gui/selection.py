"""Keeping the article, the panels and the status bar on the same annotation.

Clicking a span makes it current and selects its panel rows; choosing a panel row (or a
search hit, or N / P) scrolls the article to it and flashes it. The current quote is
stressed in the text with its speaker mention outlined.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel

from ruth_annotator.gui import describe
from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.entities_panel import EntitiesPanel
from ruth_annotator.gui.picker import Candidate, Picker
from ruth_annotator.gui.project_search import Hit
from ruth_annotator.gui.quotes_panel import QuotesPanel
from ruth_annotator.gui.session import Session
from ruth_annotator.model.annotations import REJECTED, Entity, Mention, Span


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

    def clicked(self, position: int) -> None:
        """A plain click: the mention there, else the innermost quote, becomes current;
        while the speaker chooser is open, a mention is chosen instead."""
        layer = self.session.layer
        if layer is None:
            return
        mentions = sorted((m for m in layer.mentions_at(position) if m.status != REJECTED),
                          key=lambda m: m.end - m.start)
        if self.picker.isVisible() and self.picker.picks_mentions:
            if mentions:
                m = mentions[0]
                self.picker.confirm(Candidate(m.id, mention=m.id, entity=m.entity,
                                                span=m.span))
            return
        quotes = [q for q in layer.quotes_at(position) if q.status != REJECTED]
        target = mentions[0].id if mentions else (quotes[0].id if quotes else None)
        self.session.set_current(target)

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
            self.view.scroll_to(spans[0])
            self.view.flash(spans)

    def current_changed(self, item_id: str | None) -> None:
        s = self.session
        if s.layer is None:
            return
        quote = s.current_quote()
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
