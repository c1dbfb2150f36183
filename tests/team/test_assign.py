"""Assignment packages: shares, overlap, determinism, label set, and the round trip back."""

from __future__ import annotations

from collections import Counter

import pytest
from click.testing import CliRunner

from ruth_annotator.app.assigning import write_packages
from ruth_annotator.app.merging import merge_files
from ruth_annotator.cli import main
from ruth_annotator.errors import InputError, ProjectError
from ruth_annotator.model import Mention, NewDocument
from ruth_annotator.model.labels import DEFAULT_LABELS, Label
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store import Project
from ruth_annotator.team.agreement import project_agreement
from ruth_annotator.team.assign import ASSIGNED_TO, plan_assignment

from .scenario import TEXT, alice_items, bob_items


def test_plan_shares_and_overlap():
    plan = plan_assignment(list(range(1, 21)), ["a", "b", "c"], overlap=0.2, seed=7)
    per_doc = Counter(d for ids in plan.values() for d in ids)
    # 20 documents, 0.2 → 4 shared by two annotators, 16 by one: 24 assignments, 8 each
    assert sorted(per_doc.values()).count(2) == 4
    assert set(per_doc) == set(range(1, 21))
    assert [len(plan[n]) for n in "abc"] == [8, 8, 8]
    shared = {d for d, n in per_doc.items() if n == 2}
    assert all(sum(d in plan[n] for n in "abc") == 2 for d in shared)


def test_plan_is_deterministic_with_a_seed():
    ids = list(range(1, 51))
    assert plan_assignment(ids, ["a", "b"], 0.3, seed=3) == \
        plan_assignment(list(reversed(ids)), ["a", "b"], 0.3, seed=3)
    assert plan_assignment(ids, ["a", "b"], 0.3, seed=3) != \
        plan_assignment(ids, ["a", "b"], 0.3, seed=4)


def test_plan_edges():
    # everyone gets everything
    plan = plan_assignment([1, 2, 3], ["a", "b", "c"], overlap=1.0, per_shared=3)
    assert plan == {"a": [1, 2, 3], "b": [1, 2, 3], "c": [1, 2, 3]}
    # a small overlap still shares one document
    plan = plan_assignment([1, 2, 3], ["a", "b"], overlap=0.01)
    assert sum(len(v) for v in plan.values()) == 4
    assert plan_assignment([], ["a"], 0.0) == {"a": []}
    with pytest.raises(InputError, match="two or more annotators"):
        plan_assignment([1, 2], ["a"], overlap=0.5)
    with pytest.raises(InputError, match="between 0 and 1"):
        plan_assignment([1, 2], ["a", "b"], overlap=1.5)
    with pytest.raises(InputError, match="named twice"):
        plan_assignment([1], ["a", "a"])
    with pytest.raises(InputError, match="cannot be part of a file name"):
        plan_assignment([1], ["../x"])


@pytest.fixture
def three_docs(project):
    project.import_records([ParsedRecord(NewDocument(f"Article {i}.\n\nShe said: “{i}”.\n",
                                                     f"Article {i}", f"art-{i}"), None, None)
                            for i in (2, 3)])
    project.set_labels([*DEFAULT_LABELS, Label("SHOW", "#123456", "", "TV")])
    return project


def test_packages_carry_documents_labels_and_owner(three_docs, tmp_path):
    plan = plan_assignment(three_docs.document_ids(), ["alice", "bob"], overlap=1 / 3, seed=1)
    packages = write_packages(three_docs, plan, tmp_path / "out")
    assert [p.annotator for p in packages] == ["alice", "bob"]
    for package in packages:
        with Project.open(package.path) as proj:
            assert [lab.name for lab in proj.labels()][-1] == "SHOW"
            assert proj.document_count() == len(package.documents)
            uids = {d.uid for d in proj.documents(package.annotator)}
            assert {three_docs.document(d).uid for d in package.documents} == uids
            assert {d.status for d in proj.documents(package.annotator)} == {"todo"}
            owner = proj.db["project"].get(ASSIGNED_TO)["value"]
            assert owner == package.annotator
    assert sum(p.shared for p in packages) == 2
    # the lead's project records the assignment as 'todo' layers
    assert three_docs.stats()["status"] == {"alice": {"todo": 2}, "bob": {"todo": 2}}
    with pytest.raises(ProjectError, match="already exists"):
        write_packages(three_docs, plan, tmp_path / "out")


def test_assign_then_merge_round_trip(three_docs, tmp_path):
    result = CliRunner().invoke(main, ["assign", str(three_docs.path), "--annotators",
                                       "alice,bob", "--overlap", "1", "--output-dir",
                                       str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "alice: 3 documents, 3 shared ->" in result.stdout
    for name, items in (("alice", alice_items()), ("bob", bob_items())):
        with Project.open(tmp_path / "out" / f"test-{name}.ruth", name) as proj:
            doc_id = proj.find_by_hash(three_docs.document(1).hash)
            with proj.db.atomic():
                proj.add_layer_items(doc_id, name, items, "done")
            proj.set_status(proj.find_by_uid("art-2"), "done")
    paths = [str(tmp_path / "out" / f"test-{n}.ruth") for n in ("alice", "bob")]
    result = CliRunner().invoke(main, ["merge", str(three_docs.path), *paths])
    assert result.exit_code == 0, result.output
    # the sample and art-2 carry work; art-3 stayed untouched in both packages
    assert "4 layers added, 0 updated, 0 unchanged" in result.stdout
    report = project_agreement(three_docs)
    assert report.pairs[0].to_dict()["quote_types"]["kappa"] == round(5 / 9, 4)
    # art-2 is done by both with no annotations: it counts as an agreed empty document
    assert sorted(report.pairs[0].documents) == [1, 2]
    result = CliRunner().invoke(main, ["merge", str(three_docs.path), *paths])
    assert "0 layers added, 0 updated, 4 unchanged" in result.stdout


def test_independent_and_assigned_files_merge_together(project, tmp_path):
    # alice works in an assignment package, bob imported the text himself
    write_packages(project, plan_assignment([1], ["alice"]), tmp_path)
    package = tmp_path / "test-alice.ruth"
    with Project.open(package, "alice") as proj, proj.db.atomic():
        proj.add_layer_items(1, "alice", [Mention("m-a", 0, 12, "PERSON")], "done")
    bob = tmp_path / "bob.ruth"
    with Project.open(bob, "bob", create=True) as proj:
        proj.import_records([ParsedRecord(NewDocument(TEXT, "My copy"), "bob", "done",
                                          [Mention("m-b", 0, 12, "PERSON")])])
    report = merge_files(project, [package, bob])
    assert len(report.added) == 2 and project.document_count() == 1
    assert project.annotators() == ["alice", "bob"]
