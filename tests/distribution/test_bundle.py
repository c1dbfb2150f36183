"""The one-folder app built by PyInstaller (packaging/ruth-annotator.spec) runs without any
Python installed: `--version`, the formats list, and a headless start of the window.

The build takes about 11 s on two cores, so it runs with the rest of the suite."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ruth_annotator import __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: pip install -e '.[test]' installs it")
    work = tmp_path_factory.mktemp("bundle")
    env = dict(os.environ, RUTH_BUNDLE_DIST=str(work / "dist"),
               RUTH_BUNDLE_WORK=str(work / "build"), PYTHON=sys.executable)
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    app = work / "dist" / "ruth-annotator" / "ruth-annotator"
    assert app.is_file()
    return app


def start(app: Path, *args: str, cwd: Path, **env) -> subprocess.CompletedProcess:
    # No PYTHONPATH or venv: the bundle must find everything inside itself.
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environ.update(QT_QPA_PLATFORM="offscreen", **env)
    result = subprocess.run([str(app), *args], cwd=cwd, env=environ, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_bundle_answers_version_and_lists_formats(bundle, tmp_path):
    assert start(bundle, "--version", cwd=tmp_path).stdout.strip() == (
        f"ruth-annotator, version {__version__}")
    formats = start(bundle, "formats", cwd=tmp_path).stdout
    assert "jsonl" in formats and "conll" in formats  # lazily imported modules are bundled


def test_bundle_opens_the_window_on_a_new_project_with_the_sample(bundle, tmp_path):
    result = start(bundle, "gui", "smoke.ruth", cwd=tmp_path, RUTH_ANNOTATOR_EXIT_AFTER_PAINT="1")
    assert result.stdout.startswith("painted "), result.stdout + result.stderr
    exported = start(bundle, "export", "smoke.ruth", "-o", "smoke.jsonl", cwd=tmp_path)
    assert "1 document," in exported.stdout
    assert "Kate Winslet" in (tmp_path / "smoke.jsonl").read_text(encoding="utf-8")


def test_bundle_installs_a_menu_entry_that_runs_itself(bundle, tmp_path):
    start(bundle, "install-desktop", "--data-dir", str(tmp_path / "share"), cwd=tmp_path)
    entry = tmp_path / "share" / "applications" / "io.github.ruthannotator.RuthAnnotator.desktop"
    assert f"Exec={bundle} gui %f" in entry.read_text(encoding="utf-8").splitlines()
