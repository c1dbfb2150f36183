"""One tokenisation for every token-based format (CoNLL, Prodigy, spaCy).

Token formats can only hold spans that start and end on token boundaries, so all of them
must cut the text the same way, and the exporters must be able to say exactly which
annotations fall between boundaries. Tokens are runs of word characters or single other
characters; combining marks, variation selectors, emoji modifiers, emoji tag characters and
zero-width joiners stay with the character they modify, and two regional indicators make one
flag (🇬🇧), so a token boundary never splits what a reader sees as one character.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

_BASE = re.compile(r"\w+|\S")
_ZWJ = "\u200d"


def _is_attached(ch: str) -> bool:
    """Characters that belong to the one before them (marks, joiners, skin tones, the tag
    characters of flags such as 🏴󠁧󠁢󠁳󠁣󠁴󠁿)."""
    return (unicodedata.category(ch)[0] == "M" or ch == _ZWJ
            or "\U0001f3fb" <= ch <= "\U0001f3ff" or "\U000e0020" <= ch <= "\U000e007f")


def _regional(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def tokenize(text: str) -> list[tuple[int, int]]:
    """(start, end) code-point offsets of the tokens of `text`, in order."""
    out: list[list[int]] = []
    for m in _BASE.finditer(text):
        start, end = m.span()
        if out and out[-1][1] == start:
            prev_start, prev_end = out[-1]
            last = text[prev_end - 1]
            first = text[start]
            glue = (
                _is_attached(first)
                or last == _ZWJ
                # the second regional indicator of a flag; a third starts the next flag
                or (_regional(first) and prev_end - prev_start == 1 and _regional(last))
                or (_is_attached(last) and first.isalnum()
                    and (text[prev_start].isalnum() or text[prev_start] == "_"))
            )
            if glue:
                out[-1][1] = end
                continue
        out.append([start, end])
    return [(s, e) for s, e in out]


@dataclass
class Tokens:
    """A text's tokens with lookups from character spans to token ranges."""

    text: str
    spans: list[tuple[int, int]]
    starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.starts = [s for s, _ in self.spans]

    @classmethod
    def of(cls, text: str) -> Tokens:
        return cls(text, tokenize(text))

    def __len__(self) -> int:
        return len(self.spans)

    def words(self) -> list[str]:
        return [self.text[s:e] for s, e in self.spans]

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """First and last (inclusive) token of a character span, or None when the span
        does not start and end on token boundaries."""
        starts = self.starts
        i = bisect_left(starts, start)
        if i == len(starts) or starts[i] != start:
            return None
        j = i
        while j < len(self.spans) and self.spans[j][1] < end:
            j += 1
        if j == len(self.spans) or self.spans[j][1] != end:
            return None
        return i, j

    def whitespace_after(self, i: int) -> str:
        end = self.spans[i][1]
        nxt = self.spans[i + 1][0] if i + 1 < len(self.spans) else len(self.text)
        return self.text[end:nxt]

    def lines(self) -> list[list[int]]:
        """Token indices grouped by line: a sentence stand-in for CoNLL, whose files
        separate sentences by blank lines."""
        groups: list[list[int]] = []
        current: list[int] = []
        for i in range(len(self.spans)):
            current.append(i)
            gap = self.whitespace_after(i)
            if "\n" in gap or "\r" in gap or "\u2028" in gap or "\u2029" in gap:
                groups.append(current)
                current = []
        if current:
            groups.append(current)
        return groups
