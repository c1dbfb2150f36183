"""The Datasette metadata we ship: every canned query runs on a real project and answers
what its title promises (with sqlite3, and through Datasette itself when it is installed)."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3

import pytest
from click.testing import CliRunner

from ruth_annotator.cli import main
from ruth_annotator.team.publishing import canned_queries, datasette_metadata

from .scenario import alice_items, bob_items, write_layer


@pytest.fixture
def team_project(project):
    write_layer(project, "alice", alice_items())
    write_layer(project, "bob", bob_items())
    write_layer(project, "carol", [], status="todo")  # assigned, not started
    return project


def run(project, name: str, **params) -> list[dict]:
    sql = canned_queries()[name]["sql"]
    names = set(re.findall(r":(\w+)", sql))
    conn = sqlite3.connect(f"{project.path.resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, {n: params.get(n, "") for n in names})]
    finally:
        conn.close()


def test_every_query_runs(team_project):
    for name, query in canned_queries().items():
        assert query["title"] and query["description"]
        run(team_project, name)  # raises on a bad column or syntax


def test_quotes_by_speaker(team_project):
    rows = run(team_project, "quotes_by_speaker", speaker="winslet")
    # alice: 5 quotes by "Kate Winslet"; bob: 3 by "Winslet" (q1, q4, q6)
    assert len(rows) == 8
    assert {r["speaker"] for r in rows} == {"Kate Winslet", "Winslet"}
    assert "blown away" in {r["quote"] for r in rows}
    assert len(run(team_project, "quotes_by_speaker", annotator="bob")) == 5


def test_speakers(team_project):
    rows = {(r["speaker"], r["annotator"]): r for r in run(team_project, "speakers")}
    assert rows[("Kate Winslet", "alice")]["quotes"] == 5
    assert rows[("Kate Winslet", "alice")]["indirect"] == 1
    assert rows[("Winslet", "bob")]["quotes"] == 3 and rows[("Mia", "bob")]["quotes"] == 1


def test_progress_per_annotator(team_project):
    rows = {r["annotator"]: r for r in run(team_project, "progress_per_annotator")}
    assert rows["alice"]["done"] == 1 and rows["alice"]["percent_done"] == 100.0
    assert rows["alice"]["mentions"] == 6 and rows["alice"]["quotes"] == 5
    assert rows["carol"]["todo"] == 1 and rows["carol"]["done"] == 0


def test_disagreements(team_project):
    rows = run(team_project, "disagreements")
    found = sorted((r["kind"], r["text"][:20], r["disagreement"]) for r in rows)
    # mentions: I Am Ruth labelled differently (listed once), Mia Threapleton and Lorraine
    # Kelly only alice, Mia and ITV only bob. Quotes: "blown away" typed differently,
    # "He said" (bob's is shorter) and "It was really" only alice, bob's shorter "He said"
    # and "This idea" only bob. Carol has not started, so she disagrees with nobody.
    assert found == sorted([
        ("mention", "I Am Ruth", "WORK_OF_ART vs EVENT"),
        ("mention", "Mia Threapleton", "only alice"),
        ("mention", "Lorraine Kelly", "only alice"),
        ("mention", "Mia", "only bob"),
        ("mention", "ITV", "only bob"),
        ("quote", "blown away", "direct vs mixed"),
        ("quote", "He said, ‘What about", "only alice"),
        ("quote", "It was really amazin", "only alice"),
        ("quote", "He said, ‘What about", "only bob"),
        ("quote", "This idea of mental ", "only bob"),
    ])
    assert run(team_project, "disagreements", document=2) == []


def test_to_adjudicate(team_project):
    rows = run(team_project, "to_adjudicate")
    assert [(r["id"], r["done_by"], r["annotators"]) for r in rows] == [(1, "alice, bob", 2)]
    write_layer(team_project, "gold", alice_items()[:1])
    assert run(team_project, "to_adjudicate") == []
    assert len(run(team_project, "to_adjudicate", gold="lead")) == 1


def test_entities_mentioned(team_project):
    rows = run(team_project, "entities_mentioned", label="ORG")
    assert {(r["name"], r["annotator"]) for r in rows} == {
        ("Channel 4", "alice"), ("Channel 4", "bob"), ("ITV", "bob")}


def test_metadata_is_keyed_by_the_file_name(team_project, tmp_path):
    out = tmp_path / "meta.json"
    result = CliRunner().invoke(main, ["datasette", str(team_project.path),
                                       "--write-metadata", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data["databases"]) == ["test"]
    assert set(data["databases"]["test"]["queries"]) == set(canned_queries())


def test_datasette_serves_the_canned_queries(team_project):
    datasette_app = pytest.importorskip("datasette.app")

    async def fetch() -> dict:
        ds = datasette_app.Datasette([str(team_project.path)],
                                     metadata=datasette_metadata(team_project.path))
        await ds.invoke_startup()
        out = {}
        for name in canned_queries():
            response = await ds.client.get(f"/test/{name}.json?_shape=objects&speaker=Kate"
                                           "&annotator=&document=&label=&gold=")
            assert response.status_code == 200, (name, response.text[:300])
            out[name] = response.json()["rows"]
        page = await ds.client.get("/test")
        assert "Progress per annotator" in page.text
        return out

    rows = asyncio.run(fetch())
    assert len(rows["quotes_by_speaker"]) == 5  # only alice's speaker is named "Kate …"
    assert len(rows["disagreements"]) == 10
