"""Backups: taken online while the project is open, rotated, and restored safely."""

from __future__ import annotations

import sqlite3
import time

import pytest

from reliability.helpers import annotate, cli, dump, error_lines, held_open, snapshot
from ruth_annotator.errors import ProjectError, ProjectLockedError
from ruth_annotator.store import Project
from ruth_annotator.store import backup as backups


def corrupt(path, page: int = 2, page_size: int = 4096) -> None:
    """Overwrite the header of one b-tree page, as a bad sector or a stray write would."""
    with open(path, "r+b") as f:
        f.seek((page - 1) * page_size)
        f.write(b"\xff" * 12)


def backed_up_then_changed(project, first: int = 2, then: int = 2):
    """Annotate, back up, annotate more, close: (the backup, the state it holds)."""
    annotate(project, first)
    good = backups.create_backup(project.path)
    state = dump(project.path)
    annotate(project, then, label="ORG")
    project.close()
    return good, state


def test_backup_while_open_is_a_whole_project(project, sample_text):
    annotate(project, 5)
    path = backups.create_backup(project.path)  # project still open for writing
    assert path.parent == backups.backup_folder(project.path)
    assert not path.with_name(path.name + "-wal").exists()  # self-contained
    with Project.open(path, readonly=True) as copy:
        assert copy.document(1).text == sample_text
        assert len(copy.layer(1, "tester").mentions) == 5
    assert dump(path)[1:] == dump(project.path)[1:]


def test_backups_are_rotated(project):
    made = []
    for _ in range(5):
        annotate(project, 1)
        made.append(backups.create_backup(project.path, keep=3))
        time.sleep(0.002)
    kept = [b.path for b in backups.list_backups(project.path)]
    assert kept == made[:1:-1]  # the newest three, newest first
    assert not made[0].exists() and not made[1].exists()


def test_two_projects_with_one_name_keep_their_own_backups(tmp_path):
    paths = [tmp_path / "a" / "news.ruth", tmp_path / "b" / "news.ruth"]
    for path in paths:
        Project.open(path, create=True).close()
        backups.create_backup(path)
    folders = {backups.backup_folder(p) for p in paths}
    assert len(folders) == 2
    assert all(len(backups.list_backups(p)) == 1 for p in paths)


def test_maybe_backup_only_after_changes_and_minutes(project):
    first = backups.maybe_backup(project, every_minutes=0, reason="open")
    assert first is not None and first.name.endswith("-open.ruth")
    assert backups.maybe_backup(project, every_minutes=0) is None  # nothing changed
    time.sleep(0.01)
    annotate(project, 1)
    assert backups.maybe_backup(project, every_minutes=10) is None  # too soon
    second = backups.maybe_backup(project, every_minutes=0)
    assert second is not None and second != first
    assert len(backups.list_backups(project.path)) == 2


def test_restore_brings_back_the_state_and_saves_the_one_before(tmp_path, project):
    good, state_good = backed_up_then_changed(project, 3, 4)
    state_later = dump(project.path)
    before = backups.restore(project.path, good)
    assert dump(project.path) == state_good
    assert before is not None and before.name.endswith("-before-restore.ruth")
    backups.restore(project.path, before)  # a restore can itself be undone
    assert dump(project.path) == state_later
    with Project.open(project.path) as reopened:  # and the project works on as before
        annotate(reopened, 1)


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path, project):
    annotate(project, 3)
    bad = backups.create_backup(project.path)
    project.close()
    corrupt(bad)
    before = snapshot(tmp_path)
    with pytest.raises(ProjectError, match="cannot be restored: it is damaged"):
        backups.restore(project.path, bad)
    assert snapshot(tmp_path) == before


def test_restore_refuses_while_the_project_is_open(tmp_path, project):
    good = backups.create_backup(project.path)
    with pytest.raises(ProjectError, match="open in this window"):
        backups.restore(project.path, good)
    project.close()
    with held_open(project.path) as other, \
            pytest.raises(ProjectLockedError, match=rf"pid {other.pid}"):
        backups.restore(project.path, good)


def test_restore_replaces_a_damaged_project_and_keeps_its_bytes(tmp_path, project):
    good, state_good = backed_up_then_changed(project)
    corrupt(project.path)
    damaged = project.path.read_bytes()
    with pytest.raises(ProjectError, match="damaged"):
        Project.open(project.path)
    saved = backups.restore(project.path, good)
    assert saved.name.endswith("-damaged.ruth") and saved.read_bytes() == damaged
    assert dump(project.path) == state_good


def test_readers_see_the_old_or_the_restored_state(tmp_path, project):
    """A read-only window open during a restore sees one state or the other, whole."""
    good, state_good = backed_up_then_changed(project, 2, 6)
    reader = sqlite3.connect(f"{project.path.resolve().as_uri()}?mode=ro", uri=True)
    counts_before = reader.execute("select count(*) from mentions").fetchone()[0]
    backups.restore(project.path, good)
    counts_after = reader.execute("select count(*) from mentions").fetchone()[0]
    reader.close()
    assert (counts_before, counts_after) == (8, 2)
    assert dump(project.path) == state_good


def test_cli_backup_list_restore_check(tmp_path, project):
    annotate(project, 2)
    project.close()
    code, out = cli("backup", project.path)
    assert code == 0 and "Backed up" in out
    code, out = cli("backup", project.path, "--to", tmp_path / "copy.ruth")
    assert code == 0 and (tmp_path / "copy.ruth").exists()
    assert dump(tmp_path / "copy.ruth") == dump(project.path)
    code, out = cli("restore", project.path, "--list")
    assert code == 0 and out.strip().startswith("1 ") and "manual" in out
    code, out = cli("restore", project.path, "1")
    assert code == 0 and "Restored" in out and "before-restore" in out
    code, out = cli("restore", project.path, "9")
    assert code == 1 and "no backup number 9" in error_lines(out)[0]
    code, out = cli("check", project.path)
    assert code == 0 and ": ok (1 document, 2 annotations)" in out


def test_check_reports_damage_and_broken_references(tmp_path, project):
    annotate(project, 2)
    project.db.execute("update mentions set entity = 'e-gone' where rowid = 1")
    project.db.execute('update mentions set "end" = 10000000 where rowid = 2')
    project.close()
    code, out = cli("check", project.path)
    assert code == 1
    assert "points at a missing entity" in out and "mention outside its document" in out
    assert error_lines(out) == [f"Error: {project.path}: 2 problems found; "
                                "'ruth-annotator restore --list' shows the backups"]
    corrupt(project.path)
    code, out = cli("check", project.path)
    assert code == 1 and "damaged" in out


def test_backup_works_while_another_process_writes(tmp_path, project):
    project.close()
    with held_open(project.path):
        code, out = cli("backup", project.path)
    assert code == 0, out


@pytest.mark.slow
def test_killed_restores_leave_the_old_or_the_new_state(tmp_path, project, figures):
    """SIGKILL at random moments of a restore: the file is whole and one of the two."""
    import random
    import subprocess
    import sys

    from ruth_annotator.model import NewDocument

    project.add_documents([NewDocument(f"Article {i}\n" + "word " * 20000) for i in range(20)])
    annotate(project, 50)
    old = backups.create_backup(project.path)
    annotate(project, 50, label="ORG")
    new = backups.create_backup(project.path)
    project.close()
    states = {"old": dump(old), "new": dump(new)}
    rng = random.Random(5)
    code = ("import sys; from ruth_annotator.store import backup; print('start', flush=True); "
            "backup.restore(sys.argv[1], sys.argv[2])")
    seen = {"old": 0, "new": 0}
    inside = 0
    for i in range(12):
        source = old if i % 2 else new
        with subprocess.Popen([sys.executable, "-c", code, str(project.path), str(source)],
                              stdout=subprocess.PIPE) as proc:
            assert proc.stdout.readline() == b"start\n"
            time.sleep(rng.uniform(0, 0.15))  # a restore of this project takes about 0.1 s
            proc.kill()
        inside += any(p.name.startswith(".") for p in tmp_path.iterdir())  # copy under way
        conn = sqlite3.connect(project.path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        state = dump(project.path)
        name = next((k for k, v in states.items() if v == state), None)
        assert name is not None, f"kill {i}: neither the old nor the restored state"
        seen[name] += 1
    backups.restore(project.path, new)  # a later restore clears what a killed one left
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    figures.update(restore_kills=12, killed_inside_restore=inside,
                   **{f"left_{k}": v for k, v in seen.items()})
    assert inside > 0
