"""What every group of annotation keys shares: the session it edits and a line in the
status bar when a key cannot apply (nothing selected, no quote), never a silent no-op."""

from __future__ import annotations

from collections.abc import Callable

from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.describe import short
from ruth_annotator.gui.session import Session
from ruth_annotator.model.annotations import Quote, Span
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.layer import Layer

Hint = Callable[[str], None]  # shows one line in the status bar


class KeyPart:
    def __init__(self, session: Session, view: ArticleView, hint: Hint) -> None:
        self.session = session
        self.view = view
        self.hint = hint

    @property
    def layer(self) -> Layer | None:
        return self.session.layer

    @property
    def text(self) -> str:
        return self.session.text

    def selection(self, what: str) -> Span | None:
        """The selected span, or None after saying what to select."""
        span = self.view.selected_span()
        if span is None:
            self.hint(f"Select the text of the {what} first.")
        return span

    def current_quote(self) -> Quote | None:
        """The quote S, C, G act on, or None after saying how to get one."""
        quote = self.session.current_quote()
        if quote is None:
            self.hint("No current quote: put the cursor in a quote (click it, or J / K), "
                      "or pick it in the Quotes panel.")
        return quote

    def words_of(self, span: Span, limit: int = 30) -> str:
        """“The first words…” of a span, for undo names and messages."""
        return f"“{short(self.text[span.start:span.end], limit)}”"

    @staticmethod
    def named(changes: ChangeSet, description: str) -> ChangeSet:
        """The same change under the name Edit ▸ Undo will show."""
        return ChangeSet(description, changes.changes)
