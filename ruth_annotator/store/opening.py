"""Safe opening: a file is checked read-only before anything may write to it.

A file that is not SQLite, a SQLite database of another program, a damaged project or one
from a newer release is refused with one line, and is never modified.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ruth_annotator.errors import NewerProjectError, NotAProjectError, ProjectError
from ruth_annotator.store.schema import APPLICATION_ID, MIGRATION_SET, known_migrations

SQLITE_HEADER = b"SQLite format 3\x00"


def check_existing(path: Path) -> None:
    """Raise a ProjectError if `path` is not a healthy project this release can open."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except IsADirectoryError:
        raise NotAProjectError("is a folder, not a project file", path) from None
    except OSError as e:
        raise ProjectError(f"cannot be read ({e.strerror})", path) from None
    if not header.startswith(SQLITE_HEADER):
        what = "an empty file" if not header else "not a SQLite database"
        raise NotAProjectError(f"is {what}, not a Ruth Annotator project", path)
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as e:
        raise ProjectError(f"cannot be opened ({e})", path) from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAProjectError(
                "is a SQLite database of another program, not a Ruth Annotator project", path
            )
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise ProjectError(
                f"is damaged ({result}); restore a backup with 'ruth-annotator restore'", path
            )
        applied = [
            r[0]
            for r in conn.execute(
                "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
            )
        ]
    except sqlite3.DatabaseError as e:
        raise ProjectError(
            f"is damaged ({e}); restore a backup with 'ruth-annotator restore'", path
        ) from None
    finally:
        conn.close()
    unknown = sorted(set(applied) - set(known_migrations()))
    if unknown:
        raise NewerProjectError(
            f"was written by a newer Ruth Annotator (schema {unknown[-1]}); "
            "update the app to open it",
            path,
        )
