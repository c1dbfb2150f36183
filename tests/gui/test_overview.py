"""View ▸ Show every speaker link and Show labels in the text: drawn on demand, kept in
the settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ruth_annotator import config

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def win(suggested_window):
    return suggested_window  # the gui conftest's window with the engine's suggestions


def picture(view):
    QApplication.processEvents()
    return view.viewport().grab().toImage()


def test_every_speaker_link_and_label_on_demand(qtbot, win):
    view, layer = win.view, win.session.layer
    plain = picture(view)
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL)
    spoken = [q for q in layer.quotes.values() if q.speaker_mention]
    assert len(view._links) == len(spoken) > 5
    linked = picture(view)
    assert linked != plain
    assert config.load_settings()["show_speaker_links"] is True
    qtbot.keyClick(view, Qt.Key.Key_X)  # a rejected quote loses its link
    assert len(view._links) == len(spoken) - 1
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL | SHIFT)
    assert len(view._labels) == len(layer.mentions)
    assert picture(view) != linked
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL)
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL | SHIFT)
    assert view._links == [] and view._labels == []
    assert win.actions["view.speaker_links"].isChecked() is False
