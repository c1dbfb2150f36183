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


def test_installed_release_is_not_the_broken_one():
    import PySide6

    if sys.version_info < (3, 12):
        assert Version(PySide6.__version__) < Version("6.12")
