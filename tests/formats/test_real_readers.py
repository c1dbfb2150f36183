"""Our exports read by the tools' own readers where they install from the package index
(spaCy and `spacy debug data`, Hugging Face `datasets`, seqeval in strict IOB2 mode,
label-studio-converter), and for brat and doccano by readers that follow those tools' own
source step by step (tool_readers.py); Prodigy's JSONL against its documented task shape."""

from __future__ import annotations

import json
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
    assert doc.user_data["meta"] == (record["meta"] or {})


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
        for part in task.get("annotations", []) + task.get("predictions", []):
            ids = {r["id"] for r in part["result"] if r["type"] == "labels"}
            for r in part["result"]:
                if r["type"] == "relation":
                    assert {r["from_id"], r["to_id"]} <= ids
                    assert set(r["labels"]) <= relations
                    continue
                v = r["value"]
                assert set(v["labels"]) <= controls[r["from_name"]]
                # Label Studio counts code points: the offsets cut the region text out.
                assert text[v["start"]:v["end"]] == v["text"]


def label_studio_converter_reads(path: Path, tmp: Path) -> list[dict]:
    """label-studio-converter (Label Studio's own export converter) parses our labelling
    config and reads the tasks as Label Studio exports them; its JSON_MIN regions."""
    converter = pytest.importorskip("label_studio_converter")
    from tool_readers import label_studio_export

    exported = tmp / "export" / "project-1.json"
    exported.parent.mkdir(parents=True, exist_ok=True)
    exported.write_text(json.dumps(label_studio_export(
        json.loads(path.read_text(encoding="utf-8")))), encoding="utf-8")
    c = converter.Converter(str(path.with_name(f"{path.stem}.label_config.xml")), str(tmp))
    c.convert_to_json_min(str(exported), str(tmp / "min"), is_dir=False)
    return json.loads((tmp / "min" / "result.json").read_text(encoding="utf-8"))


def test_label_studio_tasks_follow_the_documented_schema(sample_text, tmp_path):
    write("label-studio", [sample_record(sample_text)], tmp_path / "tasks.json")
    check_label_studio(tmp_path / "tasks.json")


def test_label_studio_converter_reads_code_points_after_emoji(tmp_path):
    b = Builder("🎉🎉 Hi Kate Winslet 🎉 said “no”.")
    kate = b.mention(b.find("Kate Winslet"))
    b.quote([b.find("no")], speaker=kate, cue=b.find("said"))
    write("label-studio", [b.record()], tmp_path / "tasks.json")
    (row,) = label_studio_converter_reads(tmp_path / "tasks.json", tmp_path)
    regions = {(r["start"], r["end"], r["labels"][0]) for r in row["label"]}
    assert regions == {(6, 18, "PERSON")}
    assert b.text[6:18] == "Kate Winslet"  # what Label Studio 1.23.2 draws for 6..18
    quote_regions = {(r["text"], r["labels"][0]) for r in row["quote"]}
    assert quote_regions == {("no", "DIRECT_QUOTE"), ("said", "CUE")}


@settings(max_examples=40, deadline=None)
@given(case=annotated())
def test_label_studio_random_texts_follow_the_schema(case: Builder):
    with tempfile.TemporaryDirectory() as tmp:
        write("label-studio", [case.record()], Path(tmp) / "t.json")
        check_label_studio(Path(tmp) / "t.json")


def check_brat(folder: Path) -> int:
    """brat's own reading of every document (tool_readers.brat_folder); the number of
    text-bound annotations it accepted."""
    from tool_readers import brat_folder

    return sum(len(doc["textbounds"]) for doc in brat_folder(folder).values())


def test_brat_files_follow_the_standoff_spec(sample_text, tmp_path):
    write("brat", [sample_record(sample_text)], tmp_path / "brat")
    assert check_brat(tmp_path / "brat") == 7


def test_brat_reads_a_crlf_export_with_offsets_over_the_exact_text(tmp_path):
    b = Builder("Kate Winslet said:\r\n“We 🎉 did it,\r\nall of us.”\r\nMia agreed.\r\n")
    kate = b.mention(b.find("Kate Winslet"))
    b.mention(b.find("Mia"))
    b.quote([(b.text.index("We"), b.text.index("us.") + 3)], speaker=kate,
            cue=b.find("said"))
    write("brat", [b.record()], tmp_path / "b")
    from tool_readers import brat_folder

    (doc,) = brat_folder(tmp_path / "b").values()
    spans = {tb.type: tb.spans for tb in doc["textbounds"].values()}
    assert spans["Quote"] == [(21, 33), (35, 45)]  # CR LF counted as two, as brat does
    assert b.text[35:45] == "all of us."
    assert sorted(tb.spans for tb in doc["textbounds"].values() if tb.type == "PERSON") \
        == [[(0, 12)], [(48, 51)]]
    assert b.text[48:51] == "Mia"


@settings(max_examples=60, deadline=None)
@given(case=annotated())
def test_brat_random_texts_follow_the_spec(case: Builder):
    with tempfile.TemporaryDirectory() as tmp:
        write("brat", [case.record()], Path(tmp) / "b")
        check_brat(Path(tmp) / "b")


def check_doccano(path: Path) -> None:
    """doccano's import pipeline, with “Allow overlapping entity” on as docs/formats.md
    asks, keeps every span and relation; each span shows in its UTF-16 view."""
    from tool_readers import doccano_import, doccano_shown

    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    for line, example in zip(lines, doccano_import(path, allow_overlapping=True),
                             strict=True):
        assert len(example["spans"]) == len(line["entities"])
        assert len(example["relations"]) == len(line["relations"])
        for span in example["spans"]:
            doccano_shown(example["text"], span["start_offset"], span["end_offset"])


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


def conll_sentences(path: Path) -> list[list[str]]:
    """The tag sequences of a CoNLL file, one a sentence (blank lines between)."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        token, tag = line.split(" ")
        assert token and not token.isspace()
        if token != "-DOCSTART-":
            current.append(tag)
    if current:
        sentences.append(current)
    return sentences


def check_conll(path: Path) -> int:
    """seqeval in strict IOB2 mode reads every sentence: each tag valid, each I- after a
    B- or I- of its type in the same sentence. The number of entities it finds."""
    pytest.importorskip("seqeval")
    from seqeval.scheme import IOB2, Entities

    sentences = conll_sentences(path)
    for sentence in sentences:
        for i, tag in enumerate(sentence):
            if tag.startswith("I-"):
                assert i and sentence[i - 1][2:] == tag[2:], (path.read_text(), sentence)
    found = sum(len(e) for e in Entities(sentences, IOB2).entities)
    assert found == sum(tag.startswith("B-") for sentence in sentences for tag in sentence)
    if found:  # seqeval's own strict evaluation reads the file as its gold and prediction
        from seqeval.metrics import f1_score

        assert f1_score(sentences, sentences, mode="strict", scheme=IOB2) == 1.0
    return found


def test_conll_restarts_a_span_in_each_sentence_it_crosses(tmp_path):
    b = Builder("She said “we came\nand we won” today, Kate\r\nWinslet said.")
    b.quote([(b.text.index("we came"), b.text.index("won") + 3)])
    b.mention((b.text.index("Kate"), b.text.index("Winslet") + 7))
    for fmt in ("conll", "conll-quotes"):
        report = write(fmt, [b.record()], tmp_path / f"{fmt}.conll")
        assert check_conll(tmp_path / f"{fmt}.conll") == 2
        assert any("crosses a line break; written as 2 spans, one a sentence" in line
                   for line in report.lost), report.lost


def test_flags_and_other_clusters_are_one_token(tmp_path):
    b = Builder("Kate 🇬🇧🇺🇸 #️⃣ 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f "
                "👩🏽‍🚒 said.")
    b.mention(b.find("🇬🇧"), "GPE")
    write("conll", [b.record()], tmp_path / "c.conll")
    tokens = [line.split(" ")[0] for line in
              (tmp_path / "c.conll").read_text(encoding="utf-8").splitlines()[2:] if line]
    assert tokens == ["Kate", "🇬🇧", "🇺🇸", "#️⃣",
                      "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f",
                      "👩🏽‍🚒", "said", "."]
    assert "🇬🇧 B-GPE" in (tmp_path / "c.conll").read_text(encoding="utf-8")


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


def test_doccano_default_project_needs_no_overlap_export(tmp_path):
    """With “Allow overlapping entity” off (doccano's default), its import drops the nested
    spans and dies on their relations; the no_overlap export imports whole."""
    from tool_readers import DoccanoImportError, doccano_import

    from ruth_annotator.formats.registry import ExportOptions

    b = Builder("Kate said “I told Mia ‘go’ twice” today.")
    kate = b.mention(b.find("Kate"))
    mia = b.mention(b.find("Mia"))
    b.quote([b.find("I told Mia ‘go’ twice")], speaker=kate, cue=b.find("said"))
    b.quote([b.find("go")], speaker=mia, cue=b.find("told"))
    write("doccano", [b.record()], tmp_path / "all.jsonl")
    with pytest.raises(DoccanoImportError, match="Relations.save"):
        doccano_import(tmp_path / "all.jsonl", allow_overlapping=False)
    check_doccano(tmp_path / "all.jsonl")
    report = write("doccano", [b.record()], tmp_path / "flat.jsonl",
                   ExportOptions(no_overlap=True))
    (example,) = doccano_import(tmp_path / "flat.jsonl", allow_overlapping=False)
    line = json.loads((tmp_path / "flat.jsonl").read_text())
    assert len(example["spans"]) == len(line["entities"]) == 3  # Kate, said, the outer quote
    assert {r[0] for r in example["relations"]} == {"speaker", "cue"}
    dropped = [x for x in report.lost if "without overlapping entities" in x]
    assert len(dropped) == 3  # Mia, told and the inner quote, all inside the outer quote
    assert any("“go”" in x for x in dropped)


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
        assert f"  - name: {split}\n    num_bytes: " in card
        assert f"    num_examples: {n}\n" in card
    assert "| PERSON | 80 |" in card and "| ORG | 20 |" in card


def test_hugging_face_card_validates_without_a_warning(sample_text, tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets")
    import logging

    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    write("hf", [sample_record(sample_text)], tmp_path / "hf")
    seen: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.getMessage())
    logger = logging.getLogger("datasets")
    logger.addHandler(handler)
    try:
        loaded = datasets.load_dataset(str(tmp_path / "hf"), cache_dir=str(tmp_path / "c"))
    finally:
        logger.removeHandler(handler)
    assert loaded["train"].num_rows == 1
    # The card's num_bytes is the size of the split's file (datasets checks the number of
    # examples against the card, and reports its own Arrow size).
    size = (tmp_path / "hf" / "data.jsonl").stat().st_size
    assert f"    num_bytes: {size}\n" in (tmp_path / "hf" / "README.md").read_text()
    assert not [m for m in seen if "malformed" in m], seen


def spacy_debug_data(path: Path, tmp: Path) -> str:
    """`spacy debug data` on a .spacy file, with a blank English pipeline (no model to
    download) that trains NER on doc.ents and a span categoriser on the quotes group."""
    pytest.importorskip("spacy")
    import os
    import subprocess
    import sys

    env = {**os.environ, "ANSI_COLORS_DISABLED": "1", "NO_COLOR": "1"}
    subprocess.run([sys.executable, "-m", "spacy", "init", "config", str(tmp / "cfg.cfg"),
                    "--lang", "en", "--pipeline", "ner,spancat", "--force"], check=True,
                   capture_output=True, env=env)
    done = subprocess.run(
        [sys.executable, "-m", "spacy", "debug", "data", str(tmp / "cfg.cfg"),
         "--paths.train", str(path), "--paths.dev", str(path),
         "--components.spancat.spans_key", "quotes"],
        capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_brat_pair_whose_text_starts_with_a_byte_order_mark(tmp_path):
    """brat decodes the .txt as "utf8": the mark is character 0 of its offsets."""
    from format_cases import read

    text = "Kate Winslet said:\r\n“Yes.”\r\n"
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "a.ann").write_text("T1\tPERSON 1 13\tKate Winslet\nT2\tQuote 22 26\tYes.\n",
                                    encoding="utf-8")
    (parsed,) = read("brat", tmp_path)
    assert parsed.document.text == text
    assert sorted((i.start, i.end) for i in parsed.items if i.kind in ("mention", "quote")) \
        == [(0, 12), (21, 25)]


def test_brat_fragments_in_any_order_as_brat_takes_them(tmp_path):
    from format_cases import read

    (tmp_path / "a.txt").write_text("“Yes,” she said, “now.”", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tQuote 18 22;1 5\tnow. Yes,\n", encoding="utf-8")
    (parsed,) = read("brat", tmp_path)
    (quote,) = [i for i in parsed.items if i.kind == "quote"]
    assert [(s.start, s.end) for s in quote.spans] == [(1, 5), (18, 22)]
