"""`pip install ruth-annotator` / `pipx install .`: the wheel carries the code, the
resources (sample, icons, desktop files, translations) and the user guide, and installed in
a fresh virtual environment its commands work, the window included (headless)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from ruth_annotator import __version__

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def run(*args, cwd: Path, timeout: int = 600, **env) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    environ.update(QT_QPA_PLATFORM="offscreen", **env)
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=environ, capture_output=True,
                            text=True, timeout=timeout)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    # The build backend from this environment when it has one (no download), else isolated.
    isolation = [] if importlib.util.find_spec("hatchling") is None else ["--no-build-isolation"]
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", *isolation, "-w", out, ROOT,
        cwd=out)
    (built,) = out.glob("ruth_annotator-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment with the wheel and its dependencies from the index."""
    env = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", env, cwd=env.parent)
    run(env / "bin" / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check",
        wheel, cwd=env.parent)
    return env


def test_wheel_holds_code_resources_guide_and_entry_points(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("ruth_annotator/cli/__init__.py", "ruth_annotator/gui/app.py",
                 "ruth_annotator/resources/samples/i_am_ruth.txt",
                 "ruth_annotator/resources/icons/ruth-annotator.svg",
                 "ruth_annotator/resources/icons/png/ruth-annotator-256.png",
                 "ruth_annotator/resources/linux/io.github.ruthannotator.RuthAnnotator.desktop",
                 "ruth_annotator/resources/linux/ruth-annotator-mime.xml",
                 "ruth_annotator/resources/translations/ruth_annotator_en.qm",
                 "ruth_annotator/resources/docs/user-guide.md",
                 "ruth_annotator/resources/docs/shortcuts.md",
                 "ruth_annotator/suggest/vocab/en/speech_verbs.txt",
                 "ruth_annotator/suggest/vocab/en/titles.txt"):
        assert name in names, name
    assert not any(n.startswith(("tests/", "benchmarks/")) for n in names)
    entry_points = zipfile.ZipFile(wheel).read(
        f"ruth_annotator-{__version__}.dist-info/entry_points.txt").decode()
    assert "ruth-annotator = ruth_annotator.cli:main" in entry_points
    assert "ruth-annotator-gui = ruth_annotator.gui.app:main" in entry_points


def test_installed_commands_work_on_the_sample(venv, tmp_path):
    bin_dir = venv / "bin"
    where = run(bin_dir / "python", "-c", "import ruth_annotator, ruth_annotator.resources as r;"
                "print(ruth_annotator.__file__); print(r.sample_article());"
                "print(r.doc_path('user-guide.md'))", cwd=tmp_path).stdout.split()
    assert all(str(venv) in line for line in where), where  # not the checkout
    version = run(bin_dir / "ruth-annotator", "--version", cwd=tmp_path).stdout
    assert version.strip() == f"ruth-annotator, version {__version__}"
    sample = where[1]
    run(bin_dir / "ruth-annotator", "import", "news.ruth", sample, cwd=tmp_path)
    run(bin_dir / "ruth-annotator", "export", "news.ruth", "--format", "jsonl", "-o",
        "news.jsonl", cwd=tmp_path)
    (record,) = [json.loads(line) for line in (tmp_path / "news.jsonl").read_text().splitlines()]
    assert record["text"] == Path(sample).read_bytes().decode("utf-8")


def test_installed_window_starts_headless(venv, tmp_path):
    bin_dir = venv / "bin"
    for command in ([bin_dir / "ruth-annotator", "gui", "a.ruth"],
                    [bin_dir / "ruth-annotator-gui", "b.ruth"]):
        result = run(*command, cwd=tmp_path, timeout=120, RUTH_ANNOTATOR_EXIT_AFTER_PAINT="1")
        assert result.stdout.startswith("painted "), result.stdout + result.stderr
    assert (tmp_path / "a.ruth").is_file() and (tmp_path / "b.ruth").is_file()
