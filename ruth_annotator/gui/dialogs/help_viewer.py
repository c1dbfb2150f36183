"""Help → User guide: the Markdown pages shipped with the app, read offline in a window.

The guide is our own Markdown, so QTextBrowser renders it; links between pages stay in the
viewer, web links open in the system browser.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
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


def heading_slug(title: str) -> str:
    """The anchor GitHub gives a heading, so `page.md#heading` links work here as there."""
    return re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")


def _without_fragment(url: QUrl) -> QUrl:
    page = QUrl(url)
    page.setFragment(None)
    return page


def add_heading_anchors(document: QTextDocument) -> list[str]:
    """Qt's Markdown reader names no headings; name them as GitHub does. Returns the
    headings in order."""
    headings = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() > 0 and block.text().strip():
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                QTextCursor.MoveMode.KeepAnchor)
            anchor = QTextCharFormat()
            anchor.setAnchor(True)
            anchor.setAnchorNames([heading_slug(block.text())])
            cursor.mergeCharFormat(anchor)
            headings.append(block.text().strip())
        block = block.next()
    return headings


class HelpViewer(QDialog):
    """A read-only browser over the guide with Back, Forward and Contents."""

    def __init__(self, page: str = GUIDE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ruth Annotator Help"))
        described(self, self.tr("Ruth Annotator Help"))
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)  # follow() decides where a link goes
        self.browser.anchorClicked.connect(self.follow)
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

    def follow(self, url: QUrl) -> None:
        """A clicked link: web pages in the browser; our pages here, jumping to the heading
        (the page is not reloaded for a link within it, so its images stay laid out)."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = self.browser.source().resolved(url)
        page = _without_fragment(target)
        fragment = target.fragment() if target.hasFragment() else ""
        if page != _without_fragment(self.browser.source()):
            self.browser.setSource(page)
            if fragment:  # once the new page (and its images) are laid out
                QTimer.singleShot(0, lambda: self.jump_to(fragment))
        elif fragment:
            self.jump_to(fragment)

    def jump_to(self, anchor: str) -> None:
        document = self.browser.document()
        # Lay the page out to its end first, or the scroll range stops short of the heading.
        document.documentLayout().blockBoundingRect(document.lastBlock())
        self.browser.scrollToAnchor(anchor)

    def _source_changed(self, url: QUrl) -> None:
        document = self.browser.document()
        headings = add_heading_anchors(document)
        # Images are loaded after the first layout of a page; lay it out again with them.
        document.markContentsDirty(0, document.characterCount())
        title = headings[0] if headings else url.fileName()
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
