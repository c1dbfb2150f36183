"""Train/dev/test splits, export through the project with progress, the CLI options and
format detection on import."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from click.testing import CliRunner
from format_cases import sample_record, write

from ruth_annotator.app.transfer import export_project, import_paths
from ruth_annotator.cli import main
from ruth_annotator.errors import RuthError
from ruth_annotator.formats import registry
from ruth_annotator.formats.registry import ExportOptions
from ruth_annotator.formats.splits import parse_split, split_of
from ruth_annotator.model.document import NewDocument
from ruth_annotator.store import Project
from ruth_annotator.tasks import Task


def test_split_depends_only_on_id_and_seed():
    fractions = (0.8, 0.1, 0.1)
    ids = [f"article-{i}" for i in range(3000)]
    first = [split_of(i, 7, fractions) for i in ids]
    assert [split_of(i, 7, fractions) for i in reversed(ids)] == first[::-1]
    counts = Counter(first)
    assert 2250 < counts["train"] < 2550 and 200 < counts["dev"] < 400
    assert first != [split_of(i, 8, fractions) for i in ids]
    assert {split_of(i, 1, (0, 0, 1)) for i in ids[:50]} == {"test"}


@pytest.mark.parametrize("text", ["0.8,0.1", "a,b,c", "-1,1,1", "0,0,0"])
def test_bad_split_option(text):
    with pytest.raises(RuthError, match="--split takes three numbers"):
        parse_split(text)


def test_percentages_are_fractions():
    assert parse_split("80,10,10") == pytest.approx((0.8, 0.1, 0.1))


@pytest.fixture
def big_project(tmp_path):
    proj = Project.open(tmp_path / "many.ruth", annotator="ann", create=True)
    proj.add_documents([NewDocument(f"Article {i}: Kate said hello.", uid=f"a{i}")
                        for i in range(40)])
    yield proj
    proj.close()


def test_split_export_writes_each_document_once_with_progress(big_project, tmp_path):
    seen: list[tuple[int, int]] = []
    options = ExportOptions(split=(0.6, 0.2, 0.2), seed=5)
    report = export_project(big_project, "jsonl", tmp_path / "out.jsonl", options,
                            Task(progress=lambda d, t: seen.append((d, t))))
    assert [p.name for p in report.files] == ["out.train.jsonl", "out.dev.jsonl",
                                              "out.test.jsonl"]
    by_file = {p.name.split(".")[1]: [json.loads(line)["id"]
                                      for line in p.read_text().splitlines()]
               for p in report.files}
    assert sorted(sum(by_file.values(), [])) == sorted(f"a{i}" for i in range(40))
    for name, ids in by_file.items():
        assert all(split_of(i, 5, options.split) == name for i in ids)
    assert seen[-1] == (40, 40)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    again = export_project(big_project, "jsonl", tmp_path / "again.jsonl", options)
    assert [p.read_text() for p in again.files] == [p.read_text() for p in report.files]


def test_folder_formats_split_into_subfolders(big_project, tmp_path):
    report = export_project(big_project, "brat", tmp_path / "brat",
                            ExportOptions(split=(0.5, 0.5, 0), seed=1))
    assert {p.name for p in report.files} == {"train", "dev"}
    assert len(list((tmp_path / "brat").glob("*/*.txt"))) == 40


def test_cli_export_with_split_and_seed(big_project, tmp_path):
    big_project.close()
    result = CliRunner().invoke(main, [
        "export", str(tmp_path / "many.ruth"), "--format", "hf", "--output",
        str(tmp_path / "hf"), "--split", "0.8,0.1,0.1", "--seed", "3"])
    assert result.exit_code == 0, result.output
    assert "40 documents" in result.output
    card = (tmp_path / "hf" / "README.md").read_text()
    assert "- split: validation" in card
    lines = sum(len(p.read_text().splitlines()) for p in (tmp_path / "hf").glob("*.jsonl"))
    assert lines == 40


def test_cli_reports_what_a_format_cannot_carry(project, tmp_path):
    from ruth_annotator.model import edits
    from ruth_annotator.model.annotations import Span

    text = project.document(1).text
    start = text.index("Kate Winslet")
    project.apply(edits.add_mention(project.layer(1), text, Span(start, start + 7), "PERSON"),
                  1)  # "Kate Wi": not on a token boundary
    project.close()
    result = CliRunner().invoke(main, [
        "export", str(project.path), "--format", "conll", "--output", str(tmp_path / "x.conll")])
    assert result.exit_code == 0, result.output
    assert "Not carried by conll: document i_am_ruth" in result.stderr
    assert "does not start and end on token boundaries" in result.stderr


@pytest.mark.parametrize("fmt,name", [
    ("doccano", "d.jsonl"), ("prodigy", "p.jsonl"), ("label-studio", "tasks.json"),
    ("brat", "brat"), ("conll", "x.conll"), ("jsonl", "r.jsonl")])
def test_import_detects_the_format(fmt, name, sample_text, tmp_path):
    write(fmt, [sample_record(sample_text)], tmp_path / name)
    assert registry.detect(tmp_path / name).name == fmt
    result = CliRunner().invoke(main, ["import", str(tmp_path / "p.ruth"),
                                       str(tmp_path / name)])
    assert result.exit_code == 0, result.output
    with Project.open(tmp_path / "p.ruth") as proj:
        layer = proj.layer(proj.document_ids()[0], proj.annotators()[0])
        assert len(layer.mentions) == 5


def test_import_of_a_single_brat_ann_file(sample_text, tmp_path):
    write("brat", [sample_record(sample_text)], tmp_path / "brat")
    with Project.open(tmp_path / "p.ruth", create=True) as proj:
        result = import_paths(proj, [tmp_path / "brat" / "i_am_ruth.ann"])
        assert result.annotations == 6
