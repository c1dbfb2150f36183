"""Ctrl+Y redoes as Ctrl+Shift+Z does (the redo key of Windows and Linux programs), and gives
way once the user sets Redo's keys in the cheat sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from gui.helpers import drag_select, find
from ruth_annotator.gui import menus

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_y_redoes_what_ctrl_z_undid(qtbot, window):
    drag_select(qtbot, window.view, find(window.session.text, "Dominic Savage"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert len(window.session.layer.mentions) == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert len(window.session.layer.mentions) == 0
    qtbot.keyClick(window.view, Qt.Key.Key_Y, CTRL)
    assert len(window.session.layer.mentions) == 1
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.session.layer.mentions) == 1
    assert window.actions["edit.redo"].toolTip().endswith(
        f"({QKeySequence('Ctrl+Shift+Z').toString(QKeySequence.SequenceFormat.NativeText)}, "
        f"{QKeySequence('Ctrl+Y').toString(QKeySequence.SequenceFormat.NativeText)})")


def test_ctrl_y_is_no_other_actions_key_and_goes_with_changed_keys(window):
    taken = [e.name for e in menus.ENTRIES if QKeySequence("Ctrl+Y") in
             [QKeySequence(k) for k in menus.keys_of(e, e.shortcut)]]
    assert taken == ["edit.redo"]
    redo = next(e for e in menus.ENTRIES if e.name == "edit.redo")
    action = window.actions["edit.redo"]
    menus.set_shortcut(action, redo, "Ctrl+R")
    assert action.shortcuts() == [QKeySequence("Ctrl+R")]
    menus.set_shortcut(action, redo, redo.shortcut)
    assert action.shortcuts() == [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]


def test_undo_and_redo_say_what_they_undo(qtbot, window):
    undo, redo = window.actions["edit.undo"], window.actions["edit.redo"]
    assert undo.text() == "&Undo"
    drag_select(qtbot, window.view, find(window.session.text, "Dominic Savage"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert undo.text() == "&Undo add PERSON mention “Dominic Savage”"
    assert undo.toolTip().startswith("Undo add PERSON mention “Dominic Savage” (")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert undo.text() == "&Undo" and redo.text() == "&Redo add PERSON mention “Dominic Savage”"
