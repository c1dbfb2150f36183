"""WCAG 2 contrast between two colours: the one measure of "readable" the app uses.

Text needs a ratio of at least 4.5:1 against its background (WCAG AA for body text); the
themes keep label tints above it and the settings dialog warns about colours that cannot.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

#: WCAG AA minimum for normal-size text.
AA_TEXT = 4.5


def relative_luminance(color: QColor | str) -> float:
    c = QColor(color)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(foreground: QColor | str, background: QColor | str) -> float:
    """From 1.0 (same colour) to 21.0 (black on white); order does not matter."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
