"""Safe opening: a file is checked read-only before anything may write to it.

A file that is not SQLite, a SQLite database of another program, a damaged project or one
from a newer release is refused with one line, and is never modified. Only then is the
write lock taken (see locking) and the file opened for writing; or it is opened read-only,
which needs no lock and never writes.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from ruth_annotator.errors import (
    ForeignSchemaError,
    NewerProjectError,
    NotAProjectError,
    ProjectError,
    ProjectLockedError,
    excerpt,
)
from ruth_annotator.store import locking
from ruth_annotator.store.schema import (
    APPLICATION_ID,
    MIGRATION_SET,
    known_migrations,
    migrations,
)

BUSY_TIMEOUT_S = 10
RESTORE = "restore a backup with 'ruth-annotator restore'"

SQLITE_HEADER = b"SQLite format 3\x00"


def open_database(path: Path, *, create: bool = False,
                  readonly: bool = False) -> tuple[Database, locking.WriteLock | None]:
    """Check, lock and open `path`; the lock is None for a read-only opening."""
    exists = exists_checked(path)
    refuse_planted_links(path)
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
        return readonly_database(path), None
    if exists:
        refuse_foreign_objects(path)
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


def refuse_planted_links(path: Path) -> None:
    """SQLite's files beside a project (its log, its index, its journal) and our lock are
    never links: one planted in a shared folder is named, instead of SQLite's bare
    "unable to open database file" (SQLite itself does not follow them)."""
    for suffix in ("-wal", "-shm", "-journal", "-lock"):
        side = path.with_name(path.name + suffix)
        if side.is_symlink():
            raise ProjectError(f"cannot be opened: {side.name} beside it is a symbolic "
                               "link, not a file of this project; remove the link", path)


def remove_project_files(path: Path) -> None:
    """Delete a project file and SQLite's log and index beside it (a project this process
    just created and gives up: a refused import, a package half written)."""
    for leftover in (path, path.with_name(path.name + "-wal"),
                     path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def readonly_database(path: Path) -> Database:
    """A connection that cannot write, without the checks of `open_database`."""
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


def _lenient_text(raw: bytes) -> str:
    return raw.decode("utf-8", "replace")


def one_line(report: str) -> str:
    """SQLite's check reports span lines ("*** in database main ***\nPage 3: …")."""
    return " ".join(report.replace("*** in database main ***", "").split())


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
    return f"{one_line(str(error))}; the disk is full" if full else one_line(str(error))


def _connect_for_writing(path: Path, new: bool) -> Database:
    conn = None
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                               check_same_thread=False)
        conn.set_authorizer(_nothing_from_triggers)
        db = Database(conn, execute_plugins=False)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        if new:
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
        migrations.apply(db)
    except (sqlite3.Error, UnicodeDecodeError) as e:
        if conn is not None:
            conn.close()
        raise _open_failure(e, path) from None
    return db


def _nothing_from_triggers(_action: int, _arg1: str | None, _arg2: str | None,
                           _database: str | None, trigger_or_view: str | None) -> int:
    """No statement of ours may run the body of a trigger (or read through a view): one
    slipped into the file after it was opened fails the write instead of running."""
    return sqlite3.SQLITE_DENY if trigger_or_view else sqlite3.SQLITE_OK


def foreign_objects(conn: sqlite3.Connection) -> list[str]:
    """Schema objects this release did not make (triggers, views, tables, indexes), as
    "trigger name" in the file's order: they could run code on our writes or hide data."""
    known = current_objects()
    found = conn.execute(
        "select type, name from sqlite_master where name not like 'sqlite^_%' escape '^' "
        "order by rowid").fetchall()
    return [f"{kind} {excerpt(name, 40)}" for kind, name in found
            if (kind, name) not in known]


def refuse_foreign_objects(path: Path) -> None:
    """Raise ForeignSchemaError naming what the file holds that this release did not make."""
    try:
        with contextlib.closing(connect_readonly(path)) as conn:
            conn.text_factory = _lenient_text
            found = foreign_objects(conn)
    except sqlite3.Error as e:
        raise ProjectError(f"cannot be read ({_reason(e, path)})", path) from None
    if found:
        shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if len(found) > 5 else "")
        raise ForeignSchemaError(
            f"holds schema objects Ruth Annotator did not make ({shown}); it is not opened "
            "for writing, so they cannot run: open it read-only, or restore a backup", path)


def _open_failure(error: Exception, path: Path) -> ProjectError:
    if isinstance(error, UnicodeDecodeError):  # damage quick_check cannot see, in a text
        return ProjectError(f"is damaged (text that is not UTF-8); {RESTORE}", path)
    text = str(error)
    if isinstance(error, sqlite3.DatabaseError) and _damaged(error):
        return ProjectError(f"is damaged ({one_line(text)}); {RESTORE}", path)
    if "locked" in text or "busy" in text:
        return ProjectLockedError("is busy in another program; try again", path)
    if "readonly" in text:
        return ProjectError("is read-only here; open it read-only or copy it elsewhere", path)
    return ProjectError(f"cannot be opened for writing ({_reason(error, path)})", path)


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
    conn.text_factory = _lenient_text  # a damaged page may hold bytes that are not UTF-8
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotAProjectError(
                "is a SQLite database of another program, not a Ruth Annotator project", path
            )
        result = conn.execute("PRAGMA quick_check").fetchone()[0] if deep else "ok"
        if result != "ok":
            raise ProjectError(f"is damaged ({one_line(result)}); {RESTORE}", path)
        applied = [
            r[0]
            for r in conn.execute(
                "select name from _sqlite_migrations where migration_set = ?", [MIGRATION_SET]
            )
        ]
        columns = table_columns(conn)
    except UnicodeDecodeError:  # SQLite's own message quotes the damaged bytes
        raise ProjectError("is damaged (its schema holds bytes that are not text); "
                           f"{RESTORE}", path) from None
    except sqlite3.DatabaseError as e:
        if not _damaged(e):
            raise ProjectError(f"cannot be read ({_reason(e, path)})", path) from None
        raise ProjectError(f"is damaged ({one_line(str(e))}); {RESTORE}", path) from None
    finally:
        conn.close()
    unknown = sorted(set(applied) - set(known_migrations()))
    if unknown:
        raise NewerProjectError(
            f"was written by a newer Ruth Annotator (schema {unknown[-1]}); "
            "update the app to open it",
            path,
        )
    if set(applied) == set(known_migrations()):
        # Tables this release did not make are named by refuse_foreign_objects.
        differ = [t for t, cols in current_columns().items() if columns.get(t) != cols]
        if differ:
            what = "is missing" if differ[0] not in columns else "is not as this release made it"
            raise ProjectError(f"is damaged (the {differ[0]} table {what}); {RESTORE}", path)


def table_columns(conn: sqlite3.Connection) -> dict[str, tuple[str, ...]]:
    """Each table's column names, as the file's schema says."""
    tables = [r[0] for r in conn.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")]
    return {t: tuple(r[1] for r in conn.execute("select * from pragma_table_info(?)", [t]))
            for t in tables}


@functools.cache
def current_objects() -> frozenset[tuple[str, str]]:
    """The (type, name) of every table, index, trigger and view this release makes."""
    conn = sqlite3.connect(":memory:")
    try:
        migrations.apply(Database(conn, execute_plugins=False))
        return frozenset(conn.execute("select type, name from sqlite_master"))
    finally:
        conn.close()


@functools.cache
def current_columns() -> dict[str, tuple[str, ...]]:
    """The tables and columns a project made by this release has."""
    conn = sqlite3.connect(":memory:")
    try:
        migrations.apply(Database(conn, execute_plugins=False))
        return table_columns(conn)
    finally:
        conn.close()
