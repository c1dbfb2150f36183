"""Figures and the arithmetic behind them: medians, percentiles, ratios, verdicts.

Every figure carries the raw limit measured in the same run. The ratio always reads "how
many times the raw limit's cost": time over raw time, or raw rate over our rate, so 1.0 is
as fast as the machine allows and 2.0 is twice as slow, whatever the unit.
"""

from __future__ import annotations

import gc
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

RATES = ("docs/s", "ann/s", "MB/s")


def warm_start_env(folder: Path) -> dict[str, str]:
    """The environment for a measured process: bytecode cached (in `folder`) as on a user's
    machine, even where this environment says not to write it, so that after one untimed
    start every start is warm (compiling the app's bytecode costs ~0.1 s a start)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(folder / "pycache")}


@dataclass
class Figure:
    """One line of the table."""

    area: str  # open, act, paint, import, export, suggest, start, memory
    what: str  # the case, e.g. "2 MB, 100,000 spans"
    value: float | None  # None: not measured (see note)
    unit: str  # ms, s, docs/s, ann/s, MB/s, MB
    raw: float | None = None  # the raw limit, same unit
    raw_what: str = ""
    target: str = ""
    check: Callable[[float, float | None], bool] | None = None  # (value, ratio) -> met?
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.raw:
            return None
        if self.unit in RATES:
            return self.raw / self.value if self.value else None
        return self.value / self.raw

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "not measured"
        if self.check is None:
            return ""
        return "met" if self.check(self.value, self.ratio) else "MISSED"


def not_measured(area: str, what: str, reason: str, target: str = "") -> Figure:
    return Figure(area, what, None, "", target=target, note=reason)


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile by the nearest-rank method (p95 of 200 samples = 190th)."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call takes, with the garbage collector kept out of the interval."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        gc.enable()


def paired(app: Callable[[int], float], raw: Callable[[int], float], repeat: int,
           budget_s: float = float("inf")) -> tuple[list[float], list[float]]:
    """Run app and raw alternately, `repeat` times each, so drift hits both alike; stop
    early once `budget_s` seconds have passed (after one round).

    Each callable gets the round number and returns the seconds it measured itself (set-up
    such as a fresh file is left out of the interval by the callable).
    """
    ours, limits = [], []
    began = time.perf_counter()
    for i in range(repeat):
        ours.append(app(i))
        limits.append(raw(i))
        if time.perf_counter() - began > budget_s:
            break
    return ours, limits


def size_label(code_points: int) -> str:
    """5 KB, 200 KB, 2 MB: text sizes as the table shows them."""
    if code_points >= 1_000_000:
        return f"{code_points / 1_000_000:g} MB"
    return f"{code_points / 1000:g} KB"


def within(budget_s: float, runs: int, fn: Callable[[int], float]) -> list[float]:
    """Call `fn(i)` up to `runs` times, but stop once `budget_s` seconds have passed (after
    at least one call): a figure that takes seconds a run must not blow the suite's budget.
    Returns what each call measured."""
    out: list[float] = []
    began = time.perf_counter()
    for i in range(runs):
        out.append(fn(i))
        if time.perf_counter() - began > budget_s:
            break
    return out


def runs_note(samples: list, wanted: int) -> str:
    """Says when a figure rests on fewer runs than asked for (its time budget ran out)."""
    return "" if len(samples) >= wanted else f"{len(samples)} of {wanted} runs (time budget)"


def ms(seconds: float) -> float:
    return seconds * 1000.0
