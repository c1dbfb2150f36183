"""Moving around: annotation to annotation, suggestion to suggestion, document to document,
and the two searches."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ruth_annotator.app.review_order import reading_key
from ruth_annotator.gui import messages
from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.documents_panel import DocumentListModel
from ruth_annotator.gui.find_bar import FindBar
from ruth_annotator.gui.key_part import Hint
from ruth_annotator.gui.review import Review
from ruth_annotator.gui.search_panel import SearchPanel
from ruth_annotator.gui.session import Session
from ruth_annotator.model.annotations import REJECTED, Annotation


class Navigate:
    def __init__(self, session: Session, view: ArticleView, documents: DocumentListModel,
                 open_document: Callable[[int], None], reveal: Callable[[str], None],
                 hint: Hint, find_bar: FindBar, search_panel: SearchPanel, review: Review,
                 parent: QWidget) -> None:
        self.session = session
        self.review = review
        self.parent = parent  # of the question Ctrl+Enter asks
        self.view = view
        self.documents = documents
        self.open_document = open_document
        self.reveal = reveal
        self._hint = hint
        self.find_bar = find_bar
        self.search_panel = search_panel

    # --- annotations ----------------------------------------------------------------

    def _step(self, step: int) -> Annotation | None:
        layer = self.session.layer
        if layer is None:
            return None
        items = [a for a in (*layer.mentions.values(), *layer.quotes.values())
                 if a.status != REJECTED]
        current = layer.get(self.session.current_id or "")
        if current is not None and current.kind != "entity":
            key = reading_key(current)
        else:
            # just before anything that starts at the cursor
            key = (self.view.cursor_position(), -(1 << 62), "", "")
        # the nearest one after (before) in reading order: one pass, no sort of the layer
        if step > 0:
            return min((a for a in items if reading_key(a) > key), key=reading_key,
                       default=None)
        return max((a for a in items if reading_key(a) < key), key=reading_key, default=None)

    def next_annotation(self) -> None:
        item = self._step(1)
        if item is None:
            self._hint("No more annotations after this one.")
        else:
            self.reveal(item.id)

    def previous_annotation(self) -> None:
        item = self._step(-1)
        if item is None:
            self._hint("No annotations before this one.")
        else:
            self.reveal(item.id)

    # --- documents --------------------------------------------------------------------

    def _current_doc(self) -> int | None:
        return self.session.document.id if self.session.document else None

    def next_document(self) -> None:
        self._open(self.documents.neighbour(self._current_doc(), 1))

    def previous_document(self) -> None:
        self._open(self.documents.neighbour(self._current_doc(), -1))

    def done_and_next(self) -> None:
        """Ctrl+Enter: mark the document done and open the next unfinished one. With
        suggestions still undecided it asks first: accept the rest, leave them undecided
        (the document stays in progress) or cancel."""
        if self.session.document is None:
            return
        progress = self.review.progress()
        if progress is not None and progress.undecided:
            answer = messages.choose(
                self.parent, "Mark done",
                f"{progress.undecided_quotes} quotes and {progress.undecided_mentions} "
                "mentions in this document are still undecided suggestions; an export "
                "leaves them out.",
                ["&Accept the rest and mark done", "&Leave them undecided"])
            if answer is None:
                return
            if answer == 0:
                self.review.accept_rest()
                self.session.set_status("done")
            else:
                self.session.set_status("in_progress")
        else:
            self.session.set_status("done")
        target = self.documents.next_unfinished(self._current_doc())
        if target is None:
            self._hint("Every document is done." if self.session.layer.status == "done"
                      else "Left in progress; every other document is done.")
            return
        self._open(target)

    def _open(self, document_id: int | None) -> None:
        if document_id is not None:
            self.open_document(document_id)

    # --- searching --------------------------------------------------------------------

    def find_in_document(self) -> None:
        self.find_bar.start(self.view.selected_span())

    def find_in_project(self) -> None:
        self.search_panel.start()
