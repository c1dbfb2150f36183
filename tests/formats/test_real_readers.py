"""Our exports read by the tools' own readers, or by strict readers written from the
formats' specifications: spaCy's DocBin, Label Studio's documented task schema, the brat
standoff specification, doccano's and Prodigy's JSONL, CoNLL BIO, Hugging Face datasets."""

from __future__ import annotations

import json
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from format_cases import Builder, annotated, sample_record, write
from hypothesis import HealthCheck, given, settings

from ruth_annotator.model.offsets import Utf16Index


def check_spacy(path: Path, record: dict) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    (doc,) = DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)
    text = record["text"]
    assert doc.text == text
    mentions = {(m["start"], m["end"], m["label"], m["entity"]) for m in record["mentions"]}
    assert {(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans["mentions"]} \
        == mentions
    assert {(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents} <= mentions
    assert {(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["quotes"]} == {
        (seg["start"], seg["end"], q["type"], q["id"]) for q in record["quotes"]
        for seg in q["spans"]}
    assert {(s.start_char, s.end_char, s.id_) for s in doc.spans["cues"]} == {
        (q["cue"]["start"], q["cue"]["end"], q["id"]) for q in record["quotes"] if q["cue"]}
    by_id = {m["id"]: m for m in record["mentions"]}
    assert {(s.start_char, s.end_char, s.id_) for s in doc.spans["speakers"]} == {
        (by_id[q["speaker_mention"]]["start"], by_id[q["speaker_mention"]]["end"], q["id"])
        for q in record["quotes"] if q["speaker_mention"]}
    first = {}
    for m in record["mentions"]:
        first.setdefault(m["entity"], m)
    assert {(s.start_char, s.kb_id_, s.id_) for s in doc.spans["addressees"]} == {
        (first[q["addressee"]]["start"], q["addressee"], q["id"])
        for q in record["quotes"] if q["addressee"]}
    assert doc.user_data["id"] == record["id"]


def test_spacy_reads_the_sample(sample_text, tmp_path):
    record = sample_record(sample_text)
    report = write("spacy", [record], tmp_path / "train.spacy")
    assert report.lost == []
    check_spacy(tmp_path / "train.spacy", record)
    ents = [(e.text, e.label_) for e in __import__("spacy.tokens").tokens.DocBin().from_disk(
        tmp_path / "train.spacy").get_docs(__import__("spacy").blank("en").vocab).__next__().ents]
    assert ("Kate Winslet", "PERSON") in ents and ("ITV", "ORG") in ents


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=annotated())
def test_spacy_reads_random_texts(case: Builder):
    record = case.record()
    with tempfile.TemporaryDirectory() as tmp:
        write("spacy", [record], Path(tmp) / "x.spacy")
        check_spacy(Path(tmp) / "x.spacy", record)


def test_spacy_file_is_the_same_with_the_encoder_lookup_kept(sample_text, tmp_path,
                                                             monkeypatch):
    # The writer looks srsly's msgpack encoders up once per export instead of per message:
    # the bytes must be those of the plain lookup, and the registry must be left as it was.
    pytest.importorskip("spacy")
    from contextlib import nullcontext

    from srsly.msgpack import msgpack_encoders

    from ruth_annotator.formats import spacy_docbin

    records = [sample_record(sample_text), *(Builder(f"{n} Kate said.").record()
                                            for n in range(3))]
    write("spacy", records, tmp_path / "kept.spacy")
    assert "get_all" not in vars(msgpack_encoders)
    with monkeypatch.context() as patch:
        patch.setattr(spacy_docbin, "_msgpack_encoders_looked_up_once", nullcontext)
        write("spacy", records, tmp_path / "plain.spacy")
    assert (tmp_path / "kept.spacy").read_bytes() == (tmp_path / "plain.spacy").read_bytes()


# Label Studio's task format, from its documentation (Label Studio JSON format of annotated
# tasks; import pre-annotated data): a list of tasks, `data` with the text, `annotations`
# and `predictions` holding `result` lists; text regions carry start/end/labels, relations
# from_id/to_id/direction/labels.
REGION = {
    "type": "object",
    "required": ["id", "from_name", "to_name", "type", "value"],
    "properties": {
        "id": {"type": "string"}, "from_name": {"type": "string"},
        "to_name": {"type": "string"}, "type": {"const": "labels"},
        "value": {"type": "object", "required": ["start", "end", "labels"], "properties": {
            "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer"},
            "text": {"type": "string"},
            "labels": {"type": "array", "items": {"type": "string"}, "minItems": 1}}},
    },
}
RELATION = {
    "type": "object", "required": ["type", "from_id", "to_id"],
    "properties": {"type": {"const": "relation"}, "from_id": {"type": "string"},
                   "to_id": {"type": "string"},
                   "direction": {"enum": ["left", "right", "bi"]},
                   "labels": {"type": "array", "items": {"type": "string"}}},
}
RESULT_LIST = {"type": "array", "items": {"oneOf": [REGION, RELATION]}}
TASKS = {
    "type": "array",
    "items": {
        "type": "object", "required": ["data"],
        "properties": {
            "data": {"type": "object", "required": ["text"],
                     "properties": {"text": {"type": "string"}}},
            "annotations": {"type": "array", "items": {
                "type": "object", "required": ["result"],
                "properties": {"result": RESULT_LIST, "was_cancelled": {"type": "boolean"},
                               "ground_truth": {"type": "boolean"}}}},
            "predictions": {"type": "array", "items": {
                "type": "object", "required": ["result"],
                "properties": {"result": RESULT_LIST, "model_version": {"type": "string"}}}},
        },
    },
}


def check_label_studio(path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    tasks = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(tasks, TASKS)
    config = ET.parse(path.with_name(f"{path.stem}.label_config.xml")).getroot()
    controls = {c.get("name"): {label.get("value") for label in c}
                for c in config.iter("Labels")}
    relations = {r.get("value") for r in config.iter("Relation")}
    for task in tasks:
        text = task["data"]["text"]
        units = text.encode("utf-16-le")
        for part in task.get("annotations", []) + task.get("predictions", []):
            ids = {r["id"] for r in part["result"] if r["type"] == "labels"}
            for r in part["result"]:
                if r["type"] == "relation":
                    assert {r["from_id"], r["to_id"]} <= ids
                    assert set(r["labels"]) <= relations
                    continue
                v = r["value"]
                assert set(v["labels"]) <= controls[r["from_name"]]
                # What a browser shows between the UTF-16 offsets is the region text.
                assert units[2 * v["start"]:2 * v["end"]].decode("utf-16-le") == v["text"]


def test_label_studio_tasks_follow_the_documented_schema(sample_text, tmp_path):
    write("label-studio", [sample_record(sample_text)], tmp_path / "tasks.json")
    check_label_studio(tmp_path / "tasks.json")


@settings(max_examples=40, deadline=None)
@given(case=annotated())
def test_label_studio_random_texts_follow_the_schema(case: Builder):
    with tempfile.TemporaryDirectory() as tmp:
        write("label-studio", [case.record()], Path(tmp) / "t.json")
        check_label_studio(Path(tmp) / "t.json")


# brat standoff, from brat's specification: the text is read as UTF-8 with universal
# newlines; T lines are "ID<TAB>TYPE START END[;START END]*<TAB>TEXT" with TEXT the
# fragments' text joined by one space; R lines "ID<TAB>TYPE Arg1:ID Arg2:ID"; A lines
# "ID<TAB>NAME ID [VALUE]"; equivalences "*<TAB>TYPE ID ID …"; types declared in
# annotation.conf.
def read_conf(path: Path) -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
        elif line.strip() and current is not None:
            current.add(line.split("\t")[0])
    return sections


def check_brat(folder: Path) -> int:
    conf = read_conf(folder / "annotation.conf")
    checked = 0
    for ann in folder.glob("*.ann"):
        with open(ann.with_suffix(".txt"), encoding="utf-8") as f:  # universal newlines
            text = f.read()
        ids = set()
        lines = ann.read_text(encoding="utf-8").split("\n")
        assert lines[-1] == ""
        for line in lines[:-1]:
            ident, rest = line.split("\t", 1)
            assert ident == "*" or ident not in ids
            if ident[0] == "T":
                m = re.fullmatch(r"(\S+) ((?:\d+ \d+;)*\d+ \d+)\t(.*)", rest)
                assert m, line
                frags = [tuple(map(int, f.split())) for f in m.group(2).split(";")]
                assert all(0 <= a < b <= len(text) for a, b in frags)
                assert all(b <= c for (_, b), (c, _) in zip(frags, frags[1:], strict=False))
                assert " ".join(text[a:b] for a, b in frags) == m.group(3), line
                assert m.group(1) in conf["entities"]
                checked += 1
            elif ident[0] == "R":
                kind, a1, a2 = rest.split(" ")
                assert kind in conf["relations"]
                assert a1.startswith("Arg1:") and a1[5:] in ids
                assert a2.startswith("Arg2:") and a2[5:] in ids
            elif ident[0] == "A":
                name, target, *value = rest.split(" ")
                assert name in conf["attributes"] and target in ids
            elif ident == "*":
                kind, *members = rest.split(" ")
                assert kind in conf["relations"] and len(members) >= 2
                assert set(members) <= ids
            else:
                raise AssertionError(f"unexpected line {line!r}")
            ids.add(ident)
    return checked


def test_brat_files_follow_the_standoff_spec(sample_text, tmp_path):
    write("brat", [sample_record(sample_text)], tmp_path / "brat")
    assert check_brat(tmp_path / "brat") == 7


@settings(max_examples=60, deadline=None)
@given(case=annotated())
def test_brat_random_texts_follow_the_spec(case: Builder):
    with tempfile.TemporaryDirectory() as tmp:
        write("brat", [case.record()], Path(tmp) / "b")
        check_brat(Path(tmp) / "b")


def check_doccano(path: Path) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        task = json.loads(line)
        units = task["text"].encode("utf-16-le")
        ids = {e["id"] for e in task["entities"]}
        for e in task["entities"]:
            assert isinstance(e["label"], str)
            assert 0 <= e["start_offset"] < e["end_offset"] <= len(units) // 2
            units[2 * e["start_offset"]:2 * e["end_offset"]].decode("utf-16-le")
        for r in task["relations"]:
            assert {r["from_id"], r["to_id"]} <= ids and isinstance(r["type"], str)


def check_prodigy(path: Path) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        task = json.loads(line)
        text, tokens = task["text"], task["tokens"]
        for i, t in enumerate(tokens):
            assert t["id"] == i and text[t["start"]:t["end"]] == t["text"]
        for s in task["spans"]:
            assert tokens[s["token_start"]]["start"] == s["start"]
            assert tokens[s["token_end"]]["end"] == s["end"]  # token_end is inclusive
        for r in task["relations"]:
            assert r["head_span"] in task["spans"] and r["child_span"] in task["spans"]
            assert r["head"] == r["head_span"]["token_end"]
            assert r["child"] == r["child_span"]["token_end"]


def check_conll(path: Path) -> None:
    previous = "O"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line:
            continue
        token, tag = line.split(" ")
        assert token and not token.isspace()
        assert tag == "O" or re.fullmatch(r"[BI]-[A-Z_]+", tag), line
        if tag.startswith("I-"):
            assert previous[2:] == tag[2:], line
        previous = tag


@settings(max_examples=60, deadline=None)
@given(case=annotated())
def test_doccano_prodigy_conll_follow_their_specs(case: Builder):
    record = case.record()
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, name, check in (("doccano", "d.jsonl", check_doccano),
                                 ("prodigy", "p.jsonl", check_prodigy),
                                 ("conll", "c.conll", check_conll),
                                 ("conll-quotes", "q.conll", check_conll)):
            write(fmt, [record], Path(tmp) / name)
            check(Path(tmp) / name)


def test_doccano_offsets_are_utf16(tmp_path):
    b = Builder("Vote 👍 for Kate")
    b.mention(b.find("Kate"))
    write("doccano", [b.record()], tmp_path / "d.jsonl")
    (entity,) = json.loads((tmp_path / "d.jsonl").read_text())["entities"]
    assert (entity["start_offset"], entity["end_offset"]) == (12, 16)
    assert Utf16Index(b.text).to_codepoint(12) == 11


def test_hugging_face_datasets_loads_the_folder(sample_text, tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets")
    from ruth_annotator.formats.registry import ExportOptions

    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    records = []
    for i in range(20):
        record = sample_record(sample_text)
        record["id"] = f"doc-{i}"
        record["meta"] = {"n": i} if i % 2 else {"source": "x"}
        records.append(record)
    report = write("hf", records, tmp_path / "hf", ExportOptions(split=(0.6, 0.2, 0.2), seed=1))
    files = {p.name for p in report.files}
    assert files == {"train.jsonl", "validation.jsonl", "test.jsonl", "README.md"}
    loaded = datasets.load_dataset(
        "json", data_files={s: str(tmp_path / "hf" / f"{s}.jsonl")
                            for s in ("train", "validation", "test")},
        cache_dir=str(tmp_path / "cache"))
    assert sum(loaded.num_rows.values()) == 20
    row = loaded["train"][0]
    assert row["quotes"][0]["cue"]["text"] == "told"
    assert json.loads(row["meta"]) in ({"source": "x"}, {"n": int(row["id"][4:])})
    card = (tmp_path / "hf" / "README.md").read_text()
    for split, n in loaded.num_rows.items():
        assert f"  - name: {split}\n    num_examples: {n}" in card
    assert "| PERSON | 80 |" in card and "| ORG | 20 |" in card
