"""The real app (`gui.app.run`) on a project, printing `ready` once its event loop runs, so
a test can send it a signal. Run: python signal_child.py PROJECT."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402

from ruth_annotator.gui import app  # noqa: E402

_open_window = app.open_window


def open_window(*args, **kwargs):
    window = _open_window(*args, **kwargs)
    QTimer.singleShot(0, lambda: print("ready", flush=True))
    return window


if __name__ == "__main__":
    app.open_window = open_window
    sys.exit(app.run(Path(sys.argv[1])))
