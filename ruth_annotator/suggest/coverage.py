"""Which code points of a text are taken, and which items lie over a range.

`Coverage`: one byte a code point, so "does this span touch anything taken" is one C-speed
search however many spans there are. `Overlaps`: items (quotes) by the fixed-size buckets
their spans touch, so finding the few that overlap a range does not scan them all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Coverage:
    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._taken = bytearray(length + 1)
        for start, end in spans:
            self.mark(start, end)

    def mark(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)

    def hits(self, start: int, end: int) -> bool:
        return self._taken.find(1, start, end) >= 0


class Overlaps(Generic[T]):
    """Items with spans, looked up by range; `candidates` may return items that only come
    near, never misses one that overlaps (so callers keep their exact test)."""

    BUCKET = 1024

    def __init__(self, items: Iterable[tuple[T, Iterable[tuple[int, int]]]]) -> None:
        self._items: list[T] = []
        self._buckets: dict[int, list[int]] = {}
        for index, (item, spans) in enumerate(items):
            self._items.append(item)
            for start, end in spans:
                for b in self._touched(start, end):
                    self._buckets.setdefault(b, []).append(index)

    def _touched(self, start: int, end: int) -> range:
        # An empty span [x, x) overlaps what covers x, so it is filed at x.
        return range(start // self.BUCKET, max(start, end - 1) // self.BUCKET + 1)

    def candidates(self, spans: Sequence[tuple[int, int]]) -> list[T]:
        """The items near any of `spans`, in the order they were given."""
        found: set[int] = set()
        for start, end in spans:
            for b in self._touched(start, end):
                found.update(self._buckets.get(b, ()))
        return [self._items[i] for i in sorted(found)]
