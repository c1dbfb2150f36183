"""File menu work: open another project, import documents, save a copy, quit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from ruth_annotator.app.transfer import import_paths
from ruth_annotator.config import PROJECT_SUFFIX
from ruth_annotator.errors import RuthError
from ruth_annotator.gui import messages
from ruth_annotator.gui.workers import run_task
from ruth_annotator.store.project import Project

if TYPE_CHECKING:
    from ruth_annotator.gui.main_window import MainWindow

PROJECT_FILTER = f"Ruth Annotator projects (*{PROJECT_SUFFIX});;All files (*)"


class Files:
    def __init__(self, window: MainWindow) -> None:
        self.w = window

    def open_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, "Open project", "", PROJECT_FILTER)
        if path:
            self.w.open_project_file(Path(path))

    def import_documents(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.w, "Import documents", "",
            "Texts and records (*.txt *.jsonl *.ndjson *.json);;All files (*)")
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_paths(self, paths: list[Path]) -> None:
        """Import files or folders into the open project in the background (also used by
        drag-and-drop and the welcome screen)."""
        project_path = self.w.session.project.path
        annotator = self.w.session.project.annotator

        def work(task):
            with Project.open(project_path, annotator) as project:
                return import_paths(project, paths, task=task)

        def done(result) -> None:
            self.w.reload_documents()
            self.w.statusBar().showMessage(f"Import: {result.summary()}", 8000)

        run_task(self.w, "Importing documents", work, done)

    def save_copy(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.w, "Save a copy of the project as", "",
                                              PROJECT_FILTER)
        if not path:
            return
        if not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        try:
            self.w.session.save_copy(Path(path))
        except RuthError as e:
            messages.warning(self.w, "Save a copy", str(e))
            return
        self.w.update_title()
        self.w.statusBar().showMessage(f"Now working in {path}", 8000)

    def quit(self) -> None:
        self.w.close()
