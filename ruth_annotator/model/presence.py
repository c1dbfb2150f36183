"""Which imported annotations a layer already holds, so importing twice adds nothing.

An imported annotation is already present when the layer holds one with the same span (all
segments, for a quote), the same label (a quote's type) and the same links. Links are
compared through what they point at: an imported entity is the stored entity its mentions
all belong to (or, without mentions, the one with its label and name). A link the file does
not carry (many formats hold no addressee or no speaker mention) counts as the same; a link
that leads elsewhere makes it a different annotation.

Kept annotations that point at present ones are re-pointed at the stored ones.
"""

from __future__ import annotations

from dataclasses import replace

from ruth_annotator.model.annotations import Annotation, Entity, Mention, Quote, Span
from ruth_annotator.model.decisions import LINKS, links
from ruth_annotator.model.layer import Layer


def not_present(layer: Layer, items: list[Annotation]) -> tuple[list[Annotation], int]:
    """(the items the layer lacks, re-pointed at stored ones; how many mentions and quotes
    were already present)."""
    if not len(layer):
        return items, 0
    same: dict[str, str] = {}  # imported id -> stored id
    mentions = [i for i in items if isinstance(i, Mention)]
    by_span: dict[tuple, list[Mention]] = {}
    for m in layer.mentions.values():
        by_span.setdefault((m.start, m.end, m.label), []).append(m)
    candidates = {m.id: by_span.get((m.start, m.end, m.label), []) for m in mentions}
    _match_entities(layer, items, candidates, same)
    for m in mentions:
        for stored in candidates[m.id]:
            if _agrees(m.entity, stored.entity, same):
                same[m.id] = stored.id
                break
    by_segments: dict[tuple, list[Quote]] = {}
    for q in layer.quotes.values():
        by_segments.setdefault((q.type, q.spans), []).append(q)
    quotes = sorted((i for i in items if isinstance(i, Quote)), key=lambda q: (q.start, -q.end))
    for q in quotes:  # enclosing quotes first: a parent's match is known before its child's
        for stored in by_segments.get((q.type, q.spans), []):
            if _quote_agrees(q, stored, same):
                same[q.id] = stored.id
                break
    kept = [_repointed(i, same) for i in items if i.id not in same]
    present = sum(1 for i in items if i.id in same and not isinstance(i, Entity))
    return kept, present


def _match_entities(layer: Layer, items: list[Annotation],
                    candidates: dict[str, list[Mention]], same: dict[str, str]) -> None:
    """An imported entity is the stored one that all its matching mentions belong to."""
    members: dict[str, set[str | None]] = {}
    for item in items:
        if isinstance(item, Mention) and item.entity:
            stored = {c.entity for c in candidates[item.id]}
            members.setdefault(item.entity, set()).update(stored or {None})
    by_name = {(e.label, e.name): e.id for e in layer.entities.values()}
    for item in items:
        if not isinstance(item, Entity):
            continue
        stored = members.get(item.id)
        if stored is None:
            found = by_name.get((item.label, item.name))
        else:
            found = next(iter(stored)) if len(stored) == 1 else None
        if found is not None:
            same[item.id] = found


def _agrees(imported: str | None, stored: str | None, same: dict[str, str]) -> bool:
    """The same link: not carried by the file, or leading to the stored target."""
    return imported is None or (imported in same and same[imported] == stored)


def _quote_agrees(q: Quote, stored: Quote, same: dict[str, str]) -> bool:
    return (all(_agrees(getattr(q, name), getattr(stored, name), same)
                for name, _ in LINKS["quote"])
            and (q.cue is None or q.cue == stored.cue))


def _repointed(item: Annotation, same: dict[str, str]) -> Annotation:
    relinked = {name: same[value] for name, value in links(item) if value in same}
    return replace(item, **relinked) if relinked else item


def without_spaces(text: str) -> str:
    """The characters of a text without its whitespace: its tokens, however they are spaced."""
    return "".join(text.split())


def moved(items: list[Annotation], source: str, target: str) -> list[Annotation]:
    """Items on `source` moved onto `target`, a text with the same characters apart from
    whitespace (a CoNLL text rebuilt from tokens onto the project's article)."""
    where = [i for i, ch in enumerate(target) if not ch.isspace()]
    index: list[int] = []  # per source position: how many non-space characters precede it
    count = 0
    for ch in source:
        index.append(count)
        if not ch.isspace():
            count += 1
    index.append(count)

    def start(pos: int) -> int:
        n = index[pos]
        return where[n] if n < len(where) else len(target)

    def end(pos: int) -> int:
        n = index[pos]
        return where[n - 1] + 1 if n else 0

    def span(s: Span) -> Span:
        return Span(start(s.start), max(start(s.start), end(s.end)))

    out: list[Annotation] = []
    for item in items:
        if isinstance(item, Mention):
            s = span(item.span)
            out.append(replace(item, start=s.start, end=s.end))
        elif isinstance(item, Quote):
            out.append(replace(item, spans=tuple(span(s) for s in item.spans),
                               cue=span(item.cue) if item.cue else None))
        else:
            out.append(item)
    return out
