"""The engine's patterns kept compiled between starts, like bytecode."""

from __future__ import annotations

import _sre
import marshal
import os
import re
import subprocess
import sys
import threading
from pathlib import Path
from re import _compiler, _parser

import pytest

from ruth_annotator.suggest import compiled_patterns
from ruth_annotator.suggest.compiled_patterns import kept_compiled

PATTERNS = [
    (r"(?P<spk>[A-Z]\w+)[ \t]+(?P<cue>said|says)\b", 0),
    (r"(?<![\w'’])(?:mr|mrs)\.?\s+\w+", re.IGNORECASE),
    (r"""\d+ # digits
         (?:st|nd|rd|th)?""", re.VERBOSE),
    (r"“[^”]*”|‘[^’]*’", 0),
]


@pytest.fixture(autouse=True)
def _bytecode_written(monkeypatch):
    """As on a user's machine, whatever this environment says."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def _compile_all() -> list[re.Pattern]:
    re.purge()  # past the in-memory cache, to the compiler
    return [re.compile(p, f) for p, f in PATTERNS]


def test_patterns_from_the_file_are_the_same_patterns(tmp_path, monkeypatch):
    path = tmp_path / "patterns.marshal"
    with kept_compiled(path):
        first = _compile_all()
    assert path.exists()
    monkeypatch.setattr(_parser, "parse", lambda *a: pytest.fail("compiled again"))
    with kept_compiled(path):
        again = _compile_all()
    monkeypatch.undo()
    re.purge()
    fresh = [_compiler.compile(p, f) for p, f in PATTERNS]
    for ours, kept, usual in zip(first, again, fresh, strict=True):
        assert ours == kept == usual  # the same code, flags and text
        assert kept.groupindex == usual.groupindex and kept.groups == usual.groups
    m = again[0].search("Later, Smith said it.")
    assert m.group("spk", "cue") == ("Smith", "said")
    assert again[1].search("and MRS. Jones") and again[2].fullmatch("21st")


def test_a_damaged_file_is_compiled_past_and_rewritten(tmp_path):
    path = tmp_path / "patterns.marshal"
    path.write_bytes(b"\x00not marshal")
    with kept_compiled(path):
        assert _compile_all()[0].search("Smith said").group("cue") == "said"
    pattern, flags = PATTERNS[0]
    entries = marshal.loads(path.read_bytes())
    code = list(entries[(pattern, flags)][2])
    code[5:9] = [999_999] * 4  # code the regex engine refuses
    entries[(pattern, flags)] = (*entries[(pattern, flags)][:2], code,
                                 *entries[(pattern, flags)][3:])
    path.write_bytes(marshal.dumps(entries))
    with kept_compiled(path):
        assert _compile_all()[0].search("Smith said").group("cue") == "said"
    pristine = marshal.loads(path.read_bytes())
    assert len(pristine) == len(PATTERNS) - 1  # the refused one is not kept
    with kept_compiled(path):
        _compile_all()
    assert _sre.compile(*marshal.loads(path.read_bytes())[(pattern, flags)]) == \
        _compiler.compile(pattern, flags)


def test_nothing_is_written_where_bytecode_is_not(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    with kept_compiled(tmp_path / "patterns.marshal"):
        assert _compile_all()[3].match("“Yes”")
    assert not list(tmp_path.iterdir())
    assert _compiler.compile is not None and "kept_compiled" not in repr(_compiler.compile)


def test_the_engine_keeps_its_patterns_beside_its_bytecode(tmp_path):
    """A start writes the engine's patterns under PYTHONPYCACHEPREFIX; each one read back
    is what compiling it gives."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPYCACHEPREFIX=str(tmp_path),
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    subprocess.run([sys.executable, "-c", "import ruth_annotator.suggest"], env=env,
                   check=True, cwd=tmp_path)
    (path,) = tmp_path.rglob("patterns.*.marshal")
    assert path.name == compiled_patterns.cache_path().name
    entries = marshal.loads(path.read_bytes())
    assert len(entries) > 50
    for (pattern, flags), arguments in entries.items():
        assert _sre.compile(*arguments) == _compiler.compile(pattern, flags), pattern[:60]


def test_only_the_loading_thread_s_patterns_are_kept(tmp_path):
    """A pattern another thread compiles meanwhile (a search typed in the window) is
    compiled as usual and not written down."""
    path = tmp_path / "patterns.marshal"
    other: list[re.Pattern] = []
    with kept_compiled(path):
        _compile_all()
        worker = threading.Thread(target=lambda: other.append(re.compile(r"secret \w+ typed")))
        worker.start()
        worker.join()
    assert other[0].match("secret words typed")
    kept = marshal.loads(path.read_bytes())
    assert set(kept) == {(p, f) for p, f in PATTERNS}
