"""Opening a project from the GUI: a project another window is writing to, or one holding
schema objects another program put there, can still be opened read-only, after asking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from ruth_annotator.app.assigning import assigned_annotator
from ruth_annotator.app.transfer import open_project_with_sample
from ruth_annotator.errors import ForeignSchemaError, ProjectLockedError
from ruth_annotator.gui import messages
from ruth_annotator.store.locking import declare_role
from ruth_annotator.store.project import Project


def open_project(path: Path, parent: QWidget | None = None, *, with_sample: bool = False,
                 create: bool = False) -> Project:
    """Open for writing (a new file gets the sample article when `with_sample`); when the
    file is locked by another window, offer read-only. Raises RuthError otherwise."""
    declare_role("window")  # a command refused by the lock then says the window holds it
    try:
        if with_sample:
            return open_project_with_sample(Path(path))
        return Project.open(path, create=create)
    except (ProjectLockedError, ForeignSchemaError) as e:
        # Both are safe to read: only writing could clash with the other window, or run
        # what another program put into the file.
        title = "Project in use" if isinstance(e, ProjectLockedError) else \
            "Project changed by another program"
        answer = messages.question(
            parent, title, f"{e}\n\nOpen it read-only to look without changing "
            "anything?", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            raise
        return Project.open(path, readonly=True)


def as_assigned_annotator(project: Project, parent: QWidget | None = None) -> Project:
    """Offer to annotate an assignment package under the name it was made for; otherwise
    the work would land in a layer the lead's merge files under another name."""
    assigned = assigned_annotator(project)
    if assigned is None or assigned == project.annotator or project.readonly:
        return project
    answer = messages.question(
        parent, "Assigned to someone else",
        f"These documents were assigned to “{assigned}”, and you are “{project.annotator}”."
        f"\n\nAnnotate as “{assigned}”?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return project
    path = project.path
    project.close()
    return Project.open(path, assigned)
