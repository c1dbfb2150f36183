"""Pairing two annotators' spans one to one, exactly or by overlap.

Agreement between annotators and evaluation of suggestions against a gold layer both ask the
same question — which annotation of one side is the same as which of the other — so the
answer lives here, below both. Quotes may have several segments: two quotes overlap by the
code points their segments share.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

from ruth_annotator.model.annotations import Mention, Quote, Span

T = TypeVar("T", Mention, Quote)
EXACT = "exact"
OVERLAP = "overlap"
MODES = (EXACT, OVERLAP)


def segments(item: Mention | Quote) -> tuple[Span, ...]:
    """The spans an annotation covers: one for a mention, one or more for a quote."""
    return item.spans if isinstance(item, Quote) else (item.span,)


def shared_length(a: Sequence[Span], b: Sequence[Span]) -> int:
    """Code points covered by both span lists (each list's spans do not overlap each other)."""
    total = 0
    for x in a:
        for y in b:
            total += max(0, min(x.end, y.end) - max(x.start, y.start))
    return total


def covered_length(spans: Sequence[Span]) -> int:
    return sum(len(s) for s in spans)


def match(a: Sequence[T], b: Sequence[T], mode: str = EXACT,
          compatible: Callable[[T, T], bool] | None = None) -> list[tuple[T, T]]:
    """Pairs (item of a, item of b), each item used at most once.

    `exact`: the same segments. `overlap`: sharing at least one code point; the pairs with
    the highest overlap ratio (shared / union) are taken first, so an exact twin always wins
    over a longer neighbour. `compatible` adds a condition (the same label, say).
    """
    if mode not in MODES:
        raise ValueError(f"unknown matching mode {mode!r}")
    ok = compatible or (lambda x, y: True)
    if mode == EXACT:
        waiting: dict[tuple[Span, ...], list[T]] = defaultdict(list)
        for y in sorted(b, key=_order):
            waiting[segments(y)].append(y)
        pairs = []
        for x in sorted(a, key=_order):
            for i, y in enumerate(waiting.get(segments(x), ())):
                if ok(x, y):
                    pairs.append((x, y))
                    del waiting[segments(x)][i]
                    break
        return pairs
    candidates = []
    for i, x in enumerate(a):
        sx = segments(x)
        for j, y in enumerate(b):
            sy = segments(y)
            if x.start >= y.end or y.start >= x.end:
                continue
            shared = shared_length(sx, sy)
            if shared and ok(x, y):
                union = covered_length(sx) + covered_length(sy) - shared
                # ties go by place, then by the order given: not by ids, which may be random
                # (suggested pieces), so the same inputs always pair the same way
                candidates.append((-shared / union, -shared, (x.start, x.end, i),
                                   (y.start, y.end, j), x, y))
    candidates.sort(key=lambda c: c[:4])
    used_a: set[str] = set()
    used_b: set[str] = set()
    pairs = []
    for *_, x, y in candidates:
        if x.id not in used_a and y.id not in used_b:
            used_a.add(x.id)
            used_b.add(y.id)
            pairs.append((x, y))
    return sorted(pairs, key=lambda p: _order(p[0]))


def _order(item: Mention | Quote) -> tuple[int, int, str]:
    return (item.start, item.end, item.id)
