"""docs/suggestions.md names every option of the suggestion commands, and its figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruth_annotator.cli import main

DOC = (Path(__file__).resolve().parents[2] / "docs" / "suggestions.md").read_text("utf-8")


@pytest.mark.parametrize("name", ["suggest", "evaluate"])
def test_every_command_and_option_is_documented(name):
    assert f"ruth-annotator {name} " in DOC
    for param in main.commands[name].params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in DOC, f"{name} {opt} is missing from docs/suggestions.md"


def test_no_placeholder_is_left():
    assert "HELDOUT3_" not in DOC
