"""The keys docs/decisions.md names are the keys the menus bind (the window's defaults)."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

DECISIONS = Path(__file__).parents[2] / "docs" / "decisions.md"


@pytest.mark.parametrize("word,entry", [("speaker", "annotate.speaker"),
                                        ("addressee", "annotate.addressee")])
def test_decisions_names_the_bound_key(word, entry):
    menus = importlib.import_module("ruth_annotator.gui.menus")
    bound = {e.name: e.shortcut for e in menus.ENTRIES}[entry]
    named = re.findall(rf"{word} \(\*\*([^*]+)\*\*\)", DECISIONS.read_text(encoding="utf-8"))
    assert named and set(named) == {bound}, (word, named, bound)
