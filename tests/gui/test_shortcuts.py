"""The cheat sheet lists every key; changed shortcuts work at once, clash-checked, and
persist into the next window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from gui.helpers import drag_select, find
from ruth_annotator import config
from ruth_annotator.gui import menus

NATIVE = QKeySequence.SequenceFormat.NativeText


def open_sheet(qtbot, window):
    qtbot.keyClick(window.view, "?")
    sheet = window.cheat_sheet
    assert sheet is not None and sheet.isVisible()
    return sheet


def rows(sheet) -> dict[str, str]:
    table = sheet.table
    return {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}


def row_of(sheet, text: str) -> int:
    return next(r for r in range(sheet.table.rowCount()) if sheet.table.item(r, 1).text() == text)


def test_cheat_sheet_lists_every_shortcut(qtbot, window):
    sheet = open_sheet(qtbot, window)
    listed = rows(sheet)
    for entry in menus.ENTRIES:
        if entry.submenu:
            continue
        name = entry.text.replace("&", "")
        keys = [entry.shortcut, entry.also] if entry.also else [entry.shortcut]
        assert listed[name] == ", ".join(QKeySequence(k).toString(NATIVE) for k in keys), name
        # … and every action is in a menu with those shortcuts and a tooltip
        action = window.actions[entry.name]
        assert ", ".join(k.toString(NATIVE) for k in action.shortcuts()) == listed[name]
        assert action.toolTip()
    for label in window.session.labels:
        assert listed[f"Mention as {label.name}"] == label.key
    sheet.reject()


def test_changed_shortcut_works_and_persists(qtbot, window, qapp):
    sheet = open_sheet(qtbot, window)
    sheet.table.selectRow(row_of(sheet, "Next annotation"))
    sheet.editor.setFocus()
    qtbot.keyClick(sheet.editor, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: sheet.editor.keySequence().toString() == "L")
    sheet.assign(sheet.editor.keySequence().toString())
    assert rows(sheet)["Next annotation"] == "L"
    sheet.save()
    assert not sheet.isVisible()
    assert config.load_settings()["shortcuts"] == {"navigate.next": "L"}
    assert window.actions["navigate.next"].toolTip().endswith("(L)")
    window.activateWindow()  # as the desktop does when a dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    text = window.session.text
    drag_select(qtbot, window.view, find(text, "Dominic Savage"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert len(window.session.layer) == 2  # entity and mention
    window.session.set_current(None)
    window.view.place_cursor(0)
    qtbot.keyClick(window.view, Qt.Key.Key_L)
    assert window.session.current_id is not None  # L now goes to the next annotation
    # a new window (next start) reads the same shortcut
    from ruth_annotator.gui.main_window import MainWindow

    second = MainWindow(window.session.project)
    qtbot.addWidget(second)
    assert second.actions["navigate.next"].shortcut().toString() == "L"


def test_clashing_shortcut_is_refused(qtbot, window):
    sheet = open_sheet(qtbot, window)
    sheet.table.selectRow(row_of(sheet, "Next annotation"))
    sheet.assign("Q")  # already "Direct quote"
    assert "Q" in sheet.problem.text()
    sheet.save()
    assert sheet.isVisible()  # not saved while two actions share keys
    assert "shortcuts" not in config.load_settings()
    sheet.defaults()
    assert not sheet.problem.text()
    sheet.reject()


def test_the_shortcuts_page_lists_every_key():
    """docs/shortcuts.md has a row for every menu entry's default keys and name."""
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "shortcuts.md").read_text("utf-8")
    rows = [line for line in page.splitlines() if line.startswith("| ")]
    for entry in menus.ENTRIES:
        for keys in (entry.shortcut, entry.also):
            if not keys:
                continue
            name = entry.text.replace("&", "")
            assert any(row.startswith(f"| {keys} |") and name in row for row in rows), (
                f"docs/shortcuts.md lacks a row for {keys} ({name})")


def test_the_cheat_sheet_says_how_the_review_goes(qtbot, window):
    from PySide6.QtWidgets import QLabel

    sheet = open_sheet(qtbot, window)
    flow = sheet.findChild(QLabel, "review-flow").text()
    assert "A accepts it with its speaker, cue and addressee" in flow and "J / K" in flow
    rows = {sheet.table.item(r, 1).text(): sheet.table.item(r, 0).text()
            for r in range(sheet.table.rowCount())}
    assert rows["Next quote"] == "J" and rows["Previous quote"] == "K"
    sheet.close()
