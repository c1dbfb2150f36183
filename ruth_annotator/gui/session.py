"""The open project, document and layer, and the one funnel every edit goes through.

An edit is a pure ChangeSet (model/edits.py) pushed as ONE QUndoCommand: redo applies it to
the layer and writes it to the project in one SQLite transaction; undo does the same with
its inverse. Views listen to `changed` and refresh themselves; none writes to the store.

A write that fails (disk full, read-only file, locked by another program) keeps the work in
memory, queued in order, and says so through `saveStateChanged`; `retry()` writes the queue,
`save_copy(path)` writes everything to a new file and carries on there. Nothing is reported
as saved before SQLite has committed it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ruth_annotator.errors import ProjectError, RuthError
from ruth_annotator.gui import suggesting
from ruth_annotator.model.annotations import Quote
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.document import Document
from ruth_annotator.model.labels import Label
from ruth_annotator.model.layer import Layer
from ruth_annotator.store.backup import create_backup
from ruth_annotator.store.engine import DatabaseError
from ruth_annotator.store.project import Project

WRITE_ERRORS = (DatabaseError, RuthError, OSError)


@dataclass
class _Write:
    description: str
    run: Callable[[Project], None]


class ChangeCommand(QUndoCommand):
    """One user action on the undo stack."""

    def __init__(self, session: Session, changes: ChangeSet) -> None:
        super().__init__(changes.description)
        self.session = session
        self.changes = changes

    def redo(self) -> None:
        self.session._apply_now(self.changes)

    def undo(self) -> None:
        self.session._apply_now(self.changes.inverse())


class Session(QObject):
    documentOpened = Signal()
    changed = Signal(object)  # the ChangeSet just applied (redo or undo)
    currentChanged = Signal(object)  # annotation id or None
    saveStateChanged = Signal()
    statusChanged = Signal(int, str)  # document id, new status
    notice = Signal(str)  # something the user should read in the status bar

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.labels: list[Label] = project.labels()
        self.document: Document | None = None
        self.layer: Layer | None = None
        self.current_id: str | None = None
        self.current_quote_id: str | None = None  # the quote S, C and G act on
        self.undo_stack = QUndoStack(self)
        self._pending: list[_Write] = []
        self.save_error: str | None = None
        self.last_saved: datetime | None = None

    # --- documents ------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.document.text if self.document else ""

    def open_document(self, document_id: int) -> bool:
        """Show another document; refused while earlier work is still unsaved. A document
        that cannot be read (a damaged row) raises ProjectError and the current one stays."""
        if self._pending and not self.retry():
            return False
        document = self.project.document(document_id)
        layer = self.project.layer(document_id)
        self.document, self.layer = document, layer
        self.current_id = self.current_quote_id = None
        self.undo_stack.clear()
        self.documentOpened.emit()
        self.currentChanged.emit(None)
        suggesting.offer(self)
        return True

    def set_status(self, status: str) -> bool:
        """Mark the document todo / in progress / done (not an undo step)."""
        if self.document is None or self.layer is None or self.read_only:
            return False
        doc_id = self.document.id
        self.layer.status = status
        self._queue(_Write(f"Mark {status}", lambda p: p.set_status(doc_id, status)))
        self.statusChanged.emit(doc_id, status)
        return self.saved

    # --- edits ----------------------------------------------------------------------

    def apply(self, changes: ChangeSet, select: str | None = None) -> bool:
        """Do one user action (undoable); `select` makes an annotation current afterwards.

        Returns whether it is saved; when not, the work is kept and the banner shows.
        """
        if not changes or self.layer is None:
            return False
        if self.read_only:
            self.notice.emit("This project is open read-only: nothing can be changed.")
            return False
        self.undo_stack.push(ChangeCommand(self, changes))
        if select is not None:
            self.set_current(select)
        return self.saved

    def _apply_now(self, changes: ChangeSet) -> None:
        assert self.layer is not None and self.document is not None
        self.layer.apply(changes)
        doc_id = self.document.id
        was = self.layer.status
        if was == "todo":
            self.layer.status = "in_progress"
        self._queue(_Write(changes.description, lambda p: p.apply(changes, doc_id)))
        if self.current_id is not None and self.layer.get(self.current_id) is None:
            self.set_current(None)
        self.changed.emit(changes)
        if was != self.layer.status:
            self.statusChanged.emit(doc_id, self.layer.status)

    def set_current(self, item_id: str | None) -> None:
        """Make an annotation current; a quote also becomes the current quote, which
        stays current while other things are selected, until another quote is."""
        if item_id is not None and self.layer is not None and item_id in self.layer.quotes:
            self.current_quote_id = item_id
        if item_id != self.current_id:
            self.current_id = item_id
            self.currentChanged.emit(item_id)

    def current_quote(self) -> Quote | None:
        if self.layer is None or self.current_quote_id is None:
            return None
        return self.layer.quotes.get(self.current_quote_id)

    # --- saving ---------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        return bool(getattr(self.project, "readonly", False))

    @property
    def saved(self) -> bool:
        return not self._pending

    @property
    def unsaved_count(self) -> int:
        return len(self._pending)

    def _queue(self, write: _Write) -> None:
        self._pending.append(write)
        self._flush()

    def _flush(self) -> bool:
        while self._pending:
            try:
                self._pending[0].run(self.project)
            except WRITE_ERRORS as e:
                self.save_error = _reason(e)
                self.saveStateChanged.emit()
                return False
            self._pending.pop(0)
        self.save_error = None
        self.last_saved = datetime.now()
        self.saveStateChanged.emit()
        return True

    def retry(self) -> bool:
        """Write what is still unsaved, in order."""
        return self._flush()

    def save_copy(self, path: Path) -> None:
        """Copy the project to `path`, write the unsaved work there and go on in the copy."""
        path = Path(path)
        if path.resolve() == Path(self.project.path).resolve():
            raise ProjectError("is the file that cannot be written; choose another", path)
        create_backup(Path(self.project.path), "copy", target=path)
        copy = Project.open(path, self.project.annotator)
        old, self.project = self.project, copy
        old.close()
        self._flush()

    def use_project(self, project: Project) -> bool:
        """Go on in another project (refused while work is unsaved)."""
        if self._pending and not self.retry():
            project.close()
            return False
        old, self.project = self.project, project
        old.close()
        self.labels = project.labels()
        self.document = self.layer = None
        self.current_id = self.current_quote_id = None
        self.undo_stack.clear()
        return True

    def close(self) -> None:
        self.project.close()


def _reason(error: BaseException) -> str:
    if isinstance(error, RuthError):
        return error.message
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
