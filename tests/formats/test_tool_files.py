"""One document with CR LF, emoji, a flag, combining marks and nested quotes, exported in
every format and read by each tool's reader (test_real_readers.py has the readers); then
each tool's own file of that document imported back, giving the same spans."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from format_cases import Builder, read, record_items, view, write
from test_real_readers import (
    check_brat,
    check_conll,
    check_doccano,
    check_label_studio,
    check_prodigy,
    check_spacy,
    label_studio_converter_reads,
    spacy_debug_data,
)
from tool_readers import (
    DoccanoImportError,
    brat_ann_line,
    doccano_export_line,
    doccano_import,
    label_studio_export,
)

from ruth_annotator.formats.brat import annotation_conf
from ruth_annotator.formats.registry import ExportOptions

TEXT = ("Kate Winslet 🎉 told Lorraine Kelly:\r\n"
        "“My daughter Mia is amazing. She said ‘Mum, cafe\u0301 🇬🇧 now’ and I cried.”\r\n"
        "Winslet, 47, laughed.\r\n")
GRAPH = {"entities", "quotes"}


def document() -> Builder:
    b = Builder(TEXT, uid="crlf-emoji")
    kate = b.mention(b.find("Kate Winslet"))
    lorraine = b.mention(b.find("Lorraine Kelly"))
    mia = b.mention(b.find("Mia"))
    she = b.mention(b.find("She"), entity=mia.entity, form="pronoun")
    b.mention(b.find("Winslet", 1), entity=kate.entity)
    b.quote([b.find("My daughter Mia is amazing. She said ‘Mum, cafe\u0301 🇬🇧 now’ and I "
                    "cried.")], speaker=kate, cue=b.find("told"), addressee=lorraine)
    b.quote([b.find("Mum, cafe\u0301 🇬🇧 now")], speaker=she, cue=b.find("said"))
    return b


@pytest.fixture
def record() -> dict:
    return document().record()


def same_spans(items, record: dict) -> None:
    assert view(TEXT, items, GRAPH) == view(TEXT, record_items(record), GRAPH)


# -- every export, read by the tools ------------------------------------------------------

def test_brat_reads_the_export(record, tmp_path):
    write("brat", [record], tmp_path / "b")
    assert check_brat(tmp_path / "b") == 9  # 5 mentions, 2 quotes, 2 cues


def test_label_studio_reads_the_export(record, tmp_path):
    write("label-studio", [record], tmp_path / "t.json")
    check_label_studio(tmp_path / "t.json")
    (row,) = label_studio_converter_reads(tmp_path / "t.json", tmp_path)
    assert sorted((r["start"], r["end"], r["text"]) for r in row["label"]) == sorted(
        (m["start"], m["end"], m["text"]) for m in record["mentions"])
    assert {r["text"] for r in row["quote"]} == {
        "told", "said", record["quotes"][0]["text"], record["quotes"][1]["text"]}


def test_doccano_reads_the_export(record, tmp_path):
    write("doccano", [record], tmp_path / "d.jsonl")
    check_doccano(tmp_path / "d.jsonl")  # "Allow overlapping entity" on
    with pytest.raises(DoccanoImportError):  # the default project cannot take it …
        doccano_import(tmp_path / "d.jsonl", allow_overlapping=False)
    report = write("doccano", [record], tmp_path / "flat.jsonl", ExportOptions(no_overlap=True))
    (example,) = doccano_import(tmp_path / "flat.jsonl", allow_overlapping=False)  # … this
    dropped = [x for x in report.lost if "without overlapping entities" in x]
    assert len(example["spans"]) + len(dropped) == 9


def test_token_formats_read_the_export(record, tmp_path):
    write("prodigy", [record], tmp_path / "p.jsonl")
    check_prodigy(tmp_path / "p.jsonl")
    write("conll", [record], tmp_path / "c.conll")
    assert check_conll(tmp_path / "c.conll") == 5
    report = write("conll-quotes", [record], tmp_path / "q.conll")
    # the outer quote, its cue and its speaker; what lies inside the outer quote (the
    # nested quote, its cue and speaker) would need a second tag on a token: reported
    assert check_conll(tmp_path / "q.conll") == 3
    assert sum("overlaps another span" in x for x in report.lost) == 3


def test_spacy_reads_the_export(record, tmp_path):
    pytest.importorskip("spacy")
    write("spacy", [record], tmp_path / "one.spacy")
    check_spacy(tmp_path / "one.spacy", record)
    many = [{**record, "id": f"doc-{n}"} for n in range(100)]
    write("spacy", many, tmp_path / "train.spacy")
    out = spacy_debug_data(tmp_path / "train.spacy", tmp_path)
    assert "✘" not in out, out
    assert "No entities consisting of or starting/ending with whitespace" in out


def test_datasets_reads_the_export(record, tmp_path, monkeypatch):
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    write("hf", [record], tmp_path / "hf")
    loaded = datasets.load_dataset(str(tmp_path / "hf"), cache_dir=str(tmp_path / "cache"))
    row = loaded["train"][0]
    assert row["text"] == TEXT
    assert [(m["start"], m["end"]) for m in row["mentions"]] == \
        [(m["start"], m["end"]) for m in record["mentions"]]


def test_jsonl_and_csv_read_the_export(record, tmp_path):
    write("jsonl", [record], tmp_path / "r.jsonl")
    (parsed,) = read("jsonl", tmp_path / "r.jsonl")
    same_spans(parsed.items, record)
    write("csv", [record], tmp_path / "q.csv")
    with open(tmp_path / "q.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(int(r["start"]), int(r["end"]), r["text"]) for r in rows] == [
        (q["start"], q["end"], q["text"]) for q in record["quotes"]]


# -- each tool's own file, imported back ---------------------------------------------------

def brat_written(record: dict, folder: Path) -> Path:
    """The document as brat saves it after annotating it with our annotation.conf: the
    .txt as it was (CR LF kept), offsets over the exact text, brat's own line layout."""
    folder.mkdir()
    (folder / "doc.txt").write_bytes(record["text"].encode("utf-8"))
    text = record["text"]
    ids: dict[str, str] = {}
    lines = []

    def textbound(key: str, kind: str, spans: list[tuple[int, int]]) -> str:
        ids[key] = f"T{len(ids) + 1}"
        lines.append(brat_ann_line(ids[key], kind, spans, text))
        return ids[key]

    for m in record["mentions"]:
        textbound(m["id"], m["label"], [(m["start"], m["end"])])
    for n, q in enumerate(record["quotes"], 1):
        t = textbound(q["id"], "Quote", [(s["start"], s["end"]) for s in q["spans"]])
        cue = textbound(f"cue{n}", "Cue", [(q["cue"]["start"], q["cue"]["end"])])
        lines.append(f"R{2 * n - 1}\tSpeaker Arg1:{t} Arg2:{ids[q['speaker_mention']]}\t\n")
        lines.append(f"R{2 * n}\tQuote_cue Arg1:{t} Arg2:{cue}\t\n")
        lines.append(f"A{n}\tQuoteType {t} {q['type']}\n")
    first: dict[str, str] = {}
    for m in record["mentions"]:
        first.setdefault(m["entity"], m["id"])
    addressee = record["quotes"][0]["addressee"]
    lines.append(f"R9\tAddressee Arg1:{ids[record['quotes'][0]['id']]} "
                 f"Arg2:{ids[first[addressee]]}\t\n")
    for entity, head in first.items():
        others = [ids[m["id"]] for m in record["mentions"]
                  if m["entity"] == entity and m["id"] != head]
        if others:
            lines.append(f"*\tEquiv {ids[head]} {' '.join(others)}\n")
    (folder / "doc.ann").write_text("".join(lines), encoding="utf-8", newline="")
    # the annotation.conf the user started from
    (folder / "annotation.conf").write_text(annotation_conf(["PERSON"]), encoding="utf-8")
    return folder / "doc.ann"


def test_brats_own_file_imports_with_the_same_spans(record, tmp_path):
    ann = brat_written(record, tmp_path / "brat")
    check_brat(ann.parent)
    assert b"\r\n" in (ann.parent / "doc.txt").read_bytes()
    (parsed,) = read("brat", ann.parent)
    same_spans(parsed.items, record)


def test_label_studios_own_export_imports_with_the_same_spans(record, tmp_path):
    write("label-studio", [record], tmp_path / "tasks.json")
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    tasks[0]["predictions"] = [{"model_version": "other", "result": []}]
    exported = label_studio_export(tasks)  # as Label Studio 1.23.2 exports: ids only
    assert exported[0]["predictions"] == [901]
    (tmp_path / "export.json").write_text(json.dumps(exported, ensure_ascii=False),
                                          encoding="utf-8")
    items = read("label-studio", tmp_path / "export.json")
    (parsed,) = [i for i in items if not hasattr(i, "message")]
    (skipped,) = [i for i in items if hasattr(i, "message")]
    assert "task 1: 1 prediction(s) listed by id only (901) are skipped" in str(skipped)
    same_spans(parsed.items, record)
    mentions = [i for i in parsed.items if i.kind == "mention"]
    kate = next(m for m in mentions if TEXT[m.start:m.end] == "Kate Winslet")
    assert (kate.start, kate.end) == (0, 12)
    lorraine = next(m for m in mentions if TEXT[m.start:m.end] == "Lorraine Kelly")
    assert (lorraine.start, lorraine.end) == (20, 34)  # code points after the emoji


def test_doccanos_own_export_imports_with_the_same_spans(record, tmp_path):
    write("doccano", [record], tmp_path / "ours.jsonl")
    (example,) = doccano_import(tmp_path / "ours.jsonl", allow_overlapping=True)
    db_id = {id(span): 5000 + n for n, span in enumerate(example["spans"])}
    spans = [{"id": db_id[id(s)], "label": s["label"], "start_offset": s["start_offset"],
              "end_offset": s["end_offset"]} for s in example["spans"]]
    relations = [{"id": 7000 + n, "from_id": db_id[id(a)], "to_id": db_id[id(b)],
                  "type": kind} for n, (kind, a, b) in enumerate(example["relations"])]
    line = doccano_export_line(42, example["text"], example["meta"], spans, relations)
    (tmp_path / "admin.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n",
                                          encoding="utf-8")
    (parsed,) = read("doccano", tmp_path / "admin.jsonl")
    assert parsed.document.text == TEXT
    same_spans(parsed.items, record)


FIXTURES = Path(__file__).with_name("fixtures")


def test_a_file_doccano_itself_stored_and_exported_imports_with_the_same_spans(record):
    """Made by doccano 1.8.4's own import pipeline and export models from our export of this
    document (see fixtures/doccano_pipeline.py), overlapping entities on."""
    (parsed,) = read("doccano", FIXTURES / "doccano-1.8.4-export.jsonl")
    assert parsed.document.text == TEXT
    assert parsed.document.uid == "crlf-emoji"
    same_spans(parsed.items, record)


def test_doccano_kept_all_of_the_no_overlap_export(record, tmp_path):
    """doccano 1.8.4 with overlapping entities off stored every span and relation of the
    --no-overlap export: the same file as ours, read back."""
    report = write("doccano", [record], tmp_path / "flat.jsonl", ExportOptions(no_overlap=True))
    assert report.lost
    (ours,) = read("doccano", tmp_path / "flat.jsonl")
    (theirs,) = read("doccano", FIXTURES / "doccano-1.8.4-export-no-overlap.jsonl")
    assert view(TEXT, theirs.items, GRAPH) == view(TEXT, ours.items, GRAPH)


def test_label_studios_export_with_full_predictions_brings_suggestions(tmp_path):
    b = document()
    b.mention(b.find("daughter"), status="proposed", source="suggested", form="nominal")
    record = b.record()
    write("label-studio", [record], tmp_path / "tasks.json")
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    exported = label_studio_export(tasks, predictions_as_ids=False)
    assert exported[0]["predictions"][0]["result"][0]["value"]["text"] == "daughter"
    (tmp_path / "export.json").write_text(json.dumps(exported, ensure_ascii=False),
                                          encoding="utf-8")
    (parsed,) = read("label-studio", tmp_path / "export.json")
    proposed = [(i.start, i.end) for i in parsed.items
                if i.kind == "mention" and i.status == "proposed"]
    assert proposed == [b.find("daughter")]
    same_spans([i for i in parsed.items if i.status == "accepted"], document().record())
