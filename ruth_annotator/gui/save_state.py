"""Telling the truth about saving: a status-bar label, and a banner when a write failed.

The label says "Saved" only after SQLite committed the last action. When a write fails the
banner appears at once with the reason and two ways out: Retry, or Save a copy as….
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ruth_annotator.gui.session import Session
from ruth_annotator.model.wording import plural


def save_text(session: Session) -> tuple[str, bool]:
    """The status-bar words for the save state, and whether all is well."""
    if session.save_error:
        return f"NOT SAVED ({plural(session.unsaved_count, 'action')} kept in memory)", False
    if session.last_saved is not None:
        return f"All changes saved · {session.last_saved:%H:%M:%S}", True
    return "No changes yet", True


class SaveBanner(QFrame):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("save-banner")
        self.session = session
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.retry_button = QPushButton("Retry")
        self.copy_button = QPushButton("Save a copy as…")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.copy_button)
        self.retry_button.clicked.connect(self.session.retry)
        session.saveStateChanged.connect(self.refresh)
        self.hide()

    def set_colors(self, background: str, text: str) -> None:
        self.setStyleSheet(f"#save-banner {{ background: {background}; border-radius: 4px; }}"
                           f"#save-banner QLabel {{ color: {text}; font-weight: 600; }}")

    def refresh(self) -> None:
        error = self.session.save_error
        if not error:
            self.hide()
            return
        self.message.setText(
            f"NOT SAVED: {error}. Your last {plural(self.session.unsaved_count, 'action')} "
            "are kept in memory. Retry once the problem is fixed, or save a copy elsewhere.")
        self.show()
