"""The user guide: its links lead somewhere (pages and headings), the commands it shows
exist, and it reaches every other page of the documentation."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from ruth_annotator.cli import main
from ruth_annotator.gui.dialogs.help_viewer import heading_slug

DOCS = Path(__file__).resolve().parents[3] / "docs"
GUIDE = DOCS / "user-guide.md"
LINK = re.compile(r"\]\(([^)\s]+)\)")


def slugs(page: Path) -> set[str]:
    lines = page.read_text(encoding="utf-8").splitlines()
    return {heading_slug(line.lstrip("#")) for line in lines if line.startswith("#")}


def test_every_link_leads_to_a_page_and_heading():
    for target in LINK.findall(GUIDE.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://")):
            continue
        page, _, anchor = target.partition("#")
        path = DOCS / page if page else GUIDE
        assert path.is_file(), f"{target}: no such page"
        if anchor:
            assert anchor in slugs(path), f"{target}: no such heading"


def test_the_guide_reaches_every_page():
    linked = {t.partition("#")[0] for t in LINK.findall(GUIDE.read_text(encoding="utf-8"))}
    pages = {p.name for p in DOCS.glob("*.md")} - {GUIDE.name}
    assert pages <= linked, f"not linked from the guide: {sorted(pages - linked)}"


def test_commands_in_the_guide_exist():
    known = set(main.commands)
    for line in GUIDE.read_text(encoding="utf-8").splitlines():
        for command in re.findall(r"ruth-annotator ([a-z][a-z-]+)", line):
            assert command in known, f"ruth-annotator {command}: no such command"
    runner = CliRunner()
    for command in ("install-desktop", "assign", "merge", "agree", "import", "export"):
        assert runner.invoke(main, [command, "--help"]).exit_code == 0
