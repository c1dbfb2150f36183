"""Edit ▸ Undo / Redo over the session's undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack


class History:
    def __init__(self, stack: QUndoStack) -> None:
        self.stack = stack

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()
