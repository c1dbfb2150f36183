"""Fixtures for the workspace tests: a window on the sample project, and a check that no
test leaves top-level widgets behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from gui.helpers import show_window

IGNORED = {"QTipLabel"}  # Qt's shared tooltip label lives for the whole session


@pytest.fixture(autouse=True)
def no_leaked_widgets(qapp):
    before = set(QApplication.topLevelWidgets())
    yield
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets()
              if w not in before and w.metaObject().className() not in IGNORED]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not leaked, f"top-level widgets left behind: {[type(w).__name__ for w in leaked]}"


@pytest.fixture
def no_suggestions():
    """Windows opened in the test start with empty layers (the suggestion engine has its
    own tests; tests/gui/test_suggestions.py covers the integration)."""
    from ruth_annotator import config

    settings = config.load_settings()
    settings["suggestions_enabled"] = False
    config.save_settings(settings)


@pytest.fixture
def window(qtbot, project, no_suggestions):
    return show_window(qtbot, project)


@pytest.fixture
def suggested_window(qtbot, project):
    """A window on the sample as a first start shows it: the engine's suggestions drawn."""
    return show_window(qtbot, project)
