"""Write docs/cli.md from the commands' own help, so the reference never drifts.

Run `python docs/cli_reference.py` after changing a command; a test fails when the file is
out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

from ruth_annotator.cli import main

OUT = Path(__file__).with_name("cli.md")

INTRO = """# Command line reference

`ruth-annotator` (also `python -m ruth_annotator`) works on project files (`.ruth`). Every
command takes `--help`; errors are one line naming the file and the problem, with exit
status 1. Long work (import, export, suggest) shows a progress bar on the terminal.

This page is generated from the commands' own help by `python docs/cli_reference.py`.
"""


def render() -> str:
    runner = CliRunner()
    parts = [INTRO, "## ruth-annotator\n", "```", _help(runner, []), "```\n"]
    for name in sorted(main.commands):
        parts += [f"## ruth-annotator {name}\n", "```", _help(runner, [name]), "```\n"]
    return "\n".join(parts)


def _help(runner: CliRunner, args: list[str]) -> str:
    result = runner.invoke(main, [*args, "--help"], terminal_width=100,
                           prog_name="ruth-annotator")
    return result.output.rstrip()


if __name__ == "__main__":
    text = render()
    if "--check" in sys.argv:
        sys.exit(0 if OUT.read_text(encoding="utf-8") == text else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
