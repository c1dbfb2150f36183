"""The window's size and panel layout, kept in the settings between runs."""

from __future__ import annotations

import base64

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QMainWindow

from ruth_annotator import config


def restore(window: QMainWindow, docks: dict) -> None:
    """Last run's geometry and dock layout, or a first layout that suits a laptop."""
    saved = config.load_settings().get("window", {})
    try:
        if saved.get("geometry"):
            window.restoreGeometry(QByteArray(base64.b64decode(saved["geometry"])))
        if saved.get("state"):
            window.restoreState(QByteArray(base64.b64decode(saved["state"])))
    except (ValueError, TypeError):
        pass  # a damaged entry only costs the layout
    if not saved.get("geometry"):
        window.resize(1360, 860)
    if not saved.get("state"):
        window.resizeDocks([docks["documents"], docks["entities"]], [240, 380],
                           Qt.Orientation.Horizontal)
        window.resizeDocks([docks["entities"], docks["quotes"]], [330, 420],
                           Qt.Orientation.Vertical)


def save(window: QMainWindow) -> None:
    settings = config.load_settings()
    settings["window"] = {
        "geometry": base64.b64encode(bytes(window.saveGeometry())).decode("ascii"),
        "state": base64.b64encode(bytes(window.saveState())).decode("ascii"),
    }
    config.save_settings(settings)
