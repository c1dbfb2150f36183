"""Light and dark themes: the application palette and the colours of annotations.

Label colours (Okabe–Ito) are blended into the page colour rather than drawn at full
strength, so text stays readable on them in both themes: the same hue reads as a pale tint
on white and as a muted tone on the dark page.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ruth_annotator.gui.contrast import AA_TEXT, contrast_ratio

THEMES = ("system", "light", "dark")


@dataclass(frozen=True)
class Theme:
    name: str
    dark: bool
    window: str
    base: str
    alt_base: str
    text: str
    muted: str
    button: str
    highlight: str
    quote: str
    flash: str
    search: str
    outline: str
    danger: str

    def blend(self, color: str, alpha: float) -> QColor:
        """`color` laid over the page at `alpha`, as an opaque colour."""
        fg, bg = QColor(color), QColor(self.base)
        return QColor.fromRgbF(
            fg.redF() * alpha + bg.redF() * (1 - alpha),
            fg.greenF() * alpha + bg.greenF() * (1 - alpha),
            fg.blueF() * alpha + bg.blueF() * (1 - alpha),
        )

    def mention_background(self, color: str, proposed: bool) -> QColor:
        """The label's tint, weakened where needed so text on it keeps 4.5:1 contrast."""
        # a suggestion is hollow: a trace of its colour under a wavy line (highlighter.py)
        strength = {(True, False): 0.50, (True, True): 0.12, (False, False): 0.40,
                    (False, True): 0.08}
        alpha = strength[(self.dark, proposed)]
        tint = self.blend(color, alpha)
        while alpha > 0 and contrast_ratio(self.text, tint) < AA_TEXT:
            alpha = max(0.0, alpha - 0.04)
            tint = self.blend(color, alpha)
        return tint

    def line_color(self, color: str) -> QColor:
        """A label colour for thin lines (dashes, outlines): stronger than the fill."""
        c = QColor(color)
        return c.lighter(125) if self.dark else c.darker(125)

    def quote_band(self, depth: int, selected: bool) -> QColor:
        """An accepted quote's band: plain to see, stronger when nested or current, and
        never so strong that the text on it loses contrast."""
        if selected:
            return self.blend(self.quote, 0.46 if self.dark else 0.34)
        step, most = (0.22, 0.40) if self.dark else (0.16, 0.30)
        return self.blend(self.quote, min(step * depth, most))


LIGHT = Theme(
    name="light", dark=False, window="#f3f3f5", base="#ffffff", alt_base="#f7f7f9",
    text="#1f2328", muted="#6e7781", button="#ececef", highlight="#2f6fde",
    quote="#3d5a98", flash="#ffd84d", search="#ffe98a", outline="#1f2328", danger="#b3261e",
)
DARK = Theme(
    name="dark", dark=True, window="#2b2d31", base="#1e1f22", alt_base="#25272b",
    text="#e3e5e8", muted="#9aa0a6", button="#35373c", highlight="#4c8bf5",
    quote="#8fb0ff", flash="#8a6d00", search="#5c4d00", outline="#ffffff", danger="#f2b8b5",
)


def resolve(name: str) -> Theme:
    """The theme for a setting: "light", "dark" or "system" (the desktop's choice)."""
    if name == "dark":
        return DARK
    if name == "light":
        return LIGHT
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hints is not None else Qt.ColorScheme.Unknown
    return DARK if scheme == Qt.ColorScheme.Dark else LIGHT


def palette(theme: Theme) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    colors = {
        role.Window: theme.window, role.WindowText: theme.text, role.Base: theme.base,
        role.AlternateBase: theme.alt_base, role.Text: theme.text, role.Button: theme.button,
        role.ButtonText: theme.text, role.Highlight: theme.highlight,
        role.HighlightedText: "#ffffff", role.ToolTipBase: theme.alt_base,
        role.ToolTipText: theme.text, role.PlaceholderText: theme.muted,
        role.Link: theme.highlight, role.BrightText: theme.danger,
        role.Mid: theme.muted, role.Dark: theme.button, role.Light: theme.alt_base,
    }
    for r, c in colors.items():
        p.setColor(r, QColor(c))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor(theme.muted))
    return p


def apply(app: QApplication, theme: Theme) -> None:
    """Use the Fusion style with the theme's palette (looks the same on every desktop)."""
    app.setStyle("Fusion")
    app.setPalette(palette(theme))
