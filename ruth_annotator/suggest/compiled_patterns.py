"""The engine's regular expressions, compiled once and kept like bytecode.

Python compiles a regular expression in pure Python each time a process starts; the
engine's speaker phrases and verb tries (tens of thousands of characters) take 0.14 s of
every start of the CLI or of the window's first suggestion, the same patterns each time.
While the engine's modules load, each pattern is looked up by its text and flags in a file
kept where Python keeps this package's bytecode (following PYTHONPYCACHEPREFIX, and not
written where PYTHONDONTWRITEBYTECODE says so); only the ones not found there are compiled,
and the file is rewritten with what this start compiled. The regex engine validates the
code it is given, and anything unexpected (another Python, a damaged file) falls back to
compiling as usual.
"""

from __future__ import annotations

import _sre
import contextlib
import importlib.util
import marshal
import os
import re
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from re import _compiler, _parser

#: What makes compiled code valid: the Python build and the regex engine's own version.
_TAG = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}-{_sre.CODESIZE}"

# (pattern, flags) -> the arguments of `_sre.compile` for it
_Entries = dict[tuple[str, int], tuple]


def cache_path() -> Path | None:
    """Beside this package's bytecode: `__pycache__/`, or under PYTHONPYCACHEPREFIX; None
    where Python keeps no bytecode (a frozen app, as the bundle is, keeps none)."""
    if getattr(sys, "frozen", False):
        return None
    try:
        pyc = Path(importlib.util.cache_from_source(__file__))
    except (NotImplementedError, ValueError):
        return None
    return pyc.with_name(f"patterns.{_TAG}.marshal")


def _read(path: Path) -> _Entries:
    try:
        entries = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _write(path: Path, entries: _Entries) -> None:
    if sys.dont_write_bytecode:
        return
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(marshal.dumps(entries))
        os.replace(temporary, path)  # whole or not at all, whoever writes at the same time
    except (OSError, ValueError):  # a folder not ours to write, or nothing marshal keeps
        with contextlib.suppress(OSError):
            temporary.unlink()


def _arguments(pattern: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands the regex engine for a pattern text."""
    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (pattern, int(flags | parsed.state.flags), code, parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


@contextlib.contextmanager
def kept_compiled(path: Path | None = None) -> Iterator[None]:
    """Within the block, `re.compile` of a pattern text takes its compiled code from the
    file at `path` (default: `cache_path()`) when there, and the file is rewritten after."""
    path = path or cache_path()
    if path is None:
        yield
        return
    known = _read(path)
    used: _Entries = {}
    original = _compiler.compile
    loading = threading.get_ident()  # another thread's patterns (a search) are not kept

    def compile(p: object, flags: int = 0) -> re.Pattern:
        if not isinstance(p, str) or flags & re.DEBUG or threading.get_ident() != loading:
            return original(p, flags)
        key = (p, int(flags))
        try:
            arguments = known.get(key) or _arguments(p, flags)
            compiled = _sre.compile(*arguments)
        except re.error:
            raise
        except Exception:  # code this regex engine does not take: the usual way
            return original(p, flags)
        used[key] = arguments
        return compiled

    _compiler.compile = compile
    try:
        yield
    finally:
        _compiler.compile = original
        if used.keys() != known.keys():
            _write(path, used)
