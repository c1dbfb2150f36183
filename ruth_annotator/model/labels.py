"""The project's label set: entity types with colour, shortcut key and description.

Colours come from the Okabe–Ito palette, which stays distinguishable for the common forms
of colour blindness; the GUI tints them for light and dark themes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OKABE_ITO = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#999999",  # grey
    "#882255",  # wine (from Tol's palette, to reach nine)
)

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_NAME = re.compile(r"^[A-Z][A-Z0-9_\-]*$")


@dataclass(frozen=True, slots=True)
class Label:
    name: str
    color: str
    key: str = ""
    description: str = ""

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(f"label names are upper case words, not {self.name!r}")
        if not _COLOR.match(self.color):
            raise ValueError(f"colour of {self.name} must be #RRGGBB, not {self.color!r}")
        if len(self.key) > 1:
            raise ValueError(f"shortcut of {self.name} must be one key, not {self.key!r}")


# One hue a default label, at least 18° apart round the colour wheel (grey for DATE), from
# the colour-blind-safe Okabe–Ito and Tol palettes: no two labels read as "the blue one".
LABEL_COLORS = (
    "#E69F00",  # PERSON: orange
    "#56B4E9",  # ORG: sky blue
    "#009E73",  # GPE: bluish green
    "#999933",  # LOC: olive
    "#AA4499",  # WORK_OF_ART: purple
    "#CC3311",  # EVENT: red
    "#999999",  # DATE: grey
    "#117733",  # NORP: green
    "#882255",  # MISC: wine
)

DEFAULT_LABELS: tuple[Label, ...] = tuple(
    Label(name, LABEL_COLORS[i], str(i + 1), description)
    for i, (name, description) in enumerate(
        [
            ("PERSON", "People, real or fictional"),
            ("ORG", "Companies, broadcasters, institutions"),
            ("GPE", "Countries, cities, states"),
            ("LOC", "Other places: regions, islands, buildings"),
            ("WORK_OF_ART", "Films, series, books, songs"),
            ("EVENT", "Named events"),
            ("DATE", "Dates and periods"),
            ("NORP", "Nationalities, religious and political groups"),
            ("MISC", "Anything else worth naming"),
        ]
    )
)


def validate_label_set(labels: list[Label]) -> None:
    """Names and shortcut keys must be unique; raises ValueError naming the clash."""
    seen: dict[str, str] = {}
    keys: dict[str, str] = {}
    for label in labels:
        if label.name in seen:
            raise ValueError(f"label {label.name} appears twice")
        seen[label.name] = label.name
        if label.key:
            if label.key in keys:
                raise ValueError(f"key {label.key} is used by {keys[label.key]} and {label.name}")
            keys[label.key] = label.name
