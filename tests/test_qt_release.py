"""The pinned PySide6 must survive an hour of use.

PySide6-Essentials 6.12.0 on CPython 3.11 lowers None's reference count on every call of a
Qt method that returns nothing and aborts after ~5,000 calls (`none_dealloc`). A session of
annotation makes far more calls, so we run 20,000 of them in a child process (an abort kills
the process, not the test run) and require it to finish cleanly.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

CALLS = 20_000


def test_twenty_thousand_void_calls_do_not_abort():
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtWidgets import QApplication, QPlainTextEdit
        app = QApplication(["x", "-platform", "offscreen"])
        edit = QPlainTextEdit()
        for i in range({CALLS}):
            edit.setPlainText("x")  # returns None
        print("ok", sys.getrefcount(None) > 0)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=240)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok True"


PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def pyside_requirements() -> list[Requirement]:
    deps = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    return [r for r in map(Requirement, deps) if r.name.lower() == "pyside6-essentials"]


def test_the_pin_keeps_the_broken_release_off_python_3_11():
    """Checked on every Python: the requirement that applies to 3.11 excludes 6.12."""
    on_311 = [r for r in pyside_requirements()
              if r.marker is None or r.marker.evaluate({"python_version": "3.11"})]
    assert on_311 and all(Version("6.12.0") not in r.specifier for r in on_311)


def test_installed_release_is_the_pinned_one():
    """The installed PySide6 meets the requirement for this Python (on 3.11: not 6.12)."""
    import PySide6

    applying = [r for r in pyside_requirements() if r.marker is None or r.marker.evaluate()]
    assert applying, "no PySide6 requirement applies to this Python"
    installed = Version(PySide6.__version__)
    assert all(installed in r.specifier for r in applying), (installed, applying)
