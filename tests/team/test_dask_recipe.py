"""The Dask recipe on a real local cluster gives what the command line gives."""

from __future__ import annotations

import importlib
import json
import re

import pytest
from click.testing import CliRunner

from ruth_annotator.cli import main
from ruth_annotator.model import Mention, NewDocument, Quote, Span
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.team.signature import signature

from .scenario import alice_items, bob_items, write_layer

distributed = pytest.importorskip("distributed")
from ruth_annotator.scale.dask_recipe import (  # noqa: E402
    _parse,
    export_shards,
    preannotate,
    read_shards,
)


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as c:
        yield c


@pytest.fixture
def shards(project, tmp_path):
    """Three JSONL shards exported from a project with two annotators, suggestions and
    rejected work, plus texts nobody has annotated."""
    write_layer(project, "alice", alice_items())
    write_layer(project, "bob", [*bob_items(),
                                 Mention("b-sug", 758, 761, "ORG", status="proposed",
                                         source="suggested"),
                                 Quote("b-rej", "direct", (Span(2013, 2050),),
                                       status="rejected", source="suggested")])
    project.import_records([ParsedRecord(NewDocument(f"Story {i}.\n\nHe said: “{i}”.\n",
                                                     f"Story {i}", f"story-{i}"), None, None)
                            for i in range(5)])
    whole = tmp_path / "whole.jsonl"
    result = CliRunner().invoke(main, ["export", str(project.path), "--include-suggestions",
                                       "-o", str(whole)])
    assert result.exit_code == 0, result.output
    lines = whole.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 7
    folder = tmp_path / "shards"
    folder.mkdir()
    for i, chunk in enumerate((lines[:3], lines[3:5], lines[5:])):
        (folder / f"shard-{i}.jsonl").write_text("\n".join(chunk) + "\n", encoding="utf-8")
    return folder


def _cli_export(shards, tmp_path, fmt, *options) -> list[str]:
    runner = CliRunner()
    project = tmp_path / "cli.ruth"
    paths = sorted(str(p) for p in shards.glob("*.jsonl"))
    assert runner.invoke(main, ["import", str(project), *paths]).exit_code == 0
    out = tmp_path / f"cli.{fmt}.jsonl"
    result = runner.invoke(main, ["export", str(project), "--format", fmt, "-o", str(out),
                                  *options])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8").splitlines()


def _parts(folder) -> list[str]:
    return [line for part in sorted(folder.glob("part-*"))
            for line in part.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("fmt, options", [("jsonl", ()), ("doccano", ()),
                                          ("jsonl", ("--include-suggestions",))])
def test_export_matches_the_command_line(client, shards, tmp_path, fmt, options):
    from ruth_annotator.formats.registry import ExportOptions

    expected = _cli_export(shards, tmp_path, fmt, *options)
    out = tmp_path / "dask"
    report = export_shards(read_shards(str(shards / "*.jsonl")), fmt, out,
                           ExportOptions(include_suggestions=bool(options)))
    assert len(report.files) == 3 and report.documents == 7
    assert _parts(out) == expected
    text = "\n".join(expected)
    assert ("b-sug" in text) == bool(options) and "b-rej" not in text


def suggest_winslet(record: dict) -> dict:
    """A stand-in suggester: a proposed PERSON mention on every "Winslet"."""
    mentions = list(record.get("mentions") or [])
    taken = {(m["start"], m["end"]) for m in mentions}
    for n, hit in enumerate(re.finditer("Winslet", record["text"])):
        if (hit.start(), hit.end()) not in taken:
            mentions.append({"id": f"m-sw{n}", "start": hit.start(), "end": hit.end(),
                             "label": "PERSON", "status": "proposed", "source": "suggested"})
    return {**record, "mentions": mentions}


def test_preannotate_on_the_cluster_equals_one_process(client, shards, tmp_path):
    from ruth_annotator.formats.registry import ExportOptions

    out = tmp_path / "suggested"
    export_shards(preannotate(read_shards(str(shards / "*.jsonl")), suggest_winslet), "jsonl",
                  out, ExportOptions(include_suggestions=True))
    got = [json.loads(line) for line in _parts(out)]
    source = [json.loads(line) for p in sorted(shards.glob("*.jsonl"))
              for line in p.read_text(encoding="utf-8").splitlines()]
    assert [signature(_parse(g)[1]) for g in got] == \
        [signature(_parse(suggest_winslet(s))[1]) for s in source]
    added = sum(len(g["mentions"]) for g in got) - sum(len(s["mentions"]) for s in source)
    assert added > 10  # "Winslet" occurs often in the sample, in three layers
    # and the part files import back like any Ruth JSONL
    result = CliRunner().invoke(main, ["import", str(tmp_path / "back.ruth"), *map(
        str, sorted(out.glob("part-*")))])
    assert result.exit_code == 0 and "6 documents added" in result.stdout


def test_with_the_suggestion_engine(client, shards, tmp_path):
    suggest = importlib.import_module("ruth_annotator.suggest")
    if not hasattr(suggest, "suggest_record"):
        pytest.skip("the suggestion engine has no suggest_record yet")
    from ruth_annotator.formats.registry import ExportOptions

    out = tmp_path / "engine"
    export_shards(preannotate(read_shards(str(shards / "*.jsonl"))), "jsonl", out,
                  ExportOptions(include_suggestions=True))
    got = [json.loads(line) for line in _parts(out)]
    source = [json.loads(line) for p in sorted(shards.glob("*.jsonl"))
              for line in p.read_text(encoding="utf-8").splitlines()]
    assert [signature(_parse(g)[1]) for g in got] == \
        [signature(_parse(suggest.suggest_record(s))[1]) for s in source]
