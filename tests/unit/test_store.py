"""The project file: documents, layers, transactions, refusal of files that are not ours."""

from __future__ import annotations

import sqlite3

import pytest

from ruth_annotator.errors import NewerProjectError, NotAProjectError, ProjectError
from ruth_annotator.model import Entity, Layer, Mention, NewDocument, Span, edits
from ruth_annotator.model.labels import Label
from ruth_annotator.store import Project
from ruth_annotator.store.schema import known_migrations


def test_document_text_kept_exactly(project, sample_text):
    doc = project.document(1)
    assert doc.text == sample_text
    assert doc.title.startswith("Kate Winslet 'blown away'")
    (summary,) = project.documents()
    assert summary.length == len(sample_text) and summary.status == "todo"


def test_pragmas(project):
    assert project.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert project.db.execute("PRAGMA application_id").fetchone()[0] == 0x52555448


def test_action_is_stored_and_reloaded(project, sample_text, tmp_path):
    layer = project.layer(1)
    start = sample_text.index("Kate Winslet")
    changes = edits.add_mention(layer, sample_text, Span(start, start + 12), "PERSON")
    layer.apply(changes)
    project.apply(changes, 1)
    project.close()
    reopened = Project.open(tmp_path / "test.ruth")
    again = reopened.layer(1)
    assert again.mentions == layer.mentions and again.entities == layer.entities
    assert again.status == "in_progress"
    reopened.apply(changes.inverse(), 1)
    assert len(reopened.layer(1)) == 0
    reopened.close()


def test_failed_action_writes_nothing(project, sample_text):
    layer = project.layer(1)
    changes = edits.add_mention(layer, sample_text, Span(0, 4), "PERSON")
    project.db.execute("CREATE TRIGGER boom BEFORE INSERT ON mentions "
                       "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    # The trigger may not run on our writes (opening.py): the insert fails at once.
    with pytest.raises(ProjectError, match="not saved .*not authorized"):
        project.apply(changes, 1)
    assert len(project.layer(1)) == 0  # the entity of the same action is not there either


def test_layers_per_annotator(project, sample_text):
    for name in ("ann", "bob"):
        layer = project.layer(1, name)
        project.apply(edits.add_mention(layer, sample_text, Span(0, 4), "PERSON"), 1, name)
    assert project.annotators() == ["ann", "bob"]
    assert len(project.layer(1, "ann").mentions) == 1
    assert len(project.layer(1, "carol")) == 0
    assert project.stats()["annotators"]["bob"]["mention"] == 1


def test_status_and_summary(project):
    project.set_status(1, "done")
    assert project.documents()[0].status == "done"
    assert project.documents("someone-else")[0].status == "todo"
    with pytest.raises(ValueError):
        project.set_status(1, "finished")


def test_duplicates_by_hash(project, sample_text):
    result = project.add_documents([NewDocument(sample_text), NewDocument("Another text.")])
    assert len(result.added) == 1 and len(result.duplicates) == 1
    assert project.document_count() == 2


def test_labels_editable(project):
    labels = project.labels()
    assert labels[0].name == "PERSON"
    project.set_labels([Label("SPEAKER", "#112233", "s"), *labels[1:]])
    assert [lab.name for lab in project.labels()][:2] == ["SPEAKER", "ORG"]
    with pytest.raises(ValueError):
        project.set_labels([Label("A", "#000000", "1"), Label("A", "#000000", "2")])


def test_missing_project_is_not_created(tmp_path):
    with pytest.raises(ProjectError, match="no such project"):
        Project.open(tmp_path / "nope.ruth")
    assert not (tmp_path / "nope.ruth").exists()


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"hello, this is text", "not a SQLite database"),
])
def test_non_sqlite_refused(tmp_path, content, message):
    path = tmp_path / "x.ruth"
    path.write_bytes(content)
    with pytest.raises(NotAProjectError, match=message):
        Project.open(path, create=True)
    assert path.read_bytes() == content


def test_foreign_sqlite_refused_untouched(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("create table notes (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotAProjectError, match="another program"):
        Project.open(path)
    assert path.read_bytes() == before


def test_newer_schema_refused(project, tmp_path):
    project.db["_sqlite_migrations"].insert(
        {"migration_set": "ruth_annotator", "name": "m999_future", "applied_at": "x"})
    project.close()
    path = tmp_path / "test.ruth"
    with pytest.raises(NewerProjectError, match="newer Ruth Annotator"):
        Project.open(path)


def test_migrations_recorded(project):
    applied = [r["name"] for r in project.db["_sqlite_migrations"].rows]
    assert applied == known_migrations()


def test_iter_records_streams_layers(project, sample_text):
    layer = project.layer(1)
    changes = edits.add_mention(layer, sample_text, Span(0, 4), "PERSON")
    project.apply(changes, 1)
    project.apply(edits.add_mention(Layer(1, "x"), sample_text, Span(5, 12), "PERSON",
                                    status="proposed", source="suggested"), 1, "bob")
    records = list(project.iter_records())
    assert [(r["annotator"], len(r["mentions"])) for r in records] == [("bob", 0),
                                                                        ("tester", 1)]
    with_suggestions = list(project.iter_records(include_suggestions=True))
    assert [len(r["mentions"]) for r in with_suggestions] == [1, 1]


def test_new_items_never_overwrite_what_holds_their_id(project):
    """Suggestions are written as new: an id already taken fails the whole write (nothing
    of it is kept) instead of replacing the annotation that holds it."""
    with project.transaction():
        project.add_layer_items(1, "ann", [Mention("m-1", 0, 4, "PERSON")])
    clash = [Entity("e-new", "ORG", "Acme"), Mention("m-1", 5, 9, "ORG")]
    with pytest.raises(ProjectError, match="not saved .*UNIQUE"), project.transaction():
        project.add_layer_items(1, "ann", clash, new=True)
    layer = project.layer(1, "ann")
    assert list(layer.mentions.values()) == [Mention("m-1", 0, 4, "PERSON")]
    assert not layer.entities
    with project.transaction():  # without `new`, the same write updates in place
        project.add_layer_items(1, "ann", clash)
    assert project.layer(1, "ann").mentions["m-1"] == Mention("m-1", 5, 9, "ORG")
