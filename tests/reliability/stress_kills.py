"""The kill test at a larger scale, for the figure quoted in docs/reliability.md.

    .venv/bin/python tests/reliability/stress_kills.py --kills 1000

Prints the report and adds it to build/reliability-figures.json; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reliability.conftest import RESULTS_FILE  # noqa: E402
from reliability.kill_harness import run_kills  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--max-delay", type=float, default=0.3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RUTH_ANNOTATOR_HOME"] = tmp
        started = time.monotonic()
        report = run_kills(Path(tmp) / "stress.ruth", args.kills, args.seed, args.max_delay)
        seconds = time.monotonic() - started
    print(report.line(), f"in {seconds:.0f} s")
    for failure in report.failures:
        print("FAILED:", failure)
    figures = json.loads(RESULTS_FILE.read_text()) if RESULTS_FILE.exists() else {}
    figures["stress_kills"] = {"kills": report.kills, "survived": report.survived,
                               "actions_done": report.actions_done,
                               "mid_write": report.mid_write,
                               "committed_unreported": report.committed_unreported,
                               "seconds": round(seconds)}
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    RESULTS_FILE.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
