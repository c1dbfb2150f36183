"""`python -m benchmarks`: every figure beside its raw limit, printed and written to
docs/benchmarks.md.

    .venv/bin/python -m benchmarks                 # full sizes (under five minutes, 2 cores)
    .venv/bin/python -m benchmarks --toy           # tiny sizes, seconds (the smoke test)
    .venv/bin/python -m benchmarks --only act,import --output /tmp/b.md
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.measure import Figure
from benchmarks.report import load_average, results, table, write
from benchmarks.workspace import FULL, TOY, Workspace

ROOT = Path(__file__).resolve().parent.parent


def _areas(ws: Workspace) -> dict[str, Callable[[], list[Figure]]]:
    from benchmarks import (
        decision_figures,
        gui_figures,
        process_figures,
        store_figures,
        suggest_figures,
    )

    scale = ws.scale
    return {
        "open": lambda: gui_figures.open_figures(ws),
        "paint": lambda: gui_figures.paint_figures(ws),
        "act": lambda: [f for size, spans in scale.documents
                        for f in store_figures.act(ws, size, spans)]
        + gui_figures.act_figures(ws),
        "import": lambda: store_figures.import_figures(ws),
        "export": lambda: store_figures.export_figures(ws),
        "accept": lambda: decision_figures.accept_all_figures(ws),
        "suggest": lambda: suggest_figures.suggest_figures(ws),
        "start": lambda: process_figures.start_figures(ws),
        "memory": lambda: process_figures.memory_figures(ws),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--toy", action="store_true",
                        help="tiny sizes: proves the command works, measures nothing useful")
    parser.add_argument("--only", metavar="AREAS",
                        help="comma-separated areas: open,paint,act,import,export,accept,"
                             "suggest,start,memory")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "benchmarks.md",
                        help="the Markdown file whose results block is rewritten")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scale = TOY if args.toy else FULL
    ws = Workspace(scale)
    os.environ["RUTH_ANNOTATOR_HOME"] = str(ws.root / "home")
    began = time.perf_counter()
    load_before = load_average()
    figures: list[Figure] = []
    try:
        areas = _areas(ws)
        chosen = args.only.split(",") if args.only else list(areas)
        unknown = sorted(set(chosen) - set(areas))
        if unknown:
            parser.error(f"unknown area(s): {', '.join(unknown)}")
        for name in chosen:
            started = time.perf_counter()
            print(f"{name} …", end=" ", flush=True, file=sys.stderr)
            figures.extend(areas[name]())
            print(f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:
        ws.close()
    seconds = time.perf_counter() - began
    command = "python -m benchmarks" + (" --toy" if args.toy else "")
    print(table(figures))
    load = [("Load average (1 min) at start / end", f"{load_before} / {load_average()}")]
    write(args.output, results(figures, scale.name, seconds, command, load))
    print(f"\nWritten to {args.output} ({seconds:.0f} s).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
