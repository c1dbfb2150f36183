"""Background work (run_task) and suggestions arriving on untouched documents."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ruth_annotator.errors import InputError
from ruth_annotator.gui.workers import run_task
from ruth_annotator.model.annotations import PROPOSED
from ruth_annotator.store import Project
from ruth_annotator.tasks import Cancelled


def test_run_task_runs_off_the_ui_thread_and_reports_back(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}

    def work(task):
        seen["thread"] = threading.current_thread() is not threading.main_thread()
        for i in range(5):
            task.report(i + 1, 5)
        return 42

    run = run_task(parent, "Counting", work, lambda r: seen.setdefault("result", r))
    qtbot.waitUntil(lambda: "result" in seen)
    assert seen == {"thread": True, "result": 42}
    assert run.dialog is not None


def test_run_task_cancel_and_errors(qtbot):
    started = threading.Event()
    errors: list[BaseException] = []

    def endless(task):
        started.set()
        while True:
            task.check()

    run = run_task(None, "Endless", endless, lambda r: None, errors.append)
    assert started.wait(5)
    run.cancel()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)

    def broken(task):
        raise InputError("is not a text file", "bad.bin")

    run_task(None, "Broken", broken, lambda r: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert str(errors[1]) == "bad.bin: is not a text file"


def test_untouched_document_gets_suggestions_as_one_undo_step(qtbot, suggested_window):
    win = suggested_window
    layer = win.session.layer
    proposed = [a for a in layer if a.status == PROPOSED]
    assert proposed and len(proposed) == len(layer)  # all of them undecided
    assert win.session.undo_stack.count() == 1
    assert win.session.undo_stack.text(0).startswith("Add ")
    quotes = [q for q in layer.quotes.values()]
    assert quotes  # the sample's quotations are found
    assert all(m.proposed for q in quotes for m in win.view.highlighter.index.marks_of_id(q.id))
    qtbot.keyClick(win.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(layer) == 0
    with Project.open(win.session.project.path) as fresh:
        assert len(fresh.layer(1)) == 0


def test_rejected_suggestions_do_not_return(qtbot, suggested_window, project):
    win = suggested_window
    qtbot.keyClick(win.view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    rejected = win.session.current_id
    qtbot.keyClick(win.view, Qt.Key.Key_X)
    assert win.session.layer.get(rejected).status == "rejected"
    from ruth_annotator.gui.main_window import MainWindow

    again = MainWindow(project)  # reopening: the layer is not empty, nothing is re-added
    qtbot.addWidget(again)
    assert again.session.layer.get(rejected).status == "rejected"
    assert again.session.undo_stack.count() == 0
