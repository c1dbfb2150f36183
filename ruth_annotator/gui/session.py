"""The window's side of the session: a QUndoStack and signals over the Qt-free session
(app/session.py), plus what only a window has: the current annotation and quote, and the
suggestions that arrive for the open document (gui/suggesting.py).

Every edit goes through `apply`, which hands it to the app session's one funnel (decision
rules, memory, disk, status rule); each undo step is a QUndoCommand around the app
session's `Step`, so Qt's undo actions show its name. Views listen to `changed` and refresh
themselves; none writes to the store.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from ruth_annotator.app import session as core
from ruth_annotator.gui.suggesting import Suggestions
from ruth_annotator.model.annotations import Quote
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.document import Document
from ruth_annotator.model.labels import Label
from ruth_annotator.model.layer import Layer
from ruth_annotator.store.project import Project

WRITE_ERRORS = core.WRITE_ERRORS


class ChangeCommand(QUndoCommand):
    """One user action on the undo stack: redo and undo run the app session's step."""

    def __init__(self, step: core.Step, run: core.Run) -> None:
        super().__init__(step.name)
        self.step = step
        self.run = run

    def redo(self) -> None:
        self.run(self.step.changes)

    def undo(self) -> None:
        self.run(self.step.changes.inverse())


class _UndoStackHistory(core.History):
    """The app session's history kept in a QUndoStack (for Qt's undo actions and texts)."""

    def __init__(self, stack: QUndoStack) -> None:
        self.stack = stack

    def push(self, step: core.Step, run: core.Run) -> None:
        self.stack.push(ChangeCommand(step, run))  # QUndoStack runs redo() on push

    def _step(self, index: int) -> core.Step | None:
        command = self.stack.command(index)
        return command.step if isinstance(command, ChangeCommand) else None

    def undo(self, run: core.Run) -> core.Step | None:
        if not self.stack.canUndo():
            return None
        step = self._step(self.stack.index() - 1)
        self.stack.undo()
        return step

    def redo(self, run: core.Run) -> core.Step | None:
        if not self.stack.canRedo():
            return None
        step = self._step(self.stack.index())
        self.stack.redo()
        return step

    def clear(self) -> None:
        self.stack.clear()


class _Relay(core.Listener):
    """Turns what the app session says into the Qt session's signals."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def document_opened(self) -> None:
        self.session._document_opened()

    def changed(self, changes: ChangeSet) -> None:
        self.session._changed(changes)

    def status_changed(self, document_id: int, status: str) -> None:
        self.session.statusChanged.emit(document_id, status)

    def save_state_changed(self) -> None:
        self.session.saveStateChanged.emit()

    def notice(self, text: str) -> None:
        self.session.notice.emit(text)


class Session(QObject):
    documentOpened = Signal()
    changed = Signal(object)  # the ChangeSet just applied (redo or undo)
    currentChanged = Signal(object)  # annotation id or None
    saveStateChanged = Signal()
    statusChanged = Signal(int, str)  # document id, new status
    notice = Signal(str)  # something the user should read in the status bar

    #: Whether an untouched document gets suggestions when it opens (not the gold layer).
    offers_suggestions = True

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.core = core.Session(project, _Relay(self), _UndoStackHistory(self.undo_stack))
        self.current_id: str | None = None
        self.current_quote_id: str | None = None  # the quote S, C and G act on
        self.suggestions = Suggestions(self.core, self)

    # --- what the app session holds -------------------------------------------------

    @property
    def project(self) -> Project:
        return self.core.project

    @property
    def labels(self) -> list[Label]:
        return self.core.labels

    @labels.setter
    def labels(self, labels: list[Label]) -> None:
        self.core.labels = labels

    @property
    def document(self) -> Document | None:
        return self.core.document

    @property
    def layer(self) -> Layer | None:
        return self.core.layer

    @property
    def text(self) -> str:
        return self.core.text

    @property
    def read_only(self) -> bool:
        return self.core.read_only

    @property
    def saved(self) -> bool:
        return self.core.saved

    @property
    def unsaved_count(self) -> int:
        return self.core.unsaved_count

    @property
    def save_error(self) -> str | None:
        return self.core.save_error

    @property
    def last_saved(self) -> datetime | None:
        return self.core.last_saved

    # --- documents ------------------------------------------------------------------

    def open_document(self, document_id: int) -> bool:
        """Show another document; refused while earlier work is still unsaved. A document
        that cannot be read (a damaged row) raises ProjectError and the current one stays."""
        self.suggestions.cancel()
        if not self.core.open_document(document_id):
            return False
        if self.offers_suggestions:
            self.suggestions.offer()
        return True

    def _document_opened(self) -> None:
        self.current_id = self.current_quote_id = None
        self.documentOpened.emit()
        self.currentChanged.emit(None)

    def set_status(self, status: str) -> bool:
        """Mark the document todo / in progress / done (not an undo step)."""
        return self.core.set_status(status)

    # --- edits ----------------------------------------------------------------------

    def apply(self, changes: ChangeSet, select: str | None = None) -> bool:
        """Do one user action (undoable); `select` makes an annotation current afterwards.

        Returns whether it is saved; when not, the work is kept and the banner shows.
        """
        if not changes or self.layer is None or self.read_only:
            return self.core.apply(changes)  # refused (read-only: with a notice saying why)
        saved = self.core.apply(changes)
        if select is not None:
            self.set_current(select)
        return saved

    def _changed(self, changes: ChangeSet) -> None:
        if self.current_id is not None and self.layer is not None \
                and self.layer.get(self.current_id) is None:
            self.set_current(None)
        self.changed.emit(changes)

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

    def retry(self) -> bool:
        """Write what is still unsaved, in order."""
        return self.core.retry()

    def save_copy(self, path: Path) -> None:
        """Copy the project to `path`, write the unsaved work there and go on in the copy."""
        self.core.save_copy(path)

    def use_project(self, project: Project) -> bool:
        """Go on in another project (refused while work is unsaved)."""
        self.suggestions.cancel()
        if not self.core.use_project(project):
            return False
        self.current_id = self.current_quote_id = None
        return True

    def close(self) -> None:
        self.suggestions.cancel()
        self.core.close()
