"""Write failures as one line the user can act on, with nothing half-written.

Every write runs in one transaction; when SQLite cannot finish it (disk full, file made
read-only, I/O error, another program holding the file) the transaction is rolled back and
a ProjectError says so. The GUI keeps the change in memory as unsaved and offers a retry or
a copy elsewhere: nothing may claim to be saved when it is not.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ruth_annotator.errors import ProjectError, ProjectLockedError

_REASONS = (
    ("full", "the disk is full; free some space and retry, or save a copy elsewhere"),
    ("readonly", "the file is read-only; retry once it is writable, or save a copy elsewhere"),
    ("read-only", "the file is read-only; retry once it is writable, or save a copy elsewhere"),
    ("i/o", "the disk reported an error; retry, or save a copy elsewhere"),
)


def write_failure(error: sqlite3.Error, path: Path) -> ProjectError:
    """The ProjectError that explains a failed write of `path`."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return ProjectLockedError(
            "not saved: the file is busy in another program; retry in a moment", path
        )
    for key, advice in _REASONS:
        if key in text:
            return ProjectError(f"not saved: {advice}", path)
    detail = " ".join(str(error).split())
    return ProjectError(f"not saved ({detail}); retry, or save a copy elsewhere", path)


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Translate SQLite errors raised inside the block (which rolls back) to ProjectError."""
    try:
        yield
    except sqlite3.Error as e:
        raise write_failure(e, path) from None
