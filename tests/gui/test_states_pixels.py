"""Suggested and accepted work differ in shape, not only in shade, in both themes: the
rendered pixels are compared, span by span. And every default label has its own hue."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.theme import DARK, LIGHT, palette
from ruth_annotator.model.annotations import ACCEPTED, PROPOSED, SUGGESTED, Mention, Quote, Span
from ruth_annotator.model.labels import DEFAULT_LABELS
from ruth_annotator.model.layer import Layer

TEXT = ("Alpha Bravo spoke first today.\n\n"
        "Charlie Delta spoke second today.\n\n"
        "We accepted every word of this one here.\n\n"
        "We suggested every word of this one here.\n")


def span_of(words: str) -> Span:
    start = TEXT.index(words)
    return Span(start, start + len(words))


def marks(status: str, name: str, quote: str) -> list:
    s, q = span_of(name), span_of(quote)
    return [Mention(f"m-{status}", s.start, s.end, "PERSON", status=status, source=SUGGESTED),
            Quote(f"q-{status}", "direct", (q,), status=status, source=SUGGESTED)]


def inked(view: ArticleView, span: Span, base: QColor) -> float:
    """The share of pixels over a span (with the line below it) that are not the page."""
    image = view.viewport().grab().toImage()
    total = differ = 0
    for rect in view.span_rects(span):
        r = rect.toAlignedRect().adjusted(0, 0, 0, 3)
        for y in range(max(0, r.top()), min(image.height(), r.bottom())):
            for x in range(max(0, r.left()), min(image.width(), r.right())):
                c = image.pixelColor(x, y)
                total += 1
                differ += abs(c.red() - base.red()) + abs(c.green() - base.green()) + \
                    abs(c.blue() - base.blue()) > 60  # more than a trace of tint
    return differ / max(1, total)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_suggested_and_accepted_differ_clearly(qtbot, theme):
    layer = Layer.of(1, "tester", [*marks(ACCEPTED, "Alpha Bravo", "We accepted every word"),
                                   *marks(PROPOSED, "Charlie Delta", "We suggested every word")])
    view = ArticleView()
    view.setPalette(palette(theme))
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.show_document(TEXT, layer, {"PERSON": "#E69F00"}, theme)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    base = QColor(theme.base)
    for accepted, suggested in (("Alpha Bravo", "Charlie Delta"),
                                ("We accepted every word", "We suggested every word")):
        a, s = inked(view, span_of(accepted), base), inked(view, span_of(suggested), base)
        assert a > 0.6, (theme.name, accepted, a)  # filled
        assert s < a / 2, (theme.name, suggested, s, a)  # hollow: glyphs and a wavy line
        assert s > 0.05, (theme.name, suggested, s)  # … but there


def test_every_default_label_has_its_own_hue():
    hues = []
    for label in DEFAULT_LABELS:
        color = QColor(label.color)
        if color.hsvSaturationF() > 0.2:
            hues.append((label.name, color.hsvHue()))
    assert len(hues) >= len(DEFAULT_LABELS) - 1  # at most one grey
    for i, (name, hue) in enumerate(hues):
        for other, other_hue in hues[i + 1:]:
            gap = min(abs(hue - other_hue), 360 - abs(hue - other_hue))
            assert gap >= 18, (name, other, gap)
