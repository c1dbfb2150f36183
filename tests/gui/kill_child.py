"""The real window in a child process, annotating by key presses until it is killed.

Run: python kill_child.py PROJECT. After each action the session reports as saved it
prints `done <n> <kind> <start> <end>` (kind: mention, quote, or undo of the previous
mention), then goes on after a short pause, so the parent can SIGKILL it mid-session.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from ruth_annotator.gui.app import application  # noqa: E402
from ruth_annotator.gui.main_window import MainWindow  # noqa: E402
from ruth_annotator.model.annotations import Span  # noqa: E402
from ruth_annotator.store import Project  # noqa: E402

ACTIONS = [
    ("mention", "Kate Winslet", Qt.Key.Key_1), ("mention", "Channel 4", Qt.Key.Key_2),
    ("quote", "There are no scripted words written", Qt.Key.Key_Q),
    ("mention", "Dominic Savage", Qt.Key.Key_1), ("undo", "", None),
    ("mention", "Lorraine Kelly", Qt.Key.Key_1), ("mention", "Necker Island", Qt.Key.Key_4),
    ("mention", "Jim Threapleton", Qt.Key.Key_1), ("mention", "ITV", Qt.Key.Key_2),
    ("quote", "This idea of mental health", Qt.Key.Key_Q),
    ("mention", "Mia Threapleton", Qt.Key.Key_1), ("mention", "Joe", Qt.Key.Key_1),
    ("mention", "Bear", Qt.Key.Key_1), ("mention", "Lorraine", Qt.Key.Key_5),
]


def main() -> int:
    app = application()
    window = MainWindow(Project.open(Path(sys.argv[1])))
    window.show()
    view, session = window.view, window.session
    state = {"n": 0, "last": None, "waited": 0}

    def present(span: Span) -> bool:
        items = (*session.layer.mentions.values(), *session.layer.quotes.values())
        return any((a.start, a.end) == (span.start, span.end) for a in items)

    def step() -> None:
        if not window.isActiveWindow() and state["waited"] < 250:
            state["waited"] += 1  # key shortcuts need the active window
            window.activateWindow()
            QTimer.singleShot(20, step)
            return
        n = state["n"]
        if n >= len(ACTIONS):
            app.quit()
            return
        kind, needle, key = ACTIONS[n]
        if kind == "undo":
            QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
            span = state["last"]
        else:
            start = session.text.index(needle)
            span = Span(start, start + len(needle))
            view.select_span(span)
            QTest.keyClick(view, key)
            state["last"] = span
        if not session.saved or present(span) != (kind != "undo"):
            print(f"failed {n}", flush=True)
            app.exit(2)
            return
        print(f"done {n} {kind} {span.start} {span.end}", flush=True)
        state["n"] = n + 1
        QTimer.singleShot(40, step)

    QTimer.singleShot(0, step)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
