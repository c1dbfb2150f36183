"""Figures that need a process of their own: start-up time and peak memory."""

from __future__ import annotations

from benchmarks.measure import Figure, not_measured
from benchmarks.workspace import Workspace


def start_figures(ws: Workspace) -> list[Figure]:
    return [not_measured("start", "to a usable window", "not written yet", "≤ 1.5×")]


def memory_figures(ws: Workspace) -> list[Figure]:
    return [not_measured("memory", "large project", "not written yet")]
