"""Which code points of a text are taken: one byte a code point, so "does this span touch
anything taken" is one C-speed search however many spans there are."""

from __future__ import annotations

from collections.abc import Iterable


class Coverage:
    def __init__(self, length: int, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._taken = bytearray(length + 1)
        for start, end in spans:
            self.mark(start, end)

    def mark(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)

    def hits(self, start: int, end: int) -> bool:
        return self._taken.find(1, start, end) >= 0
