"""Document text is shown as the characters it holds: never as markup in a tooltip, a panel,
the status line or the article (Qt reads a tooltip or label as rich text when it merely looks
like markup, so an article starting with a tag would be rendered)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import (
    Qt,  # QtGui.Qt also holds mightBeRichText
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QPlainTextEdit

from gui.helpers import click_at, find, show_window
from ruth_annotator.gui.curation_table import CurationTable
from ruth_annotator.gui.describe import plain_tip
from ruth_annotator.model import Layer, NewDocument, Span, edits

HOSTILE = '<img src="http://x/y.png">Hello'
TEXT = f'{HOSTILE} there, said <b>Mia</b>.\n"{HOSTILE}, it is," she said.'


def rendered(tip: str) -> str:
    """What Qt shows for a tooltip string: rich text when it looks like markup."""
    if not Qt.mightBeRichText(tip):
        return tip
    doc = QTextDocument()
    doc.setHtml(tip)
    return doc.toPlainText()


def assert_literal(tip: str, shown: str) -> None:
    assert "<img" not in tip and "&lt;img" in tip
    assert shown in rendered(tip)


def test_plain_tip_shows_the_characters_with_their_line_breaks(qapp):
    assert Qt.mightBeRichText(HOSTILE)  # why escaping is needed at all
    text = f"{HOSTILE}\n\nSecond  line & <b>more</b>"
    tip = plain_tip(text)
    assert tip.count("&lt;") == 3 and "&amp;" in tip
    assert rendered(tip) == text


@pytest.fixture
def hostile_window(qtbot, tmp_path, no_suggestions):
    from ruth_annotator.store import Project

    project = Project.open(tmp_path / "hostile.ruth", create=True)
    project.add_documents([NewDocument(TEXT, title=HOSTILE)])
    layer = project.layer(1)
    for changes in (edits.add_mention(layer, TEXT, find(TEXT, HOSTILE), "PERSON"),
                    edits.add_quote(layer, [find(TEXT, HOSTILE, 2)], "direct")):
        layer.apply(changes)
        project.apply(changes, 1)
    window = show_window(qtbot, project)
    yield window
    window.close()
    window.session.close()


def test_tooltips_of_the_panels_show_article_text_literally(hostile_window):
    window = hostile_window
    quotes = window.quotes_panel.model
    assert quotes.rowCount() == 1
    assert_literal(quotes.data(quotes.index(0, 0), Qt.ItemDataRole.ToolTipRole), HOSTILE)
    entities = window.entities_panel.model
    entity_tip = entities.data(entities.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert_literal(entity_tip, f"{HOSTILE} (PERSON)")
    documents = window.documents_panel.model
    assert_literal(documents.data(documents.index(0), Qt.ItemDataRole.ToolTipRole), HOSTILE)
    card = window.view.describe(TEXT.index("Hello") + 1)
    assert "<img" not in card and "PERSON" in card


def test_the_status_line_and_the_article_are_plain_text(qtbot, hostile_window):
    window = hostile_window
    view = window.view
    assert isinstance(view, QPlainTextEdit)  # no setHtml, no rich text, ever
    assert view.toPlainText() == TEXT
    images = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isImageFormat():
                images.append(QTextImageFormat(fragment.charFormat()).name())
            it += 1
        block = block.next()
    assert images == []  # the tag stayed characters
    click_at(qtbot, view, TEXT.index("Hello"))
    status = window.status_item
    assert HOSTILE in status.text()
    assert status.textFormat() == Qt.TextFormat.PlainText


def test_curation_cells_show_article_text_literally(qtbot):
    text = TEXT
    layers = {}
    for name in ("ana", "ben"):
        layer = Layer(1, name)
        layer.apply(edits.add_mention(layer, text, Span(0, len(HOSTILE)), "PERSON"))
        layers[name] = layer
    from ruth_annotator.team.curation import align

    gold = Layer(1, "gold")
    table = CurationTable()
    qtbot.addWidget(table)
    table.fill(align(list(layers.values()), gold), layers, gold, text)
    assert table.item(0, 2).text() == HOSTILE
    assert_literal(table.item(0, 2).toolTip(), HOSTILE)


def test_message_boxes_show_their_text_as_plain_text(qtbot):
    """Error messages quote file names and article text: markup in them stays characters."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ruth_annotator.gui import messages

    seen = []

    def read_and_close():
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        seen.append((box.textFormat(), box.text()))
        box.button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(0, read_and_close)
    answer = messages.warning(None, "Open project", "<b>x.ruth</b>: is damaged")
    assert answer == QMessageBox.StandardButton.Ok
    assert seen == [(Qt.TextFormat.PlainText, "<b>x.ruth</b>: is damaged")]
