"""Long work off the UI thread, with a progress dialog and Cancel.

`fn(task)` runs in a QThread; it reports through `task.report(done, total)` and stops at
`task.check()` once the user cancels. Results and errors come back to the UI thread by
queued signals, so the work never touches a widget. Work that writes to a project should
open its own `Project` connection: one SQLite connection must not serve two threads at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ruth_annotator.errors import RuthError
from ruth_annotator.gui import messages
from ruth_annotator.tasks import Cancelled, Task

#: Dialogs appear only for work that takes longer than this (ms), so quick work never flashes.
SHOW_AFTER_MS = 400

_running: set[TaskRun] = set()


class _Thread(QThread):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[[Task], Any], cancel_flag: threading.Event) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = cancel_flag

    def run(self) -> None:
        task = Task(progress=self.progressed.emit, cancelled=self._cancel.is_set)
        try:
            result = self._fn(task)
        except BaseException as e:  # handed to the UI thread, which decides what to show
            self.failed.emit(e)
        else:
            self.succeeded.emit(result)


class TaskRun(QObject):
    """One running task: `cancel()` asks it to stop, `wait()` blocks until it has ended."""

    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, fn: Callable[[Task], Any],
                 on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None] | None,
                 show_progress: bool = True) -> None:
        super().__init__(parent)
        self._cancel_flag = threading.Event()
        self._on_done = on_done
        self._on_error = on_error
        self._parent = parent
        self.title = title
        self.dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS if show_progress else 1 << 30)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.thread = _Thread(fn, self._cancel_flag)
        self.thread.progressed.connect(self._progress)
        self.thread.succeeded.connect(self._succeeded)
        self.thread.failed.connect(self._failed)
        _running.add(self)
        self.thread.start()

    @property
    def cancelled(self) -> bool:
        return self._cancel_flag.is_set()

    def cancel(self) -> None:
        self._cancel_flag.set()
        self.dialog.setLabelText(f"{self.title}: stopping…")

    def wait(self, ms: int = 30_000) -> bool:
        return self.thread.wait(ms)

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _end(self) -> None:
        self.thread.wait()
        self.dialog.reset()
        self.dialog.hide()
        self.dialog.deleteLater()
        _running.discard(self)
        self.finished.emit()

    def _succeeded(self, result: Any) -> None:
        self._end()
        self._on_done(result)

    def _failed(self, error: BaseException) -> None:
        self._end()
        if self._on_error is not None:
            self._on_error(error)
        elif isinstance(error, Cancelled):
            return
        elif isinstance(error, RuthError):
            messages.warning(self._parent, self.title, str(error))
        else:
            messages.critical(self._parent, self.title,
                                 f"{self.title} failed: {type(error).__name__}: {error}")


def run_task(parent: QWidget | None, title: str, fn: Callable[[Task], Any],
             on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None,
             show_progress: bool = True) -> TaskRun:
    """Run `fn(task)` in a worker thread with a progress dialog (shown after 0.4 s).

    `on_done(result)` runs on the UI thread. Errors go to `on_error(exception)` when given;
    otherwise a RuthError is shown as its one line, a cancel is silent, and anything else
    is shown as a failure. `show_progress=False` runs quietly (backups, small jobs). Keep
    the returned TaskRun if you want to cancel or wait.
    """
    return TaskRun(parent, title, fn, on_done, on_error, show_progress)


def running_tasks() -> list[TaskRun]:
    """Tasks not yet finished (the window waits for them before it closes)."""
    return list(_running)
