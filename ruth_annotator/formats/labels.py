"""Entity labels every format can carry, checked where they come in and mapped on the way out.

A label is one word: brat's `.ann` separates the type from the offsets by a space and its
`annotation.conf` by tabs, CoNLL separates token and tag by a space, and a label such as
`PERSON NAME` breaks all three. The formats also spell quotes, cues and links with names of
their own (`Quote`, `Cue`, `DIRECT_QUOTE`, `SPEAKER` …): a mention labelled `Quote` would turn
into a quote on the way back from brat. So an importer refuses such a label in one line, and
an exporter meeting one already in a project writes a mapped name and says so.
"""

from __future__ import annotations

import re

#: Names the formats use for structure (compared without regard to case).
STRUCTURAL = frozenset(name.casefold() for name in (
    "Quote", "Cue", "Source", "Speaker", "Addressee", "Quote_cue", "Equiv", "QuoteType",
    "Form", "Status", "DIRECT_QUOTE", "INDIRECT_QUOTE", "MIXED_QUOTE", "CUE", "SPEAKER",
    "ADDRESSEE", "coref", "continues",
))
_WORD = re.compile(r"[^\W_][\w-]*")
_NOT_WORD = re.compile(r"[^\w-]+")


def problem(label: str) -> str | None:
    """Why `label` cannot be an entity label in every format, or None when it can."""
    if label.casefold() in STRUCTURAL:
        return (f"label “{label}” is one of the names the formats use for quotes, cues and "
                "links; rename it (e.g. to " f"{label.upper()}_ENTITY)")
    if not _WORD.fullmatch(label):
        return (f"label “{label}” is not one word of letters, digits, - and _ "
                "(brat and CoNLL cannot carry it)")
    return None


def check(label: str) -> str:
    """`label` itself, or ValueError with the one line saying why it cannot come in."""
    found = problem(label)
    if found:
        raise ValueError(found)
    return label


def exported(label: str) -> str:
    """The name a format writes for a label already in a project (itself when it is fine)."""
    if problem(label) is None:
        return label
    word = _NOT_WORD.sub("_", label).strip("_-") or "LABEL"
    if not word[0].isalnum():
        word = "L" + word
    return f"{word}_ENTITY" if word.casefold() in STRUCTURAL else word
