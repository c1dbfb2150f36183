"""File → Restore from backup… and File → Back up now.

The dialog lists the project's backups, newest first. A restore needs the project closed in
this process (store/backup.restore refuses otherwise), so the window closes it, restores in
a worker (a large project takes seconds; the current state is backed up first), reopens it
and says in one line which backup came back and where the state before it was kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.errors import ProjectLockedError, RuthError
from ruth_annotator.gui import messages
from ruth_annotator.gui.describe import plain_tip
from ruth_annotator.gui.dialogs.common import described, ok_cancel
from ruth_annotator.gui.workers import TaskRun, run_task
from ruth_annotator.store.backup import Backup, create_backup, list_backups, restore
from ruth_annotator.store.project import Project

if TYPE_CHECKING:
    from ruth_annotator.gui.workspace import Workspace

ROLE_BACKUP = Qt.ItemDataRole.UserRole


translate = QCoreApplication.translate  # (context, text), literal for lupdate


class RestoreDialog(QDialog):
    """The backups of the project at `project_path`; OK means "restore the chosen one"."""

    def __init__(self, project_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore-dialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        described(self, self.tr("Restore from backup"))
        self.backups = list_backups(Path(project_path))
        about = QLabel(self.tr(
            "The project is put back to the backup you choose. Its current state is backed "
            "up first, so a restore can itself be undone by restoring that backup.")
            if self.backups else self.tr(
            "This project has no backups yet. One is made when it opens and every few "
            "minutes while it changes; File → Back up now makes one at once."), self)
        about.setWordWrap(True)
        about.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QListWidget(self)
        described(self.list, self.tr("Backups"),
                  self.tr("The project's backups, newest first: when, why, size, file"))
        for backup in self.backups:
            item = QListWidgetItem(backup.describe())
            item.setData(ROLE_BACKUP, backup)
            item.setToolTip(plain_tip(str(backup.path)))
            self.list.addItem(item)
        self.list.setCurrentRow(0 if self.backups else -1)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.buttons = ok_cancel(self, self.tr("&Restore…"))
        self.restore_button.setEnabled(bool(self.backups))
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(760, 380)

    @property
    def restore_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def chosen(self) -> Backup | None:
        item = self.list.currentItem()
        return item.data(ROLE_BACKUP) if item is not None else None


def title() -> str:
    return translate("RestoreDialog", "Restore from backup")


def show(window: Workspace) -> RestoreDialog:
    """Menu handler: File → Restore from backup… (the dialog is window-modal, not blocking)."""
    dialog = RestoreDialog(window.session.project.path, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: confirm_and_restore(window, dialog.chosen()))
    dialog.open()
    return dialog


def confirm_and_restore(window: Workspace, backup: Backup | None) -> TaskRun | None:
    if backup is None:
        return None
    question = translate("RestoreDialog", "Put {name} back to the backup of {when}?\n\n"
                         "Its current state is backed up first.")
    answer = messages.question(
        window, title(), question.format(name=Path(window.session.project.path).name,
                                         when=f"{backup.created:%Y-%m-%d %H:%M:%S}"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return restore_in_window(window, backup)


def restore_in_window(window: Workspace, backup: Backup) -> TaskRun | None:
    """Close the project here, restore `backup` in a worker, reopen it, say what happened."""
    session = window.session
    if not session.saved and not session.retry():
        messages.warning(window, title(), translate(
            "RestoreDialog", "Your last actions are not saved yet; retry or save a copy first."))
        return None
    project = session.project
    path, annotator = Path(project.path), project.annotator
    readonly = bool(getattr(project, "readonly", False))
    session.close()  # restore refuses a project this process holds open

    def done(before: Path | None) -> None:
        if not reopen(window, path, annotator, readonly):
            return
        values = {"when": f"{backup.created:%Y-%m-%d %H:%M:%S}", "reason": backup.reason,
                  "before": before}
        message = translate("RestoreDialog", "Restored the backup of {when} ({reason}); the "
                            "state before it is saved as {before}") if before is not None \
            else translate("RestoreDialog", "Restored the backup of {when} ({reason}).")
        message = message.format(**values)
        window.statusBar().showMessage(message, 15000)
        messages.information(window, title(), message)

    def failed(error: BaseException) -> None:
        text = str(error) if isinstance(error, RuthError) else \
            f"{type(error).__name__}: {error}"
        if reopen(window, path, annotator, readonly):
            messages.warning(window, title(), text)

    run = run_task(window, translate("RestoreDialog", "Restoring from backup"),
                   lambda task: restore(path, backup.path), done, failed)
    run.dialog.setCancelButton(None)  # a restore is never stopped halfway
    run.dialog.show()  # at once: the window has no project open until it is back
    return run


def reopen(window: Workspace, path: Path, annotator: str, readonly: bool) -> bool:
    """Open the project again in the window, as the same annotator; read-only if another
    program took it meanwhile."""
    try:
        try:
            project = Project.open(path, annotator, readonly=readonly)
        except ProjectLockedError as e:
            window.statusBar().showMessage(f"{e} — opened read-only", 15000)
            project = Project.open(path, annotator, readonly=True)
    except RuthError as e:
        messages.warning(window, title(), str(e))
        return False
    window.session.use_project(project)
    window.start_project()
    return True


def back_up_now(window: Workspace) -> TaskRun:
    """Menu handler: File → Back up now (a copy into the project's backup folder)."""
    session = window.session
    path = Path(session.project.path)
    unsaved = session.unsaved_count

    def done(target: Path) -> None:
        message = translate("RestoreDialog", "Backed up to {path}").format(path=target)
        if unsaved:
            message += translate("RestoreDialog", " (without the {n} action(s) not saved "
                                 "yet)").format(n=unsaved)
        window.statusBar().showMessage(message, 15000)

    return run_task(window, translate("RestoreDialog", "Backing up"),
                    lambda task: create_backup(path, "manual"), done)
