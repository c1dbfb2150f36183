"""Direct-quote pieces: the unit in which direct speech is scored.

A piece is a stretch of words between quotation marks; a quote interrupted by its
attribution ("A," she said, "b.") is two pieces. The pieces of a quote are the spans
between marks in each segment (and each paragraph of a segment), marks just outside a
segment included (annotators differ on whether the marks belong to the content): from an
attribution corpus's content ("She said that the plan was “a disaster for everyone.”")
the quoted part. A direct quote's segment without marks is a piece as a whole. Pieces of
fewer than `MIN_WORDS` words are left out on both sides: two- and three-word fragments in
marks are mostly scare quotes and titles, and partial quotes that short are not what
direct-speech suggestions are for.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ruth_annotator.model.annotations import Quote, Span

MIN_WORDS = 4
_TRIM = " \t\r\n\"“”‘’'«».,;:!?…—–-()[]`"
_OPENERS = ("“", "„", "«", "``", "‘")
_CLOSERS = ("”", "»", "’")
_MARK = re.compile("[\"“”„«»]|''|``|(?<!\\w)‘|’(?!\\w)")
_SINGLE = ("‘", "’")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, s = [], start
    while True:
        nl = text.find("\n", s, end)
        if nl < 0:
            out.append((s, end))
            return out
        out.append((s, nl))
        s = nl + 1


def _widened(text: str, start: int, end: int) -> tuple[int, int]:
    """The segment with a quotation mark just outside it (past spaces) taken in."""
    s = start
    while s > 0 and text[s - 1] in " \t":
        s -= 1
    for mark in ("``", "''", *"\"“„«‘"):
        if text.endswith(mark, max(0, s - len(mark)), s):
            start = s - len(mark)
            break
    e = end
    while e < len(text) and text[e] in " \t.,;:!?":
        e += 1
    for mark in ("''", *"\"”»’"):
        if text.startswith(mark, e):
            end = e + len(mark)
            break
    return start, end


def marked_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans between paired quotation marks within text[start:end] (one line). A closer
    with no opener before it closes a quote opened before the line; an opener left open
    runs to the end. Single marks count only where no double quote is open."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    open_mark = ""
    for m in _MARK.finditer(text, start, end):
        mark, pos = m.group(), m.start()
        single = mark in _SINGLE
        if open_at is None:
            before = text[pos - 1] if pos > start else " "
            closes = mark in _CLOSERS or (mark in ('"', "''") and not before.isspace()
                                          and pos > start and not out)
            if closes and not out and not single:
                out.append((start, pos))
            elif mark not in _CLOSERS:
                open_at, open_mark = m.end(), mark
        elif single != (open_mark in _SINGLE):
            continue  # a single quote inside a double one, or the other way round
        elif mark not in _OPENERS or mark == open_mark == "‘":
            out.append((open_at, pos))
            open_at = None
    if open_at is not None:
        out.append((open_at, end))
    return out


def pieces(text: str, quote: Quote) -> list[Quote]:
    """The quote's direct-speech pieces as one-segment quotes (ids `quote#k`), trimmed."""
    found: list[tuple[int, int]] = []
    for seg in quote.spans:
        for a, b in _lines(text, seg.start, seg.end):
            marked = marked_spans(text, *_widened(text, a, b))
            found += marked if marked or quote.type != "direct" else [(a, b)]
    out = []
    for a, b in found:
        a, b = trimmed(text, a, b)
        if len(text[a:b].split()) >= MIN_WORDS:
            out.append(replace(quote, id=f"{quote.id}#{len(out)}", spans=(Span(a, b),)))
    return out
