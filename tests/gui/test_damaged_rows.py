"""A document whose rows were damaged outside the app: the window says so in one line, keeps
running and opens the other documents; a menu action that reads such a row does the same."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from gui.helpers import show_window
from ruth_annotator.gui import messages
from ruth_annotator.model import NewDocument, Span, edits


@pytest.fixture
def warnings(monkeypatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "warning",
                        staticmethod(lambda parent, title, text, *a: shown.append((title, text))))
    return shown


def damage(path, sql: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql)
    conn.close()


def click_document(qtbot, window, row: int) -> None:
    tree = window.documents_panel.list
    rect = tree.visualRect(window.documents_panel.model.index(row))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_damaged_document_is_one_line_and_the_window_goes_on(qtbot, project, warnings,
                                                               no_suggestions):
    text = project.document(1).text
    start = text.index("There are no scripted words")
    project.apply(edits.add_quote(project.layer(1), [Span(start, start + 30)]), 1)
    project.add_documents([NewDocument("Another article, still healthy.", title="second")])
    quote = project.db.execute("select id from quotes").fetchone()[0]
    damage(project.path, "update quotes set spans = '[[1, 2' where document_id = 1")

    window = show_window(qtbot, project)  # opens the first document, which fails
    assert len(warnings) == 1
    title, message = warnings[0]
    assert title == "Open document" and "\n" not in message
    assert message.startswith(f"{project.path}: row {quote} of table quotes is damaged")
    assert "ruth-annotator check" in message and "restore a backup" in message
    assert window.session.document is None

    click_document(qtbot, window, 1)
    assert window.session.document.title == "second"
    assert window.view.toPlainText() == "Another article, still healthy."
    click_document(qtbot, window, 0)  # the damaged one again: refused, the second stays
    assert len(warnings) == 2
    assert window.session.document.title == "second"
    assert window.view.toPlainText() == "Another article, still healthy."
    assert window.isVisible()


def test_a_menu_action_reading_a_damaged_row_shows_one_line(qtbot, project, warnings,
                                                            no_suggestions):
    """Curate reads every annotator's layer; one damaged row there is a message, not a
    traceback out of the menu."""
    text = project.document(1).text
    layer = project.layer(1, "ana")
    project.apply(edits.add_mention(layer, text, Span(0, 4), "PERSON"), 1, "ana")
    damage(project.path, "update mentions set form = 'xx' where annotator = 'ana'")
    window = show_window(qtbot, project)
    assert warnings == []
    window.actions["team.curate"].trigger()
    assert len(warnings) == 1
    title, message = warnings[0]
    assert title == "Curate this document"
    assert "of table mentions is damaged (unknown mention form 'xx')" in message
