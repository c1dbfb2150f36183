"""A long article with thousands of spans (and emoji throughout) is drawn correctly by the
per-paragraph highlighter as paragraphs come into sight, and a change redraws its
paragraph. Speed is measured by the benchmarks, not here."""

from __future__ import annotations

import random

from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.theme import LIGHT
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import Mention, Quote, Span
from ruth_annotator.model.layer import Layer

WORDS = "Kate said that Mia 👍 was brave and Savage agreed cafe\u0301 today".split()


def build(paragraphs: int = 1500, seed: int = 7) -> tuple[str, Layer]:
    rng = random.Random(seed)
    parts, items, pos = [], [], 0
    for p in range(paragraphs):
        words = [rng.choice(WORDS) for _ in range(rng.randint(20, 40))]
        para = " ".join(words)
        offset = 0
        for w in words:
            start = pos + para.index(w, offset)
            offset = start - pos + len(w)
            if w in ("Kate", "Mia", "Savage"):
                items.append(Mention(f"m-{len(items)}", start, start + len(w), "PERSON"))
        if p % 3 == 0:
            items.append(Quote(f"q-{p}", "direct", (Span(pos + 5, pos + len(para) - 5),)))
        parts.append(para)
        pos += len(para) + 2
    return "\n\n".join(parts), Layer.of(1, "tester", items)


def formats_at(view: ArticleView, position: int):
    """The character formats Qt holds for a code-point position."""
    doc = view.document()
    u16 = view.positions.to_qt(position)
    block = doc.findBlock(u16)
    rel = u16 - block.position()
    ranges = block.layout().formats()
    return [QTextCharFormat(r.format) for r in ranges if r.start <= rel < r.start + r.length]


def scrolled_to(view: ArticleView, position: int) -> None:
    """Bring a position into sight the way a user's jump does, and let the view paint."""
    view.scroll_to(Span(position, position))
    QApplication.processEvents()


def shown_view(qtbot, text: str, layer: Layer, colors: dict[str, str]) -> ArticleView:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show_document(text, layer, colors, LIGHT)
    view.show()
    QApplication.processEvents()
    return view


def test_highlights_land_on_code_point_positions(qtbot):
    text, layer = build()
    assert len(layer.mentions) > 10_000
    view = shown_view(qtbot, text, layer, {"PERSON": "#E69F00"})
    person = LIGHT.mention_background("#E69F00", False)
    rng = random.Random(1)
    for mention in rng.sample(sorted(layer.mentions.values(), key=lambda m: m.start), 40):
        scrolled_to(view, mention.start)  # paragraphs are drawn as they come into sight
        for position in (mention.start, mention.end - 1):
            backgrounds = [f.background().color() for f in formats_at(view, position)]
            assert person in backgrounds, (mention, text[mention.start:mention.end])
        after = mention.end
        if after < len(text) and not layer.mentions_at(after) and not layer.quotes_at(after):
            assert not formats_at(view, after)
    quote = next(iter(layer.quotes.values()))
    inside = quote.start + 1
    scrolled_to(view, inside)
    if not layer.mentions_at(inside):
        assert formats_at(view, inside)[0].underlineStyle() != 0


def test_only_paragraphs_in_sight_are_drawn_until_scrolled_to(qtbot):
    text, layer = build()
    view = shown_view(qtbot, text, layer, {"PERSON": "#E69F00"})
    first = min(layer.mentions.values(), key=lambda m: m.start)
    last = max(layer.mentions.values(), key=lambda m: m.start)
    assert formats_at(view, first.start)  # the top of the article is drawn at once
    assert not formats_at(view, last.start)  # the end waits until it is seen
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # scroll, no jump
    QApplication.processEvents()
    person = LIGHT.mention_background("#E69F00", False)
    assert person in [f.background().color() for f in formats_at(view, last.start)]


def test_a_change_redraws_its_paragraph(qtbot):
    text, layer = build(200)
    view = shown_view(qtbot, text, layer, {"PERSON": "#E69F00", "ORG": "#56B4E9"})
    last = max(layer.mentions.values(), key=lambda m: m.start)
    scrolled_to(view, last.start)
    changes = edits.update(layer, last.id, label="ORG")
    layer.apply(changes)
    view.apply_changes(changes)
    org = LIGHT.mention_background("#56B4E9", False)
    assert org in [f.background().color() for f in formats_at(view, last.start)]
    removal = edits.delete_annotations(layer, [last.id])
    layer.apply(removal)
    view.apply_changes(removal)
    assert not [f for f in formats_at(view, last.start) if f.background().color() == org]


def test_changes_out_of_sight_are_drawn_when_scrolled_to(qtbot):
    text, layer = build(200)
    view = shown_view(qtbot, text, layer, {"PERSON": "#E69F00", "ORG": "#56B4E9"})
    org = LIGHT.mention_background("#56B4E9", False)
    ordered = sorted(layer.mentions.values(), key=lambda m: m.start)
    never_seen, seen = ordered[-1], ordered[len(ordered) // 2]
    scrolled_to(view, seen.start)  # drawn once, then out of sight again
    scrolled_to(view, 0)
    for mention in (never_seen, seen):
        changes = edits.update(layer, mention.id, label="ORG")
        layer.apply(changes)
        view.apply_changes(changes)
    brave = text.index("brave", never_seen.start - 2000)  # no mention there yet
    assert not layer.mentions_at(brave)
    added = edits.add_mention(layer, text, Span(brave, brave + 5), "ORG")
    layer.apply(added)
    view.apply_changes(added)
    for position in (never_seen.start, seen.start, brave):
        scrolled_to(view, position)
        assert org in [f.background().color() for f in formats_at(view, position)]
