"""What the article view draws, indexed by position (pure Python, code points).

Each shown annotation becomes one or more marks (a mention; each segment of a quote; a
quote's cue). Marks sit in fixed-size buckets so the highlighter finds the marks of one
paragraph without scanning the document. Opening a document only sorts its annotations
into buckets (100,000 of them in a few tens of milliseconds); a bucket's marks are made the
first time the highlighter draws there, which on opening is the screenful in sight. A
change set updates only the buckets it touches.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from ruth_annotator.model.annotations import PROPOSED, REJECTED, Annotation, Mention, Quote
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.layer import Layer

SHIFT = 11  # buckets of 2,048 code points

MENTION = "mention"
QUOTE = "quote"
CUE = "cue"


class Mark(NamedTuple):
    start: int
    end: int
    kind: str  # MENTION, QUOTE (one segment) or CUE
    id: str  # the annotation's id (a cue mark carries its quote's id)
    label: str  # the mention's label or the quote's type
    proposed: bool


def marks_of(item: Annotation | None) -> list[Mark]:
    """The marks one annotation draws; rejected suggestions draw nothing."""
    if item is None or item.status == REJECTED:
        return []
    proposed = item.status == PROPOSED
    if isinstance(item, Mention):
        return [Mark(item.start, item.end, MENTION, item.id, item.label, proposed)]
    if isinstance(item, Quote):
        marks = [Mark(s.start, s.end, QUOTE, item.id, item.type, proposed)
                 for s in item.spans if s.end > s.start]
        if item.cue is not None and item.cue.end > item.cue.start:
            marks.append(Mark(item.cue.start, item.cue.end, CUE, item.id, item.type, proposed))
        return marks
    return []


def _buckets(item: Annotation) -> set[int]:
    """The buckets an annotation's marks reach into."""
    if isinstance(item, Mention):
        extents = [(item.start, item.end)]
    else:
        extents = [(s.start, s.end) for s in item.spans]
        if item.cue is not None:
            extents.append((item.cue.start, item.cue.end))
    return {b for start, end in extents if end > start
            for b in range(start >> SHIFT, ((end - 1) >> SHIFT) + 1)}


class SpanIndex:
    """Marks by bucket of positions; buckets are filled on first use."""

    def __init__(self) -> None:
        self._layer: Layer | None = None
        self._waiting: dict[int, list[Annotation]] = {}  # bucket -> items not yet marks
        self._marks: dict[int, list[Mark]] = {}  # bucket -> its marks, once made

    def build(self, layer: Layer) -> None:
        self._layer = layer
        self._marks = {}
        waiting: defaultdict[int, list[Annotation]] = defaultdict(list)
        for m in layer.mentions.values():
            if m.status != REJECTED and m.end > m.start:
                b = m.start >> SHIFT
                waiting[b].append(m)
                last = (m.end - 1) >> SHIFT
                while last > b:  # across a bucket edge: in each bucket it reaches
                    waiting[last].append(m)
                    last -= 1
        for q in layer.quotes.values():
            if q.status == REJECTED:
                continue
            spans, cue = q.spans, q.cue
            if len(spans) == 1:  # the usual quote: one segment, perhaps a cue beside it
                start, end = spans[0].start, spans[0].end
                if cue is not None:  # buckets between them are harmless: marks are
                    start, end = min(start, cue.start), max(end, cue.end)  # cut to fit
                for b in range(start >> SHIFT, ((end - 1) >> SHIFT) + 1):
                    waiting[b].append(q)
            else:
                for b in _buckets(q):
                    waiting[b].append(q)
        self._waiting = dict(waiting)

    def _bucket(self, b: int) -> list[Mark]:
        marks = self._marks.get(b)
        if marks is None:
            lo, hi = b << SHIFT, (b + 1) << SHIFT
            marks = self._marks[b] = [mark for item in self._waiting.pop(b, ())
                                      for mark in marks_of(item)
                                      if mark.start < hi and lo < mark.end]
        return marks

    def _remove(self, item: Annotation) -> None:
        for b in _buckets(item):
            if b in self._marks:
                self._marks[b] = [m for m in self._marks[b] if m.id != item.id]
            elif b in self._waiting:
                self._waiting[b] = [i for i in self._waiting[b] if i.id != item.id]

    def _add(self, item: Annotation) -> None:
        marks = marks_of(item)
        for b in _buckets(item):
            if b in self._marks:
                lo, hi = b << SHIFT, (b + 1) << SHIFT
                self._marks[b] += [m for m in marks if m.start < hi and lo < m.end]
            else:
                self._waiting.setdefault(b, []).append(item)

    def update(self, changes: ChangeSet) -> list[tuple[int, int]]:
        """Apply a change set; returns the ranges whose drawing changed (to re-highlight)."""
        dirty: list[tuple[int, int]] = []
        for change in changes.changes:
            if change.kind == "entity":
                continue
            before, after = marks_of(change.before), marks_of(change.after)
            if before == after:  # a speaker, parent or entity link: drawn the same
                continue
            if before:
                self._remove(change.before)
            if after:
                self._add(change.after)
            dirty += [(m.start, m.end) for m in (*before, *after)]
        return dirty

    def marks_in(self, start: int, end: int) -> list[Mark]:
        """Marks overlapping [start, end), each once."""
        if end <= start:
            return []
        out: list[Mark] = []
        first = start >> SHIFT
        for b in range(first, ((end - 1) >> SHIFT) + 1):
            for mark in self._bucket(b):
                # a mark reaching over several buckets is taken from the first one asked
                if mark.start < end and start < mark.end and (
                        b == first or mark.start >> SHIFT == b):
                    out.append(mark)
        return out

    def marks_of_id(self, item_id: str) -> list[Mark]:
        return marks_of(self._layer.get(item_id)) if self._layer is not None else []
