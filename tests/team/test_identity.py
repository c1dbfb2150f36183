"""Who made an annotation travels with it: JSONL import keeps each record's annotator, and
export can pick one annotator's layer (the gold one)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from ruth_annotator.app.transfer import import_paths
from ruth_annotator.cli import main
from ruth_annotator.store import Project
from ruth_annotator.team.signature import signature

from .scenario import TEXT, alice_items, bob_items, write_layer


def _record(annotator, items_layer_project, doc_id=1):
    from ruth_annotator.model.records import layer_to_record
    return layer_to_record(items_layer_project.document(doc_id),
                           items_layer_project.layer(doc_id, annotator))


def test_jsonl_import_keeps_each_records_annotator(project, tmp_path):
    write_layer(project, "alice", alice_items())
    write_layer(project, "bob", bob_items())
    lines = [_record("alice", project), _record("bob", project),
             {"text": TEXT, "mentions": [{"id": "m-x", "start": 0, "end": 12,
                                          "label": "PERSON"}]}]
    path = tmp_path / "layers.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in lines), encoding="utf-8")
    with Project.open(tmp_path / "lead.ruth", "lead", create=True) as lead:
        result = import_paths(lead, [path])
        assert result.layers == 3 and lead.document_count() == 1
        assert lead.annotators() == ["alice", "bob", "lead"]
        for name in ("alice", "bob"):
            assert signature(lead.layer(1, name)) == signature(project.layer(1, name))
        assert list(lead.layer(1, "lead").mentions) == ["m-x"]


def test_same_ids_in_two_annotators_records_are_both_kept(project, tmp_path):
    # Both started from one pre-annotated file, so their untouched items share ids and
    # content. Each layer must keep its copy.
    record = _record("alice", project)
    record["mentions"] = [{"id": "m-1", "start": 0, "end": 12, "label": "PERSON"}]
    other = dict(record, annotator="bob")
    path = tmp_path / "shared.jsonl"
    path.write_text(json.dumps(dict(record, annotator="alice")) + "\n" + json.dumps(other),
                    encoding="utf-8")
    with Project.open(tmp_path / "lead.ruth", "lead", create=True) as lead:
        import_paths(lead, [path])
        assert len(lead.layer(1, "alice").mentions) == 1
        assert len(lead.layer(1, "bob").mentions) == 1
        # importing the same file again adds nothing
        import_paths(lead, [path])
        assert lead.db["mentions"].count == 2


def test_export_picks_the_gold_layer(project, tmp_path):
    write_layer(project, "alice", alice_items())
    write_layer(project, "gold", bob_items())
    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(main, ["export", str(project.path), "--annotators", "gold",
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["annotator"] for r in records] == ["gold"]
    assert len(records[0]["quotes"]) == 5 and records[0]["mentions"][0]["id"] == "b-m1"
