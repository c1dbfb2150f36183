"""Regenerate the review-flow screenshots in docs/ (light and dark theme).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/review_screenshots.py

A throw-away project holds the sample article; the window suggests on opening, A is
pressed three times (three quotes accepted with their attribution), and the window is
saved as docs/review-light.png and docs/review-dark.png (the status bar shows what is
left). Then Ctrl+Enter is pressed and the question it asks is saved as
docs/review-done-question.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    home = tempfile.mkdtemp(prefix="ruth-shots-")
    os.environ["RUTH_ANNOTATOR_HOME"] = home
    os.environ.setdefault("RUTH_ANNOTATOR_NAME", "ana")
    sys.path.insert(0, str(HERE.parent))
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from ruth_annotator import config
    from ruth_annotator.app.transfer import import_paths
    from ruth_annotator.gui.app import application
    from ruth_annotator.gui.main_window import MainWindow
    from ruth_annotator.resources import resource_path
    from ruth_annotator.store import Project

    app = application()
    for name in ("light", "dark"):
        settings = config.load_settings()
        settings.update(theme=name, show_speaker_links=False)
        settings.pop("reading_places", None)
        config.save_settings(settings)
        path = Path(home) / f"review-{name}.ruth"
        project = Project.open(path, create=True)
        import_paths(project, [resource_path("samples") / "i_am_ruth.txt"])
        window = MainWindow(project)
        window.resize(1360, 860)
        window.show()
        QTest.qWaitForWindowExposed(window)
        window.activateWindow()
        window.view.setFocus()
        QTest.qWait(200)
        for _ in range(3):
            QTest.keyClick(window.view, Qt.Key.Key_A)
        QTest.qWait(300)
        window.grab().save(str(HERE / f"review-{name}.png"))
        if name == "light":
            def shoot_and_cancel(window=window) -> None:
                screen = QApplication.primaryScreen().grabWindow(0)
                screen.copy(window.frameGeometry()).save(str(HERE / "review-done-question.png"))
                box = QApplication.activeModalWidget()
                if box is not None:
                    box.reject()
            QTimer.singleShot(600, shoot_and_cancel)
            QTest.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        window.close()
        project.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
