"""Starting the window: `ruth-annotator`, `ruth-annotator gui PROJECT`, `ruth-annotator-gui`.

A project that does not exist yet is created with the sample article, so the first start
opens straight onto something to annotate. A project that cannot be opened is reported in
one line (a message box, and on stderr), never with a traceback.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from ruth_annotator import __version__, config
from ruth_annotator.errors import RuthError
from ruth_annotator.gui import messages
from ruth_annotator.gui.i18n import install_translator
from ruth_annotator.gui.opening import as_assigned_annotator, open_project
from ruth_annotator.gui.workers import running_tasks
from ruth_annotator.resources import DESKTOP_ID


def application() -> QApplication:
    """The one QApplication (created on first use)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        install_translator(app)
    app.setApplicationName("Ruth Annotator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ruth-annotator")
    app.setDesktopFileName(DESKTOP_ID)  # the installed .desktop file, for docks/taskbars
    icon = _icon()
    if icon is not None:
        app.setWindowIcon(icon)
    return app  # type: ignore[return-value]


def _icon() -> QIcon | None:
    """The app icon in every rendered size (no SVG plug-in needed), plus the SVG."""
    from ruth_annotator.resources import resource_path

    try:
        folder = resource_path("icons")
    except FileNotFoundError:
        return None
    icon = QIcon()
    for png in sorted((folder / "png").glob("ruth-annotator-*.png")):
        icon.addFile(str(png))
    icon.addFile(str(folder / "ruth-annotator.svg"))
    return icon


def open_window(project_path: Path | None, with_sample: bool = True):
    """Open the project (default: the sample project) and show the main window."""
    from ruth_annotator.gui.main_window import MainWindow

    path = Path(project_path) if project_path else config.default_project_path()
    project = as_assigned_annotator(open_project(path, with_sample=with_sample, create=True))
    window = MainWindow(project)
    window.show()
    if os.environ.get("RUTH_ANNOTATOR_EXIT_AFTER_PAINT") == "1":
        exit_after_first_paint(window)
    return window


class _PaintProbe(QObject):
    """Prints `painted <monotonic time>` once the article has been painted, then quits
    (start-up benchmarks and the packaged app's smoke test use it)."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.fired = False
        window.view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and not self.fired:
            self.fired = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"painted {time.monotonic()}", flush=True)
        QApplication.instance().exit(0)


def exit_after_first_paint(window) -> None:
    window._paint_probe = _PaintProbe(window)


def run(project_path: Path | None = None) -> int:
    """Run the app until the window closes; returns the exit status."""
    app = application()
    choice = None
    if project_path is None:  # the welcome screen is only for starts without a project
        from ruth_annotator.gui.dialogs.welcome import first_start_choice

        choice = first_start_choice(project_path)
    try:
        if choice is not None:
            project_path = choice.project
        window = open_window(project_path, with_sample=choice is None or choice.kind != "new")
        if choice is not None and choice.imports:
            window.files.import_paths(list(choice.imports))
    except RuthError as e:
        print(f"Error: {e}", file=sys.stderr)
        messages.critical(None, "Ruth Annotator", str(e))
        return 1
    with closing_on_signals(window):
        status = app.exec()
    for task in running_tasks():  # a backup may still be copying: let it end cleanly
        task.cancel()
        task.wait()
    window.session.close()
    return status


#: Signals that ask the app to end: a logout or `kill` (SIGTERM), a closed terminal (SIGHUP).
CLOSING_SIGNALS = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                   if hasattr(signal, name)]


@contextlib.contextmanager
def closing_on_signals(window: QWidget) -> Iterator[None]:
    """While the event loop runs, SIGTERM and SIGHUP close the window as Ctrl+Q does: the
    project is closed (its lock released, its log written back into the file) and the
    app exits with status 0. Without this they end the process where it stands.

    Python runs a signal handler only when it next gets control, which inside Qt's event
    loop may be never: the signal also writes a byte to a socket Qt watches, which wakes it.
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda *_: _drain(reader))
    previous_fd = signal.set_wakeup_fd(writer.fileno())
    previous = {sig: signal.signal(sig, lambda *_: QTimer.singleShot(0, window.close))
                for sig in CLOSING_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(previous_fd)
        notifier.setEnabled(False)
        notifier.deleteLater()
        reader.close()
        writer.close()


def _drain(reader: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while reader.recv(64):
            pass


def main() -> None:
    """Entry point of the `ruth-annotator-gui` script: an optional project path."""
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    raise SystemExit(run(Path(args[0]) if args else None))
