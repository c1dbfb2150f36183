"""File menu work: open another project, import documents, save a copy, quit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ruth_annotator.app.transfer import import_paths
from ruth_annotator.config import PROJECT_SUFFIX
from ruth_annotator.errors import RuthError
from ruth_annotator.gui import messages
from ruth_annotator.gui.key_part import Hint
from ruth_annotator.gui.lifecycle import DocumentLifecycle
from ruth_annotator.gui.session import Session
from ruth_annotator.gui.workers import run_task
from ruth_annotator.store.project import Project

PROJECT_FILTER = f"Ruth Annotator projects (*{PROJECT_SUFFIX});;All files (*)"


class Files:
    def __init__(self, parent: QWidget, session: Session, lifecycle: DocumentLifecycle,
                 hint: Hint, update_title: Callable[[], None]) -> None:
        self.parent = parent
        self.session = session
        self.lifecycle = lifecycle
        self.hint = hint
        self.update_title = update_title

    def open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Open project", "", PROJECT_FILTER)
        if path:
            self.lifecycle.open_project_file(Path(path))

    def import_documents(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.parent, "Import documents", "",
            "Texts and records (*.txt *.jsonl *.ndjson *.json);;All files (*)")
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> None:
        """Import files or folders into the open project in the background (also used by
        drag-and-drop and the welcome screen)."""
        project_path = self.session.project.path
        annotator = self.session.project.annotator

        def work(task):
            with Project.open(project_path, annotator) as project:
                return import_paths(project, paths, task=task)

        def done(result) -> None:
            self.lifecycle.reload_documents()
            self.hint(f"Import: {result.summary()}")

        run_task(self.parent, "Importing documents", work, done)

    def save_copy(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.parent, "Save a copy of the project as", "",
                                              PROJECT_FILTER)
        if not path:
            return
        if not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        try:
            self.session.save_copy(Path(path))
        except RuthError as e:
            messages.warning(self.parent, "Save a copy", str(e))
            return
        self.update_title()
        self.hint(f"Now working in {path}")

    def quit(self) -> None:
        self.parent.close()
