"""Exports, backups and packages are made like any other file of the user's: by the umask."""

from __future__ import annotations

import os
import stat

import pytest

from ruth_annotator.app.assigning import write_packages
from ruth_annotator.app.transfer import export_project
from ruth_annotator.formats import registry
from ruth_annotator.formats.files import current_umask
from ruth_annotator.store.backup import create_backup
from ruth_annotator.team.assign import plan_assignment

WRITABLE = [f.name for f in registry.formats() if f.writer]


@pytest.fixture(params=[0o022, 0o027])
def umask(request):
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def modes(path) -> set[int]:
    files = [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else [path]
    assert files
    return {stat.S_IMODE(p.stat().st_mode) for p in files}


def test_the_umask_is_read_as_set(umask):
    assert current_umask() == umask


@pytest.mark.parametrize("fmt", WRITABLE)
def test_exports_honour_the_umask(project, tmp_path, umask, fmt):
    out = tmp_path / ("out" if registry.get(fmt).folder else f"out.{fmt}")
    export_project(project, fmt, out)
    assert modes(out) == {0o666 & ~umask}


def test_backups_and_packages_honour_the_umask(tmp_path, umask):
    from ruth_annotator.app.transfer import open_project_with_sample

    with open_project_with_sample(tmp_path / "new.ruth") as project:
        packages = write_packages(project, plan_assignment(project.document_ids(), ["a"]),
                                  tmp_path / "packages")
    assert modes(packages[0].path) == {0o666 & ~umask}
    backup = create_backup(tmp_path / "new.ruth", target=tmp_path / "copy.ruth")
    assert modes(backup) == {0o666 & ~umask}
