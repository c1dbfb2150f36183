"""Backups while the window is open: one when a project opens, then one every few minutes
while it changes (store/backup.py decides; "backup_every_minutes" in the settings).

The copy reads through its own connection, so it runs in a quiet worker thread and the
window never waits for it. A failed backup is reported in the status bar, never fatal.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from ruth_annotator.gui.workers import run_task
from ruth_annotator.store.backup import maybe_backup

if TYPE_CHECKING:
    from ruth_annotator.gui.session import Session

CHECK_EVERY_MS = 60_000


class Backups:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.timer = QTimer(session, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(lambda: self.run())
        self.timer.start()
        self.running = False

    def run(self, reason: str = "auto", every_minutes: float | None = None) -> None:
        project = self.session.project
        if self.running or getattr(project, "readonly", False):
            return
        self.running = True

        def done(_path: Path | None) -> None:
            self.running = False

        def failed(error: BaseException) -> None:
            self.running = False
            self.session.notice.emit(f"Backup failed: {error}")

        run_task(None, "Backing up", lambda task: maybe_backup(project, every_minutes, reason),
                 done, failed, show_progress=False)

    def on_open(self) -> None:
        self.run("open", every_minutes=0)
