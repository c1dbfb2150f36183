"""File → Back up now and File → Restore from backup…, driven through the real menus, the
dialog and the message boxes: the project comes back as it was backed up, the state before
is kept as a backup, and a backup that cannot be restored is one line, with nothing lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.helpers import drag_select, find
from ruth_annotator.gui.dialogs.restore_dialog import RestoreDialog
from ruth_annotator.store import Project
from ruth_annotator.store.backup import backup_folder, list_backups


class Answerer:
    """Answers each message box as it appears (Yes, else OK) and keeps what it said."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            return
        self.seen.append((box.windowTitle(), box.text()))
        button = box.button(QMessageBox.StandardButton.Yes) or \
            box.button(QMessageBox.StandardButton.Ok)
        button.click()


@pytest.fixture
def answers():
    answerer = Answerer()
    yield answerer
    answerer.timer.stop()


def mention(qtbot, window, words: str) -> None:
    window.activateWindow()  # as the desktop does when a message box closes
    qtbot.waitUntil(window.isActiveWindow)
    drag_select(qtbot, window.view, find(window.session.text, words))
    qtbot.keyClick(window.view, Qt.Key.Key_1)


def mention_texts(layer, text) -> set[str]:
    return {text[m.start:m.end] for m in layer.mentions.values()}


def open_restore_dialog(qtbot, window) -> RestoreDialog:
    window.actions["file.restore"].trigger()
    dialog = window.findChild(RestoreDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def choose(qtbot, dialog: RestoreDialog, reason: str) -> None:
    row = next(i for i, b in enumerate(dialog.backups) if b.reason == reason)
    rect = dialog.list.visualItemRect(dialog.list.item(row))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.chosen() is dialog.backups[row]


def test_restore_brings_back_the_backed_up_annotations(qtbot, window, answers):
    path, text = window.session.project.path, window.session.text
    mention(qtbot, window, "Kate Winslet")
    window.actions["file.backup"].trigger()
    qtbot.waitUntil(lambda: any(b.reason == "manual" for b in list_backups(path)))
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage())
    mention(qtbot, window, "Dominic Savage")
    assert mention_texts(window.session.layer, text) == {"Kate Winslet", "Dominic Savage"}

    dialog = open_restore_dialog(qtbot, window)
    assert [b.describe() for b in dialog.backups] == \
        [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert dialog.backups == list_backups(path)  # newest first
    choose(qtbot, dialog, "manual")
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: any(t.startswith("Restored") for _, t in answers.seen),
                    timeout=20_000)
    question, message = answers.seen[0][1], answers.seen[-1][1]
    assert question.startswith("Put test.ruth back to the backup of")
    assert "\n" not in message and "(manual)" in message
    before = next(b for b in list_backups(path) if b.reason == "before-restore")
    assert message.endswith(f"the state before it is saved as {before.path}")

    assert window.session.project.db is not None and not window.session.project.readonly
    assert mention_texts(window.session.layer, text) == {"Kate Winslet"}
    assert window.view.toPlainText() == text
    with Project.open(path, readonly=True) as fresh:
        assert mention_texts(fresh.layer(1), text) == {"Kate Winslet"}
    with Project.open(before.path, readonly=True) as kept:
        assert mention_texts(kept.layer(1), text) == {"Kate Winslet", "Dominic Savage"}
    mention(qtbot, window, "Channel 4")  # the window goes on writing to the project
    with Project.open(path, readonly=True) as fresh:
        assert "Channel 4" in mention_texts(fresh.layer(1), text)


def test_a_backup_that_cannot_be_restored_is_one_line_and_nothing_changes(qtbot, window,
                                                                          answers):
    path, text = window.session.project.path, window.session.text
    mention(qtbot, window, "Kate Winslet")
    folder = backup_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "test-20200101-120000-000000-manual.ruth").write_bytes(b"not a database" * 100)

    dialog = open_restore_dialog(qtbot, window)
    choose(qtbot, dialog, "manual")
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Enter restores the chosen one too

    qtbot.waitUntil(lambda: len(answers.seen) == 2, timeout=20_000)
    title, message = answers.seen[1]
    assert title == "Restore from backup" and "\n" not in message
    assert "cannot be restored" in message and "manual.ruth" in message
    assert mention_texts(window.session.layer, text) == {"Kate Winslet"}
    mention(qtbot, window, "Dominic Savage")  # reopened for writing
    with Project.open(path, readonly=True) as fresh:
        assert mention_texts(fresh.layer(1), text) == {"Kate Winslet", "Dominic Savage"}


def test_without_backups_the_dialog_says_how_they_come(qtbot, tmp_path):
    dialog = RestoreDialog(tmp_path / "never-backed-up.ruth")
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and dialog.chosen() is None
    assert not dialog.restore_button.isEnabled()
    from gui.dialogs.test_window_integration import unnamed_controls

    assert unnamed_controls(dialog) == []
