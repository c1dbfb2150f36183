"""Errors a user can act on: each carries one line that names the file and the problem.

The CLI prints `str(error)` and exits non-zero; the GUI shows it in a message box.
Anything that is not a `RuthError` is a bug and keeps its traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

#: An error quotes at most this many characters of the input it is about.
EXCERPT_CHARS = 60
#: No message is longer than this, whatever it quotes (a safety net: messages quote
#: excerpts, but a 10 MB line must never reach a terminal or a message box whole).
MESSAGE_CHARS = 400

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """`text` with line breaks and other control characters shown as escapes (\\n, \\x07),
    so a file name or a value can never split an error in two."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A short quotation of input for a message: one line, at most `limit` characters of
    `text`, and an ellipsis when there was more."""
    return one_line(text[:limit]) + ("…" if len(text) > limit else "")


class RuthError(Exception):
    """A problem the user can understand and fix, described in one line."""

    def __init__(self, message: str, path: str | Path | None = None) -> None:
        self.path = one_line(str(path)) if path is not None else None
        message = one_line(message)
        if len(message) > MESSAGE_CHARS:
            message = message[: MESSAGE_CHARS - 1] + "…"
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


class ForeignSchemaError(ProjectError):
    """The project's schema holds triggers, views, tables or indexes this release did not
    make; writing to it could run them."""


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
