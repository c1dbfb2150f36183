"""Figures the reliability tests measure (kills survived, inputs fuzzed, bytes tried).

Each test records its figures with the `figures` fixture; at the end of the run they are
printed under "reliability figures" and written to `build/reliability-figures.json`, the
source of the numbers quoted in docs/reliability.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIGURES: dict[str, dict] = {}
RESULTS_FILE = Path(__file__).resolve().parents[2] / "build" / "reliability-figures.json"


@pytest.fixture
def figures(request) -> dict:
    """A dict for this test's figures, reported at the end of the run."""
    return FIGURES.setdefault(request.node.name, {})


def pytest_terminal_summary(terminalreporter) -> None:
    measured = {name: values for name, values in FIGURES.items() if values}
    if not measured:
        return
    terminalreporter.section("reliability figures")
    for name, values in sorted(measured.items()):
        text = ", ".join(f"{key}={value}" for key, value in values.items())
        terminalreporter.write_line(f"{name}: {text}")
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    try:
        kept = json.loads(RESULTS_FILE.read_text())
    except (OSError, ValueError):
        kept = {}
    kept.update(measured)  # figures of other runs (the stress script) stay
    RESULTS_FILE.write_text(json.dumps(kept, indent=2, sort_keys=True) + "\n")
    terminalreporter.write_line(f"written to {RESULTS_FILE}")
