"""Two windows, one file: a second process that wants to write is refused with the reason
and the holder's pid, may open read-only, and never interleaves its writes with the first."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from reliability.helpers import annotate, cli, error_lines, held_open
from ruth_annotator.errors import ProjectError, ProjectLockedError
from ruth_annotator.model import Span, edits
from ruth_annotator.store import Project
from ruth_annotator.store.locking import holder, lock_path


@pytest.fixture
def closed_project(project):
    annotate(project, 2)
    project.close()
    return project.path


def test_second_writer_is_refused_with_one_clear_line(closed_project):
    (closed_project.parent / "x.txt").write_text("A new article.", encoding="utf-8")
    with held_open(closed_project) as other:
        with pytest.raises(ProjectLockedError) as caught:
            Project.open(closed_project)
        assert str(caught.value) == (
            f"{closed_project}: is open in another Ruth Annotator window (pid {other.pid}); "
            "open it read-only or close the other one")
        assert holder(closed_project) == other.pid
        code, out = cli("import", closed_project, closed_project.parent / "x.txt")
        assert code == 1 and len(error_lines(out)) == 1 and f"pid {other.pid}" in out


def test_read_only_opening_reads_and_refuses_writes(closed_project, sample_text):
    with held_open(closed_project):
        with Project.open(closed_project, "tester", readonly=True) as project:
            assert project.readonly
            assert project.document(1).text == sample_text
            layer = project.layer(1)
            assert len(layer.mentions) == 2
            changes = edits.add_mention(layer, sample_text, Span(0, 4), "PERSON")
            with pytest.raises(ProjectError, match="is open read-only; nothing can be saved"):
                project.apply(changes, 1)
            with pytest.raises(ProjectError, match="read-only"):
                project.set_status(1, "done")
        with Project.open(closed_project, "tester", readonly=True) as again:
            assert len(again.layer(1).mentions) == 2


def test_read_only_window_sees_the_writers_saved_work(closed_project):
    with Project.open(closed_project, "tester") as writer, \
            Project.open(closed_project, "tester", readonly=True) as reader:
        assert len(reader.layer(1).mentions) == 2
        annotate(writer, 3)
        assert len(reader.layer(1).mentions) == 5


def test_a_killed_holder_leaves_no_lock(closed_project):
    with held_open(closed_project):
        assert holder(closed_project) is not None
    # held_open ends with SIGKILL: the holder had no chance to clean up
    assert holder(closed_project) is None
    with Project.open(closed_project) as project:
        annotate(project, 1)
    assert not lock_path(closed_project).exists()


def test_one_process_may_open_a_file_twice(closed_project):
    first = Project.open(closed_project)
    second = Project.open(closed_project)
    first.close()
    with pytest.raises(ProjectLockedError):  # still held by `second`
        _open_in_other_process(closed_project)
    second.close()
    assert _open_in_other_process(closed_project) == "opened"


def _open_in_other_process(path) -> str:
    code = textwrap.dedent(f"""
        from ruth_annotator.errors import ProjectLockedError
        from ruth_annotator.store import Project
        try:
            Project.open({str(path)!r}).close()
            print("opened")
        except ProjectLockedError:
            print("locked")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    if out == "locked":
        raise ProjectLockedError("held")
    return out


WRITER = textwrap.dedent("""
    import json, sys, time
    from ruth_annotator.errors import ProjectLockedError
    from ruth_annotator.model import Span, edits
    from ruth_annotator.store import Project
    path, name, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    held = []
    for _ in range(rounds):
        while True:
            try:
                project = Project.open(path, name)
                break
            except ProjectLockedError:
                time.sleep(0.001)
        start = time.monotonic()
        text = project.document(1).text
        layer = project.layer(1)
        for i in range(10):
            changes = edits.add_mention(layer, text, Span(i, i + 3), "PERSON")
            project.apply(changes, 1)
            layer.apply(changes)
        held.append((start, time.monotonic()))
        project.close()
        time.sleep(0.002)
    print(json.dumps(held))
""")


def test_two_processes_racing_for_one_file_take_turns(closed_project, figures):
    """Two processes open, write ten actions and close, over and over: every action is
    saved, and their turns at the file never overlap."""
    rounds = 8
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(closed_project), name,
                               str(rounds)], stdout=subprocess.PIPE, text=True)
             for name in ("ann", "bob")]
    turns = []
    for proc in procs:
        with proc:  # closes its pipe
            out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        turns.extend(json.loads(out))
    turns.sort()
    overlaps = sum(1 for a, b in zip(turns, turns[1:], strict=False) if b[0] < a[1])
    with Project.open(closed_project, readonly=True) as project:
        counts = {name: len(project.layer(1, name).mentions) for name in ("ann", "bob")}
    figures.update(turns=len(turns), overlaps=overlaps, **counts)
    assert overlaps == 0
    assert counts == {"ann": 10 * rounds, "bob": 10 * rounds}
