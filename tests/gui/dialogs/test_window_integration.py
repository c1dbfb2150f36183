"""The dialogs inside the real window: menus, settings applied, export, drag-and-drop,
recent projects, new project, help, the first start, keyboard reach and accessible names."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFileDialog,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from ruth_annotator import config
from ruth_annotator.gui import app as gui_app
from ruth_annotator.gui import menus, messages
from ruth_annotator.gui.cheat_sheet import CheatSheet
from ruth_annotator.gui.dialogs import (
    about,
    export_dialog,
    project_menu,
    recent,
    settings_dialog,
    welcome,
)
from ruth_annotator.gui.dialogs import label_editor as le
from ruth_annotator.gui.dialogs.help_viewer import HelpViewer
from ruth_annotator.store import Project

OURS = ("file.new", "file.recent", "file.export", "file.settings", "help.guide", "help.about")


def test_every_action_has_a_tooltip_a_menu_and_a_unique_key(window):
    bar_menus = [a.menu() for a in window.menuBar().actions()]
    assert all("&" in a.text() for a in window.menuBar().actions())  # Alt+letter opens each
    in_menus = {id(a) for m in bar_menus for a in m.actions()}
    keys: dict[str, str] = {}
    for name, action in {**window.actions, **window.label_actions}.items():
        assert action.toolTip().strip(), name
        assert id(action) in in_menus, f"{name} is not in a menu"
        key = action.shortcut().toString()
        if key:
            assert key not in keys, f"{name} and {keys[key]} share {key}"
            keys[key] = name
    assert [e.name for e in menus.ENTRIES if not e.tip.strip()] == []  # a real tip each
    for name in OURS:
        assert name in window.actions
    assert window.actions["help.guide"].shortcut() == QKeySequence("F1")
    assert window.actions["file.settings"].shortcut() == QKeySequence("Ctrl+,")


def internal(widget: QWidget) -> bool:
    """Parts of a composite control (a combo box's popup list, a spin box's line edit)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            return True
        parent = parent.parentWidget()
    return type(widget).__name__ in ("QTabBar", "QScrollBar", "QHeaderView", "QToolButton")


def unnamed_controls(root: QWidget) -> list[str]:
    """Focusable controls (and the root) without an accessible name."""
    missing = [] if root.accessibleName() else [type(root).__name__]
    for w in root.findChildren(QWidget):
        control = isinstance(w, (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox,
                                 QAbstractItemView, QTextEdit))
        if control and not internal(w) and w.focusPolicy() != Qt.FocusPolicy.NoFocus \
                and not w.accessibleName():
            missing.append(f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''!r}")
    return missing


def test_panels_and_dialogs_have_accessible_names(window, qtbot, project):
    for dock in window.findChildren(QDockWidget):
        assert dock.accessibleName(), dock.windowTitle()
        assert dock.widget().accessibleName(), dock.windowTitle()
    makers = [
        lambda: settings_dialog.SettingsDialog(settings_dialog.load_preferences(), project),
        lambda: export_dialog.ExportDialog(project.path, ["tester"]),
        welcome.WelcomeDialog, about.AboutDialog, HelpViewer,
        lambda: CheatSheet(window),
    ]
    for make in makers:
        dialog = make()
        qtbot.addWidget(dialog)
        assert unnamed_controls(dialog) == [], type(dialog).__name__
    assert "QPushButton 'OK'" in unnamed_controls(QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok, window))  # the check does notice a nameless one


def test_settings_from_the_menu_apply_theme_size_and_labels(window, monkeypatch):
    def change_and_accept(dialog):
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.zoom.setValue(5)
        dialog.labels_editor.table.item(0, le.NAME).setText("PER")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", change_and_accept)
    font_before = window.view.font().pointSizeF()
    window.actions["file.settings"].trigger()
    assert window.theme.dark
    assert window.view.font().pointSizeF() == pytest.approx(font_before + 5)
    assert "PER" in window.label_actions and "PERSON" not in window.label_actions
    assert [label.name for label in window.session.labels][0] == "PER"
    assert config.load_settings()["theme"] == "dark"


def test_export_from_the_menu_gets_the_open_project(window, monkeypatch):
    seen = []
    monkeypatch.setattr(export_dialog.ExportDialog, "exec",
                        lambda d: seen.append((d.project_path, d.annotators.count())) or 0)
    window.actions["file.export"].trigger()
    assert seen == [(window.session.project.path, len(window.session.project.annotators()))]


def drop(widget, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(widget.rect().center())
    action = Qt.DropAction.CopyAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point.toPoint(), action, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(widget, QDropEvent(point, action, mime, buttons, mods))
    return True


def test_dropping_articles_imports_them(window, qtbot, tmp_path):
    article = tmp_path / "second.txt"
    article.write_text("A second article\n\n\"It works,\" she said.\n", encoding="utf-8")
    assert drop(window.view.viewport(), [article])
    qtbot.waitUntil(lambda: window.documents_panel.model.rowCount() == 2, timeout=10_000)


def test_dropping_a_project_opens_it(window, qtbot, tmp_path, monkeypatch):
    other = project_menu.create_project(tmp_path / "other")
    assert other.name == "other.ruth"
    assert drop(window, [other])
    assert Path(window.session.project.path) == other
    notes = []
    monkeypatch.setattr(messages, "information", lambda *a: notes.append(a[2]))
    third = project_menu.create_project(tmp_path / "third")
    assert drop(window, [third, tmp_path])  # a project and a folder: refused with a note
    assert Path(window.session.project.path) == other and "not both" in notes[0]


def test_recent_projects_and_open_recent(window, tmp_path):
    first = Path(window.session.project.path).resolve()
    assert recent.recent_projects()[0] == first
    other = project_menu.create_project(tmp_path / "other.ruth")
    window.open_project_file(other)
    assert recent.recent_projects()[:2] == [other.resolve(), first]
    menu = window.actions["file.recent"].menu()
    project_menu.fill_recent_menu(window, menu)
    entries = [a for a in menu.actions() if a.toolTip() == str(first)]
    assert len(entries) == 1 and entries[0].text().startswith("&1 ")
    entries[0].trigger()
    assert Path(window.session.project.path).resolve() == first


def test_new_project_is_empty_and_never_overwrites(window, tmp_path, monkeypatch):
    target = tmp_path / "fresh"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions["file.new"].trigger()
    assert Path(window.session.project.path) == tmp_path / "fresh.ruth"
    assert window.documents_panel.model.rowCount() == 0
    with pytest.raises(Exception, match="already exists"):
        project_menu.create_project(target)


def test_help_and_about_from_the_menu(window, monkeypatch):
    window.actions["help.guide"].trigger()
    viewer = window.findChild(HelpViewer)
    assert viewer is not None and viewer.isVisible()
    shown = []
    monkeypatch.setattr(about.AboutDialog, "exec", lambda d: shown.append(d) or 0)
    window.actions["help.about"].trigger()
    assert len(shown) == 1
    viewer.close()


def close_main_windows() -> None:
    from ruth_annotator.gui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.close()
            widget.deleteLater()


def test_first_start_asks_how_to_begin_and_opens_a_new_empty_project(tmp_path, monkeypatch):
    target = tmp_path / "mine.ruth"
    asked = []
    monkeypatch.setattr(welcome, "ask_start", lambda parent=None: asked.append(1) or
                        welcome.StartChoice("new", target))
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    try:
        assert gui_app.run(None) == 0
    finally:
        close_main_windows()
    assert asked == [1]
    with Project.open(target, readonly=True) as project:
        assert project.document_count() == 0


def test_welcome_only_on_a_first_start_without_a_project(tmp_path, monkeypatch):
    monkeypatch.setattr(welcome, "ask_start", lambda parent=None: pytest.fail("asked"))
    assert welcome.first_start_choice(tmp_path / "named.ruth") is None
    welcome.mark_welcomed()
    assert welcome.first_start_choice(None) is None


def test_settings_lead_to_the_shortcut_editor(window, monkeypatch):
    from ruth_annotator.gui.cheat_sheet import CheatSheet

    def open_keys_tab(dialog):
        titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
        assert titles == ["&General", "&Labels", "&Keys", "S&uggestions"]
        dialog.tabs.widget(2).findChild(QAbstractButton).click()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", open_keys_tab)
    window.actions["file.settings"].trigger()
    sheet = window.findChild(CheatSheet)
    assert sheet is not None and sheet.isVisible()
    sheet.close()


def test_first_start_import_lands_in_the_default_project(tmp_path, monkeypatch, qtbot):
    from ruth_annotator.gui.workers import running_tasks

    article = tmp_path / "mine.txt"
    article.write_text("My own article\n\nThe mayor said the bridge would reopen.\n",
                       encoding="utf-8")
    monkeypatch.setattr(welcome, "ask_start", lambda parent=None: welcome.StartChoice(
        "import", config.default_project_path(), (article,)))

    def run_until_imported(*args) -> int:
        qtbot.waitUntil(lambda: not running_tasks(), timeout=20_000)
        return 0

    monkeypatch.setattr(QApplication, "exec", run_until_imported)
    try:
        assert gui_app.run(None) == 0
    finally:
        close_main_windows()
    with Project.open(config.default_project_path(), readonly=True) as project:
        titles = [d.title for d in project.documents()]
    assert titles[0].startswith("Kate Winslet") and "My own article" in titles
