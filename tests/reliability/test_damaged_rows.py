"""A row changed outside the app (or by a flipped byte) into something no annotation can
be: reading it gives one line naming the file, the table and the row, and what to do, never
a traceback; `check` lists it; the other documents still open."""

from __future__ import annotations

import sqlite3

import pytest

from reliability.helpers import annotate, cli, error_lines
from ruth_annotator.errors import ProjectError
from ruth_annotator.model import NewDocument, Span, edits
from ruth_annotator.store import Project

# (table, SQL that damages the first row of it, what the message says about it)
DAMAGES = [
    ("mentions", "update mentions set form = 'xx'", "unknown mention form 'xx'"),
    ("mentions", "update mentions set start = 'abc'", "not supported"),
    ("quotes", "update quotes set spans = '[[1, 2'", "Expecting"),
    ("quotes", "update quotes set spans = '[[5]]'", "not enough values"),
    ("quotes", "update quotes set spans = '[]'", "at least one segment"),
    ("quotes", "update quotes set type = 'shouted'", "unknown quote type"),
    ("quotes", "update quotes set cue_start = 3, cue_end = null", "not supported"),
]


def annotated(project: Project) -> tuple[str, str]:
    """One mention and one quote in document 1, plus a clean second document."""
    annotate(project, 1)
    layer = project.layer(1)
    text = project.document(1).text
    start = text.index("There are no scripted words")
    changes = edits.add_quote(layer, [Span(start, start + 40)], "direct")
    project.apply(changes, 1)
    project.add_documents([NewDocument("A second, healthy article.", title="second")])
    mention = project.db.execute("select id from mentions").fetchone()[0]
    quote = project.db.execute("select id from quotes").fetchone()[0]
    return mention, quote


def damage(path, sql: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(sql)
    conn.close()


@pytest.mark.parametrize(("table", "sql", "reason"), DAMAGES)
def test_a_damaged_row_is_one_line_naming_file_table_and_row(project, table, sql, reason):
    ids = dict(zip(("mentions", "quotes"), annotated(project), strict=True))
    damage(project.path, sql)
    with pytest.raises(ProjectError) as caught:
        project.layer(1)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{project.path}: row {ids[table]} of table {table} is damaged")
    assert reason in message
    assert "ruth-annotator check" in message and "restore a backup" in message
    assert len(project.layer(2)) == 0  # the rest of the project still reads


def test_broken_document_metadata_is_one_line_too(project):
    annotated(project)
    damage(project.path, "update documents set meta = '{oops' where id = 1")
    with pytest.raises(ProjectError, match=r"row 1 of table documents is damaged"):
        project.document(1)
    assert project.document(2).title == "second"


def test_the_cli_prints_error_and_check_lists_the_row(project, tmp_path):
    mention, _ = annotated(project)
    project.close()
    damage(project.path, "update mentions set form = 'xx'")
    code, out = cli("export", project.path, "-o", tmp_path / "out.jsonl")
    assert code == 1
    assert "Traceback" not in out
    assert error_lines(out) == [
        f"Error: {project.path}: row {mention} of table mentions is damaged (unknown mention "
        "form 'xx'); run 'ruth-annotator check' on it, or restore a backup "
        "(File ▸ Restore from backup…, 'ruth-annotator restore')"]
    code, out = cli("check", project.path)
    assert code == 1
    assert (f"document 1, tester: row {mention} of table mentions is damaged (unknown "
            "mention form 'xx')") in out
