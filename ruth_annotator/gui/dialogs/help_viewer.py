"""Help → User guide: the Markdown pages shipped with the app, read offline in a window.

The guide is our own Markdown, so QTextBrowser renders it; links between pages stay in the
viewer, web links open in the system browser.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.gui.dialogs.common import described
from ruth_annotator.resources import doc_path

GUIDE = "user-guide.md"
SHORTCUTS = "shortcuts.md"


class HelpViewer(QDialog):
    """A read-only browser over the guide with Back, Forward and Contents."""

    def __init__(self, page: str = GUIDE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ruth Annotator Help"))
        described(self, self.tr("Ruth Annotator Help"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setOpenLinks(True)
        described(self.browser, self.tr("Help page"))
        self.browser.sourceChanged.connect(self._source_changed)

        row = QHBoxLayout()
        for text, tip, keys, slot in (
            (self.tr("&Back"), self.tr("Previous page"), QKeySequence.StandardKey.Back,
             self.browser.backward),
            (self.tr("&Forward"), self.tr("Next page"), QKeySequence.StandardKey.Forward,
             self.browser.forward),
            (self.tr("&Contents"), self.tr("The guide's first page"), None,
             lambda: self.open_page(GUIDE)),
            (self.tr("Open in &browser"), self.tr("Show this page in the system's browser"),
             None, self.open_externally),
        ):
            button = QPushButton(text, self)
            described(button, text.replace("&", ""), tip)
            if keys is not None:
                button.setShortcut(QKeySequence(keys))
            button.clicked.connect(slot)
            row.addWidget(button)
            if text == self.tr("&Back"):
                self.back_button = button
                self.browser.backwardAvailable.connect(button.setEnabled)
                button.setEnabled(False)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        described(close, self.tr("Close help"))
        close.clicked.connect(self.close)
        row.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addLayout(row)
        self.resize(820, 680)
        self.open_page(page)

    def open_page(self, page: str) -> None:
        self.browser.setSource(QUrl.fromLocalFile(str(doc_path(page))))

    def open_externally(self) -> None:
        QDesktopServices.openUrl(self.browser.source())

    def _source_changed(self, url: QUrl) -> None:
        title = self.browser.documentTitle() or url.fileName()
        self.setWindowTitle(self.tr("Ruth Annotator Help — {page}").format(page=title))


def show_help(parent: QWidget | None, page: str = GUIDE) -> HelpViewer:
    """Show the page in the help window, reusing one that is already open."""
    viewer = parent.findChild(HelpViewer) if parent is not None else None
    if viewer is None:
        viewer = HelpViewer(page, parent)
    else:
        viewer.open_page(page)
    viewer.show()
    viewer.raise_()
    viewer.activateWindow()
    return viewer


def show_guide(window: QWidget) -> None:
    """Menu handler: Help → User guide."""
    show_help(window, GUIDE)


def show_shortcuts_page(window: QWidget) -> None:
    """Menu handler: Help → Shortcuts page of the guide."""
    show_help(window, SHORTCUTS)
