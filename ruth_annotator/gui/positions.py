"""The one place where Qt text positions (UTF-16 units) meet stored offsets (code points).

Every widget that reads or sets a QTextCursor position goes through a `Positions` object,
so a Qt position can never leak into the store. Qt also folds "\\r\\n" into one paragraph
break, which would shift every later position by one; the view therefore shows
`display_text(text)`, where each "\\r\\n" becomes " \\n" (same length, same look).
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from ruth_annotator.model.annotations import Span
from ruth_annotator.model.offsets import Utf16Index


def display_text(text: str) -> str:
    """The text as the view shows it: position for position the same as `text`."""
    return text.replace("\r\n", " \n") if "\r" in text else text


class Positions:
    """Converts between one document's code points and the view's UTF-16 positions."""

    __slots__ = ("_index", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._index = Utf16Index(text)

    @property
    def length(self) -> int:
        return len(self.text)

    def to_qt(self, position: int) -> int:
        return self._index.to_utf16(position)

    def to_model(self, position: int) -> int:
        return min(self._index.to_codepoint(position), len(self.text))

    def cursor_span(self, cursor: QTextCursor) -> Span | None:
        """The cursor's selection in code points, or None when nothing is selected."""
        if not cursor.hasSelection():
            return None
        start = self.to_model(cursor.selectionStart())
        end = self.to_model(cursor.selectionEnd())
        return Span(start, end) if end > start else None

    def cursor_position(self, cursor: QTextCursor) -> int:
        return self.to_model(cursor.position())

    def select(self, cursor: QTextCursor, span: Span) -> None:
        """Make `cursor` select `span` (anchor at its start, cursor at its end)."""
        cursor.setPosition(self.to_qt(span.start))
        cursor.setPosition(self.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)

    def place(self, cursor: QTextCursor, position: int) -> None:
        cursor.setPosition(self.to_qt(position))
