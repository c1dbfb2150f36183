"""Deciding suggestions: A accepts, X rejects, Shift+A accepts all."""

from __future__ import annotations

from collections.abc import Callable

from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.key_part import Hint, KeyPart
from ruth_annotator.gui.session import Session
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import PROPOSED


class Review(KeyPart):
    def __init__(self, session: Session, view: ArticleView, hint: Hint,
                 next_suggestion: Callable[[], None]) -> None:
        super().__init__(session, view, hint)
        self.next_suggestion = next_suggestion

    def _suggestion_here(self) -> list[str]:
        current = self.layer.get(self.session.current_id or "")
        if current is not None and current.status == PROPOSED:
            return [current.id]
        position = self.view.cursor_position()
        here = [m for m in self.layer.mentions_at(position) if m.status == PROPOSED]
        here += [q for q in self.layer.quotes_at(position) if q.status == PROPOSED]
        return [here[0].id] if here else []

    def _decide(self, accept: bool) -> None:
        ids = self._suggestion_here()
        if not ids:
            self.hint("No undecided suggestion here; Shift+N goes to the next one.")
            return
        self.session.apply(edits.decide(self.layer, ids, accept))
        self.next_suggestion()

    def accept(self) -> None:
        self._decide(True)

    def reject(self) -> None:
        self._decide(False)

    def accept_all(self) -> None:
        ids = edits.proposed_ids(self.layer) if self.layer else []
        if not ids:
            self.hint("No undecided suggestions in this document.")
            return
        self.session.apply(edits.decide(self.layer, ids, True))
