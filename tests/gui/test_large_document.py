"""A long article with thousands of spans (and emoji throughout) is drawn correctly by the
per-paragraph highlighter, and a change redraws its paragraph. Speed is measured by the
benchmarks, not here."""

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


def test_highlights_land_on_code_point_positions(qtbot):
    text, layer = build()
    assert len(layer.mentions) > 10_000
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show_document(text, layer, {"PERSON": "#E69F00"}, LIGHT)
    view.show()
    QApplication.processEvents()
    person = LIGHT.mention_background("#E69F00", False)
    rng = random.Random(1)
    for mention in rng.sample(sorted(layer.mentions.values(), key=lambda m: m.start), 40):
        for position in (mention.start, mention.end - 1):
            backgrounds = [f.background().color() for f in formats_at(view, position)]
            assert person in backgrounds, (mention, text[mention.start:mention.end])
        after = mention.end
        if after < len(text) and not layer.mentions_at(after) and not layer.quotes_at(after):
            assert not formats_at(view, after)
    quote = next(iter(layer.quotes.values()))
    inside = quote.start + 1
    if not layer.mentions_at(inside):
        assert formats_at(view, inside)[0].underlineStyle() != 0


def test_a_change_redraws_its_paragraph(qtbot):
    text, layer = build(200)
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_document(text, layer, {"PERSON": "#E69F00", "ORG": "#56B4E9"}, LIGHT)
    last = max(layer.mentions.values(), key=lambda m: m.start)
    changes = edits.update(layer, last.id, label="ORG")
    layer.apply(changes)
    view.apply_changes(changes)
    org = LIGHT.mention_background("#56B4E9", False)
    assert org in [f.background().color() for f in formats_at(view, last.start)]
    removal = edits.delete_annotations(layer, [last.id])
    layer.apply(removal)
    view.apply_changes(removal)
    assert not [f for f in formats_at(view, last.start) if f.background().color() == org]
