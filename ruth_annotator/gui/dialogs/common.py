"""Small helpers every dialog uses, so that names, tips and buttons are set the same way."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QWidget


def described(widget: QWidget, name: str, tip: str = "") -> QWidget:
    """Give a widget the name a screen reader announces, and a tooltip saying what it does."""
    widget.setAccessibleName(name)
    if tip:
        widget.setToolTip(tip)
        widget.setAccessibleDescription(tip)
    return widget


def ok_cancel(dialog, ok_text: str = "") -> QDialogButtonBox:
    """OK/Cancel wired to the dialog's accept/reject, with an optional OK caption."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    for button in buttons.buttons():
        described(button, button.text().replace("&", ""))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    described(buttons, QCoreApplication.translate("Dialogs", "Dialog buttons"))
    return buttons
