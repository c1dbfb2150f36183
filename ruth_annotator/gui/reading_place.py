"""Reopening where the annotator left off: per project, the document (kept when it is
opened), the text cursor and the scroll position (kept when the window closes)."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from ruth_annotator import config
from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.session import Session

KEY = "reading_places"


class ReadingPlace:
    def __init__(self, session: Session, view: ArticleView) -> None:
        self.session = session
        self.view = view

    def save(self) -> None:
        """Remember where the open document is being read."""
        document = self.session.document
        if document is not None:
            self._write({"document": document.id, "position": self.view.cursor_position(),
                         "scroll": self.view.verticalScrollBar().value()})

    def opened(self) -> None:
        """Remember which document is open (the cursor and scroll are kept on leaving), so
        that the next start opens it even after a crash; a place kept in it stays."""
        document = self.session.document
        if document is not None:
            self._write({"document": document.id}, unless_document=document.id)

    def document(self) -> int | None:
        """The document this project was left on, if any."""
        place = self._place(config.load_settings())
        return place.get("document") if isinstance(place, dict) else None

    def _place(self, settings: dict) -> object:
        places = settings.get(KEY)
        return places.get(str(self.session.project.path)) if isinstance(places, dict) \
            else None

    def _write(self, place: dict, unless_document: int | None = None) -> None:
        """One read and at most one write of the settings."""
        settings = config.load_settings()
        kept = self._place(settings)
        if unless_document is not None and isinstance(kept, dict) and \
                kept.get("document") == unless_document:
            return
        places = settings.get(KEY) if isinstance(settings.get(KEY), dict) else {}
        places[str(self.session.project.path)] = place
        settings[KEY] = places
        config.save_settings(settings)

    def restore(self) -> None:
        """Put the cursor and the scroll back, if the open document is the one left."""
        document = self.session.document
        place = self._place(config.load_settings())
        if document is None or not isinstance(place, dict) or \
                place.get("document") != document.id:
            return
        try:
            position, scroll = int(place["position"]), int(place["scroll"])
        except (KeyError, TypeError, ValueError):
            return
        self.view.place_cursor(max(0, min(position, len(self.session.text))))
        # the window may not be laid out yet (a start): scroll once it is
        QTimer.singleShot(0, lambda: self.view.verticalScrollBar().setValue(scroll))
