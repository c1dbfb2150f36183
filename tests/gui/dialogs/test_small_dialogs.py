"""About, welcome and help: what they show and what they decide."""

from __future__ import annotations

import sqlite3

import PySide6
from PySide6.QtCore import QPoint, QUrl, qVersion
from PySide6.QtGui import QGuiApplication

from ruth_annotator import __version__, config
from ruth_annotator.gui.dialogs import welcome
from ruth_annotator.gui.dialogs.about import AboutDialog, versions, versions_text
from ruth_annotator.gui.dialogs.help_viewer import GUIDE, SHORTCUTS, HelpViewer, show_help
from ruth_annotator.gui.dialogs.preferences import first_start, load_preferences


def test_about_lists_the_versions_a_bug_report_needs(qtbot):
    found = versions()
    assert found["Ruth Annotator"] == __version__
    assert found["Qt"] == qVersion()
    assert found["PySide6"] == PySide6.__version__
    assert found["SQLite"] == sqlite3.sqlite_version
    assert found["sqlite-utils"][0].isdigit()
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    for value in (__version__, qVersion(), sqlite3.sqlite_version):
        assert value in dialog.versions.text()
    copy = next(b for b in dialog.findChildren(PySide6.QtWidgets.QPushButton)
                if b.accessibleName() == "Copy versions")
    copy.click()
    assert QGuiApplication.clipboard().text() == versions_text()


def test_welcome_sample_saves_the_name_and_is_shown_once(qtbot):
    dialog = welcome.WelcomeDialog()
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "tester"
    dialog.name.setText("Ruth")
    dialog.buttons["sample"].click()
    assert dialog.choice == welcome.StartChoice("sample", config.default_project_path())
    assert config.load_settings()["annotator"] == "Ruth"
    assert not first_start()


def test_welcome_needs_a_name(qtbot):
    dialog = welcome.WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.name.setText("  ")
    assert not dialog.buttons["open"].isEnabled()
    assert "name" in dialog.problem.text()
    dialog.choose("sample")
    assert dialog.choice is None and first_start()


def test_welcome_open_new_and_import(qtbot, tmp_path):
    dialog = welcome.WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.ask_open_project = lambda: None  # cancelled: the dialog stays
    dialog.choose("open")
    assert dialog.choice is None and first_start()
    dialog.ask_new_project = lambda: tmp_path / "mine"
    dialog.choose("new")
    assert dialog.choice == welcome.StartChoice("new", tmp_path / "mine.ruth")
    dialog.ask_import_files = lambda: [tmp_path / "a.txt", tmp_path / "b.txt"]
    dialog.choose("import")
    assert dialog.choice.kind == "import"
    assert dialog.choice.project == config.default_project_path()
    assert dialog.choice.imports == (tmp_path / "a.txt", tmp_path / "b.txt")
    assert load_preferences().annotator == "tester"


def test_help_renders_the_guide_and_follows_links_offline(qtbot):
    viewer = HelpViewer()
    qtbot.addWidget(viewer)
    assert viewer.browser.source().fileName() == GUIDE
    text = viewer.browser.toPlainText()
    assert "Getting started" in text and "Keyboard shortcuts" in text
    assert "#" not in text.splitlines()[0]  # rendered, not shown as Markdown source
    viewer.follow(QUrl(SHORTCUTS))
    assert viewer.browser.source().fileName() == SHORTCUTS
    assert viewer.back_button.isEnabled()
    viewer.back_button.click()
    assert viewer.browser.source().fileName() == GUIDE


def heading_at_top(viewer) -> str:
    return viewer.browser.cursorForPosition(QPoint(4, 4)).block().text()


def test_help_links_jump_to_headings_on_this_and_other_pages(qtbot):
    viewer = HelpViewer()
    qtbot.addWidget(viewer)
    viewer.show()
    qtbot.waitExposed(viewer)
    viewer.follow(QUrl("#nested-quotes"))
    assert heading_at_top(viewer) == "Nested quotes"
    viewer.follow(QUrl("workspace.md#annotating-the-samples-quotes"))
    qtbot.waitUntil(lambda: heading_at_top(viewer) == "Annotating the sample's quotes")
    assert viewer.browser.source().fileName() == "workspace.md"
    assert viewer.windowTitle() == "Ruth Annotator Help — The workspace"


def test_show_help_reuses_the_open_viewer(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    first = show_help(parent)
    second = show_help(parent, SHORTCUTS)
    assert first is second
    assert second.browser.source().fileName() == SHORTCUTS
