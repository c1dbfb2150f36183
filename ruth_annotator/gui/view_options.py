"""View menu handlers: theme and text size, kept in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu

from ruth_annotator import config
from ruth_annotator.gui.theme import THEMES

if TYPE_CHECKING:
    from ruth_annotator.gui.workspace import Workspace


def _store(key: str, value) -> None:
    settings = config.load_settings()
    settings[key] = value
    config.save_settings(settings)


def fill_theme_menu(window: Workspace, menu: QMenu) -> None:
    menu.clear()
    group = QActionGroup(menu)
    current = config.load_settings().get("theme", "system")
    for name in THEMES:
        action = menu.addAction(name.capitalize())
        action.setCheckable(True)
        action.setChecked(name == current)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, name=name: set_theme(window, name))


def set_theme(window: Workspace, name: str) -> None:
    _store("theme", name)
    window.set_theme(name)


def zoom(window: Workspace, step: int) -> None:
    size = int(config.load_settings().get("zoom", 0)) + step
    size = max(-6, min(20, size))
    _store("zoom", size)
    window.view.set_zoom(size)


def zoom_in(window: Workspace) -> None:
    zoom(window, 1)


def zoom_out(window: Workspace) -> None:
    zoom(window, -1)
