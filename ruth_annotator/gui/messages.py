"""Message boxes whose text is always plain text.

Their texts quote file names, annotator names and article text, which Qt's static
`QMessageBox.warning` & co. would render as rich text whenever it looks like markup. These
functions keep the static calls' signatures, so call sites and tests read the same.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


def show(parent: QWidget | None, icon: Icon, title: str, text: str,
         buttons: Button = Button.Ok, default: Button = Button.NoButton) -> Button:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return Button(box.exec())


def warning(parent: QWidget | None, title: str, text: str,
            buttons: Button = Button.Ok, default: Button = Button.NoButton) -> Button:
    return show(parent, Icon.Warning, title, text, buttons, default)


def critical(parent: QWidget | None, title: str, text: str,
             buttons: Button = Button.Ok, default: Button = Button.NoButton) -> Button:
    return show(parent, Icon.Critical, title, text, buttons, default)


def information(parent: QWidget | None, title: str, text: str,
                buttons: Button = Button.Ok, default: Button = Button.NoButton) -> Button:
    return show(parent, Icon.Information, title, text, buttons, default)


def question(parent: QWidget | None, title: str, text: str,
             buttons: Button = Button.Yes | Button.No,
             default: Button = Button.NoButton) -> Button:
    return show(parent, Icon.Question, title, text, buttons, default)


def choose(parent: QWidget | None, title: str, text: str, choices: list[str],
           default: int | None = None) -> int | None:
    """Ask with named answers (one button each, "&" marks the Alt key); the index of the
    one chosen, or None for Cancel or Escape. Enter means Cancel unless `default` names an
    answer: a key held a moment too long must not decide a whole document."""
    box = QMessageBox(Icon.Question, title, text, Button.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    buttons = [box.addButton(label, QMessageBox.ButtonRole.AcceptRole) for label in choices]
    cancel = box.addButton(Button.Cancel)
    box.setDefaultButton(buttons[default] if default is not None else cancel)
    box.setEscapeButton(cancel)
    focus = QApplication.focusWidget()
    guard = _EnterGuard(box)  # the Enter of the Ctrl+Enter that asked must not answer
    box.exec()
    del guard
    if focus is not None:  # back where the keys were pressed
        focus.window().activateWindow()
        focus.setFocus()
    clicked = box.clickedButton()
    box.deleteLater()
    return buttons.index(clicked) if clicked in buttons else None


class _EnterGuard(QObject):
    """Swallows Enter and Return for a moment after a question opens: the key that opened
    it may still be down (or repeat), and must not press a button."""

    QUIET_MS = 400

    def __init__(self, box: QMessageBox) -> None:
        super().__init__(box)
        self.clock = QElapsedTimer()
        self.clock.start()
        for widget in (box, *box.findChildren(QWidget)):
            widget.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        return event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and \
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
            self.clock.elapsed() < self.QUIET_MS
