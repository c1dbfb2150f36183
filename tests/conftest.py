"""Shared fixtures: every test runs with its own settings folder and headless Qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SAMPLE = Path(__file__).resolve().parent.parent / "resources" / "samples" / "i_am_ruth.txt"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch) -> Path:
    """Settings, data and the default project go to a temporary folder, never to ~."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RUTH_ANNOTATOR_HOME", str(home))
    monkeypatch.setenv("RUTH_ANNOTATOR_NAME", "tester")
    return home


@pytest.fixture
def sample_text() -> str:
    return SAMPLE.read_bytes().decode("utf-8")


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def project(tmp_path):
    """A new project holding the sample article (document id 1)."""
    from ruth_annotator.app.transfer import import_paths
    from ruth_annotator.store import Project

    proj = Project.open(tmp_path / "test.ruth", create=True)
    import_paths(proj, [SAMPLE])
    yield proj
    proj.close()
