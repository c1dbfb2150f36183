"""The order in which suggestions are reviewed, and how much is left to decide.

Quotes come first, in reading order: deciding a quote decides its attribution too, so
most of a page is settled quote by quote. The mentions left undecided after that follow,
grouped by entity (all of one person together, in order of first appearance), so one
decision about a name is repeated while it is fresh. No Qt here: the window and tests use
the same order.
"""

from __future__ import annotations

from dataclasses import dataclass

from ruth_annotator.model.annotations import PROPOSED, REJECTED, Annotation, Mention, Quote
from ruth_annotator.model.layer import Layer


@dataclass(frozen=True)
class Progress:
    """Decided and total quotes and mentions of one layer (rejected ones count as decided)."""

    quotes_decided: int
    quotes: int
    mentions_decided: int
    mentions: int

    @property
    def undecided_quotes(self) -> int:
        return self.quotes - self.quotes_decided

    @property
    def undecided_mentions(self) -> int:
        return self.mentions - self.mentions_decided

    @property
    def undecided(self) -> int:
        return self.undecided_quotes + self.undecided_mentions

    def line(self) -> str:
        """"quotes 3 of 16 decided · mentions 20 of 79", for the status bar."""
        return (f"quotes {self.quotes_decided} of {self.quotes} decided · "
                f"mentions {self.mentions_decided} of {self.mentions}")


def progress(layer: Layer) -> Progress:
    quotes = layer.quotes.values()
    mentions = layer.mentions.values()
    return Progress(sum(q.status != PROPOSED for q in quotes), len(quotes),
                    sum(m.status != PROPOSED for m in mentions), len(mentions))


def reading_key(item: Annotation) -> tuple:
    """Text order: by start, an enclosing item before what it encloses."""
    return (item.start, -item.end, item.kind, item.id)


def _entity_firsts(layer: Layer) -> dict[str, int]:
    firsts: dict[str, int] = {}
    for m in layer.mentions.values():
        if m.entity and (m.entity not in firsts or m.start < firsts[m.entity]):
            firsts[m.entity] = m.start
    return firsts


def _mention_key(mention: Mention, firsts: dict[str, int]) -> tuple:
    first = firsts.get(mention.entity or "", mention.start)
    return (first, mention.entity or mention.id, mention.start, mention.end, mention.id)


def quotes_in_order(layer: Layer) -> list[Quote]:
    """The quotes still standing (not rejected), in reading order."""
    return sorted((q for q in layer.quotes.values() if q.status != REJECTED), key=reading_key)


def next_undecided(layer: Layer, after: Annotation | None = None) -> Annotation | None:
    """The suggestion to review after `after` (None: the first one).

    After a quote: the next undecided quote in reading order, wrapping round to the first;
    when no quote is undecided, the first undecided mention in entity order. After a
    mention: the next undecided mention in entity order, wrapping round.
    """
    quotes = sorted((q for q in layer.quotes.values() if q.status == PROPOSED),
                    key=reading_key)
    if quotes:
        if isinstance(after, Quote):
            key = reading_key(after)
            return next((q for q in quotes if reading_key(q) > key), quotes[0])
        return quotes[0]
    firsts = _entity_firsts(layer)
    mentions = sorted((m for m in layer.mentions.values() if m.status == PROPOSED),
                      key=lambda m: _mention_key(m, firsts))
    if not mentions:
        return None
    if isinstance(after, Mention):
        key = _mention_key(after, firsts)
        return next((m for m in mentions if _mention_key(m, firsts) > key), mentions[0])
    return mentions[0]
