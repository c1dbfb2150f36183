"""The command line: each command a thin layer, errors as one line, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from ruth_annotator import __version__
from ruth_annotator.cli import main


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_import_then_export_keeps_text_exactly(run, tmp_path, sample_path, sample_text):
    project = tmp_path / "p.ruth"
    result = run("import", project, sample_path)
    assert result.exit_code == 0 and "1 document added" in result.output
    out = tmp_path / "out.jsonl"
    result = run("export", project, "--format", "jsonl", "--output", out)
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["text"] == sample_text
    assert set(record) >= {"id", "title", "text", "meta", "annotator", "status", "entities",
                           "mentions", "quotes"}


def test_stats(run, tmp_path, sample_path):
    project = tmp_path / "p.ruth"
    run("import", project, sample_path)
    result = run("stats", project)
    assert result.exit_code == 0 and "Documents: 1" in result.output
    figures = json.loads(run("stats", project, "--json").output)
    assert figures["documents"] == 1


@pytest.mark.parametrize("args, message", [
    (["export", "{p}", "--format", "nope", "-o", "{t}/x"], "unknown format 'nope'"),
    (["import", "{p}", "{t}/bad.txt"], "bad.txt: is empty"),
    (["stats", "{t}/bad.txt"], "bad.txt: is an empty file, not a Ruth Annotator project"),
])
def test_errors_are_one_line(run, tmp_path, sample_path, args, message):
    project = tmp_path / "p.ruth"
    run("import", project, sample_path)
    (tmp_path / "bad.txt").write_bytes(b"")
    result = CliRunner().invoke(main, [a.format(p=project, t=tmp_path) for a in args])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(lines) == 1 and message in lines[0]
    assert "Traceback" not in result.output


def test_version_and_help_everywhere(run):
    assert __version__ in run("--version").output
    for command in main.commands:
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_python_dash_m_entry_point(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ruth_annotator", "--version"],
                            capture_output=True, text=True, check=True)
    assert __version__ in result.stdout


def test_core_never_imports_qt():
    code = ("import sys, ruth_annotator.cli, ruth_annotator.app.transfer, "
            "ruth_annotator.store, ruth_annotator.model.edits;"
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"
