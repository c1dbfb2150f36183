"""What comes in is checked against what every format can carry, and what goes out never
links to something the file does not hold: labels, surrogate pairs, Prodigy tokens, Label
Studio's id-only predictions, refused imports leaving no project, links to undecided items."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from format_cases import Builder, annotated, read, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bad_input import one_line_error
from test_real_readers import check_brat, check_label_studio, check_prodigy
from tool_readers import brat_folder, doccano_import

from ruth_annotator.app.transfer import import_paths
from ruth_annotator.cli import main
from ruth_annotator.formats import labels
from ruth_annotator.formats.links import dangling

# -- labels --------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["PERSON NAME", "Quote", "CUE", "source", "DIRECT_QUOTE",
                                   "", "PER\tSON", "-X"])
def test_labels_no_format_can_carry_are_refused(label):
    assert labels.problem(label)
    with pytest.raises(ValueError):
        labels.check(label)


@pytest.mark.parametrize("label", ["PERSON", "WORK_OF_ART", "B-ish", "Organisation", "ÉVÉNEMENT"])
def test_one_word_labels_come_in(label):
    assert labels.check(label) == label


def label_files(tmp_path, label: str) -> dict[str, object]:
    text = "Kate Winslet spoke."
    return {
        "jsonl": ("x.jsonl", json.dumps({"text": text, "mentions": [
            {"id": "m1", "start": 0, "end": 12, "label": label}]})),
        "doccano": ("x.jsonl", json.dumps({"text": text, "entities": [
            {"id": 1, "start_offset": 0, "end_offset": 12, "label": label}],
            "relations": []})),
        "label-studio": ("x.json", json.dumps([{"data": {"text": text}, "annotations": [
            {"result": [{"id": "a", "from_name": "label", "to_name": "text",
                         "type": "labels", "value": {"start": 0, "end": 12,
                                                     "labels": [label]}}]}]}])),
        "prodigy": ("x.jsonl", json.dumps({"text": text, "spans": [
            {"start": 0, "end": 12, "label": label}]})),
    }


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "label-studio", "prodigy"])
@pytest.mark.parametrize("label", ["PERSON NAME", "Quote"])
def test_importers_refuse_such_labels_in_one_line(project, tmp_path, fmt, label):
    name, content = label_files(tmp_path, label)[fmt]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    message = one_line_error(project, path, fmt)
    assert f"label “{label}”" in message and "line 1" in message or "task 1" in message
    assert project.document_count() == 1  # only the sample: nothing came in


def test_brat_and_conll_refuse_such_labels(project, tmp_path):
    (tmp_path / "a.txt").write_text("Kate Winslet spoke.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tSource 0 12\tKate Winslet\n", encoding="utf-8")
    assert "label “Source” is one of the names" in one_line_error(project, tmp_path, "brat")
    conll = tmp_path / "c.conll"
    conll.write_text("Kate B-Cue\nspoke O\n", encoding="utf-8")
    assert "line 1: label “Cue” is one of the names" in one_line_error(project, conll, "conll")


def test_labels_already_in_a_project_are_mapped_on_export_and_reported(tmp_path):
    b = Builder("Kate Winslet met the Source and Mia.")
    b.mention(b.find("Kate Winslet"), "PERSON NAME")
    b.mention(b.find("Source"), "Quote")
    b.mention(b.find("Mia"), "PERSON NAME")
    record = b.record()
    report = write("brat", [record], tmp_path / "b")
    (doc,) = brat_folder(tmp_path / "b").values()  # brat reads the file and its conf
    assert sorted(tb.type for tb in doc["textbounds"].values()) == \
        ["PERSON_NAME", "PERSON_NAME", "Quote_ENTITY"]
    assert "label “PERSON NAME” is written as “PERSON_NAME” (label “PERSON NAME” is not one " \
           "word of letters, digits, - and _ (brat and CoNLL cannot carry it)) " \
           "(in 1 document)" in report.lost
    assert any(line.startswith("label “Quote” is written as “Quote_ENTITY”")
               for line in report.lost)
    (parsed,) = read("brat", tmp_path / "b")  # and our own export comes back in
    assert sorted(i.label for i in parsed.items if i.kind == "mention") == \
        ["PERSON_NAME", "PERSON_NAME", "Quote_ENTITY"]
    assert not [i for i in parsed.items if i.kind == "quote"]
    for fmt, name in (("conll", "c.conll"), ("doccano", "d.jsonl"), ("prodigy", "p.jsonl"),
                      ("label-studio", "t.json")):
        report = write(fmt, [record], tmp_path / name)
        assert any("is written as “PERSON_NAME”" in line for line in report.lost), fmt
        (parsed,) = [r for r in read(fmt, tmp_path / name) if not hasattr(r, "message")]
        assert {i.label for i in parsed.items if i.kind == "mention"} == \
            {"PERSON_NAME", "Quote_ENTITY"}, fmt


# -- offsets that contradict the text -----------------------------------------------------


def test_doccano_offset_inside_a_surrogate_pair_is_refused(project, tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "Go 🎉 Kate", "entities": [
        {"id": 1, "label": "PERSON", "start_offset": 4, "end_offset": 10}]}) + "\n",
        encoding="utf-8")
    message = one_line_error(project, path, "doccano")
    assert "line 1: start_offset 4 falls between the two halves of the surrogate pair of " \
           "“🎉” (UTF-16 units 3..5)" in message


def test_prodigy_tokens_that_contradict_the_text_are_refused(project, tmp_path):
    path = tmp_path / "p.jsonl"
    task = {"text": "Kate Winslet spoke.", "tokens": [
        {"text": "Kate", "start": 0, "end": 4, "id": 0},
        {"text": "Winslett", "start": 5, "end": 12, "id": 1}], "spans": []}
    path.write_text(json.dumps(task) + "\n", encoding="utf-8")
    assert "line 1: token 1 says 'Winslett' but the text at 5..12 is 'Winslet'" in \
        one_line_error(project, path, "prodigy")
    task["tokens"][1]["text"] = "Winslet"
    task["spans"] = [{"start": 0, "end": 12, "token_start": 0, "token_end": 0,
                      "label": "PERSON"}]
    path.write_text(json.dumps(task) + "\n", encoding="utf-8")
    assert "line 1: span 0..12: token_end 0 is the token at 0..4, which does not end at 12" \
        in one_line_error(project, path, "prodigy")


# -- Label Studio's export shapes ---------------------------------------------------------


def test_label_studio_id_only_predictions_are_skipped_and_named(project, tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"id": 7, "data": {"text": "Kate 🎉 Winslet spoke."},
                                 "predictions": [1, 2], "annotations": [
        {"id": 3, "completed_by": 1, "result": [
            {"id": "r", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": 5, "end": 14, "text": "🎉 Winslet", "labels": ["PERSON"]}}]}]}]),
        encoding="utf-8")
    result = import_paths(project, [path], "label-studio")
    assert result.annotations == 1  # the mention
    assert result.problems == [f"{path}: task 1: 2 prediction(s) listed by id only (1, 2) are "
                               "skipped: Label Studio's default export leaves their regions "
                               "out; export with full predictions to bring them in"]


def test_a_refused_import_leaves_no_project_behind(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"data": {"text": "Hi"}, "annotations": [1]}]),
                    encoding="utf-8")
    done = CliRunner().invoke(main, ["import", str(tmp_path / "new.ruth"), str(path),
                                     "--format", "label-studio"])
    assert done.exit_code != 0
    assert "task 1: an annotation must be an object" in done.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


def test_label_studio_export_reports_meta_and_provenance(tmp_path):
    b = Builder("Kate Winslet spoke.")
    b.mention(b.find("Kate Winslet"), status="accepted", source="suggested")
    record = b.record()
    record["meta"] = {"source_file": "kate.txt"}
    report = write("label-studio", [record], tmp_path / "t.json")
    assert "document metadata (source_file) is not carried (in 1 document)" in report.lost
    assert "accepted suggestions read back as made by hand (where an item came from is not " \
           "carried) (in 1 document)" in report.lost


# -- links: both ends in the file, or reported ---------------------------------------------


def undecided_speaker() -> dict:
    """An accepted quote whose speaker mention and addressee are still suggestions, as the
    accepted-only export sees it: the record lacks them, the quote still points at them."""
    b = Builder("Kate Winslet told Mia and Lorraine: “yes”. Winslet smiled.")
    kate = b.mention(b.find("Kate Winslet"))
    winslet = b.mention(b.find("Winslet", 1), entity=kate.entity)
    lorraine = b.mention(b.find("Lorraine"))
    b.quote([b.find("yes")], speaker=winslet, cue=b.find("told"), addressee=lorraine)
    record = b.record()
    record["mentions"] = [m for m in record["mentions"]
                          if m["id"] not in (winslet.id, lorraine.id)]
    record["entities"] = [e for e in record["entities"] if e["id"] != lorraine.entity]
    return record


def test_no_exporter_links_another_mention_in_place_of_an_undecided_one(tmp_path):
    record = undecided_speaker()
    assert dangling(record)  # the accepted quote points at suggestions
    report = write("brat", [record], tmp_path / "b")
    ann = (tmp_path / "b" / "doc-1.ann").read_text(encoding="utf-8")
    assert "Speaker" not in ann and "Addressee" not in ann  # not Kate Winslet instead
    assert any("its speaker mention is not in this export" in x for x in report.lost)
    assert any("its addressee is not in this export" in x for x in report.lost)
    for fmt, name in (("jsonl", "r.jsonl"), ("hf", "hf"), ("doccano", "d.jsonl"),
                      ("label-studio", "t.json"), ("prodigy", "p.jsonl"), ("csv", "q.csv"),
                      ("conll-quotes", "q.conll")):
        report = write(fmt, [record], tmp_path / name)
        assert any("its speaker mention is not in this export" in x for x in report.lost), fmt
    line = json.loads((tmp_path / "r.jsonl").read_text(encoding="utf-8"))
    assert dangling(line) == []
    assert line["quotes"][0]["speaker_mention"] is None
    task = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))[0]
    assert [r["labels"] for r in task["annotations"][0]["result"]
            if r["type"] == "relation"] == [["cue"]]


@st.composite
def partly_decided(draw) -> dict:
    """A random annotated record from which some mentions, entities and quotes are left
    out, as an accepted-only export sees a layer with undecided items: links dangle."""
    record = draw(annotated()).record()
    for kind in ("mentions", "entities", "quotes"):
        items = record[kind]
        keep = draw(st.lists(st.booleans(), min_size=len(items), max_size=len(items)))
        record[kind] = [item for item, kept in zip(items, keep, strict=True) if kept]
    return record


LINKED_FORMATS = {"jsonl": "r.jsonl", "hf": "hf", "brat": "b", "doccano": "d.jsonl",
                  "label-studio": "t.json", "prodigy": "p.jsonl"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=partly_decided())
def test_every_link_written_resolves_within_its_file(record):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        reports = {fmt: write(fmt, [record], folder / name)
                   for fmt, name in LINKED_FORMATS.items()}
        line = json.loads((folder / "r.jsonl").read_text(encoding="utf-8"))
        assert dangling(line) == []
        card_line = json.loads((folder / "hf" / "data.jsonl").read_text(encoding="utf-8"))
        assert dangling(card_line) == []
        check_brat(folder / "b")  # every R, A and Equiv target is a T line of the file
        doccano_import(folder / "d.jsonl", allow_overlapping=True)  # no KeyError
        check_label_studio(folder / "t.json")  # relation ends are regions of the task
        check_prodigy(folder / "p.jsonl")  # relation spans are spans of the task
    quotes = {q["id"]: q for q in record["quotes"]}
    for fmt, report in reports.items():
        for problem in dangling(record):
            if "entity" in problem:  # a mention's entity: cut without a quote to name
                continue
            quote = quotes[problem.split(" ")[0]]
            named = "quote “" + " ".join(quote["text"][:40].split())  # as a person sees it
            assert any(named in x for x in report.lost), (fmt, problem)
