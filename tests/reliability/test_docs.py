"""docs/reliability.md names every command and option of backup, restore and check, and
every test it cites as proof exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ruth_annotator.cli import main

HERE = Path(__file__).resolve().parent
DOC = (HERE.parents[1] / "docs" / "reliability.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["backup", "restore", "check"])
def test_every_command_and_option_is_documented(name):
    assert f"ruth-annotator {name} " in DOC
    for param in main.commands[name].params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert opt in DOC, f"{name} {opt} is missing from docs/reliability.md"


def test_every_cited_test_exists():
    defined = set()
    for path in HERE.glob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined |= {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    cited = set(re.findall(r"`(?:tests/reliability/\w+\.py::)?(test_\w+)`", DOC))
    assert cited and cited <= defined, sorted(cited - defined)
    files = set(re.findall(r"tests/reliability/(\w+\.py)", DOC))
    assert all((HERE / name).exists() for name in files), files
