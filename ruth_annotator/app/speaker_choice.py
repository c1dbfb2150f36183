"""Who may have said a quote: the candidates the speaker chooser offers, best first.

Kept apart from the widgets so the ranking can be tested without a window and reused by
any front end.
"""

from __future__ import annotations

from ruth_annotator.model.annotations import REJECTED, Entity, Mention, Quote
from ruth_annotator.model.layer import Layer

SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
NEARBY = 800  # code points around a quote where speaker candidates are looked for


def distance(quote: Quote, mention: Mention) -> int:
    """Code points between a mention and the nearest edge of the quote."""
    if mention.end <= quote.start:
        return quote.start - mention.end
    return max(0, mention.start - quote.end)


def nearby_speakers(layer: Layer, quote: Quote, limit: int = 12) -> list[Mention]:
    """Person-like mentions near the quote (not inside it), closest first."""
    near = [m for m in layer.mentions.values()
            if m.label in SPEAKER_LABELS and m.status != REJECTED
            and distance(quote, m) <= NEARBY and not quote.span.contains(m.span)]
    near.sort(key=lambda m: (distance(quote, m), m.start))
    return near[:limit]


def entities_by_name(layer: Layer) -> list[Entity]:
    """Every entity still standing, speaker-like labels first, then by name."""
    return sorted((e for e in layer.entities.values() if e.status != REJECTED),
                  key=lambda e: (e.label not in SPEAKER_LABELS, e.name))


def context(text: str, start: int, end: int, before: int = 30, after: int = 30) -> str:
    """The words around a span on one line, for a chooser row."""
    return " ".join(text[max(0, start - before):end + after].split())
