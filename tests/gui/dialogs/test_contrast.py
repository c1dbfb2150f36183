"""Text stays readable (WCAG AA, 4.5:1) on every label tint in the light and dark themes."""

from __future__ import annotations

import pytest

from ruth_annotator.gui.contrast import AA_TEXT, contrast_ratio
from ruth_annotator.gui.theme import DARK, LIGHT
from ruth_annotator.model.labels import DEFAULT_LABELS, OKABE_ITO


def test_contrast_ratio_matches_the_wcag_reference_values():
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    # WCAG's own example pair: #777777 on white is just below 4.5.
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#777777") == contrast_ratio("#777777", "#FFFFFF")


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("color", sorted({lab.color for lab in DEFAULT_LABELS} | set(OKABE_ITO)
                                         | {"#FFFF00", "#FFFFFF", "#000000", "#00FF00"}))
@pytest.mark.parametrize("proposed", [False, True], ids=["accepted", "proposed"])
def test_text_on_label_tints_is_readable(theme, color, proposed):
    background = theme.mention_background(color, proposed)
    ratio = contrast_ratio(theme.text, background)
    assert ratio >= AA_TEXT, f"{theme.name} text on {color} tint: {ratio:.2f}:1"


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_body_and_muted_text_are_readable_on_the_page(theme):
    assert contrast_ratio(theme.text, theme.base) >= AA_TEXT
    assert contrast_ratio(theme.text, theme.window) >= AA_TEXT
    assert contrast_ratio(theme.muted, theme.base) >= AA_TEXT
