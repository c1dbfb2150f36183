"""File menu entries around projects: new project, open recent; and files dropped on the
window (a `.ruth` file opens, anything else is imported into the open project)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QFileDialog, QMenu

from ruth_annotator.config import PROJECT_SUFFIX
from ruth_annotator.errors import RuthError
from ruth_annotator.gui import messages
from ruth_annotator.gui.dialogs import recent
from ruth_annotator.gui.dialogs.welcome import PROJECT_FILTER, with_suffix
from ruth_annotator.store.project import Project

if TYPE_CHECKING:
    from ruth_annotator.gui.workspace import Workspace

translate = QCoreApplication.translate  # (context, text): this module's context is ProjectMenu


def create_project(path: Path) -> Path:
    """Create an empty project file; an existing file is never overwritten."""
    path = with_suffix(Path(path))
    if path.exists():
        raise RuthError("already exists; open it instead of creating it", path)
    Project.open(path, create=True).close()
    return path


def new_project(window: Workspace) -> None:
    """Menu handler: File → New project."""
    name, _ = QFileDialog.getSaveFileName(window, translate("ProjectMenu", "New project"),
                                          str(Path.home() / f"annotations{PROJECT_SUFFIX}"),
                                          PROJECT_FILTER)
    if not name:
        return
    try:
        path = create_project(Path(name))
    except RuthError as e:
        messages.warning(window, translate("ProjectMenu", "New project"), str(e))
        return
    window.open_project_file(path)


def fill_recent_menu(window: Workspace, menu: QMenu) -> None:
    """Submenu handler: File → Open recent, rebuilt each time it opens."""
    menu.clear()
    current = Path(window.session.project.path).resolve()
    paths = [p for p in recent.recent_projects() if p != current]
    for number, path in enumerate(paths, 1):
        text = f"&{number} {path.name}" if number < 10 else path.name
        action = menu.addAction(f"{text}  —  {path.parent}")
        action.setToolTip(str(path))
        action.triggered.connect(lambda _=False, p=path: window.open_project_file(p))
    if not paths:
        menu.addAction(translate("ProjectMenu", "No other recent projects")).setEnabled(False)
    menu.addSeparator()
    clear = menu.addAction(translate("ProjectMenu", "Clear the list"))
    clear.setToolTip(translate("ProjectMenu", "Forget the recent projects (the files stay)"))
    clear.setEnabled(bool(paths))
    clear.triggered.connect(recent.clear_recent)


def dropped_paths(event) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]


def open_or_import(window: Workspace, paths: list[Path]) -> None:
    """A dropped project opens; other files and folders are imported in the background."""
    projects = [p for p in paths if p.suffix == PROJECT_SUFFIX]
    others = [p for p in paths if p.suffix != PROJECT_SUFFIX]
    if projects and others:
        messages.information(window, translate("ProjectMenu", "Drop files"), translate(
            "ProjectMenu",
            "Drop either one project to open it, or articles to import, not both."))
        return
    if projects:
        window.open_project_file(projects[0])
    elif others:
        window.files.import_paths(others)


class _DropFilter(QObject):
    def __init__(self, window: Workspace) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove) and dropped_paths(event):
            event.acceptProposedAction()
            return True
        if kind == QEvent.Type.Drop and dropped_paths(event):
            event.acceptProposedAction()
            open_or_import(self.window, dropped_paths(event))
            return True
        return False


def install_file_drop(window: Workspace) -> None:
    """Let files be dropped anywhere on the window, the article included."""
    drop_filter = _DropFilter(window)
    for widget in (window, window.view, window.view.viewport()):
        widget.setAcceptDrops(True)
        widget.installEventFilter(drop_filter)
