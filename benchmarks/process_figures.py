"""Figures that need a fresh process: start-up to a usable window, and peak memory.

Start-up runs `ruth-annotator gui PROJECT` with RUTH_ANNOTATOR_EXIT_AFTER_PAINT=1 (the app
prints `painted <time.monotonic()>` after its first frame and quits); the monotonic clock is
shared by all processes, so the figure is that time minus the moment before the process was
spawned. The raw limit is a bare PySide6 window with a text box, measured the same way.
Both are started once untimed first, so the figures are warm starts (bytecode compiled,
files in the OS cache), as every start after the first one is.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.measure import (
    Figure,
    median,
    not_measured,
    paired,
    size_label,
    warm_start_env,
)
from benchmarks.workspace import ANNOTATOR, Workspace

TIMEOUT_S = 120


def _env(ws: Workspace) -> dict[str, str]:
    """Offscreen, settings in the run's folder, and bytecode cached (in that folder too) as
    on a user's machine, even where the environment says not to write it."""
    return {**warm_start_env(ws.root), "QT_QPA_PLATFORM": "offscreen",
            "RUTH_ANNOTATOR_NAME": ANNOTATOR, "RUTH_ANNOTATOR_HOME": str(ws.root / "home"),
            "RUTH_ANNOTATOR_EXIT_AFTER_PAINT": "1"}


#: Problems seen at exit after a good first frame (reported beside the figures).
EXIT_PROBLEMS: set[str] = set()


def _run(ws: Workspace, args: list[str]) -> tuple[float, dict]:
    """Seconds from spawning `args` to the first frame it reports, and its JSON line.

    A process that reported its first frame and then failed to exit cleanly still gives a
    figure; the failure is kept in EXIT_PROBLEMS for the table's notes.
    """
    start = time.monotonic()
    out = subprocess.run(args, capture_output=True, text=True, env=_env(ws),
                         timeout=TIMEOUT_S, cwd=Path(__file__).resolve().parent.parent)
    result = None
    for line in out.stdout.splitlines():
        if line.startswith("painted "):
            result = float(line.split()[1]) - start, {}
        elif line.startswith("{"):
            report = json.loads(line)
            result = report.get("painted", start) - start, report
    if result is None:
        raise RuntimeError(f"{' '.join(args)} failed ({out.returncode}): {out.stderr[-800:]}")
    if out.returncode != 0:
        last = (out.stderr.strip().splitlines() or ["no message"])[-1]
        EXIT_PROBLEMS.add(f"`{Path(args[0]).name} {' '.join(args[1:3])}` exited with "
                          f"{out.returncode} after its first frame ({last})")
    return result


def _probe(*args: str) -> list[str]:
    return [sys.executable, "-m", "benchmarks.probes", *args]


def _app_command() -> list[str]:
    script = Path(sys.executable).with_name("ruth-annotator")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ruth_annotator"]


def _has_paint_hook() -> str | None:
    try:
        from ruth_annotator.gui import app
    except ImportError as e:
        return f"window not available ({e.name})"
    if not hasattr(app, "exit_after_first_paint"):
        return "the app has no RUTH_ANNOTATOR_EXIT_AFTER_PAINT hook"
    return None


def start_figures(ws: Workspace) -> list[Figure]:
    """Start on a new project holding the sample article, and on the large project."""
    from ruth_annotator.app.transfer import open_project_with_sample
    from ruth_annotator.resources import sample_article

    missing = _has_paint_hook()
    if missing:
        return [not_measured("start", "to a usable window", missing, "≤ 1.5×")]
    sample = ws.path("sample.ruth")
    open_project_with_sample(sample, ANNOTATOR).close()
    cases = [("sample article project", sample),
             (f"{ws.scale.project_docs:,}-document project", ws.large_project())]
    bare = _probe("bare-window", str(sample_article()))
    figures = []
    for case, project in cases:
        _run(ws, [*_app_command(), "gui", str(project)])  # warm: bytecode and file cache
        _run(ws, bare)
        EXIT_PROBLEMS.clear()
        ours, limits = paired(lambda _, p=project: _run(ws, [*_app_command(), "gui", str(p)])[0],
                              lambda _: _run(ws, bare)[0], ws.scale.heavy_repeat)
        figures.append(Figure(
            "start", case, median(ours), "s", median(limits),
            "a bare PySide6 process: QMainWindow with a QPlainTextEdit of the sample article, "
            "process spawn to first paint", "≤ 1.5×", lambda v, r: r <= 1.5,
            "; ".join(sorted(EXIT_PROBLEMS))))
    return figures


def _texts_mb(project: Path) -> float:
    import sqlite3

    with sqlite3.connect(project) as conn:
        return conn.execute("select sum(length(cast(text as blob))) from documents"
                            ).fetchone()[0] / 1e6


def _peak(ws: Workspace, *args: str) -> float:
    """Median peak RSS (MB) of a probe over the heavy repeat count."""
    return median([_run(ws, _probe(*args))[1]["peak_mb"] for _ in range(ws.scale.heavy_repeat)])


def _lazy(texts_mb: float):
    """Met when the process holds less than half the texts above its raw limit."""
    return lambda value, ratio: value - value / ratio < texts_mb / 2


def memory_figures(ws: Workspace) -> list[Figure]:
    """Peak RSS: the large project's document list, and the densest document open."""
    from ruth_annotator.store import Project

    large = ws.large_project()
    texts = _texts_mb(large)
    count = f"{ws.scale.project_docs:,}-document project"
    lazy = f"texts ({texts:,.0f} MB) not loaded"
    figures = [Figure("memory", f"{count}, Project.documents()",
                      _peak(ws, "documents", str(large)), "MB",
                      _peak(ws, "bare-documents", str(large)),
                      "sqlite3 fetchall of id, uid, title, length", lazy, _lazy(texts))]
    missing = _has_paint_hook()
    if missing:
        return [*figures, not_measured("memory", "windows", missing)]
    figures.append(Figure("memory", f"{count}, window with its document list",
                          _peak(ws, "window", str(large)), "MB", _peak(ws, "bare-window"),
                          "a bare PySide6 window with an empty text box", lazy, _lazy(texts)))
    size, spans = ws.scale.documents[-1]
    path, ids = ws.window_project()
    text_file = ws.path("dense.txt")
    with Project.open(path, ANNOTATOR) as project:
        text_file.write_text(project.document(ids[(size, spans)]).text, encoding="utf-8")
    figures.append(Figure("memory", f"{size_label(size)}, {spans:,} spans open in the window",
                          _peak(ws, "window", str(path), str(ids[(size, spans)])), "MB",
                          _peak(ws, "bare-window", str(text_file)),
                          "a bare PySide6 window showing the same text", "none set"))
    return figures
