"""Small programs the benchmarks run in a fresh process (start-up time and peak memory).

    python -m benchmarks.probes bare-window [TEXT_FILE]   # the raw limit: a bare PySide6 window
    python -m benchmarks.probes window PROJECT [DOC_ID]   # the main window on PROJECT
    python -m benchmarks.probes documents PROJECT         # Project.documents(), no Qt
    python -m benchmarks.probes bare-documents PROJECT    # the same columns through sqlite3

Each prints one JSON line: `painted` (time.monotonic() at the first frame, for windows) and
`peak_mb` (the process's peak resident memory). Imports are inside the functions so a probe
loads only what it measures.
"""

from __future__ import annotations

import json
import sys
import time


def peak_mb() -> float:
    """Peak resident set size (VmHWM) in MB."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _report(**figures) -> None:
    print(json.dumps({**figures, "peak_mb": peak_mb()}), flush=True)


def _run_until_painted(app, widget) -> float:
    """Show nothing new; wait for `widget`'s first paint and return its monotonic time."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    painted: list[float] = []

    class Watch(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint and not painted:
                painted.append(time.monotonic())
                QTimer.singleShot(0, app.quit)
            return False

    watch = Watch()
    widget.installEventFilter(watch)
    app.exec()
    return painted[0]


def bare_window(text_file: str | None = None) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    edit = QPlainTextEdit()
    if text_file:
        with open(text_file, encoding="utf-8") as f:
            edit.setPlainText(f.read())
    window.setCentralWidget(edit)
    window.resize(1400, 900)
    window.show()
    _report(painted=_run_until_painted(app, edit.viewport()))


def window(project: str, doc_id: str | None = None) -> None:
    from ruth_annotator.gui.app import application
    from ruth_annotator.gui.main_window import MainWindow
    from ruth_annotator.store import Project

    app = application()
    win = MainWindow(Project.open(project))
    win.resize(1400, 900)
    win.show()
    if doc_id is not None:
        win.open_document(int(doc_id))
    _report(painted=_run_until_painted(app, win.view.viewport()))


def documents(project: str) -> None:
    from ruth_annotator.store import Project

    with Project.open(project) as p:
        count = len(p.documents())
    _report(documents=count)


def bare_documents(project: str) -> None:
    import sqlite3

    conn = sqlite3.connect(project)
    rows = conn.execute("select id, uid, title, length from documents").fetchall()
    _report(documents=len(rows))


PROBES = {"bare-window": bare_window, "window": window, "documents": documents,
          "bare-documents": bare_documents}

if __name__ == "__main__":
    PROBES[sys.argv[1]](*sys.argv[2:])
