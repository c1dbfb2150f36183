"""Starting the app: `ruth-annotator` and `ruth-annotator gui PROJECT` open the window on
the sample article; the window comes back with the size and layout it was closed with."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.helpers import show_window
from ruth_annotator import config
from ruth_annotator.gui import messages
from ruth_annotator.store import Project

ROOT = Path(__file__).resolve().parents[2]


def start(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", RUTH_ANNOTATOR_EXIT_AFTER_PAINT="1",
               PYTHONPATH=str(ROOT))
    code = "import sys; from ruth_annotator.cli import main; sys.exit(main())"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env=env, timeout=120)


def sample_titles(path: Path) -> list[str]:
    with Project.open(path) as project:
        return [d.title for d in project.documents()]


@pytest.mark.slow
def test_gui_command_opens_a_new_project_on_the_sample(tmp_path, no_suggestions):
    path = tmp_path / "new.ruth"
    result = start("gui", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("painted ")
    assert sample_titles(path)[0].startswith("Kate Winslet 'blown away'")


@pytest.mark.slow
def test_no_arguments_open_the_default_project(no_suggestions):
    settings = config.load_settings()
    settings["welcomed"] = True  # the welcome screen has its own tests
    config.save_settings(settings)
    result = start()
    assert result.returncode == 0, result.stderr
    assert "painted" in result.stdout
    assert sample_titles(config.default_project_path())[0].startswith("Kate Winslet")


def test_window_layout_and_last_document_come_back(qtbot, project, no_suggestions):
    first = show_window(qtbot, project)
    first.resize(1111, 777)
    first.docks["quotes"].hide()
    first.close()
    assert "window" in config.load_settings()
    second = show_window(qtbot, project)
    assert not second.docks["quotes"].isVisible()
    assert second.docks["entities"].isVisible()
    assert second.session.document.id == 1


def test_assignment_package_offers_its_annotator(qtbot, project, tmp_path, no_suggestions,
                                                 monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from ruth_annotator.app.transfer import open_project_with_sample
    from ruth_annotator.team.assign import ASSIGNED_TO

    package = tmp_path / "for-ana.ruth"
    with open_project_with_sample(package) as made:
        made.db["project"].upsert({"key": ASSIGNED_TO, "value": "ana"}, pk="key")
    asked = []
    monkeypatch.setattr(messages, "question",
        lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.Yes)
    window = show_window(qtbot, project)
    window.open_project_file(package)
    assert "ana" in asked[0] and "tester" in asked[0]
    assert window.session.project.annotator == "ana"
    assert "Annotator: ana" in window.status_user.text()


def test_the_window_reopens_where_the_annotator_left_off(qtbot, project, no_suggestions):
    first = show_window(qtbot, project)
    text = first.session.text
    spot = text.index("terrifying")
    first.view.place_cursor(spot)
    first.view.verticalScrollBar().setValue(first.view.verticalScrollBar().maximum())
    scroll = first.view.verticalScrollBar().value()
    assert scroll > 0
    first.close()
    second = show_window(qtbot, project)
    qtbot.waitUntil(lambda: second.view.verticalScrollBar().value() == scroll)
    assert second.view.cursor_position() == spot


def test_the_document_opened_last_is_kept_at_once(qtbot, project, no_suggestions):
    """Opening a document records it before the window closes (a crash loses only the
    cursor); the place kept at closing is not overwritten when that document opens again."""
    from ruth_annotator.model.document import NewDocument

    (second,) = project.add_documents([NewDocument("Another story. It is short.", "b")]).added
    window = show_window(qtbot, project)
    window.open_document(second)
    places = config.load_settings()["reading_places"]
    assert places[str(project.path)] == {"document": second}
    window.view.place_cursor(5)
    window.close()
    kept = config.load_settings()["reading_places"][str(project.path)]
    assert kept["document"] == second and kept["position"] == 5
    again = show_window(qtbot, project)
    assert again.session.document.id == second and again.view.cursor_position() == 5
