"""Find in the document: every hit marked, Enter / Shift+Enter to step, Esc to close."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton

from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.model.annotations import Span

MAX_HITS = 10_000


class FindBar(QFrame):
    def __init__(self, view: ArticleView, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("find")
        self.view = view
        self.edit = QLineEdit(placeholderText="Find in this document")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        previous = QToolButton(text="↑", toolTip="Previous hit (Shift+Enter)", autoRaise=True)
        following = QToolButton(text="↓", toolTip="Next hit (Enter)", autoRaise=True)
        close = QToolButton(text="✕", toolTip="Close (Esc)", autoRaise=True)
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.hits: list[Span] = []
        self.current = -1
        self.origin = 0  # where the search started: the first hit is the one after it
        self.edit.textChanged.connect(self._search)
        self.edit.installEventFilter(self)
        self.hide()

    def start(self, selection: Span | None = None) -> None:
        if selection is not None and len(selection) < 200:
            self.edit.setText(self.view.positions.text[selection.start:selection.end])
        self.origin = selection.start if selection else self.view.cursor_position()
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self._search(self.edit.text())

    def _search(self, query: str) -> None:
        text = self.view.positions.text
        self.hits = []
        if query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for i, match in enumerate(pattern.finditer(text)):
                if i >= MAX_HITS:
                    break
                self.hits.append(Span(match.start(), match.end()))
        self.view.set_search_hits(self.hits)
        after = [i for i, h in enumerate(self.hits) if h.start >= self.origin]
        self.current = (after[0] if after else 0) if self.hits else -1
        self._show_current()

    def step(self, direction: int) -> None:
        if self.hits:
            self.current = (self.current + direction) % len(self.hits)
            self._show_current()

    def _show_current(self) -> None:
        if self.current < 0:
            self.count.setText("no hits" if self.edit.text() else "")
            return
        more = "+" if len(self.hits) >= MAX_HITS else ""
        self.count.setText(f"{self.current + 1} of {len(self.hits)}{more}")
        hit = self.hits[self.current]
        self.view.scroll_to(hit)
        self.view.select_span(hit)

    def close_bar(self) -> None:
        self.hide()
        self.hits = []
        self.view.set_search_hits([])
        self.view.setFocus()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                back = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if back else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(obj, event)
