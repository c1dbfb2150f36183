"""Writing export files safely: whole or not at all, and never outside the chosen folder."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ruth_annotator.errors import RuthError

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@contextlib.contextmanager
def atomic_output(path: Path, mode: str = "w") -> Iterator[IO]:
    """Write to a temporary file beside `path`, then rename it over `path`.

    A crash or a full disk leaves the old file (or none), never a truncated one.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.fchmod(fd, 0o666 & ~current_umask())  # mkstemp makes 0600; exports are shared
    except OSError as e:
        raise RuthError(f"cannot write here ({e.strerror})", path) from None
    try:
        kwargs = {"encoding": "utf-8", "newline": ""} if "b" not in mode else {}
        with os.fdopen(fd, mode, **kwargs) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise RuthError(f"cannot be written ({e.strerror})", path) from None
        raise


def current_umask() -> int:
    """The process's umask, read without changing it where the system says it (Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def safe_name(name: str, fallback: str = "document") -> str:
    """A file name made from a document id that cannot climb out of its folder."""
    cleaned = _UNSAFE.sub("_", name).strip("._")
    return cleaned[:120] or fallback


def inside(folder: Path, name: str) -> Path:
    """`folder / name`, refusing any name that would land outside `folder`."""
    target = (folder / name).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise RuthError(f"refusing to write outside the export folder: {name}", folder)
    return target
