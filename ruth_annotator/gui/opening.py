"""Opening a project from the GUI: a project another window is writing to can still be
opened read-only, after asking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ruth_annotator.errors import ProjectLockedError
from ruth_annotator.formats.pipeline import open_project_with_sample
from ruth_annotator.store.project import Project


def open_project(path: Path, parent: QWidget | None = None, *, with_sample: bool = False,
                 create: bool = False) -> Project:
    """Open for writing (a new file gets the sample article when `with_sample`); when the
    file is locked by another window, offer read-only. Raises RuthError otherwise."""
    try:
        if with_sample:
            return open_project_with_sample(Path(path))
        return Project.open(path, create=create)
    except ProjectLockedError as e:
        answer = QMessageBox.question(
            parent, "Project in use", f"{e}\n\nOpen it read-only to look without changing "
            "anything?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            raise
        return Project.open(path, readonly=True)
