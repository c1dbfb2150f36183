"""Help → About: what this is, and the versions a bug report needs (with a Copy button)."""

from __future__ import annotations

import importlib.metadata
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ruth_annotator import __version__
from ruth_annotator.gui.dialogs.common import described
from ruth_annotator.resources import resource_path
from ruth_annotator.store.database import VERSION as SQLITE_VERSION


def _distribution_version(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def versions() -> dict[str, str]:
    """The versions of everything that decides how the app behaves."""
    return {
        "Ruth Annotator": __version__,
        "Qt": qVersion(),
        "PySide6": PySide6.__version__,
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "SQLite": SQLITE_VERSION,
        "sqlite-utils": _distribution_version("sqlite-utils"),
        "System": platform.platform(terse=True),
    }


def versions_text() -> str:
    return "\n".join(f"{name}: {value}" for name, value in versions().items())


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Ruth Annotator"))
        described(self, self.tr("About Ruth Annotator"))
        icon = QLabel(self)
        icon.setPixmap(QPixmap(str(resource_path("icons", "png", "ruth-annotator-128.png"))))
        described(icon, self.tr("Ruth Annotator icon"))
        title = QLabel(self.tr("<h2>Ruth Annotator {version}</h2>"
                               "<p>Keyboard-first annotation of entities, quotations and "
                               "speakers in news articles.</p>"
                               "<p>Licensed under the Apache License 2.0.</p>")
                       .format(version=__version__), self)
        title.setWordWrap(True)
        described(title, self.tr("About"))
        rows = "".join(f"<tr><td><b>{name}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>"
                       for name, value in versions().items())
        self.versions = QLabel(f"<table>{rows}</table>", self)
        self.versions.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        described(self.versions, self.tr("Versions"))
        copy = QPushButton(self.tr("&Copy versions"), self)
        described(copy, self.tr("Copy versions"),
                  self.tr("Copy these versions to the clipboard, for a bug report"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(versions_text()))
        close = QPushButton(self.tr("Close"), self)
        described(close, self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)

        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(title, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(copy)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.versions)
        layout.addLayout(buttons)


def show(window: QWidget) -> None:
    """Menu handler: Help → About."""
    AboutDialog(window).exec()
