"""Safe opening: a file is checked read-only before anything may write to it.

A file that is not SQLite, a SQLite database of another program, a damaged project or one
from a newer release is refused with one line, and is never modified. Only then is the
write lock taken (see locking) and the file opened for writing; or it is opened read-only,
which needs no lock and never writes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ruth_annotator.errors import (
    NewerProjectError,
    NotAProjectError,
    ProjectError,
    ProjectLockedError,
)
from ruth_annotator.store import locking
from ruth_annotator.store.schema import (
    APPLICATION_ID,
    MIGRATION_SET,
    known_migrations,
    migrations,
)

BUSY_TIMEOUT_S = 10

SQLITE_HEADER = b"SQLite format 3\x00"


def open_database(path: Path, *, create: bool = False,
                  readonly: bool = False) -> tuple[Database, locking.WriteLock | None]:
    """Check, lock and open `path`; the lock is None for a read-only opening."""
    exists = exists_checked(path)
    if exists:
        check_existing(path)
    elif not create or readonly:
        raise ProjectError("no such project file", path)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise ProjectError(f"cannot create the folder ({e.strerror})", path) from None
    if readonly:
        return _connect_readonly(path), None
    lock = locking.acquire(path)
    try:
        return _connect_for_writing(path, new=not exists), lock
    except BaseException:
        lock.release()
        raise


def exists_checked(path: Path) -> bool:
    """Whether a project file is there; a symbolic link that never ends is refused."""
    try:
        path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            raise ProjectError("is a symbolic link to nothing", path) from None
        return False
    except (RuntimeError, OSError) as e:
        if path.is_symlink():
            raise ProjectError("is a symbolic link that points in a loop", path) from None
        raise ProjectError(f"cannot be read ({getattr(e, 'strerror', e)})", path) from None
    return True


def _connect_readonly(path: Path) -> Database:
    try:
        db = Database(connect_readonly(path), execute_plugins=False)
        db.execute("PRAGMA query_only=ON")
    except sqlite3.Error as e:
        raise ProjectError(f"cannot be opened read-only ({_reason(e, path)})", path) from None
    return db


def connect_readonly(path: Path, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A connection that cannot write. On a read-only disk, where SQLite cannot make the
    shared-memory file a reader of a WAL database needs, the file is read as immutable:
    nobody can be writing it there."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if _on_readonly_disk(path) and not _has_log(path):
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None,
                           check_same_thread=False)


def _on_readonly_disk(path: Path) -> bool:
    try:
        return bool(os.statvfs(path.parent).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # no statvfs on Windows
        return False


def _has_log(path: Path) -> bool:
    log = path.with_name(path.name + "-wal")
    return log.exists() and log.stat().st_size > 0


def _damaged(error: sqlite3.Error) -> bool:
    """Whether SQLite says the file itself is broken (not that it cannot get at it)."""
    name = getattr(error, "sqlite_errorname", "")
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in str(error)


def _reason(error: sqlite3.Error, path: Path) -> str:
    """Why SQLite could not read a file that is not damaged: usually a full disk."""
    try:
        full = shutil.disk_usage(path.parent).free < 1 << 20
    except OSError:
        full = False
    return f"{error}; the disk is full" if full else str(error)


def _connect_for_writing(path: Path, new: bool) -> Database:
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False)
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        if new:
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        migrations.apply(db)
    except sqlite3.OperationalError as e:
        if "locked" in str(e) or "busy" in str(e):
            raise ProjectLockedError("is busy in another program; try again", path) from None
        if "readonly" in str(e):
            raise ProjectError("is read-only here; open it read-only or copy it elsewhere",
                               path) from None
        raise ProjectError(f"cannot be opened for writing ({e})", path) from None
    return db


def check_existing(path: Path, *, deep: bool = True) -> None:
    """Raise a ProjectError if `path` is not a healthy project this release can open.

    `deep` also reads every page (quick_check); without it only the header, owner and
    schema version are checked.
    """
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
        conn = connect_readonly(path)
    except sqlite3.Error as e:
        raise ProjectError(f"cannot be opened ({_reason(e, path)})", path) from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAProjectError(
                "is a SQLite database of another program, not a Ruth Annotator project", path
            )
        result = conn.execute("PRAGMA quick_check").fetchone()[0] if deep else "ok"
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
        if not _damaged(e):
            raise ProjectError(f"cannot be read ({_reason(e, path)})", path) from None
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
