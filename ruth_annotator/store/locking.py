"""One writer per project file: an advisory lock on a sidecar file beside the project.

SQLite alone would let two windows write the same file turn by turn, each with its own
stale picture of the layer in memory, so one window's undo could silently revert the
other's work. A second process that wants to write is refused instead, told which process
holds the file, and may open it read-only. The kernel drops the lock when its holder dies,
so a crash never leaves a project locked. Within one process a file may be opened many
times (one lock, counted).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path

from ruth_annotator.errors import ProjectError, ProjectLockedError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


#: Opened without following a symbolic link: a link planted beside a project in a shared
#: folder must not make the lock overwrite the file it points to.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def lock_path(project_path: Path) -> Path:
    """The sidecar file, named like SQLite's own `-wal` and `-shm` files."""
    return project_path.with_name(project_path.name + "-lock")


_held: dict[Path, list] = {}  # resolved project path -> [fd, count]
_guard = threading.Lock()
#: What this process is, written beside its pid so that a refused process can say who
#: holds the file: "window", "command", or "program" (a script using the library).
_role = {"name": "program"}


def declare_role(role: str) -> None:
    """Say what this process is ("window" or "command") before it opens projects."""
    _role["name"] = role



class WriteLock:
    """This process's right to write one project; `release()` once per `acquire`."""

    def __init__(self, project_path: Path) -> None:
        self.key = project_path.resolve()
        self.released = False

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        with _guard:
            entry = _held.get(self.key)
            if entry is None:
                return
            entry[1] -= 1
            if entry[1] > 0:
                return
            del _held[self.key]
            fd = entry[0]
            # Unlink while still locked: a process waiting on the old file re-checks the
            # inode after it gets the lock and starts again on a fresh file.
            with contextlib.suppress(OSError):
                os.unlink(lock_path(self.key))
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)


def acquire(project_path: Path) -> WriteLock:
    """Take the write lock, or raise ProjectLockedError naming the process that holds it."""
    key = Path(project_path).resolve()
    with _guard:
        entry = _held.get(key)
        if entry is not None:
            entry[1] += 1
            return WriteLock(key)
        fd = _lock_fresh_file(key, Path(project_path))
        _held[key] = [fd, 1]
    return WriteLock(key)


def held_here(project_path: Path) -> bool:
    """Whether this process holds the project open for writing."""
    return Path(project_path).resolve() in _held


def holder(project_path: Path) -> int | None:
    """The pid of the process that holds the lock, or None if nobody does."""
    path = lock_path(Path(project_path).resolve())
    try:
        fd = os.open(path, os.O_RDWR | _NOFOLLOW)
    except OSError:
        return None
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
        return _read_holder(fd)[0]
    finally:
        os.close(fd)


def _lock_fresh_file(key: Path, shown: Path) -> int:
    path = lock_path(key)
    for _ in range(20):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o644)
        except OSError as e:
            if path.is_symlink():
                raise ProjectError(f"cannot be locked for writing: {path.name} beside it is "
                                   "a symbolic link, not a lock file; remove the link",
                                   shown) from None
            raise ProjectError(
                f"cannot be locked for writing ({e.strerror}); open it read-only", shown
            ) from None
        if os.fstat(fd).st_nlink > 1:  # a hard link to another file: never truncate that
            os.close(fd)
            raise ProjectError(f"cannot be locked for writing: {path.name} beside it is a "
                               "link to another file, not a lock file; remove it", shown)
        if not _try_lock(fd):
            pid, role = _read_holder(fd)
            os.close(fd)
            raise _held_elsewhere(shown, pid, role) from None
        if _same_file(fd, path):
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n{_role['name']}\n".encode())
            return fd
        _unlock(fd)  # the holder removed this file as we locked it: take the new one
        os.close(fd)
    raise ProjectLockedError("is being opened and closed by another process; try again", shown)


def _same_file(fd: int, path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    own = os.fstat(fd)
    return (st.st_dev, st.st_ino) == (own.st_dev, own.st_ino)


def _held_elsewhere(path: Path, pid: int | None, role: str | None) -> ProjectLockedError:
    who = f" (pid {pid})" if pid else ""
    if role == "command":
        message = (f"is being changed by a ruth-annotator command{who}; try again when it "
                   "has finished, or open it read-only")
    else:
        message = (f"is open in another Ruth Annotator window{who}; "
                   "open it read-only or close the other one")
    return ProjectLockedError(message, path, pid=pid, holder=role)


def _read_holder(fd: int) -> tuple[int | None, str | None]:
    """The pid and role written by the holder (older files hold the pid alone)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        words = os.read(fd, 64).split()
        pid = int(words[0]) if words else None
    except (OSError, ValueError):
        return None, None
    role = words[1].decode("ascii", "replace") if len(words) > 1 else None
    return pid, role
