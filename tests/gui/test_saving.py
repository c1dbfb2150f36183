"""Saving tells the truth: a write that fails (here: another program holds the write lock)
shows NOT SAVED at once, keeps the work in memory, and Retry or "Save a copy as…" saves it."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from gui.helpers import drag_select, find
from ruth_annotator.store import Project


@pytest.fixture
def locked(window):
    """Another connection holding the write lock; our writes give up after 50 ms."""
    window.session.project.db.execute("PRAGMA busy_timeout=50")
    other = sqlite3.connect(str(window.session.project.path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield other
    other.close()


def mentions_in_file(path) -> set[str]:
    with Project.open(path) as fresh:
        text = fresh.document(1).text
        return {text[m.start:m.end] for m in fresh.layer(1).mentions.values()}


def annotate(qtbot, window, name: str) -> None:
    drag_select(qtbot, window.view, find(window.session.text, name))
    qtbot.keyClick(window.view, Qt.Key.Key_1)


def test_failed_write_is_shown_kept_and_retried(qtbot, window, locked):
    annotate(qtbot, window, "Kate Winslet")
    assert window.banner.isVisible()
    assert "NOT SAVED" in window.banner.message.text()
    assert window.status_save.text().startswith("NOT SAVED")
    assert not window.session.saved
    # the work is on screen and in memory, not in the file
    assert any(window.session.text[m.start:m.end] == "Kate Winslet"
               for m in window.session.layer.mentions.values())
    annotate(qtbot, window, "Dominic Savage")  # later actions queue up behind it
    assert window.session.unsaved_count == 2
    locked.execute("ROLLBACK")
    assert mentions_in_file(window.session.project.path) == set()
    qtbot.mouseClick(window.banner.retry_button, Qt.MouseButton.LeftButton)
    assert window.session.saved and not window.banner.isVisible()
    assert window.status_save.text().startswith("All changes saved")
    assert mentions_in_file(window.session.project.path) == {"Kate Winslet", "Dominic Savage"}


def test_undo_while_unsaved_stays_in_order(qtbot, window, locked):
    annotate(qtbot, window, "Kate Winslet")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    annotate(qtbot, window, "Mia Threapleton")
    locked.execute("ROLLBACK")
    assert window.session.retry()
    assert mentions_in_file(window.session.project.path) == {"Mia Threapleton"}


def test_save_a_copy_carries_the_unsaved_work(qtbot, window, locked, tmp_path, monkeypatch):
    annotate(qtbot, window, "Kate Winslet")
    original = window.session.project.path
    target = tmp_path / "rescued.ruth"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kw: (str(target), "")))
    qtbot.mouseClick(window.banner.copy_button, Qt.MouseButton.LeftButton)
    assert window.session.saved and window.session.project.path == target
    assert "rescued.ruth" in window.windowTitle()
    locked.execute("ROLLBACK")
    assert mentions_in_file(target) == {"Kate Winslet"}
    assert mentions_in_file(original) == set()
    annotate(qtbot, window, "Dominic Savage")  # work goes on in the copy
    assert mentions_in_file(target) == {"Kate Winslet", "Dominic Savage"}
