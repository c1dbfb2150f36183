"""Files that are not (healthy, current) projects are refused with one line and never
modified: not a byte, not a timestamp, no lock file left beside them. (A project file in
WAL mode may get SQLite's empty `-wal` and its `-shm` index beside it from the read-only
check; they hold nothing of the file.)"""

from __future__ import annotations

import os
import random
import re
import sqlite3

import pytest
from click.testing import CliRunner

from reliability.helpers import annotate, cli, dump, error_lines, snapshot
from ruth_annotator.cli import main
from ruth_annotator.errors import RuthError
from ruth_annotator.store import Project, backup
from ruth_annotator.store.integrity import check_project
from ruth_annotator.store.schema import MIGRATION_SET


def other_program(path):
    conn = sqlite3.connect(path)
    conn.execute("create table notes (id integer primary key, body text)")
    conn.execute("insert into notes (body) values ('not yours')")
    conn.commit()
    conn.close()


def newer_project(path):
    with Project.open(path, create=True) as project:
        project.db.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                           "values (?, 'm999_from_the_future', '2030-01-01')", [MIGRATION_SET])


def damaged_project(path):
    with Project.open(path, create=True) as project:
        annotate_sample(project)
    with open(path, "r+b") as f:  # the b-tree header of page 3
        f.seek(2 * 4096)
        f.write(b"\x07" * 16)


def truncated_project(path):
    with Project.open(path, create=True) as project:
        annotate_sample(project)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def annotate_sample(project):
    from ruth_annotator.app.transfer import import_paths
    from ruth_annotator.resources import sample_article

    import_paths(project, [sample_article()], "text")
    annotate(project, 20)


def header_only(path):
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + b"\x00" * 82)


CASES = {
    "other program": (other_program, "is a SQLite database of another program"),
    "newer schema": (newer_project, "was written by a newer Ruth Annotator"),
    "damaged page": (damaged_project, "is damaged"),
    "truncated": (truncated_project, "is damaged"),
    "header only": (header_only, "is damaged"),
    "empty file": (lambda p: p.write_bytes(b""), "is an empty file"),
    "text file": (lambda p: p.write_text("hello", encoding="utf-8"), "not a SQLite database"),
    "folder": (lambda p: p.mkdir(), "is a folder"),
    "symlink loop": (lambda p: (os.symlink(p.with_name("b.ruth"), p),
                                os.symlink(p, p.with_name("b.ruth"))),
                     "symbolic link that points in a loop"),
    "dangling symlink": (lambda p: os.symlink(p.with_name("gone.ruth"), p),
                         "symbolic link to nothing"),
}


@pytest.fixture(params=sorted(CASES))
def hostile(request, tmp_path):
    make, message = CASES[request.param]
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "a.ruth"
    make(path)
    return path, message


def unchanged(before: dict, after: dict) -> bool:
    """Equal, but for SQLite's empty log and its index appearing beside a WAL file."""
    extra = {k: v for k, v in after.items() if k not in before}
    for name in extra:
        if not name.endswith(("-wal", "-shm")):
            return False
        if name.endswith("-wal") and after[name][1] != EMPTY:
            return False
    return all(after.get(k) == v for k, v in before.items())


EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"  # sha256 of b""


def test_refused_and_never_modified(hostile):
    path, message = hostile
    before = snapshot(path.parent)
    for kwargs in ({}, {"create": True}, {"readonly": True}):
        with pytest.raises(RuthError) as caught:
            Project.open(path, **kwargs)
        assert str(caught.value) .startswith(f"{path}: ") and message in str(caught.value)
        assert "\n" not in str(caught.value)
    assert unchanged(before, snapshot(path.parent))


@pytest.mark.parametrize("command", ["stats", "import", "check", "backup", "export"])
def test_commands_refuse_in_one_line(hostile, command, tmp_path):
    path, message = hostile
    article = tmp_path / "article.txt"
    article.write_text("An article.", encoding="utf-8")
    args = {"stats": [], "import": [article], "check": [], "backup": [],
            "export": ["-o", tmp_path / "out.jsonl"]}[command]
    before = snapshot(path.parent)
    code, out = cli(command, path, *args)
    assert code != 0 and "Traceback" not in out
    if code == 1:  # click itself refuses folders for a file argument (exit 2)
        [line] = error_lines(out)
        if command == "check" and re.search(r"\d+ problems? found", line):
            assert "damaged" in out
        else:
            assert message in line, line
    assert unchanged(before, snapshot(path.parent))


def test_restore_refuses_a_foreign_file_as_backup(project, hostile):
    path, message = hostile
    project.close()
    before = snapshot(project.path.parent)
    from ruth_annotator.store import backup

    with pytest.raises(RuthError, match="cannot be restored|symbolic link|folder"):
        backup.restore(project.path, path)
    assert unchanged(before, snapshot(project.path.parent))


@pytest.mark.slow
def test_random_byte_damage_never_crashes_or_writes(tmp_path, figures):
    """Flip bytes at random places of a real project. Opening refuses it in one line and
    leaves it byte for byte, or opens it; then `check` finds what SQLite's own check could
    not (text that is not UTF-8, values no annotation may hold) and says so in one line,
    and a file it passes reads back whole."""
    base = tmp_path / "base.ruth"
    with Project.open(base, create=True) as project:
        annotate_sample(project)
    data = base.read_bytes()
    rng = random.Random(11)
    counts = {"refused": 0, "check_ok": 0, "check_found": 0}
    for i in range(80):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / f"d{i}.ruth"
        path.write_bytes(bytes(damaged))
        try:
            Project.open(path).close()
        except RuthError as e:
            assert "\n" not in str(e), str(e)
            assert path.read_bytes() == bytes(damaged)
            counts["refused"] += 1
            continue
        report = check_project(path)
        if report.ok:
            counts["check_ok"] += 1
            with Project.open(path, readonly=True) as project:
                assert len(list(project.iter_records(include_suggestions=True))) > 0
                project.stats()
        else:
            counts["check_found"] += 1
            result = CliRunner().invoke(main, ["check", str(path)])
            assert result.exit_code == 1 and isinstance(result.exception, SystemExit), \
                repr(result.exception)
            assert len(error_lines(result.output)) == 1
    figures.update(damaged_files=80, **counts)
    assert counts["refused"] > 0 and counts["check_found"] > 0


# --- schema objects this release did not make ------------------------------------------

PLANTED = {
    "trigger": "create trigger rename_titles after insert on documents begin "
               "update documents set title = 'pwned'; end",
    "view": "create view every_text as select text from documents",
    "table": "create table stash (secret text)",
    "index": "create index by_title on documents (title)",
}


def planted(tmp_path, kinds=("trigger",)):
    """A real project whose schema holds objects another program added."""
    path = tmp_path / "planted.ruth"
    with Project.open(path, create=True) as project:
        annotate_sample(project)
    conn = sqlite3.connect(path)
    for kind in kinds:
        conn.execute(PLANTED[kind])
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_foreign_schema_objects_are_refused_for_writing_and_named(tmp_path, kind):
    path = planted(tmp_path, [kind])
    before = snapshot(tmp_path)
    with pytest.raises(RuthError, match="did not make") as caught:
        Project.open(path)
    name = PLANTED[kind].split()[2 if kind != "index" else 2]
    assert f"{kind} {name}" in str(caught.value) and "\n" not in str(caught.value)
    with Project.open(path, readonly=True) as project:  # still readable, to export it
        assert project.document_count() == 1
    assert unchanged(before, snapshot(tmp_path))


def test_import_and_suggest_never_fire_a_planted_trigger(tmp_path):
    """They used to: import fired a trigger that rewrote titles, suggest one that deleted
    every quote."""
    path = planted(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("create trigger wipe after insert on quotes begin delete from quotes; end")
    conn.commit()
    conn.close()
    article = tmp_path / "article.txt"
    article.write_text("“We will win,” said Kate Winslet.", encoding="utf-8")
    for command in (["import", path, article], ["suggest", path]):
        code, out = cli(*command)
        assert code == 1, out
        [line] = error_lines(out)
        assert "trigger rename_titles, trigger wipe" in line, line
    with Project.open(path, readonly=True) as project:
        assert project.document_count() == 1
        assert "pwned" not in {d.title for d in project.documents()}


def test_check_lists_foreign_schema_objects(tmp_path):
    path = planted(tmp_path, sorted(PLANTED))
    report = check_project(path)
    assert sorted(report.problems) == sorted(
        f"holds a {kind} {PLANTED[kind].split()[2]} that Ruth Annotator did not make"
        for kind in PLANTED)
    code, out = cli("check", path)
    assert code == 1 and "trigger rename_titles" in out


def test_restore_never_copies_foreign_schema_objects(project, tmp_path):
    path = planted(tmp_path)
    project.close()
    before = dump(project.path)
    with pytest.raises(RuthError, match="cannot be restored: it holds schema objects"):
        backup.restore(project.path, path)
    conn = sqlite3.connect(project.path)
    assert conn.execute("select count(*) from sqlite_master where type = 'trigger'"
                        ).fetchone() == (0,)
    conn.close()
    assert dump(project.path) == before


def test_a_trigger_added_while_open_cannot_run_on_our_writes(project):
    """Planted by another program after the project was opened: our write fails with it
    instead of running it, and the layer is as it was."""
    conn = sqlite3.connect(project.path)
    conn.execute("create trigger rename after insert on mentions begin "
                 "update documents set title = 'pwned'; end")
    conn.commit()
    conn.close()
    with pytest.raises(RuthError, match="not authorized"):
        annotate(project, 1)
    assert project.document(1).title != "pwned"
    assert not project.layer(1).mentions


def test_the_window_offers_such_a_project_read_only(qapp, tmp_path, monkeypatch):
    """The window says what it found and, if asked to, opens the project read-only (the
    objects cannot run on reads), so its work can still be read and exported."""
    from ruth_annotator.gui import messages, opening

    path = planted(tmp_path)
    asked = []

    def answer(_parent, title, text, *_args, **_kwargs):
        asked.append((title, text))
        return messages.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(messages, "question", answer)
    with opening.open_project(path) as project:
        assert project.readonly and project.document_count() == 1
    [(title, text)] = asked
    assert title == "Project changed by another program" and "trigger rename_titles" in text
