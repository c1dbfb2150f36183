"""Real mouse input on the article view, at positions taken from the view's cursorRect."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from ruth_annotator.model.annotations import Span


def show_window(qtbot, project):
    """The main window on a project, shown, with the article focused."""
    from ruth_annotator.gui.main_window import MainWindow

    window = MainWindow(project)
    qtbot.addWidget(window)
    window.resize(1300, 850)
    window.show()
    qtbot.waitExposed(window)
    window.view.setFocus()
    return window


def point_at(view, position: int, edge: str = "left") -> QPoint:
    """Viewport coordinates of a code-point position, from the view's own cursorRect."""
    cursor = QTextCursor(view.document())
    view.positions.place(cursor, position)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + (1 if edge == "left" else -1), rect.center().y())


def drag_select(qtbot, view, span: Span) -> None:
    """Select a span with a real mouse drag on the viewport."""
    view.scroll_to(span)
    QApplication.processEvents()
    start = point_at(view, span.start)
    end = point_at(view, span.end, "right")
    port = view.viewport()
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(port, pos=QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2))
    qtbot.mouseMove(port, pos=end)
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=end)


def click_at(qtbot, view, position: int) -> None:
    view.scroll_to(Span(position, position))
    QApplication.processEvents()
    point = point_at(view, position)
    point.setX(point.x() + 3)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def find(text: str, needle: str, nth: int = 1, after: int = 0) -> Span:
    pos = after - 1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return Span(pos, pos + len(needle))


class KeyAnswers:
    """Answers the next message boxes with real key presses, in order: a key such as
    Qt.Key.Key_A is pressed with Alt (the button's underlined letter), Key_Escape alone.
    Keeps each question's text in `seen`."""

    def __init__(self, *keys) -> None:
        from PySide6.QtCore import QTimer

        self.keys = list(keys)
        self.seen: list[str] = []
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QMessageBox

        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
                 and w.isVisible() and not w.property("answered")]  # not one closing
        if not boxes or not self.keys:
            return
        box = boxes[-1]
        if not box.isActiveWindow():  # keys go to the active window: wait for it
            box.activateWindow()
            return
        box.setProperty("answered", True)
        self.seen.append(box.text())
        key = self.keys.pop(0)
        alt = Qt.KeyboardModifier.NoModifier if key == Qt.Key.Key_Escape \
            else Qt.KeyboardModifier.AltModifier
        QTest.keyClick(box, key, alt)

    def stop(self) -> None:
        self.timer.stop()

    @staticmethod
    def settle() -> None:
        """Wait (up to a second) until the window is active again after a question: a
        window manager gives activation back asynchronously."""
        from PySide6.QtTest import QTest

        for _ in range(100):
            if QApplication.activeModalWidget() is None and QApplication.activeWindow():
                return
            QTest.qWait(10)

    def __enter__(self) -> KeyAnswers:
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()
        self.settle()
