"""Ruth → format → Ruth keeps exactly what the format says it carries, on the sample
article and on random texts with emoji, combining marks, CR LF and right-to-left script."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from format_cases import Builder, annotated, read, record_items, sample_record, view, write
from hypothesis import HealthCheck, given, settings

from ruth_annotator.formats.tokens import Tokens

#: format → (file or folder name, features its view compares)
GRAPH = {"entities", "quotes"}
FORMATS = {
    "doccano": ("data.jsonl", GRAPH),
    "prodigy": ("data.jsonl", GRAPH),
    "label-studio": ("tasks.json", GRAPH | {"status"}),
    "brat": ("brat", GRAPH | {"status", "forms"}),
    "jsonl": ("data.jsonl", GRAPH | {"status", "forms"}),
}


META_LOST = "document metadata (source) is not carried (in 1 document)"


def round_trip(fmt: str, record: dict, folder: Path):
    name, features = FORMATS[fmt]
    report = write(fmt, [record], folder / name)
    back = read(fmt, folder / name)
    assert len(back) == 1, back
    parsed = back[0]
    assert not isinstance(parsed, Exception), parsed
    return report, parsed, features


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_sample_article_round_trip(fmt, sample_text, tmp_path):
    record = sample_record(sample_text)
    report, parsed, features = round_trip(fmt, record, tmp_path)
    assert parsed.document.text == sample_text
    assert view(sample_text, parsed.items, features) == \
        view(sample_text, record_items(record), features)
    assert report.documents == 1
    # The sample's document metadata is all such a format loses, and it says so.
    assert report.lost == ([] if fmt == "jsonl" else [META_LOST])


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=annotated())
def test_random_texts_round_trip(fmt, case: Builder):
    record = case.record()
    with tempfile.TemporaryDirectory() as tmp:
        report, parsed, features = round_trip(fmt, record, Path(tmp))
    assert parsed.document.text == case.text
    assert view(case.text, parsed.items, features) == \
        view(case.text, record_items(record), features)
    # Whatever differs in features not compared must have been reported.
    for line in report.lost:
        assert line.startswith(f"document {record['id']} (ann): ") or line == META_LOST


@settings(max_examples=60, deadline=None)
@given(case=annotated(nested=False))
def test_conll_round_trip_keeps_tokens_and_mentions(case: Builder):
    record = case.record()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data.conll"
        report = write("conll", [record], path)
        (parsed,) = read("conll", path)
    tokens = Tokens.of(case.text)
    assert Tokens.of(parsed.document.text).words() == tokens.words()
    sentence_of = {i: n for n, line in enumerate(tokens.lines()) for i in line}
    expected = []
    for m in sorted(record["mentions"], key=lambda m: (m["start"], m["end"])):
        first, last = tokens.token_range(m["start"], m["end"])
        # a mention across a line break comes back as one mention a sentence (reported)
        pieces: list[list[str]] = []
        for i in range(first, last + 1):
            if i == first or sentence_of[i] != sentence_of[i - 1]:
                pieces.append([])
            pieces[-1].append(tokens.words()[i])
        expected += [(" ".join(words), m["label"]) for words in pieces]
        if len(pieces) > 1:
            shown = " ".join(m["text"].split())[:10]
            assert any(f"“{shown}" in line and "crosses a line break" in line
                       for line in report.lost), report.lost
    text = parsed.document.text
    got = [(" ".join(text[m.start:m.end].split()), m.label) for m in sorted(
        (i for i in parsed.items if i.kind == "mention"), key=lambda m: m.start)]
    assert got == expected
    assert all("crosses a line break" in line for line in report.lost if line != META_LOST)


def _range(tokens: Tokens, start: int, end: int) -> tuple[int, int]:
    first, last = tokens.token_range(start, end)
    return first, last + 1


def test_label_studio_keeps_suggestions_as_predictions(sample_text, tmp_path):
    b = Builder(sample_text)
    b.mention(b.find("Kate Winslet"))
    b.mention(b.find("ITV"), "ORG", status="proposed", source="suggested")
    record = b.record()
    report, parsed, features = round_trip("label-studio", record, tmp_path)
    import json

    task = json.loads((tmp_path / "tasks.json").read_text())[0]
    assert [r["value"]["text"] for r in task["annotations"][0]["result"]] == ["Kate Winslet"]
    assert [r["value"]["text"] for r in task["predictions"][0]["result"]] == ["ITV"]
    assert {(i.start, i.status, i.source) for i in parsed.items if i.kind == "mention"} == {
        (record["mentions"][0]["start"], "accepted", "human"),
        (record["mentions"][1]["start"], "proposed", "suggested")}
