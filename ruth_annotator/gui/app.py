"""Starting the window: `ruth-annotator`, `ruth-annotator gui PROJECT`, `ruth-annotator-gui`.

A project that does not exist yet is created with the sample article, so the first start
opens straight onto something to annotate. A project that cannot be opened is reported in
one line (a message box, and on stderr), never with a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from ruth_annotator import __version__, config
from ruth_annotator.errors import RuthError
from ruth_annotator.formats.pipeline import open_project_with_sample


def application() -> QApplication:
    """The one QApplication (created on first use)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Ruth Annotator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ruth-annotator")
    app.setDesktopFileName("ruth-annotator")
    icon = _icon()
    if icon is not None:
        app.setWindowIcon(icon)
    return app  # type: ignore[return-value]


def _icon() -> QIcon | None:
    from ruth_annotator.resources import resource_path

    for name in ("ruth-annotator.svg", "ruth-annotator.png"):
        try:
            return QIcon(str(resource_path("icons", name)))
        except FileNotFoundError:
            continue
    return None


def open_window(project_path: Path | None):
    """Open the project (default: the sample project) and show the main window."""
    from ruth_annotator.gui.main_window import MainWindow

    path = Path(project_path) if project_path else config.default_project_path()
    project = open_project_with_sample(path)
    window = MainWindow(project)
    window.show()
    return window


def run(project_path: Path | None = None) -> int:
    """Run the app until the window closes; returns the exit status."""
    app = application()
    try:
        window = open_window(project_path)
    except RuthError as e:
        print(f"Error: {e}", file=sys.stderr)
        QMessageBox.critical(None, "Ruth Annotator", str(e))
        return 1
    status = app.exec()
    window.session.close()
    return status


def main() -> None:
    """Entry point of the `ruth-annotator-gui` script: an optional project path."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    raise SystemExit(run(Path(args[0]) if args else None))
