"""Merging annotators' files: nothing duplicated, nothing lost, twice is once, all or nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from ruth_annotator.app.merging import merge_files
from ruth_annotator.cli import main
from ruth_annotator.errors import InputError
from ruth_annotator.model import Entity, Mention, NewDocument, Quote, Span, text_hash
from ruth_annotator.model.edits import delete_annotations
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store import Project
from ruth_annotator.team.merge import MergeConflict
from ruth_annotator.team.signature import signature

from .scenario import TEXT, alice_items, annotator_file


def dump(project: Project) -> list[str]:
    return list(project.db.conn.iterdump())


def file_layer(path, annotator):
    with Project.open(path) as proj:
        return proj.layer(1, annotator)


def test_merge_brings_both_layers_and_twice_changes_nothing(project, files):
    alice, bob = files
    report = merge_files(project, [alice, bob])
    assert len(report.added) == 2 and report.unchanged == 0
    for path, name in ((alice, "alice"), (bob, "bob")):
        assert signature(project.layer(1, name)) == signature(file_layer(path, name))
    assert project.layer(1, "alice").status == "done"
    counts = {t: project.db[t].count for t in ("mentions", "quotes", "entities")}
    assert counts == {"mentions": 12, "quotes": 10, "entities": 12}
    before = dump(project)
    again = merge_files(project, [alice, bob, alice])
    assert again.unchanged == 3 and not again.added and not again.updated
    assert dump(project) == before
    assert project.document_count() == 1


def test_merge_keeps_updated_at_of_the_file(project, files):
    alice, _ = files
    merge_files(project, [alice])
    with Project.open(alice) as proj:
        stamp = proj.db.execute("select updated_at from layers").fetchone()[0]
    assert project.db.execute("select updated_at from layers where annotator = 'alice'"
                              ).fetchone()[0] == stamp


def test_more_work_in_the_file_updates_the_project(project, files):
    alice, _ = files
    merge_files(project, [alice])
    with Project.open(alice, "alice") as proj:
        layer = proj.layer(1, "alice")
        proj.apply(delete_annotations(layer, ["a-m6"]), 1)  # Lorraine Kelly removed
    report = merge_files(project, [alice])
    assert len(report.updated) == 1
    assert "a-m6" not in project.layer(1, "alice").mentions
    assert project.db["mentions"].count == 5


def test_edits_in_the_project_are_kept_when_the_file_did_not_change(project, files):
    alice, _ = files
    merge_files(project, [alice])
    layer = project.layer(1, "alice")
    project.apply(delete_annotations(layer, ["a-q5"]), 1, "alice")
    report = merge_files(project, [alice])
    assert len(report.kept) == 1
    assert "a-q5" not in project.layer(1, "alice").quotes


def edit_both_sides(project, alice, file_last: bool = True) -> None:
    """After a merge, the lead deletes quote a-q5 and alice deletes mention a-m6."""
    merge_files(project, [alice])

    def in_project():
        project.apply(delete_annotations(project.layer(1, "alice"), ["a-q5"]), 1, "alice")

    def in_file():
        with Project.open(alice, "alice") as proj:
            proj.apply(delete_annotations(proj.layer(1, "alice"), ["a-m6"]), 1)

    for edit in (in_project, in_file) if file_last else (in_file, in_project):
        edit()


def test_edits_on_both_sides_are_a_conflict(project, files):
    alice, bob = files
    edit_both_sides(project, alice)
    before = dump(project)
    with pytest.raises(MergeConflict, match=r"alice on “Kate Winslet.*--prefer") as err:
        merge_files(project, [bob, alice])
    assert "\n" not in str(err.value)
    assert dump(project) == before  # bob's layer was not merged either: all or nothing
    report = merge_files(project, [bob, alice], prefer="project")
    assert len(report.resolved) == 1 and len(report.added) == 1
    layer = project.layer(1, "alice")
    assert "a-m6" in layer.mentions and "a-q5" not in layer.quotes
    # the conflict is settled: the same file no longer conflicts
    assert merge_files(project, [alice]).kept
    report = merge_files(project, [alice], prefer="file")
    assert report.kept  # settled means the project's choice stays until the file changes


@pytest.mark.parametrize("file_last", [True, False])
def test_prefer_newer(project, files, file_last):
    alice, _ = files
    edit_both_sides(project, alice, file_last)
    report = merge_files(project, [alice], prefer="newer")
    winner = "file" if file_last else "project"
    assert report.resolved == [f"alice on “Kate Winslet 'blown away' by daughter as”: "
                               f"{winner} copy kept"]
    layer = project.layer(1, "alice")
    assert ("a-m6" in layer.mentions) != file_last and ("a-q5" in layer.quotes) == file_last


def test_prefer_file(project, files):
    alice, _ = files
    edit_both_sides(project, alice, file_last=False)
    # the project was edited last, but the lead said the file wins
    report = merge_files(project, [alice], prefer="file")
    assert report.resolved[0].endswith("file copy kept")
    layer = project.layer(1, "alice")
    assert "a-m6" not in layer.mentions and "a-q5" in layer.quotes


def test_foreign_documents_refused_unless_asked(project, tmp_path):
    other = "A different article.\n\nThe mayor said: “We will build it.”\n"
    path = tmp_path / "carol.ruth"
    with Project.open(path, "carol", create=True) as proj:
        proj.import_records([ParsedRecord(NewDocument(other), None, None)])
        with proj.db.atomic():
            proj.add_layer_items(1, "carol", [Quote("q-c1", "direct", (Span(39, 56),))],
                                 "done")
    before = dump(project)
    with pytest.raises(InputError, match=r"carol.ruth: 1 of its 1 document are not in "
                                         r"the project .*--add-documents"):
        merge_files(project, [path])
    assert dump(project) == before
    result = CliRunner().invoke(main, ["merge", str(project.path), str(path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: 1 of its 1 document are not in")
    report = merge_files(project, [path], add_documents=True)
    assert report.documents_added == 1 and len(report.added) == 1
    doc_id = project.find_by_hash(text_hash(other))
    assert project.layer(doc_id, "carol").quotes["q-c1"].spans == (Span(39, 56),)


def test_unannotated_strangers_are_skipped_not_refused(project, tmp_path):
    path = annotator_file(tmp_path, "alice", alice_items(),
                          extra_texts=("The sample article of a new install.\n",))
    report = merge_files(project, [path])
    assert report.documents_skipped == 1 and len(report.added) == 1
    assert project.document_count() == 1


def test_ids_taken_by_another_layer_are_renamed(project, tmp_path):
    # Two annotators who started from the same pre-annotated file share ids.
    shared = [Entity("e-1", "PERSON", "Kate Winslet"), Mention("m-1", 0, 12, "PERSON", "e-1")]
    a = annotator_file(tmp_path / "a", "alice", shared)
    b = annotator_file(tmp_path / "b", "bob", shared)
    merge_files(project, [a, b])
    alice, bob = project.layer(1, "alice"), project.layer(1, "bob")
    assert len(alice) == len(bob) == 2 and signature(replace(alice, annotator="x")) \
        == signature(replace(bob, annotator="x"))
    assert set(alice.mentions).isdisjoint(bob.mentions)
    before = dump(project)
    merge_files(project, [a, b])
    assert dump(project) == before


def test_labels_the_file_adds_join_the_project(project, tmp_path):
    from ruth_annotator.model.labels import DEFAULT_LABELS, Label
    path = annotator_file(tmp_path, "alice", [Entity("e-1", "SHOW", "I Am Ruth"),
                                              Mention("m-1", 66, 75, "SHOW", "e-1")])
    with Project.open(path) as proj:
        labels = [replace(lab, key="0") if lab.name == "PERSON" else lab
                  for lab in DEFAULT_LABELS]
        proj.set_labels([*labels, Label("SHOW", "#123456", "1", "TV shows")])
    report = merge_files(project, [path])
    assert report.labels_added == ["SHOW"]
    show = project.labels()[-1]
    assert (show.name, show.color, show.key) == ("SHOW", "#123456", "")


def test_the_project_itself_is_refused(project):
    with pytest.raises(InputError, match="is the project itself"):
        merge_files(project, [project.path])


def test_the_files_are_not_written_to(project, files):
    alice, _ = files
    before = alice.read_bytes()
    assert merge_files(project, [alice]).added
    assert alice.read_bytes() == before
    wal = alice.with_name("alice.ruth-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_text_matches_by_hash_not_by_title(project, tmp_path):
    path = tmp_path / "renamed.ruth"
    with Project.open(path, "dora", create=True) as proj:
        proj.import_records([ParsedRecord(NewDocument(TEXT, "Another title", "x-9"), None,
                                          None)])
        with proj.db.atomic():
            proj.add_layer_items(1, "dora", [Mention("m-d", 0, 12, "PERSON")], "in_progress")
    merge_files(project, [path])
    assert project.layer(1, "dora").mentions["m-d"].end == 12


def test_merge_command_summary(project, files):
    result = CliRunner().invoke(main, ["merge", str(project.path), *map(str, files)])
    assert result.exit_code == 0, result.output
    assert "Merged 2 files: 2 layers added, 0 updated, 0 unchanged" in result.stdout
    result = CliRunner().invoke(main, ["merge", str(project.path), *map(str, files)])
    assert "0 layers added, 0 updated, 2 unchanged" in result.stdout
