"""The sample reviewed to its gold annotation (tests/suggest/data/gold.jsonl) with key
presses only, counting the keys: A for each right suggestion, X for each wrong one, and
what it takes to correct speakers, cues and labels and to add what the engine missed.

Compared with the gold: quotes (segments, type, cue, speaker mention) and mentions (span,
label); how mentions group into entities is not compared. The counts are printed (run
with -s) and recorded in docs/review-measurement.md.
"""

from __future__ import annotations

import importlib
import json
import time
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.helpers import show_window
from ruth_annotator.model.annotations import PROPOSED, REJECTED, Mention, Quote, Span

DATA = Path(__file__).resolve().parents[1] / "suggest" / "data"
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier
DIGITS = {"PERSON": Qt.Key.Key_1, "ORG": Qt.Key.Key_2, "GPE": Qt.Key.Key_3,
          "LOC": Qt.Key.Key_4, "WORK_OF_ART": Qt.Key.Key_5, "EVENT": Qt.Key.Key_6,
          "DATE": Qt.Key.Key_7, "NORP": Qt.Key.Key_8, "MISC": Qt.Key.Key_9}
TYPE_KEYS = {"direct": NONE, "indirect": SHIFT, "mixed": ALT}


def load_gold(file: str, record_id: str) -> dict:
    record = next(json.loads(line) for line in (DATA / file).read_text("utf-8").splitlines()
                  if json.loads(line)["id"] == record_id)
    mentions = {Span(m["start"], m["end"]): m["label"] for m in record["mentions"]}
    entity_of = {Span(m["start"], m["end"]): m["entity"] for m in record["mentions"]}
    quotes = {}
    for q in record["quotes"]:
        key = tuple(Span(s["start"], s["end"]) for s in q["spans"])
        cue = Span(q["cue"]["start"], q["cue"]["end"]) if q["cue"] else None
        quotes[key] = (q["type"], cue, q["speaker"])
    return {"quotes": quotes, "mentions": mentions, "entity_of": entity_of,
            "text": record["text"], "title": record.get("title", record_id)}


def speaker_of(gold: dict, layer, quote: Quote) -> str | None:
    """The quote's speaker as a gold entity id (through the spans of its mentions)."""
    m = layer.mentions.get(quote.speaker_mention or "")
    spans = [m.span] if m is not None else [x.span for x in layer.mentions_of(quote.speaker)] \
        if quote.speaker else []
    return next((gold["entity_of"][s] for s in spans if s in gold["entity_of"]), None)


class Keyboard:
    """Presses keys on the window and counts them by what they were for."""

    def __init__(self, qtbot, win, gold: dict) -> None:
        self.qtbot, self.win, self.gold = qtbot, win, gold
        self.counts: Counter[str] = Counter()

    def press(self, purpose: str, key, modifier=NONE, widget=None) -> None:
        self.qtbot.keyClick(widget or self.win.view, key, modifier)
        self.counts[purpose] += 1

    def type(self, purpose: str, text: str, widget) -> None:
        self.qtbot.keyClicks(widget, text)
        self.counts[purpose] += len(text)

    def select(self, purpose: str, span: Span) -> None:
        """Select a span by Find: Ctrl+F, type its text, Enter until the hit is that one,
        Escape (the hit stays selected)."""
        bar, text = self.win.find_bar, self.win.session.text
        self.press(purpose, Qt.Key.Key_F, CTRL)
        self.type(purpose, text[span.start:span.end], bar.edit)
        for _ in range(len(bar.hits)):
            if bar.hits[bar.current] == span:
                break
            self.press(purpose, Qt.Key.Key_Return, widget=bar.edit)
        assert bar.hits[bar.current] == span
        self.press(purpose, Qt.Key.Key_Escape, widget=bar.edit)

    def choose(self, purpose: str, picker, wanted) -> bool:
        """Tab through the chooser to the candidate `wanted(candidate)` picks, Enter;
        Escape if there is none."""
        for _ in range(picker.list.count()):
            if picker.current is not None and wanted(picker.current):
                self.press(purpose, Qt.Key.Key_Return, widget=picker.edit)
                return True
            self.press(purpose, Qt.Key.Key_Tab, widget=picker.edit)
        self.press(purpose, Qt.Key.Key_Escape, widget=picker.edit)
        return False


def add_mention(keys: Keyboard, span: Span, label: str) -> None:
    keys.select("add missed mention", span)
    keys.press("add missed mention", DIGITS[label])


def fix_attribution(keys: Keyboard, quote_id: str, gold_cue, gold_speaker) -> None:
    win = keys.win
    layer = win.session.layer
    gold = keys.gold
    if gold_speaker is not None and \
            speaker_of(gold, layer, layer.quotes[quote_id]) != gold_speaker:
        win.reveal(quote_id)  # back on the quote (J/K would do; reveal counts no key)
        keys.press("correct speaker", Qt.Key.Key_S)
        assert keys.choose("correct speaker", win.picker, lambda c: c.span is not None and
                           gold["entity_of"].get(c.span) == gold_speaker)
    quote = layer.quotes[quote_id]
    if gold_cue is not None and quote.cue != gold_cue:
        win.reveal(quote_id)
        keys.press("correct cue", Qt.Key.Key_C)
        if not keys.choose("correct cue", win.picker, lambda c: c.span == gold_cue):
            keys.select("correct cue", gold_cue)
            keys.press("correct cue", Qt.Key.Key_C)


@pytest.mark.parametrize("file, record_id", [("gold.jsonl", "i-am-ruth"),
                                             ("heldout3.jsonl", "tv-bakeoff"),
                                             ("heldout.jsonl", "nyt-transit")])
def test_review_to_gold_by_keys(qtbot, tmp_path, file, record_id):
    importlib.import_module("ruth_annotator.suggest.engine")
    from ruth_annotator.model.document import NewDocument
    from ruth_annotator.store import Project

    gold = load_gold(file, record_id)
    project = Project.open(tmp_path / "review.ruth", create=True)
    project.add_documents([NewDocument(gold["text"], gold["title"])])
    win = show_window(qtbot, project)
    win.activateWindow()
    win.view.setFocus()
    qtbot.waitUntil(win.view.hasFocus)
    began = time.perf_counter()
    keys = Keyboard(qtbot, win, gold)
    layer = win.session.layer
    suggested = {"quotes": len(layer.quotes), "mentions": len(layer.mentions)}
    right = Counter()
    # 1. quotes, one by one in reading order, as the review offers them
    seen: set[str] = set()
    while (item := layer.get(win.session.current_id or "")) is not None \
            and isinstance(item, Quote) and item.status == PROPOSED:
        assert item.id not in seen  # every key moves the review on
        seen.add(item.id)
        want = gold["quotes"].get(item.spans)
        if want is None:
            keys.press("reject wrong quote", Qt.Key.Key_X)
            continue
        quote_type, cue, speaker = want
        if item.cue == cue and speaker_of(gold, layer, item) == speaker \
                and item.type == quote_type:
            right["quote"] += 1
        fix_attribution(keys, item.id, cue, speaker)
        win.reveal(item.id)
        keys.press("accept quote", Qt.Key.Key_A)
    # 2. mentions, one entity at a time
    while (item := layer.get(win.session.current_id or "")) is not None \
            and isinstance(item, Mention) and item.status == PROPOSED:
        assert item.id not in seen
        seen.add(item.id)
        label = gold["mentions"].get(item.span)
        if label is None:
            keys.press("reject wrong mention", Qt.Key.Key_X)
            continue
        if label != item.label:
            keys.press("correct label", DIGITS[label])
        else:
            right["mention"] += 1
        keys.press("accept mention", Qt.Key.Key_A)
    # 3. what the engine missed
    standing = {m.span for m in layer.mentions.values() if m.status != REJECTED}
    for span, label in sorted(gold["mentions"].items(), key=lambda kv: kv[0].start):
        if span not in standing:
            add_mention(keys, span, label)
    have = {q.spans for q in layer.quotes.values() if q.status != REJECTED}
    for spans, (quote_type, cue, speaker) in gold["quotes"].items():
        if spans in have:
            continue
        keys.select("add missed quote", spans[0])
        keys.press("add missed quote", Qt.Key.Key_Q, TYPE_KEYS[quote_type])
        made = win.session.current_quote()
        for extra in spans[1:]:
            keys.select("add missed quote", extra)
            keys.press("add missed quote", Qt.Key.Key_G)
        fix_attribution(keys, made.id, cue, speaker)
    seconds = time.perf_counter() - began

    # the result is the gold annotation
    final_quotes = {q.spans: (q.type, q.cue, speaker_of(gold, layer, q))
                    for q in layer.quotes.values() if q.status != REJECTED}
    final_mentions = {m.span: m.label for m in layer.mentions.values() if m.status != REJECTED}
    assert final_mentions == gold["mentions"]
    assert {k: v[1:] for k, v in final_quotes.items()} == \
        {k: v[1:] for k, v in gold["quotes"].items()}
    assert all(a.status != PROPOSED for a in layer)
    total = sum(keys.counts.values())
    print(json.dumps({"text": record_id, "suggested": suggested,
                      "gold": {k: len(gold[k]) for k in ("quotes", "mentions")},
                      "right_suggestions": right, "keys": total, "by_purpose": keys.counts,
                      "seconds": round(seconds, 2),
                      "types_differing": sum(final_quotes[k][0] != v[0]
                                             for k, v in gold["quotes"].items())}, indent=1))
    # at most one key per right suggestion: A (a quote's A accepts its speaker mention too)
    kept = sum(1 for a in layer if a.kind != "entity" and a.status != REJECTED
               and a.source == "suggested")
    assert keys.counts["accept quote"] + keys.counts["accept mention"] <= kept
    win.close()
    project.close()
