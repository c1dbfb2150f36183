"""Reviewing suggestions quote by quote, inside the article.

Opening a document with undecided suggestions makes its first undecided quote current; A
accepts the current suggestion (a quote with its whole attribution) and moves to the next
undecided one (app/review_order.py gives the order), X rejects it and moves on, Shift+A
accepts all. J / K go to the next / previous quote, Shift+N to the next undecided
suggestion. The status bar always says how much is left.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ruth_annotator.app import review_order
from ruth_annotator.gui import messages
from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.key_part import Hint, KeyPart
from ruth_annotator.gui.session import Session
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import PROPOSED, Annotation
from ruth_annotator.model.changes import ChangeSet

ALL_DECIDED = "Every suggestion in this document is decided."


class Review(KeyPart):
    def __init__(self, session: Session, view: ArticleView, hint: Hint,
                 reveal: Callable[[str], None], parent: QWidget) -> None:
        super().__init__(session, view, hint)
        self.reveal = reveal
        self.parent = parent  # of the question Shift+A asks

    # --- where the review stands ------------------------------------------------------

    def start(self) -> None:
        """Make the first undecided suggestion (a quote, if any) current and show it."""
        first = review_order.next_undecided(self.layer) if self.layer else None
        if first is not None:
            self.reveal(first.id)

    def suggestions_arrived(self, changes: ChangeSet) -> None:
        """Suggestions made after opening (the engine runs then): start on them unless
        the annotator is already somewhere."""
        if self.session.current_id is None and any(
                getattr(i, "status", None) == PROPOSED for i in changes.added_items()):
            self.start()

    def progress(self) -> review_order.Progress | None:
        return review_order.progress(self.layer) if self.layer is not None else None

    def target(self) -> Annotation | None:
        """The suggestion A and X decide: the current annotation if it is undecided, else
        the current quote if it is."""
        layer = self.layer
        if layer is None:
            return None
        for item in (layer.get(self.session.current_id or ""), self.session.current_quote()):
            if item is not None and item.kind != "entity" and item.status == PROPOSED:
                return item
        return None

    # --- keys -----------------------------------------------------------------------------

    def _decide(self, accept: bool) -> None:
        item = self.target()
        if item is None:
            self.hint("The current annotation is not an undecided suggestion; Shift+N goes "
                      "to the next one.")
            return
        verb = "Accept" if accept else "Reject"
        self.session.apply(self.named(edits.decide(self.layer, [item.id], accept),
                                      f"{verb} {item.kind} {self.words_of(item.span)}"))
        following = review_order.next_undecided(self.layer, item)
        if following is None:
            self.hint(ALL_DECIDED)
        else:
            self.reveal(following.id)

    def accept(self) -> None:
        self._decide(True)

    def reject(self) -> None:
        self._decide(False)

    def accept_all(self) -> None:
        """Shift+A: accept every undecided suggestion; asks first, with the count, when
        some of them are out of sight."""
        ids = edits.proposed_ids(self.layer) if self.layer else []
        if not ids:
            self.hint("No undecided suggestions in this document.")
            return
        sight = self.view.visible_span()
        unseen = sum(not (sight.start <= a.start and a.end <= sight.end)
                     for a in map(self.layer.get, ids) if a.kind != "entity")
        if unseen:
            p = self.progress()
            answer = messages.choose(
                self.parent, "Accept all suggestions",
                f"Accept all {p.undecided_quotes} undecided quotes and "
                f"{p.undecided_mentions} undecided mentions of this document? "
                f"{unseen} of them are out of sight. (Ctrl+Z takes it back.)",
                ["&Accept all"])
            if answer is None:
                return
        self.accept_rest()

    def accept_rest(self) -> None:
        """Accept every undecided suggestion, as one undo step, without asking."""
        ids = edits.proposed_ids(self.layer) if self.layer else []
        if ids:
            self.session.apply(edits.decide(self.layer, ids, True))

    def next_undecided(self) -> None:
        """The next undecided suggestion in review order, wrapping round."""
        if self.layer is None:
            return
        current = self.layer.get(self.session.current_id or "") or self.session.current_quote()
        following = review_order.next_undecided(self.layer, current)
        if following is None:
            self.hint(ALL_DECIDED)
        else:
            self.reveal(following.id)

    def _quote_step(self, step: int) -> None:
        if self.layer is None:
            return
        quotes = review_order.quotes_in_order(self.layer)
        current = self.session.current_quote()
        key = (review_order.reading_key(current) if current is not None
               else (self.view.cursor_position(), 0, "", ""))
        if step > 0:
            found = next((q for q in quotes if review_order.reading_key(q) > key), None)
        else:
            found = next((q for q in reversed(quotes) if review_order.reading_key(q) < key),
                         None)
        if found is None:
            self.hint("No more quotes " + ("after" if step > 0 else "before") + " this one.")
        else:
            self.reveal(found.id)

    def next_quote(self) -> None:
        self._quote_step(1)

    def previous_quote(self) -> None:
        self._quote_step(-1)
