"""Suggestions that run in the background never lose work: the status bar shows the run
with Cancel, what the annotator did meanwhile wins and the findings are merged in, Annotate
▸ Suggest again runs the engine on the open document (rejected items stay rejected), and a
command refused because the window holds the project says so and what to do."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from gui.helpers import drag_select, show_window
from ruth_annotator.gui import suggesting
from ruth_annotator.gui.workers import running_tasks
from ruth_annotator.model import NewDocument
from ruth_annotator.model.annotations import ACCEPTED, PROPOSED, REJECTED, Span
from ruth_annotator.model.layer import Layer
from ruth_annotator.store import Project, locking
from ruth_annotator.tasks import Cancelled

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def gate(monkeypatch):
    """The engine runs in a worker and waits for `gate.set()` before it analyses."""
    from ruth_annotator.suggest import engine

    opened = threading.Event()
    real = engine.analyse_document

    def held(*args, **kwargs):
        assert opened.wait(30)
        try:
            found = real(*args, **kwargs)
        except Cancelled:
            opened.outcomes.append("stopped")
            raise
        opened.outcomes.append("finished")
        return found

    monkeypatch.setattr(engine, "analyse_document", held)
    opened.real = real  # the engine itself, for the test's own run
    opened.outcomes = []  # how each gated run ended
    monkeypatch.setattr(suggesting, "BACKGROUND_CHARS", 0)
    yield opened
    opened.set()
    for run in running_tasks():
        run.wait()


def status_widget(window) -> QWidget:
    return window.findChild(QWidget, "suggestion-status")


def stored(window) -> Layer:
    with Project.open(window.session.project.path, "tester", readonly=True) as fresh:
        return fresh.layer(window.session.document.id)


def spans(layer: Layer, kind: str, status: str) -> set[tuple[int, int]]:
    return {(a.start, a.end) for a in layer if a.kind == kind and a.status == status}


def test_work_done_during_a_run_wins_and_the_findings_are_merged_in(qtbot, project,
                                                                    sample_text, gate):
    from ruth_annotator.suggest.engine import proposals_for

    alone = Layer.of(1, "tester", [])
    alone.apply(proposals_for(gate.real(sample_text, alone), alone))
    target = min(alone.mentions.values(), key=lambda m: m.start)  # the engine proposes it
    window = show_window(qtbot, project)
    assert status_widget(window).isVisible() and window.session.suggestions.running
    assert len(window.session.layer) == 0

    drag_select(qtbot, window.view, Span(target.start, target.end))
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # the second label, not the engine's choice
    mine = window.session.layer.get(window.session.current_id)
    second_label = window.session.labels[1].name
    assert mine.label == second_label and mine.status == ACCEPTED

    gate.set()
    qtbot.waitUntil(lambda: not status_widget(window).isVisible(), timeout=30_000)
    layer = window.session.layer
    assert layer.get(mine.id).label == second_label  # the annotator's work is untouched
    assert layer.get(mine.id).status == ACCEPTED
    proposed = [a for a in layer if a.status == PROPOSED]
    assert len(proposed) > 0.8 * len(alone)  # the rest of the run's findings are there
    overlapping = [m for m in layer.mentions.values() if m.id != mine.id
                   and m.start < mine.end and mine.start < m.end]
    assert overlapping == []
    stack = window.session.undo_stack
    assert stack.count() == 2 and stack.text(1).startswith("Add ")
    assert spans(stored(window), "mention", PROPOSED) == spans(layer, "mention", PROPOSED)
    assert "meanwhile" in window.statusBar().currentMessage()


def test_cancel_drops_the_run_and_suggest_again_runs_it(qtbot, project, gate):
    window = show_window(qtbot, project)
    widget = status_widget(window)
    assert widget.isVisible()
    qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
    assert not widget.isVisible() and not window.session.suggestions.running
    assert "Suggest again" in window.statusBar().currentMessage()
    gate.set()
    for run in running_tasks():
        run.wait()
    qtbot.wait(50)
    assert gate.outcomes == ["stopped"]  # the engine stopped at its next step
    assert len(window.session.layer) == 0 and len(stored(window)) == 0

    window.actions["annotate.suggest_again"].trigger()
    qtbot.waitUntil(lambda: len(window.session.layer) > 0, timeout=30_000)
    assert all(a.status == PROPOSED for a in window.session.layer)
    assert not widget.isVisible()


def test_opening_another_document_drops_the_run(qtbot, project, sample_text, gate):
    project.add_documents([NewDocument(sample_text.replace("Kate", "Cate"), "Second")])
    window = show_window(qtbot, project)
    window.activateWindow()
    qtbot.waitUntil(window.view.hasFocus)
    assert window.session.document.id == 1 and window.session.suggestions.running
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.id == 2 and window.session.suggestions.running
    gate.set()
    qtbot.waitUntil(lambda: not status_widget(window).isVisible(), timeout=30_000)
    for run in running_tasks():
        run.wait()
    qtbot.wait(50)
    assert len(window.session.layer) > 0  # the second document's own run
    with Project.open(project.path, "tester", readonly=True) as fresh:
        assert len(fresh.layer(1)) == 0  # the first one's run was dropped, not misplaced
        assert len(fresh.layer(2)) == len(window.session.layer)


def test_suggest_again_keeps_rejections_and_brings_back_what_was_deleted(qtbot, project):
    window = show_window(qtbot, project)
    window.activateWindow()
    qtbot.waitUntil(window.view.hasFocus)
    layer = window.session.layer
    before = len(layer)
    assert before and window.actions["annotate.suggest_again"].text() == "Su&ggest again"
    qtbot.keyClick(window.view, Qt.Key.Key_N, SHIFT)
    rejected = window.session.current_id
    qtbot.keyClick(window.view, Qt.Key.Key_X)
    assert layer.get(rejected).status == REJECTED
    quote = next(q for q in layer.quotes.values() if q.status == PROPOSED)
    window.session.set_current(quote.id)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert quote.id not in layer.quotes

    window.actions["annotate.suggest_again"].trigger()
    assert layer.get(rejected).status == REJECTED
    again = [q for q in layer.quotes.values() if q.spans == quote.spans]
    assert len(again) == 1 and again[0].status == PROPOSED
    assert window.session.undo_stack.text(window.session.undo_stack.count() - 1) \
        .startswith("Add ")
    count = len(layer)
    window.actions["annotate.suggest_again"].trigger()  # nothing new the second time
    assert len(layer) == count
    assert window.statusBar().currentMessage() == \
        "Suggest again: nothing new to suggest here."


def test_a_command_refused_by_the_window_says_so_and_what_to_do(qtbot, project, tmp_path,
                                                               monkeypatch, no_suggestions):
    from ruth_annotator.gui.opening import open_project

    monkeypatch.setitem(locking._role, "name", locking._role["name"])  # restored after
    path = Path(project.path)
    project.close()
    window = show_window(qtbot, open_project(path))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}

    def command(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ruth_annotator", *args], env=env,
                              capture_output=True, text=True, timeout=120)

    refused = command("suggest", str(path))
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        f"Error: {path}: is open in a Ruth Annotator window (pid {os.getpid()}), which "
        "keeps it for itself while it is open; nothing was changed. Close the project there "
        "(File ▸ Quit) and run the command again, or use Annotate ▸ Suggest again in that "
        "window")
    assert len(stored(window)) == 0
    stats = command("stats", str(path))  # commands that only read work beside the window
    assert stats.returncode == 0 and stats.stdout.startswith("Documents: 1")
    window.session.close()
