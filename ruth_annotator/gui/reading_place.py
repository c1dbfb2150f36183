"""Reopening where the annotator left off: per project, the document, the text cursor and
the scroll position, kept in the settings when leaving a document or closing the window."""

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
        if document is None:
            return
        settings = config.load_settings()
        places = settings.get(KEY) if isinstance(settings.get(KEY), dict) else {}
        places[str(self.session.project.path)] = {
            "document": document.id, "position": self.view.cursor_position(),
            "scroll": self.view.verticalScrollBar().value()}
        settings[KEY] = places
        config.save_settings(settings)

    def restore(self) -> None:
        """Put the cursor and the scroll back, if the open document is the one left."""
        document = self.session.document
        places = config.load_settings().get(KEY)
        place = places.get(str(self.session.project.path)) if isinstance(places, dict) else None
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
