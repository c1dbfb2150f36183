"""Every exit is clean: a signal that asks the app to end closes the window as Ctrl+Q
does, so no lock, log or index file is left beside the project; and starts that change
nothing make no backup."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reliability.helpers import annotate
from ruth_annotator.app.transfer import open_project_with_sample
from ruth_annotator.store import Project
from ruth_annotator.store import backup as backups

CHILD = Path(__file__).with_name("signal_child.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_signal_closes_the_window_as_quit_does(tmp_path, name):
    pytest.importorskip("PySide6")
    path = tmp_path / "p.ruth"
    with open_project_with_sample(path) as project:
        annotate(project, 3)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with subprocess.Popen([sys.executable, str(CHILD), str(path)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env) as child:
        try:
            ready, _, _ = select.select([child.stdout], [], [], 120)
            assert ready, "the app did not start within two minutes"
            assert child.stdout.readline().strip() == "ready"
            assert sorted(p.name for p in tmp_path.iterdir()) == [
                "p.ruth", "p.ruth-lock", "p.ruth-shm", "p.ruth-wal"]
            child.send_signal(getattr(signal, name))
            out, err = child.communicate(timeout=60)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
    assert child.returncode == 0, err
    # Lock released, log written back into the file and removed with its index.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.ruth"]
    with Project.open(path) as project:
        assert len(project.layer(1).mentions) == 3


def test_opening_without_changes_makes_no_backup(tmp_path):
    """Every start used to take a backup (the empty log opening makes counted as a change),
    so twenty starts pushed out every older backup."""
    path = tmp_path / "p.ruth"
    with open_project_with_sample(path) as project:
        assert backups.maybe_backup(project, every_minutes=0, reason="open") is not None
    for _ in range(3):
        with Project.open(path) as project:
            assert backups.maybe_backup(project, every_minutes=0, reason="open") is None
    with Project.open(path) as project:
        annotate(project, 1)
        assert backups.maybe_backup(project, every_minutes=0) is not None
    assert len(backups.list_backups(path)) == 2
