"""The benchmark command runs at toy sizes and writes its table (no timing is asserted)."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.__main__ import main  # noqa: E402
from benchmarks.report import END, START, write  # noqa: E402


def test_toy_run_prints_and_writes_the_table(tmp_path, capsys):
    output = tmp_path / "benchmarks.md"
    output.write_text(f"# Benchmarks\n\nHow to read this.\n\n{START}\nold\n{END}\n\nAfter.\n")
    assert main(["--toy", "--only", "act,import,export,suggest,open,paint",
                 "--output", str(output)]) == 0
    printed = capsys.readouterr().out
    text = output.read_text(encoding="utf-8")
    assert "How to read this." in text and "After." in text and "\nold\n" not in text
    for area in ("| act p95 |", "| act (window) p95 |", "| import |", "| export |",
                 "| suggest |", "| open |", "| paint p95 |"):
        assert area in text, area
        assert area in printed, area
    rows = [line for line in text.splitlines() if line.startswith("| import |")]
    ours, raw, ratio = (cell.strip() for cell in rows[0].split("|")[3:6])
    assert ours.endswith("docs/s") and raw.endswith("docs/s") and ratio.endswith("×")
    for fact in ("| Cores |", "| Python |", "| SQLite |", "| PySide6 |", "| Date |"):
        assert fact in text


def test_unknown_area_is_refused(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--toy", "--only", "nothing", "--output", str(tmp_path / "b.md")])
    assert exit_info.value.code == 2
    assert "unknown area" in capsys.readouterr().err
    assert not (tmp_path / "b.md").exists()


def test_results_replace_only_the_marked_block(tmp_path):
    path = tmp_path / "b.md"
    write(path, "first\n")
    assert path.read_text().count(START) == 1
    path.write_text(path.read_text() + "\nNotes kept.\n")
    write(path, "second\n")
    text = path.read_text()
    assert "second" in text and "first" not in text and "Notes kept." in text


def test_whole_suggest_run_on_real_news_is_timed_warm(tmp_path, monkeypatch):
    """The real-news figure runs the CLI as a user would, bytecode cached even where the
    environment says not to write it (a first, untimed run caches it)."""
    from benchmarks import real_news

    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    monkeypatch.setattr(real_news.tempfile, "TemporaryDirectory",
                        lambda: contextlib.nullcontext(str(tmp_path)))  # kept to look at
    text = "“We will win,” Kate Winslet said on Monday. The BBC agreed.\n"
    line = real_news.whole_run([{"id": "a", "text": text}, {"id": "b", "text": text * 3}])
    assert line.startswith("`ruth-annotator suggest` over 2 texts") and "MB/s" in line
    assert list(tmp_path.glob("pycache/**/suggest/engine*.pyc"))
