"""Which project and document the window shows: starting a project, opening another
project file, opening a document (and remembering it for the next start)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ruth_annotator.errors import RuthError
from ruth_annotator.gui import messages
from ruth_annotator.gui.backups import Backups
from ruth_annotator.gui.dialogs import recent
from ruth_annotator.gui.documents_panel import DocumentsPanel
from ruth_annotator.gui.key_part import Hint
from ruth_annotator.gui.opening import as_assigned_annotator, open_project
from ruth_annotator.gui.reading_place import ReadingPlace
from ruth_annotator.gui.session import Session


class DocumentLifecycle(QObject):
    projectStarted = Signal()  # a project is open: labels, annotator and list may differ

    def __init__(self, session: Session, documents: DocumentsPanel, backups: Backups,
                 parent: QWidget, hint: Hint, place: ReadingPlace) -> None:
        super().__init__(parent)
        self.place = place  # where the annotator left off, kept across documents and starts
        self.session = session
        self.documents = documents
        self.backups = backups
        self.parent_widget = parent
        self.hint = hint

    def start_project(self) -> None:
        """Fill the document list and open the last (or first unfinished) document."""
        project = self.session.project
        recent.remember_project(project.path)
        self.projectStarted.emit()
        self.reload_documents()
        self.backups.on_open()
        model = self.documents.model
        last = self.place.document()
        first = last if model.row_of(last) is not None else model.next_unfinished(None)
        first = first if first is not None else model.neighbour(None, 1)
        if first is not None:
            self.open_document(first)
            if first == last:
                self.place.restore()

    def reload_documents(self) -> None:
        self.documents.reload()

    def open_project_file(self, path: Path) -> None:
        try:
            project = as_assigned_annotator(open_project(path, self.parent_widget),
                                            self.parent_widget)
        except RuthError as e:
            messages.warning(self.parent_widget, "Open project", str(e))
            return
        if not self.session.use_project(project):
            messages.warning(self.parent_widget, "Open project", "Your last actions are not "
                             "saved yet; retry or save a copy first.")
            return
        self.start_project()

    def open_document(self, document_id: int) -> None:
        doc = self.session.document
        if doc is not None and doc.id == document_id:
            return
        try:
            opened = self.session.open_document(document_id)
        except RuthError as e:  # a damaged row: say so in one line, keep the window
            messages.warning(self.parent_widget, "Open document", str(e))
            return
        if not opened:
            self.hint("Your last actions are not saved yet: retry or save a copy before "
                      "opening another document.")
            return
        self.place.opened()
