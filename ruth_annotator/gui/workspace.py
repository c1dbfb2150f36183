"""What the menu handlers of dialogs ("module:function" entries in menus.py) may use of the
window: this protocol, not the window class, so no module but gui/app.py needs to import
main_window and the dialogs cannot reach into the window's parts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar

    from ruth_annotator.gui.article_view import ArticleView
    from ruth_annotator.gui.files import Files
    from ruth_annotator.gui.session import Session
    from ruth_annotator.gui.theme import Theme


class Workspace(Protocol):
    session: Session
    view: ArticleView
    files: Files
    theme: Theme
    actions: dict[str, QAction]
    label_actions: dict[str, QAction]

    def statusBar(self) -> QStatusBar: ...  # noqa: N802 (Qt's name)

    def start_project(self) -> None: ...

    def open_project_file(self, path: Path) -> None: ...

    def open_document(self, document_id: int) -> None: ...

    def set_theme(self, name: str) -> None: ...

    def colors(self) -> dict[str, str]: ...
