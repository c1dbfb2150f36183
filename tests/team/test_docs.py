"""docs/teams.md names every team command, option and canned query the code has."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruth_annotator.cli import main
from ruth_annotator.team.publishing import canned_queries

DOC = (Path(__file__).resolve().parents[2] / "docs" / "teams.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["assign", "merge", "agree", "datasette"])
def test_every_command_and_option_is_documented(name):
    command = main.commands[name]
    assert f"ruth-annotator {name} " in DOC
    for param in command.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in DOC, f"{name} {opt} is missing from docs/teams.md"


def test_every_canned_query_is_documented():
    for query in canned_queries().values():
        assert f"| {query['title']} |" in DOC, query["title"]


def test_the_screenshots_exist():
    folder = Path(__file__).resolve().parents[2] / "docs"
    for image in ("agreement-report.png", "curation.png"):
        assert f"({image})" in DOC and (folder / image).stat().st_size > 10_000


def test_links_lead_to_pages_and_headings():
    import re

    folder = Path(__file__).resolve().parents[2] / "docs"
    for target in re.findall(r"\]\(([^)\s]+)\)", DOC):
        if target.startswith(("http://", "https://")) or target.endswith(".png"):
            continue
        page, _, anchor = target.partition("#")
        path = folder / page if page else folder / "teams.md"
        assert path.is_file(), target
        if anchor:
            headings = {re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower())
                        .replace(" ", "-")
                        for line in path.read_text(encoding="utf-8").splitlines()
                        if line.startswith("#")}
            assert anchor in headings, target
