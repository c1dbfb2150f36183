"""The results table, the machine it was measured on, and docs/benchmarks.md.

Only the part of docs/benchmarks.md between the two result markers is rewritten, so the
hand-written explanations around it (method, profiles, before/after) survive every run.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from benchmarks.measure import Figure

START = "<!-- results: written by `python -m benchmarks`; edits here are overwritten -->"
END = "<!-- end of results -->"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.0f} GB"
    except OSError:
        pass
    return "unknown"


def _commit() -> str:
    """The commit measured, and whether the app's code differed from it."""
    here = Path(__file__).parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, cwd=here, timeout=10).stdout.strip()
        changed = subprocess.run(["git", "status", "--porcelain", "--", "../ruth_annotator"],
                                 capture_output=True, text=True, cwd=here, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    if not head:
        return "unknown"
    return f"{head} with uncommitted changes to ruth_annotator/" if changed.strip() else head


def machine() -> list[tuple[str, str]]:
    """The facts a reader needs to compare these figures with their own."""
    try:
        from PySide6 import QtCore
        qt = f"{_version('PySide6-Essentials')} (Qt {QtCore.qVersion()})"
    except ImportError:
        qt = "not installed"
    return [
        ("Date", datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")),
        ("Cores", str(os.cpu_count())),
        ("CPU", _cpu()),
        ("Memory", _memory_gb()),
        ("System", f"{platform.system()} {platform.release()}"),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
        ("PySide6", qt),
        ("sqlite-utils", _version("sqlite-utils")),
        ("spaCy", _version("spacy")),
        ("Commit", _commit()),
    ]


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit in ("docs/s", "ann/s"):
        return f"{value:,.0f} {unit}"
    if unit == "MB/s":
        return f"{value:.2f} MB/s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "s":
        return f"{value:.2f} s"
    return f"{value:.2f} {unit}" if value < 100 else f"{value:,.0f} {unit}"


def table(figures: list[Figure]) -> str:
    rows = [
        "| Figure | Case | Ruth Annotator | Raw limit | Ratio | Target | Verdict |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for f in figures:
        ratio = f"{f.ratio:.2f}×" if f.ratio is not None else "—"
        raw = _number(f.raw, f.unit) if f.raw is not None else "—"
        verdict = f.verdict if f.value is not None else f"not measured: {f.note}"
        rows.append(f"| {f.area} | {f.what} | {_number(f.value, f.unit)} | {raw} | {ratio} "
                    f"| {f.target} | {verdict} |")
    return "\n".join(rows)


def notes(figures: list[Figure]) -> str:
    """What each raw limit is (once per figure), then any note a line carries."""
    limits: dict[tuple[str, str], list[str]] = {}
    for f in figures:
        if f.raw_what:
            limits.setdefault((f.area.split(" p")[0], f.raw_what), []).append(f.what)
    areas = [area for area, _ in limits]
    lines = [f"- **{area}**" + (f" ({'; '.join(dict.fromkeys(cases))})"
                                if areas.count(area) > 1 else "") + f": raw limit = {what}."
             for (area, what), cases in limits.items()]
    lines += [f"- *{f.area}, {f.what}*: {f.note}." for f in figures
              if f.note and f.value is not None]
    return "\n".join(lines)


def load_average() -> str:
    """The 1-minute load average: other work on the machine skews every figure."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def results(figures: list[Figure], scale: str, seconds: float, command: str,
            extra: list[tuple[str, str]] = ()) -> str:
    facts = "\n".join(f"| {k} | {v} |" for k, v in [*machine(), *extra])
    return (
        f"Measured with `{command}` ({scale} sizes) in {seconds:.0f} s; medians of repeated "
        "runs, each beside its raw limit measured in the same run. The ratio is our cost "
        "over the raw limit's (time over time, or rate over rate inverted): 1.00× is the "
        "machine's limit.\n\n"
        f"{table(figures)}\n\n{notes(figures)}\n\n"
        f"| Machine | |\n|---|---|\n{facts}\n"
    )


def write(path: Path, body: str) -> None:
    """Put the results between the markers of `path`, keeping everything around them."""
    block = f"{START}\n{body}{END}"
    if path.exists():
        text = path.read_text(encoding="utf-8")
        if START in text and END in text:
            head, rest = text.split(START, 1)
            tail = rest.split(END, 1)[1]
            path.write_text(head + block + tail, encoding="utf-8")
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"# Benchmarks\n\n{block}\n", encoding="utf-8")

