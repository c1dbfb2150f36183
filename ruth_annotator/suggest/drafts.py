"""A quote the engine is about to propose, before speakers are resolved to entities."""

from __future__ import annotations

from dataclasses import dataclass, field

Range = tuple[int, int]

CUED = "cue"            # a cue verb or "according to" names the speaker
LABELLED = "label"      # "Smith: …" (a line label or an interview's Q/A)
INHERITED = "inherit"   # a quote in a run: the previous quote's speaker goes on
FIRST_PERSON = "parent"  # "I said, ‘…’" inside a quote: the outer quote's speaker


@dataclass
class QuoteDraft:
    type: str
    segments: list[Range]
    cue: Range | None = None
    speaker: Range | None = None
    addressee: Range | None = None
    parent: int | None = None
    how: str = CUED
    marked: int | None = None
    speaker_key: str | None = None
    speaker_found: object | None = None
    addressee_key: str | None = None
    children: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    def covers(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.segments)
