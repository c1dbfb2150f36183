"""`ruth-annotator suggest` and `ruth-annotator evaluate` as a user types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ruth_annotator.cli import main

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def run():
    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args])
    return invoke


def test_suggest_then_export_with_suggestions(run, tmp_path, sample_path):
    project = tmp_path / "p.ruth"
    assert run("import", project, sample_path).exit_code == 0
    result = run("suggest", project)
    assert result.exit_code == 0, result.output
    assert "quotes" in result.output and "1 document" in result.output
    out = tmp_path / "out.jsonl"
    assert run("export", project, "--format", "jsonl", "--include-suggestions",
               "-o", out).exit_code == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in record["entities"]}
    direct = [q for q in record["quotes"] if q["type"] == "direct" and not q["parent"]]
    assert len(direct) == 8
    assert {(q["status"], q["source"]) for q in record["quotes"]} == {("proposed", "suggested")}
    assert {names[q["speaker"]] for q in direct} == {"Kate Winslet"}
    went_on = next(q for q in direct if q["cue"] and q["cue"]["text"] == "went on")
    assert len(went_on["spans"]) == 2
    plain = tmp_path / "plain.jsonl"
    assert run("export", project, "-o", plain).exit_code == 0
    assert json.loads(plain.read_text(encoding="utf-8"))["quotes"] == []


def test_suggest_selected_documents_and_errors(run, tmp_path, sample_path):
    project = tmp_path / "p.ruth"
    run("import", project, sample_path)
    result = run("suggest", project, "--documents", "1", "--annotator", "other")
    assert result.exit_code == 0 and "1 document" in result.output
    result = run("suggest", project, "--documents", "7")
    assert result.exit_code == 1 and "has no document '7'" in result.output
    assert "Traceback" not in result.output


def test_evaluate_project_against_gold(run, tmp_path):
    project = tmp_path / "g.ruth"
    texts = tmp_path / "texts.jsonl"
    gold = [json.loads(line) for line in (DATA / "gold.jsonl").read_text("utf-8").splitlines()]
    texts.write_text("".join(json.dumps({"id": g["id"], "text": g["text"]}) + "\n"
                             for g in gold[:3]), encoding="utf-8")
    assert run("import", project, texts).exit_code == 0
    assert run("suggest", project).exit_code == 0
    result = run("evaluate", project, "--gold", DATA / "gold.jsonl")
    assert result.exit_code == 0, result.output
    assert "All quotes" in result.output and "Speakers:" in result.output
    assert "Direct speech, piece by piece" in result.output
    assert "Missing from the system side" in result.output  # five gold documents not imported
    figures = json.loads(run("evaluate", project, "--gold", DATA / "gold.jsonl",
                             "--json").output)
    assert figures["documents"] == 8 and len(figures["missing"]) == 5
    assert figures["quotes"]["overlap"]["precision"] >= 0.9


def test_evaluate_two_exports(run):
    result = run("evaluate", "--gold", DATA / "heldout.jsonl", "--system",
                 DATA / "heldout.jsonl", "--json")
    assert result.exit_code == 0
    assert json.loads(result.output)["quotes"]["exact"]["f1"] == 1.0


def test_evaluate_errors_are_one_line(run, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "ok"}\n{broken\n', encoding="utf-8")
    result = run("evaluate", "--gold", bad, "--system", DATA / "gold.jsonl")
    assert result.exit_code == 1 and "bad.jsonl: line 2: broken JSON" in result.output
    result = run("evaluate", "--gold", DATA / "gold.jsonl")
    assert result.exit_code == 2 and "one of PROJECT, --system or --engine" in result.output


def test_spacy_chosen_in_settings_but_missing_is_one_line_and_writes_nothing(
        run, tmp_path, sample_path):
    from ruth_annotator.config import save_settings
    from ruth_annotator.store import Project

    project = tmp_path / "p.ruth"
    run("import", project, sample_path)
    save_settings({"suggestion_engine": "spacy", "spacy_model": "no_such_pipeline_xyz"})
    result = run("suggest", project)
    assert result.exit_code == 1
    (line,) = [x for x in result.output.splitlines() if x.startswith("Error:")]
    assert "spaCy" in line or "no_such_pipeline_xyz" in line
    with Project.open(project) as proj:
        assert len(proj.layer(1)) == 0
    save_settings({"suggestion_engine": "rules"})
    assert run("suggest", project).exit_code == 0
