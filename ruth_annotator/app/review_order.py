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
    # one pass each (the nearest after, else the first), no sort of the layer per key press
    quotes = [q for q in layer.quotes.values() if q.status == PROPOSED]
    if quotes:
        return _after(quotes, reading_key, after if isinstance(after, Quote) else None)
    mentions = [m for m in layer.mentions.values() if m.status == PROPOSED]
    if not mentions:
        return None
    firsts = _entity_firsts(layer)

    def key(m: Mention) -> tuple:
        return _mention_key(m, firsts)

    return _after(mentions, key, after if isinstance(after, Mention) else None)


def _after(items: list, key, after: Annotation | None) -> Annotation:
    """The first of `items` (by `key`) after `after`, wrapping round to the first."""
    if after is not None:
        mark = key(after)
        found = min((i for i in items if key(i) > mark), key=key, default=None)
        if found is not None:
            return found
    return min(items, key=key)
