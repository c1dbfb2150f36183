"""Moving around: annotation to annotation, suggestion to suggestion, document to document,
and the two searches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ruth_annotator.model.annotations import PROPOSED, REJECTED, Annotation

if TYPE_CHECKING:
    from ruth_annotator.gui.main_window import MainWindow


class Navigate:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.session = window.session

    def _hint(self, message: str) -> None:
        self.w.statusBar().showMessage(message, 5000)

    # --- annotations ----------------------------------------------------------------

    def _ordered(self, only_proposed: bool) -> list[Annotation]:
        layer = self.session.layer
        if layer is None:
            return []
        items = [a for a in (*layer.mentions.values(), *layer.quotes.values())
                 if a.status != REJECTED and (not only_proposed or a.status == PROPOSED)]
        items.sort(key=lambda a: (a.start, -a.end, a.kind, a.id))
        return items

    def _step(self, step: int, only_proposed: bool = False) -> Annotation | None:
        items = self._ordered(only_proposed)
        if not items:
            return None
        current = self.session.layer.get(self.session.current_id or "")
        if current is not None and current.kind != "entity":
            key = (current.start, -current.end, current.kind, current.id)
        else:
            # just before anything that starts at the cursor
            key = (self.w.view.cursor_position(), -(1 << 62), "", "")
        keys = [(a.start, -a.end, a.kind, a.id) for a in items]
        if step > 0:
            after = [i for i, k in enumerate(keys) if k > key]
            return items[after[0]] if after else None
        before = [i for i, k in enumerate(keys) if k < key]
        return items[before[-1]] if before else None

    def next_annotation(self) -> None:
        item = self._step(1)
        if item is None:
            self._hint("No more annotations after this one.")
        else:
            self.w.reveal(item.id)

    def previous_annotation(self) -> None:
        item = self._step(-1)
        if item is None:
            self._hint("No annotations before this one.")
        else:
            self.w.reveal(item.id)

    def next_suggestion(self) -> None:
        """The next undecided suggestion, wrapping round to the first."""
        item = self._step(1, only_proposed=True)
        if item is None:
            items = self._ordered(only_proposed=True)
            if not items:
                self._hint("Every suggestion in this document is decided.")
                return
            item = items[0]
        self.w.reveal(item.id)

    # --- documents --------------------------------------------------------------------

    def _current_doc(self) -> int | None:
        return self.session.document.id if self.session.document else None

    def next_document(self) -> None:
        self._open(self.w.documents_panel.model.neighbour(self._current_doc(), 1))

    def previous_document(self) -> None:
        self._open(self.w.documents_panel.model.neighbour(self._current_doc(), -1))

    def done_and_next(self) -> None:
        if self.session.document is None:
            return
        self.session.set_status("done")
        target = self.w.documents_panel.model.next_unfinished(self._current_doc())
        if target is None:
            self._hint("Marked done. Every document is done.")
            return
        self._open(target)

    def _open(self, document_id: int | None) -> None:
        if document_id is not None:
            self.w.open_document(document_id)

    # --- searching --------------------------------------------------------------------

    def find_in_document(self) -> None:
        self.w.find_bar.start(self.w.view.selected_span())

    def find_in_project(self) -> None:
        self.w.search_panel.start()
