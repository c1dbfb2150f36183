"""Rotating backups of a project, taken with SQLite's online backup API, and safe restores.

A backup is a complete, self-contained project file (no `-wal` beside it), written to a
temporary name, checked, synced and only then renamed into place, so a crash never leaves
half a backup among the good ones. It reads through its own read-only connection: a window
keeps writing while the copy is taken, and it runs from any thread.

Backups live in `data_dir()/backups/<project>-<hash of its path>/`, newest kept, oldest
removed beyond a bounded count. The GUI calls `maybe_backup(project, every_minutes=0,
reason="open")` on opening and `maybe_backup(project)` from a timer; the CLI offers
`ruth-annotator backup` and `restore`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ruth_annotator.config import data_dir, load_settings
from ruth_annotator.errors import NewerProjectError, NotAProjectError, ProjectError, RuthError
from ruth_annotator.store import locking
from ruth_annotator.store.opening import (
    check_existing,
    connect_readonly,
    exists_checked,
    one_line,
    refuse_foreign_objects,
)

if TYPE_CHECKING:
    from ruth_annotator.store.project import Project

#: How many backups of one project are kept (setting "backup_keep").
KEEP = 20
#: Minutes of work between two automatic backups (setting "backup_every_minutes").
EVERY_MINUTES = 10.0

_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.*)-(?P<stamp>\d{8}-\d{6}-\d{6})-(?P<reason>[a-z-]+)\.ruth$")


@dataclass(frozen=True)
class Backup:
    path: Path
    created: datetime
    reason: str
    size: int

    def describe(self) -> str:
        return (f"{self.created:%Y-%m-%d %H:%M:%S}  {self.reason:<15} "
                f"{self.size / 1e6:8.2f} MB  {self.path}")


def backup_folder(project_path: Path) -> Path:
    """The project's own folder of backups (its name plus a hash of where it lives, so two
    projects called alike never share backups)."""
    resolved = Path(project_path).resolve()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return data_dir() / "backups" / f"{resolved.stem}-{digest}"


def list_backups(project_path: Path) -> list[Backup]:
    """The project's backups, newest first."""
    folder = backup_folder(project_path)
    found = []
    with contextlib.suppress(FileNotFoundError):
        for entry in folder.iterdir():
            match = _NAME.match(entry.name)
            if match and entry.is_file():
                created = datetime.strptime(match["stamp"], _STAMP)
                found.append(Backup(entry, created, match["reason"], entry.stat().st_size))
    return sorted(found, key=lambda b: b.created, reverse=True)


def create_backup(project_path: Path, reason: str = "manual", target: Path | None = None,
                  keep: int | None = None) -> Path:
    """Copy the project as it is now into the backup folder (or to `target`) and rotate."""
    project_path = Path(project_path)
    check_existing(project_path, deep=False)  # the copy itself is checked in full
    stamp = _changed_at(project_path)
    if target is not None:
        with _source(project_path) as source:
            _write_copy(source, Path(target), project_path)
        return Path(target)
    folder = backup_folder(project_path)
    target = folder / f"{project_path.stem}-{datetime.now():{_STAMP}}-{reason}.ruth"
    with _source(project_path) as source:
        _write_copy(source, target, project_path)
    os.utime(target, (stamp, stamp))  # the moment of the newest change the copy holds
    prune(project_path, keep)
    return target


def maybe_backup(project: Project, every_minutes: float | None = None,
                 reason: str = "auto") -> Path | None:
    """Back up if the project changed since its last backup and that backup is older than
    `every_minutes` (default: the setting, else 10). Returns the new backup, if any."""
    if every_minutes is None:
        every_minutes = float(load_settings().get("backup_every_minutes", EVERY_MINUTES))
    backups = list_backups(project.path)
    if backups:
        latest = backups[0]
        changed = _changed_at(project.path)
        if latest.path.stat().st_mtime >= changed:
            return None
        if (datetime.now() - latest.created).total_seconds() < every_minutes * 60:
            return None
        # The file's time moves without a change too (closing writes the log back into
        # it): unless the log itself was written since, compare what the project holds
        # with the backup before copying it again.
        if not _log_written_since(project.path, latest.path.stat().st_mtime) and \
                _same_content(project.path, latest.path):
            os.utime(latest.path, (changed, changed))
            return None
    return create_backup(project.path, reason)


def prune(project_path: Path, keep: int | None = None) -> list[Path]:
    """Delete the oldest backups beyond `keep` (default: the setting, else 20)."""
    if keep is None:
        keep = int(load_settings().get("backup_keep", KEEP))
    removed = []
    for old in list_backups(project_path)[max(1, keep):]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    stale = time.time() - 600  # copies left by a killed backup, surely not still running
    for part in backup_folder(project_path).glob(".*.part*"):
        with contextlib.suppress(OSError):
            if part.stat().st_mtime < stale:
                part.unlink()
    return removed


def verify_backup(path: Path) -> None:
    """Raise a ProjectError unless `path` is a whole, healthy project this release can open."""
    path = Path(path)
    try:
        check_existing(path)
        refuse_foreign_objects(path)  # a restore must not copy them into the project
    except ProjectError as e:
        raise ProjectError(f"cannot be restored: it {_first_clause(e.message)}", path) from None
    with contextlib.closing(connect_readonly(path)) as conn:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    if rows != ["ok"]:
        raise ProjectError(f"cannot be restored: it is damaged ({one_line(rows[0])})", path)


def restore(project_path: Path, backup_path: Path) -> Path | None:
    """Make the project what `backup_path` holds; returns the backup of the state before.

    The backup is checked first (a damaged one is refused and nothing changes); the project
    must not be open for writing anywhere; the current state is backed up; then the content
    is replaced in one SQLite transaction (or, for a damaged project, by renaming a whole
    checked copy over it), so a crash midway leaves the old state or the new, never a mix.
    """
    project_path, backup_path = Path(project_path), Path(backup_path)
    verify_backup(backup_path)
    refuse_other_files(project_path)
    if locking.held_here(project_path):
        raise ProjectError("is open in this window; close it before restoring", project_path)
    lock = locking.acquire(project_path)
    try:
        with _staged_copy(backup_path, project_path) as staged:
            healthy = _healthy(project_path)
            before = _save_current(project_path, healthy)
            if healthy:
                _copy_into_live(staged, project_path)
            else:
                _replace_file(staged, project_path)
    finally:
        lock.release()
    return before


def refuse_other_files(project_path: Path) -> None:
    """A restore writes only onto a Ruth Annotator project (healthy or damaged) or a new
    path: never over a text file, a folder or another program's database."""
    try:
        if not exists_checked(project_path):
            return
        check_existing(project_path, deep=False)
    except NotAProjectError as e:
        raise NotAProjectError(f"{e.message}; a backup is restored only onto a project or "
                               "a new file", project_path) from None
    except ProjectError as e:
        if "damaged" not in e.message and not isinstance(e, NewerProjectError):
            raise  # a link to nothing, a file that cannot be read


# --- helpers ------------------------------------------------------------------------


def _changed_at(project_path: Path) -> float:
    """When the project last changed: its file or its write-ahead log, whichever is newer.
    An empty log is what merely opening the project makes: it is no change, or every start
    would take a backup and twenty starts would push out every older one."""
    times = []
    for p in (project_path, project_path.with_name(project_path.name + "-wal")):
        with contextlib.suppress(OSError):
            st = p.stat()
            if st.st_size or p == project_path:
                times.append(st.st_mtime)
    return max(times) if times else time.time()


def _log_written_since(project_path: Path, moment: float) -> bool:
    """Whether a commit went into the write-ahead log after `moment` (only commits write
    it): then the project surely changed, and comparing it with a backup is no use."""
    try:
        st = project_path.with_name(project_path.name + "-wal").stat()
    except OSError:
        return False
    return st.st_size > 0 and st.st_mtime > moment


def _same_content(first: Path, second: Path) -> bool:
    """Whether two project files hold the same rows in every table (read-only)."""
    try:
        with _source(first) as a, _source(second) as b:
            return _digest(a) == _digest(b)
    except (sqlite3.Error, RuthError):
        return False


def _digest(conn: sqlite3.Connection) -> str:
    """A hash of every row of every table, in one read transaction (a consistent state
    even while a window writes)."""
    digest = hashlib.sha256()
    conn.execute("begin")
    try:
        tables = [r[0] for r in conn.execute(
            "select name from sqlite_master where type = 'table' order by name")]
        for table in tables:
            digest.update(table.encode("utf-8", "surrogateescape") + b"\0")
            for row in conn.execute(f'select * from "{table}" order by rowid'):
                digest.update(repr(row).encode("utf-8", "surrogateescape"))
    finally:
        conn.execute("rollback")
    return digest.hexdigest()


@contextlib.contextmanager
def _source(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        conn = connect_readonly(path)
    except sqlite3.Error as e:
        raise ProjectError(f"cannot be read for a backup ({e})", path) from None
    try:
        yield conn
    finally:
        conn.close()


def _write_copy(source: sqlite3.Connection, target: Path, shown: Path) -> None:
    """Copy `source` to `target` atomically: temporary file, check, fsync, rename. The
    temporary name is fixed, so what a killed copy left is cleared by the next one."""
    tmp = target.with_name(f".{target.name}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_with_journal(tmp)
        # Made here, exclusively: a link planted under this name since (the target may
        # sit in a shared folder) makes this fail instead of SQLite writing through it.
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as e:
        raise RuthError(f"cannot write a backup here ({e.strerror})", target) from None
    try:
        dest = sqlite3.connect(tmp, isolation_level=None)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            result = dest.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            dest.close()
        if result != "ok":
            raise ProjectError(f"cannot be backed up: the copy is damaged ({result})", shown)
        with contextlib.suppress(OSError):
            shutil.copymode(shown, tmp)  # as private as the project it copies
        _fsync(tmp)
        os.replace(tmp, target)
        _fsync(target.parent)
    except sqlite3.Error as e:
        raise RuthError(f"backup failed ({e})", target) from None
    except OSError as e:
        raise RuthError(f"backup failed ({e.strerror or e})", target) from None
    finally:
        with contextlib.suppress(OSError):
            _remove_with_journal(tmp)


def _remove_with_journal(path: Path) -> None:
    for suffix in ("", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


@contextlib.contextmanager
def _staged_copy(backup_path: Path, project_path: Path) -> Iterator[Path]:
    """A checked copy of the backup beside the project, removed afterwards (one name: a
    copy left by a killed restore is replaced by the next)."""
    staged = project_path.with_name(f".{project_path.name}.restore")
    with _source(backup_path) as source:
        _write_copy(source, staged, backup_path)
    try:
        yield staged
    finally:
        with contextlib.suppress(OSError):
            _remove_with_journal(staged)


def _healthy(project_path: Path) -> bool:
    try:
        check_existing(project_path)
    except ProjectError:
        return False
    return True


def _save_current(project_path: Path, healthy: bool) -> Path | None:
    """Back up the state about to be replaced; a damaged file is copied byte for byte."""
    if not project_path.exists():
        return None
    if healthy:
        return create_backup(project_path, "before-restore")
    folder = backup_folder(project_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{project_path.stem}-{datetime.now():{_STAMP}}-damaged.ruth"
    for suffix in ("", "-wal", "-shm"):
        src = project_path.with_name(project_path.name + suffix)
        if src.exists():
            shutil.copy2(src, target.with_name(target.name + suffix))
    return target


def _copy_into_live(staged: Path, project_path: Path) -> None:
    """Write the staged copy into the project in one transaction (readers stay consistent)."""
    with _source(staged) as source:
        dest = sqlite3.connect(str(project_path), timeout=10, isolation_level=None)
        try:
            source.backup(dest)
            result = dest.execute("PRAGMA quick_check").fetchone()[0]
        except sqlite3.Error as e:
            raise ProjectError(f"cannot be restored ({e}); it is unchanged",
                               project_path) from None
        finally:
            dest.close()
    if result != "ok":
        raise ProjectError(f"restore produced a damaged file ({result})", project_path)


def _replace_file(staged: Path, project_path: Path) -> None:
    """Rename the staged copy over a damaged project, dropping its stale log first (a log
    left beside the new file would be replayed into it)."""
    for suffix in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            project_path.with_name(project_path.name + suffix).unlink()
    os.replace(staged, project_path)
    _fsync(project_path.parent)


def _fsync(path: Path) -> None:
    """Flush a file, or a folder's entries after a rename, to the disk."""
    if os.name == "nt" and path.is_dir():  # pragma: no cover - folders cannot be opened
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _first_clause(message: str) -> str:
    return message.split(";")[0]
