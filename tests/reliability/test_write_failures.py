"""Disk full and read-only files: the write fails as a one-line ProjectError, the file holds
nothing of it, a retry works once the cause is gone, and the workspace keeps the work in
memory as unsaved until then."""

from __future__ import annotations

import errno
import importlib
import os
import shutil
import subprocess
from copy import deepcopy

import pytest

from reliability.helpers import annotate, cli, dump, error_lines, snapshot
from ruth_annotator.errors import ProjectError
from ruth_annotator.model import NewDocument, Span, edits
from ruth_annotator.store import Project

DISK_FULL = "not saved: the disk is full; free some space and retry, or save a copy elsewhere"


def _mount(*args) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", *map(str, args)], capture_output=True).returncode == 0


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB file system of its own (tmpfs; needs root, as in CI's container)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if not _mount("-t", "tmpfs", "-o", "size=2m", "tmpfs", disk):
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk) -> os.PathLike:
    """Fill the file system to the last byte; returns the filler file to delete later."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        for size in (1 << 16, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as e:
                assert e.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def make_project(path, sample_text) -> Project:
    project = Project.open(path, "tester", create=True)
    project.add_documents([NewDocument(sample_text, title="sample")])
    annotate(project, 2)
    return project


def test_full_disk_fails_cleanly_and_retry_works(small_disk, sample_text):
    project = make_project(small_disk / "p.ruth", sample_text)
    before = dump(project.path)
    filler = fill(small_disk)
    layer = project.layer(1)
    changes = edits.add_mention(layer, sample_text, Span(0, 4), "PERSON")
    with pytest.raises(ProjectError) as caught:
        project.apply(changes, 1)
    assert str(caught.value) == f"{project.path}: {DISK_FULL}"
    with pytest.raises(ProjectError, match="disk is full"):
        project.add_documents([NewDocument("Another article. " * 500)])
    assert dump(project.path) == before  # nothing half-written
    os.unlink(filler)
    project.apply(changes, 1)  # the same action, retried
    assert len(project.layer(1).mentions) == 3
    assert project.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    project.close()


def test_full_disk_import_from_the_cli_is_one_line(small_disk, sample_text, tmp_path):
    project = make_project(small_disk / "p.ruth", sample_text)
    project.close()
    article = tmp_path / "article.txt"
    article.write_text("A new article about a court case. " * 2000, encoding="utf-8")
    fill(small_disk)
    before = snapshot(small_disk)
    code, out = cli("import", small_disk / "p.ruth", article)
    assert code == 1
    [line] = error_lines(out)  # closed, the project cannot even get its log files back
    assert line.startswith(f"Error: {small_disk / 'p.ruth'}: ") and "the disk is full" in line
    assert "damaged" not in line
    assert snapshot(small_disk)["p.ruth"] == before["p.ruth"]


def test_project_too_big_for_its_limit_fails_cleanly(project):
    """Where no small disk can be mounted: SQLite's page limit gives the same error."""
    pages = project.db.execute("PRAGMA page_count").fetchone()[0]
    project.db.execute(f"PRAGMA max_page_count={pages}")
    before = dump(project.path)
    with pytest.raises(ProjectError, match="disk is full"):
        project.add_documents([NewDocument("An article. " * 20000)])
    assert dump(project.path) == before
    project.db.execute(f"PRAGMA max_page_count={pages * 100}")
    assert len(project.add_documents([NewDocument("An article. " * 20000)]).added) == 1


def test_read_only_file_system(small_disk, sample_text):
    project = make_project(small_disk / "p.ruth", sample_text)
    project.close()
    assert _mount("-o", "remount,ro", small_disk)
    before = snapshot(small_disk)
    with pytest.raises(ProjectError) as caught:
        Project.open(small_disk / "p.ruth")
    assert "cannot be locked for writing (Read-only file system); open it read-only" in \
        str(caught.value)
    with Project.open(small_disk / "p.ruth", "tester", readonly=True) as readonly:
        assert len(readonly.layer(1).mentions) == 2
        with pytest.raises(ProjectError, match="open read-only"):
            readonly.set_status(1, "done")
    assert snapshot(small_disk) == before
    assert _mount("-o", "remount,rw", small_disk)


def test_file_turned_read_only_while_open(project, sample_text):
    """SQLite's read-only refusal (as when the file or its folder lost write permission)
    becomes a one-line ProjectError, and the retry succeeds once writing is allowed."""
    layer = project.layer(1)
    changes = edits.add_mention(layer, sample_text, Span(0, 4), "PERSON")
    project.db.execute("PRAGMA query_only=ON")
    with pytest.raises(ProjectError) as caught:
        project.apply(changes, 1)
    assert str(caught.value) == (f"{project.path}: not saved: the file is read-only; retry "
                                 "once it is writable, or save a copy elsewhere")
    project.db.execute("PRAGMA query_only=OFF")
    project.apply(changes, 1)
    assert len(project.layer(1).mentions) == 1


def test_workspace_keeps_unsaved_work_then_retries_and_copies(qapp, project, sample_text,
                                                              tmp_path):
    """The workspace's save funnel (gui/session.py) on a full file: the action shows in the
    layer, is counted unsaved, and reaches the file on retry or in a copy."""
    session_module = importlib.import_module("ruth_annotator.gui.session")
    session = session_module.Session(project)
    session.open_document(1)
    session.apply(edits.add_mention(session.layer, sample_text, Span(0, 4), "PERSON"))
    text = session.text

    def big_action(label: str):
        """One action with many rows (as "accept all"), too big for the file's limit."""
        spans = [Span(i, i + 3) for i in range(0, min(len(text) - 3, 6000), 4)]
        scratch = deepcopy(session.layer)  # each edit sees the ones before it
        changes = None
        for span in spans:
            step = edits.add_mention(scratch, text, span, label)
            scratch.apply(step)
            changes = step if changes is None else changes + step
        return changes

    def stored() -> int:
        with Project.open(session.project.path, "tester", readonly=True) as check:
            return len(check.layer(1).mentions)

    saved_before = stored()
    pages = project.db.execute("PRAGMA page_count").fetchone()[0]
    project.db.execute(f"PRAGMA max_page_count={pages}")
    assert session.apply(big_action("ORG")) is False
    assert not session.saved and session.unsaved_count == 1
    assert "disk is full" in session.save_error
    in_memory = len(session.layer.mentions)
    assert in_memory > saved_before + 500  # kept in memory…
    assert stored() == saved_before  # …and not in the file
    assert session.retry() is False  # still full
    project.db.execute(f"PRAGMA max_page_count={pages * 100}")
    assert session.retry() and session.saved and stored() == in_memory

    pages = project.db.execute("PRAGMA page_count").fetchone()[0]
    project.db.execute(f"PRAGMA max_page_count={pages}")
    assert session.apply(big_action("GPE")) is False
    in_memory = len(session.layer.mentions)
    copy = tmp_path / "rescued.ruth"
    session.save_copy(copy)
    assert session.saved and session.project.path == copy
    assert stored() == in_memory
    session.close()
