"""Qt counts UTF-16 units; the project stores code points. Annotating text after emoji
(two UTF-16 units each) and combining marks through the GUI must store code points."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.helpers import drag_select, find, show_window
from ruth_annotator.model.annotations import Span
from ruth_annotator.model.document import NewDocument
from ruth_annotator.store import Project

TEXT = ("Vote 👍 for Kate Winslet at the cafe\u0301 today.\n\n"
        "She said: “Great cafe\u0301 food 👍👍 and Mia Threapleton agreed.”\r\n"
        "Then 🎬 Dominic Savage said so too.")


@pytest.fixture
def emoji_window(qtbot, tmp_path, no_suggestions):
    project = Project.open(tmp_path / "emoji.ruth", create=True)
    project.add_documents([NewDocument(TEXT, "Emoji")])
    yield show_window(qtbot, project)
    project.close()


def stored(path) -> dict[str, tuple[int, int]]:
    with Project.open(path) as fresh:
        layer = fresh.layer(1)
        spans = {TEXT[m.start:m.end]: (m.start, m.end) for m in layer.mentions.values()}
        spans.update({"quote:" + TEXT[q.start:q.end]: (q.start, q.end)
                      for q in layer.quotes.values()})
        return spans


def test_mentions_and_quotes_after_emoji_store_code_points(qtbot, emoji_window):
    view = emoji_window.view
    assert view.positions.to_qt(TEXT.index("Kate")) == TEXT.index("Kate") + 1  # Qt is ahead
    for name in ("Kate Winslet", "Mia Threapleton", "Dominic Savage"):
        drag_select(qtbot, view, find(TEXT, name))
        qtbot.keyClick(view, Qt.Key.Key_1)
    content = Span(TEXT.index("Great"), TEXT.index("agreed.") + len("agreed."))
    drag_select(qtbot, view, content)
    qtbot.keyClick(view, Qt.Key.Key_Q)
    spans = stored(emoji_window.session.project.path)
    for name in ("Kate Winslet", "Mia Threapleton", "Dominic Savage"):
        start = TEXT.index(name)
        assert spans[name] == (start, start + len(name))
    assert spans["quote:" + TEXT[content.start:content.end]] == (content.start, content.end)


def test_combining_mark_stays_with_its_letter(qtbot, emoji_window):
    """Selecting "caf" snaps to the whole word, accent included ("cafe" + U+0301)."""
    view = emoji_window.view
    word = find(TEXT, "cafe\u0301", 2)
    drag_select(qtbot, view, Span(word.start, word.start + 3))
    qtbot.keyClick(view, Qt.Key.Key_9)
    spans = stored(emoji_window.session.project.path)
    assert spans["cafe\u0301"] == (word.start, word.end)
    assert word.end - word.start == 5


def test_crlf_text_keeps_positions(qtbot, emoji_window):
    """Qt folds "\\r\\n" into one break; the view must not shift later positions."""
    view = emoji_window.view
    name = find(TEXT, "Dominic")
    assert TEXT.index("\r\n") < name.start
    drag_select(qtbot, view, name)
    assert view.selected_span() == name
