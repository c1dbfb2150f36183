"""An open project, its open document and layer, and the one funnel every change goes
through (no Qt: the window adapts it in gui/session.py, a script may use it as it is).

`apply(changes)` passes the change through the decision rules (`RULES`: the rule of
model/decisions.py), records it as one undoable `Step` named after it, applies it to the
layer in memory and writes it to the project in one SQLite transaction; undo and redo run
the same path with the step's inverse.
The status rule (an edit starts a 'todo' document) is `model.layer.status_after_edit`,
shared with the store.

A write that fails (disk full, read-only file, locked by another program) keeps the work in
memory, queued in order, and tells the listener; `retry()` writes the queue, `save_copy()`
writes everything to a new file and carries on there. Nothing is reported as saved before
SQLite has committed it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ruth_annotator.errors import ProjectError, RuthError
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.decisions import keep_decisions
from ruth_annotator.model.document import Document
from ruth_annotator.model.labels import Label
from ruth_annotator.model.layer import Layer, status_after_edit
from ruth_annotator.store.backup import create_backup
from ruth_annotator.store.database import DatabaseError
from ruth_annotator.store.project import Project

WRITE_ERRORS = (DatabaseError, RuthError, OSError)

#: A decision rule: given the layer and a change about to be made, the change as it must be
#: made. The rules are pure functions of the model; every change of the window and of
#: scripts passes them here, whoever built it (an edit, curation, the suggestion engine).
Rule = Callable[[Layer, ChangeSet], ChangeSet]
#: The decision rule (model/decisions.py): an accepted annotation never points at one that
#: is not accepted. The edits of model/edits.py already obey it; here it also holds for
#: change sets made elsewhere (a change that already obeys it comes out the same).
RULES: list[Rule] = [keep_decisions]


@dataclass(frozen=True)
class Step:
    """One undoable user action: its name (Edit ▸ Undo “name”) and what it changes."""

    name: str
    changes: ChangeSet


Run = Callable[[ChangeSet], None]


class History:
    """Undo and redo without Qt. The window replaces it with its QUndoStack (same methods),
    so that Qt's undo actions, texts and view keep working."""

    def __init__(self) -> None:
        self.done: list[Step] = []
        self.undone: list[Step] = []

    def push(self, step: Step, run: Run) -> None:
        run(step.changes)
        self.done.append(step)
        self.undone.clear()

    def undo(self, run: Run) -> Step | None:
        if not self.done:
            return None
        step = self.done.pop()
        run(step.changes.inverse())
        self.undone.append(step)
        return step

    def redo(self, run: Run) -> Step | None:
        if not self.undone:
            return None
        step = self.undone.pop()
        run(step.changes)
        self.done.append(step)
        return step

    def clear(self) -> None:
        self.done.clear()
        self.undone.clear()


class Listener:
    """What a session tells whoever shows it; every method does nothing unless overridden."""

    def document_opened(self) -> None: ...

    def changed(self, changes: ChangeSet) -> None: ...

    def status_changed(self, document_id: int, status: str) -> None: ...

    def save_state_changed(self) -> None: ...

    def notice(self, text: str) -> None: ...


@dataclass
class _Write:
    description: str
    run: Callable[[Project], None]


class Session:
    """The open project and document (see the module docstring)."""

    def __init__(self, project: Project, listener: Listener | None = None,
                 history: History | None = None, rules: list[Rule] | None = None) -> None:
        self.project = project
        self.listener = listener or Listener()
        self.history = history or History()
        self.rules = RULES if rules is None else rules
        self.labels: list[Label] = project.labels()
        self.document: Document | None = None
        self.layer: Layer | None = None
        self._pending: list[_Write] = []
        self.save_error: str | None = None
        self.last_saved: datetime | None = None

    # --- documents ------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.document.text if self.document else ""

    def open_document(self, document_id: int) -> bool:
        """Open another document; refused while earlier work is still unsaved. A document
        that cannot be read (a damaged row) raises ProjectError and the current one stays."""
        if self._pending and not self.retry():
            return False
        document = self.project.document(document_id)
        layer = self.project.layer(document_id)
        self.document, self.layer = document, layer
        self.history.clear()
        self.listener.document_opened()
        return True

    def set_status(self, status: str) -> bool:
        """Mark the document todo / in progress / done (not an undo step); whether saved."""
        if self.document is None or self.layer is None or self.read_only:
            return False
        doc_id = self.document.id
        self.layer.status = status
        self._queue(_Write(f"Mark {status}", lambda p: p.set_status(doc_id, status)))
        self.listener.status_changed(doc_id, status)
        return self.saved

    # --- changes --------------------------------------------------------------------

    def decided(self, changes: ChangeSet) -> ChangeSet:
        """The change after the decision rules, as it will be made."""
        assert self.layer is not None
        for rule in self.rules:
            changes = rule(self.layer, changes)
        return changes

    def apply(self, changes: ChangeSet) -> bool:
        """Make one user action (one undo step); whether it is saved. Nothing happens without
        an open document; on a read-only project the listener is told why."""
        if not changes or self.layer is None:
            return False
        if self.read_only:
            self.listener.notice("This project is open read-only: nothing can be changed.")
            return False
        changes = self.decided(changes)
        self.history.push(Step(changes.description, changes), self._run)
        return self.saved

    def undo(self) -> Step | None:
        return self.history.undo(self._run)

    def redo(self) -> Step | None:
        return self.history.redo(self._run)

    def _run(self, changes: ChangeSet) -> None:
        """Apply to the layer, then write; the listener hears of both at once."""
        assert self.layer is not None and self.document is not None
        self.layer.apply(changes)
        doc_id = self.document.id
        was = self.layer.status
        self.layer.status = status_after_edit(was)
        self._queue(_Write(changes.description, lambda p: p.apply(changes, doc_id)))
        self.listener.changed(changes)
        if was != self.layer.status:
            self.listener.status_changed(doc_id, self.layer.status)

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
                self.listener.save_state_changed()
                return False
            self._pending.pop(0)
        self.save_error = None
        self.last_saved = datetime.now()
        self.listener.save_state_changed()
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
        self.history.clear()
        return True

    def close(self) -> None:
        self.project.close()


def _reason(error: BaseException) -> str:
    if isinstance(error, RuthError):
        return error.message
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__
