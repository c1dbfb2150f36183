"""Word boundaries for selections and span editing (pure text logic, code points).

A selection that starts or ends inside a word grows to the whole word, and spaces at its
edges are dropped, so a quick drag gives a clean span. Quote content excludes its
quotation marks, so those are trimmed too when a quote is made.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from ruth_annotator.model.annotations import Span

QUOTE_MARKS = "\"'“”‘’„‚«»‹›「」『』"
_JOINERS = "'’-\u00ad"


def is_word_char(text: str, i: int) -> bool:
    """Letters, digits, combining marks, and apostrophes/hyphens inside a word."""
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    if ch.isalnum() or ch == "_" or _is_mark(ch):
        return True
    return (ch in _JOINERS and i > 0 and i + 1 < len(text)
            and text[i - 1].isalnum() and text[i + 1].isalnum())


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def trim(text: str, span: Span, chars: str = "") -> Span:
    """Drop white space (and `chars`) from both ends of a span."""
    start, end = span.start, span.end
    while start < end and (text[start].isspace() or text[start] in chars):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in chars):
        end -= 1
    return Span(start, end)


def snap(text: str, span: Span) -> Span:
    """Grow a span to whole words at both ends and trim white space."""
    start, end = span.start, span.end
    if start < end:
        while start > 0 and is_word_char(text, start - 1) and is_word_char(text, start):
            start -= 1
        while end < len(text) and is_word_char(text, end) and is_word_char(text, end - 1):
            end += 1
    return trim(text, Span(start, end))


def word_at(text: str, position: int) -> Span | None:
    """The word that covers (or ends at) a position, if any."""
    if not is_word_char(text, position):
        if is_word_char(text, position - 1):
            position -= 1
        else:
            return None
    start = end = position
    while is_word_char(text, start - 1):
        start -= 1
    while is_word_char(text, end):
        end += 1
    return Span(start, end)


def next_word_end(text: str, position: int) -> int:
    """The end of the next word after `position` (extending a span to the right)."""
    i = position
    while i < len(text) and not is_word_char(text, i):
        i += 1
    while i < len(text) and is_word_char(text, i):
        i += 1
    return i


def previous_word_start(text: str, position: int) -> int:
    """The start of the word before `position` (extending a span to the left)."""
    i = position
    while i > 0 and not is_word_char(text, i - 1):
        i -= 1
    while i > 0 and is_word_char(text, i - 1):
        i -= 1
    return i


def resize(text: str, span: Span, edge: str, grow: bool) -> Span:
    """Move one edge of a span by a word; never shrinks it to nothing."""
    start, end = span.start, span.end
    if edge == "end":
        if grow:
            end = next_word_end(text, end)
        else:
            new_end = previous_word_start(text, end)
            end = trim(text, Span(start, new_end)).end if new_end > start else end
    else:
        if grow:
            start = previous_word_start(text, start)
        else:
            new_start = next_word_end(text, start)
            start = trim(text, Span(new_start, end)).start if new_start < end else start
    return Span(start, end)


@functools.cache
def _cue_words() -> re.Pattern:
    """The suggestion engine's speech verbs and phrases ("said", "told", "went on"), as
    words (loaded on first use: the engine takes a while to import, not needed to start)."""
    from ruth_annotator.suggest.cues import KNOWN_CUES
    from ruth_annotator.suggest.vocab import alternation

    return re.compile(rf"(?<![\w'’-]){alternation(KNOWN_CUES)}(?![\w'’-])", re.IGNORECASE)


def cues_near(text: str, spans: Sequence[Span], distance: int) -> list[Span]:
    """Speech verbs within `distance` code points of a quote's segments and outside them,
    nearest first (the cue C offers when nothing is selected)."""
    first, last = spans[0].start, spans[-1].end
    window_start = max(0, first - distance)
    found: list[tuple[int, int, Span]] = []
    for match in _cue_words().finditer(text, window_start):
        if match.start() > last + distance:
            break
        span = Span(match.start(), match.end())
        if any(span.overlaps(s) for s in spans):
            continue
        gap = first - span.end if span.end <= first else max(0, span.start - last)
        found.append((gap, span.start, span))
    return [span for _, _, span in sorted(found)]
