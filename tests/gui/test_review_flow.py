"""The quote-by-quote review, pressed for real on a freshly suggested sample: A once per
suggested quote accepts each with its whole attribution, and the exports' links resolve."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from ruth_annotator.app.transfer import export_project
from ruth_annotator.formats import registry
from ruth_annotator.model.annotations import ACCEPTED, PROPOSED
from ruth_annotator.model.decisions import dataset_view
from ruth_annotator.store import Project

# The per-format link checkers of the format tests, read from their folder.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
from link_checks import CHECKERS, SPEAKER_FORMATS, substitutions  # noqa: E402


def brat_links_resolve(ann: str) -> tuple[int, list[str]]:
    """(links checked, the ones naming a T line the file does not hold)."""
    ids = {line.split("\t")[0] for line in ann.splitlines() if line.startswith("T")}
    links, broken = 0, []
    for line in ann.splitlines():
        if line.startswith(("R", "*")):
            for ref in re.findall(r"\bT\d+\b", line.split("\t", 1)[1]):
                links += 1
                if ref not in ids:
                    broken.append(line)
    return links, broken


def test_pressing_a_once_per_quote_accepts_every_quote_with_its_attribution(
        qtbot, suggested_window, tmp_path):
    win = suggested_window
    layer = win.session.layer
    quotes = [q for q in layer.quotes.values() if q.status == PROPOSED]
    assert len(quotes) >= 10  # the sample's quotations were suggested
    assert win.status_progress.text().startswith(f"quotes 0 of {len(quotes)} decided")
    attribution = {q.id: (q.speaker, q.speaker_mention, q.cue, q.addressee) for q in quotes}
    reading = sorted(quotes, key=lambda q: (q.start, -q.end))
    assert win.session.current_id == reading[0].id  # opening went to the first quote
    visited = []
    for _ in quotes:
        visited.append(win.session.current_id)
        qtbot.keyClick(win.view, Qt.Key.Key_A)
    assert visited == [q.id for q in reading]  # quote by quote, in reading order
    for quote in layer.quotes.values():
        assert quote.status == ACCEPTED
        if quote.speaker_mention:
            assert layer.mentions[quote.speaker_mention].status == ACCEPTED
        if quote.speaker:
            assert layer.entities[quote.speaker].status == ACCEPTED
    assert {q.id: (q.speaker, q.speaker_mention, q.cue, q.addressee)
            for q in layer.quotes.values()} == attribution  # nothing lost on the way
    spoken = [q for q in layer.quotes.values() if q.speaker_mention]
    assert len(spoken) >= len(quotes) // 2 and sum(bool(q.cue) for q in spoken) >= len(spoken) // 2
    assert win.status_progress.text().startswith(
        f"quotes {len(quotes)} of {len(quotes)} decided")
    # what was decided is what the dataset holds: every link resolves inside the export
    with Project.open(win.session.project.path) as fresh:
        export_project(fresh, "jsonl", tmp_path / "out.jsonl")
        export_project(fresh, "brat", tmp_path / "brat")
    (record,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    mention_ids = {m["id"] for m in record["mentions"]}
    entity_ids = {e["id"] for e in record["entities"]}
    assert len(record["quotes"]) == len(quotes)
    for quote in record["quotes"]:
        assert quote["speaker_mention"] is None or quote["speaker_mention"] in mention_ids
        assert quote["speaker"] is None or quote["speaker"] in entity_ids
    for mention in record["mentions"]:
        assert mention["entity"] is None or mention["entity"] in entity_ids
    ann = next((tmp_path / "brat").glob("*.ann")).read_text("utf-8")
    links, broken = brat_links_resolve(ann)
    assert links >= len(spoken) and broken == []
    # …and in every other format, read as its own tools read it
    with Project.open(win.session.project.path) as fresh:
        written = dataset_view(fresh.layer(1), include_suggestions=False)
        for fmt in (f.name for f in registry.formats() if f.writer):
            out = tmp_path / f"every-{fmt}"
            out = out if registry.get(fmt).folder else out.with_suffix(f".{fmt}")
            export_project(fresh, fmt, out)
            assert CHECKERS[fmt](out, written) == [], fmt
            if fmt in SPEAKER_FORMATS:  # the speaker the annotator accepted, no other
                assert substitutions(fmt, out, written) == [], fmt
    assert ann.count("\tSpeaker ") == len([q for q in quotes if q.speaker_mention])


def test_the_document_list_counts_what_is_undecided(qtbot, suggested_window):
    win = suggested_window
    model = win.documents_panel.model
    row = model.index(model.row_of(win.session.document.id))
    quotes = sum(q.status == PROPOSED for q in win.session.layer.quotes.values())
    mentions = sum(m.status == PROPOSED for m in win.session.layer.mentions.values())
    assert f"{quotes} quotes, {mentions} mentions undecided" in row.data()
    qtbot.keyClick(win.view, Qt.Key.Key_A)
    left = [m.status == PROPOSED for m in win.session.layer.mentions.values()]
    assert f"{quotes - 1} quotes, {sum(left)} mentions undecided" in row.data()
