"""Fixtures for the team tests; the two annotators' layers are described in scenario.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from .scenario import alice_items, annotator_file, bob_items


@pytest.fixture
def files(tmp_path) -> tuple[Path, Path]:
    folder = tmp_path / "returned"
    folder.mkdir()
    return (annotator_file(folder, "alice", alice_items()),
            annotator_file(folder, "bob", bob_items()))
