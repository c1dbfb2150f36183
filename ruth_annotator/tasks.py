"""Progress and cancellation for long work, shared by the CLI (progress bar) and the GUI
(worker thread with a progress dialog). The work itself never knows which one is watching."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """The user cancelled; the work rolled back whatever it had not finished."""


ProgressFn = Callable[[int, int], None]


@dataclass
class Task:
    """Reports `done` of `total` and says whether the user asked to stop."""

    progress: ProgressFn | None = None
    cancelled: Callable[[], bool] | None = None
    finished: Callable[[], None] | None = None  # ends the progress display (its line)

    def report(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    def finish(self) -> None:
        """The work is over: the progress display ends, before any result is printed."""
        if self.finished is not None:
            self.finished()

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()


NO_TASK = Task()
