"""Which pane has the keyboard: the focused pane is marked (an accent frame round the
article, an accent title on a panel), and Escape in a panel returns to the article, where
the one-key shortcuts work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from ruth_annotator.gui.article_view import ArticleView


class FocusMarks(QObject):
    """A child of the article, so it stops listening when the window goes."""

    def __init__(self, view: ArticleView, docks: list[QDockWidget],
                 accent: Callable[[], str]) -> None:
        super().__init__(view)
        self.view = view
        self.docks = docks
        self.accent = accent
        self.focused: QWidget | None = None  # the article or a dock
        for dock in docks:
            back = QShortcut(QKeySequence(Qt.Key.Key_Escape), dock.widget(), view.setFocus)
            back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.restyle()

    def _pane_of(self, widget: QWidget | None) -> QWidget | None:
        while widget is not None:
            if widget is self.view or widget in self.docks:
                return widget
            widget = widget.parentWidget()
        return None

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        pane = self._pane_of(new)
        if new is not None and pane is not self.focused:
            self.focused = pane
            self.restyle()

    def restyle(self) -> None:
        """Draw the marks for the current focus (also after a theme change)."""
        accent = self.accent()
        colour = accent if self.focused is self.view else "transparent"
        # the frame keeps its width whether marked or not, so the text never re-wraps
        self.view.setStyleSheet(f"QPlainTextEdit#article {{ border: 2px solid {colour}; }}")
        for dock in self.docks:
            dock.setStyleSheet(
                f"QDockWidget::title {{ background: {accent}; color: white; }}"
                if dock is self.focused else "")
