"""Errors a user can act on: each carries one line that names the file and the problem.

The CLI prints `str(error)` and exits non-zero; the GUI shows it in a message box.
Anything that is not a `RuthError` is a bug and keeps its traceback.
"""

from __future__ import annotations

from pathlib import Path


class RuthError(Exception):
    """A problem the user can understand and fix, described in one line."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.message = message
        super().__init__(f"{self.path}: {message}" if self.path else message)


class InputError(RuthError):
    """A file given to import cannot be read as what it claims to be."""


class ProjectError(RuthError):
    """A project file cannot be opened or written safely."""


class NotAProjectError(ProjectError):
    """The file is SQLite (or not even that) but not a Ruth project."""


class NewerProjectError(ProjectError):
    """The project was written by a newer Ruth Annotator with schema changes we do not know."""


class ProjectLockedError(ProjectError):
    """Another process holds the project for writing (`pid`, and `holder`: "window",
    "command" or None when unknown), or SQLite found the file busy (both None)."""

    def __init__(self, message: str, path: str | Path | None = None, *,
                 pid: int | None = None, holder: str | None = None) -> None:
        super().__init__(message, path)
        self.pid = pid
        self.holder = holder


class OptionalDependencyError(RuthError):
    """A feature needs an extra that is not installed; the message says what to install."""

    def __init__(self, feature: str, package: str, extra: str) -> None:
        super().__init__(
            f"{feature} needs {package}, which is not installed. "
            f"Install it with: pip install 'ruth-annotator[{extra}]'"
        )
        self.package = package
