"""Broken files give one-line InputErrors naming the file and the problem, never another
exception: named cases, and bounded fuzzing of every importer with random bytes and
random JSON structures."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from format_cases import sample_record, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ruth_annotator.app.transfer import import_paths
from ruth_annotator.errors import InputError
from ruth_annotator.formats import registry
from ruth_annotator.store import Project

IMPORTERS = {"doccano": "x.jsonl", "prodigy": "x.jsonl", "label-studio": "x.json",
             "conll": "x.conll", "jsonl": "x.jsonl"}


def errors_of(fmt: str, path: Path) -> list[InputError]:
    """Run a reader to the end; only InputErrors may come out."""
    found = []
    try:
        for item in registry.get(fmt).reader(path):
            if isinstance(item, InputError):
                found.append(item)
    except InputError as e:
        found.append(e)
    for e in found:
        assert "\n" not in str(e)
        assert str(e).startswith(str(path.parent)), str(e)
    return found


def one_line_error(project: Project, path: Path, fmt: str) -> str:
    with pytest.raises(InputError) as caught:
        import_paths(project, [path], fmt)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(str(path))
    return message


def test_brat_offsets_that_do_not_match_the_text(project, tmp_path):
    (tmp_path / "a.txt").write_text("Kate Winslet said hello.\n", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPERSON 0 12\tKate Winslet\nT2\tPERSON 5 13\tWinslet\n",
                                    encoding="utf-8")
    message = one_line_error(project, tmp_path, "brat")
    assert "a.ann: line 2: T2 says “Winslet” but the text at 5 13 is “Winslet ”" in message
    assert project.document_count() == 1  # nothing imported


def test_brat_offsets_beyond_the_text(project, tmp_path):
    (tmp_path / "a.txt").write_text("Short.", encoding="utf-8")
    (tmp_path / "a.ann").write_text("T1\tPERSON 0 40\tShort.\n", encoding="utf-8")
    assert "do not fit the text (6 characters" in one_line_error(project, tmp_path, "brat")


def test_brat_ann_without_its_text(project, tmp_path):
    (tmp_path / "a.ann").write_text("T1\tPERSON 0 4\tKate\n", encoding="utf-8")
    assert one_line_error(project, tmp_path, "brat").endswith("a.txt: does not exist")


@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "jsonl"])
def test_broken_json_line(fmt, project, tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "fine"}\n{"text": "broken\n', encoding="utf-8")
    assert "line 2: broken JSON" in one_line_error(project, path, fmt)


@pytest.mark.parametrize("line,problem", [
    ('{"text": "cut", "meta": ', "the line ends before the JSON value is complete"),
    ('{"text": "cut', "the line ends before the JSON value is complete"),
    ('{"text": "a", "x": tru}', "Expecting value at column 20"),
])
def test_a_broken_json_line_names_the_place_or_the_cut(line, problem, project, tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text(f'{{"text": "fine"}}\n{line}\n', encoding="utf-8")
    assert one_line_error(project, path, "jsonl").endswith(f"line 2: broken JSON ({problem})")


def test_broken_label_studio_json(project, tmp_path):
    path = tmp_path / "tasks.json"
    path.write_text('[{"data": {"text": "x"}', encoding="utf-8")
    assert "is broken JSON" in one_line_error(project, path, "label-studio")


def test_label_studio_file_from_a_newer_version(project, tmp_path):
    path = tmp_path / "tasks.json"
    task = {"data": {"text": "Kate said hi"}, "annotations": [{"result": [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "spanlabels",
         "value": {"startOffset": 0, "endOffset": 4, "spanlabels": ["PERSON"]}}]}]}
    path.write_text(json.dumps([task]), encoding="utf-8")
    message = one_line_error(project, path, "label-studio")
    assert "task 1: result type 'spanlabels' is not one Ruth reads" in message
    assert "newer Label Studio" in message


def test_label_studio_export_envelope_of_unknown_shape(project, tmp_path):
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps({"version": 3, "tasks": []}), encoding="utf-8")
    assert "is not a Label Studio export" in one_line_error(project, path, "label-studio")


def test_label_studio_region_text_counted_in_utf16_units(project, tmp_path):
    """Label Studio counts code points: UTF-16 offsets (what Ruth Annotator once wrote) are
    refused with the reason, not shifted."""
    path = tmp_path / "tasks.json"
    text = "👍 Kate and Mia"
    task = {"data": {"text": text}, "annotations": [{"result": [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 3, "end": 7, "text": "Kate", "labels": ["PERSON"]}}]}]}
    path.write_text(json.dumps([task]), encoding="utf-8")
    error = one_line_error(project, path, "label-studio")
    assert "says 'Kate' but the text at 3..7 is 'ate '" in error
    assert "these offsets count UTF-16 units" in error


def test_conll_quote_tags_cannot_be_read_back(project, tmp_path, sample_text):
    write("conll-quotes", [sample_record(sample_text)], tmp_path / "q.conll")
    assert "conll-quotes tag" in one_line_error(project, tmp_path / "q.conll", "conll")


@pytest.mark.parametrize("fmt,name", [("spacy", "out.spacy"), ("csv", "quotes.csv")])
def test_an_export_only_file_says_so_without_format(fmt, name, project, tmp_path):
    if fmt == "spacy":
        pytest.importorskip("spacy")
    path = tmp_path / name
    write(fmt, [sample_record(project.document(1).text)], path)
    assert one_line_error(project, path, None) == \
        f"{path}: the {fmt} format can only be exported"


def test_an_hf_export_says_it_can_only_be_exported(project, tmp_path):
    write("hf", [sample_record(project.document(1).text)], tmp_path / "hf")
    for path in (tmp_path / "hf", tmp_path / "hf" / "data.jsonl"):
        assert "the hf format can only be exported" in one_line_error(project, path, None)


def test_skip_bad_keeps_the_good_lines(project, tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"text": "One good line.", "entities": []}\n{"text": 5}\n',
                    encoding="utf-8")
    result = import_paths(project, [path], "doccano", skip_bad=True)
    assert len(result.added) == 1 and len(result.problems) == 1
    assert "line 2" in result.problems[0]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 60) | st.sampled_from(
        ["", "text", "PERSON", "DIRECT_QUOTE", "CUE", "speaker", "coref", "continues", "labels",
         "relation", "Kate 👍 said", "a\nb", "start", "end", "a", "m-0123456789ab"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "entities", "relations", "label", "start_offset", "end_offset", "id",
         "from_id", "to_id", "type", "tokens", "spans", "start", "end", "token_start",
         "token_end", "head_span", "child_span", "data", "annotations", "predictions",
         "result", "value", "labels", "meta", "mentions", "quotes", "answer"]),
        inner, max_size=6),
    max_leaves=25)


@pytest.mark.parametrize("fmt", sorted(IMPORTERS))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=300))
def test_random_bytes_give_only_input_errors(fmt, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / IMPORTERS[fmt]
        path.write_bytes(data)
        errors_of(fmt, path)


@pytest.mark.parametrize("fmt", ["doccano", "prodigy", "label-studio", "jsonl"])
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=JSON)
def test_random_json_gives_only_input_errors(fmt, value):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / IMPORTERS[fmt]
        body = json.dumps(value) if fmt == "label-studio" else json.dumps(value) + "\n"
        path.write_text(body, encoding="utf-8")
        errors_of(fmt, path)


ANN_LINES = st.lists(st.one_of(
    st.builds(lambda i, t, a, b, s: f"T{i}\t{t} {a} {b}\t{s}", st.integers(1, 3),
              st.sampled_from(["PERSON", "Quote", "Cue"]), st.integers(0, 12),
              st.integers(0, 14), st.sampled_from(["Kate", "Kate said", "", "said"])),
    st.builds(lambda i, a, b: f"T{i}\tQuote {a};{b}\tx", st.integers(1, 3),
              st.sampled_from(["0 4", "5 9", "x y", "4 0"]), st.sampled_from(["5 9", ""])),
    st.builds(lambda i, k, a, b: f"R{i}\t{k} Arg1:T{a} Arg2:T{b}", st.integers(1, 3),
              st.sampled_from(["Speaker", "Quote_cue", "Addressee", "Other"]),
              st.integers(1, 4), st.integers(1, 4)),
    st.builds(lambda i, n, t, v: f"A{i}\t{n} T{t} {v}".strip(), st.integers(1, 3),
              st.sampled_from(["QuoteType", "Status", "Form", "Negated"]), st.integers(1, 4),
              st.sampled_from(["direct", "proposed", "pronoun", "odd", ""])),
    st.builds(lambda a, b: f"*\tEquiv T{a} T{b}", st.integers(1, 4), st.integers(1, 4)),
    st.text(max_size=20),
), max_size=6)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=ANN_LINES, text=st.sampled_from(["Kate said hi.", "Kate\r\nsaid 👍", ""]))
def test_random_brat_files_give_only_input_errors(lines, text):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "a.txt").write_bytes(text.encode("utf-8"))
        (folder / "a.ann").write_text("\n".join(lines), encoding="utf-8")
        errors_of("brat", folder / "a.ann")
