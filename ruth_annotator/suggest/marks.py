"""Pairing quotation marks into quoted spans, as journalists use them.

Marks are read by their context more than by their glyph: news texts mix “ … " and " … ”,
and a straight mark is an opener after a space and a closer before one. A single mark
inside a word is an apostrophe (she’d, haven't); elisions ('90s, rock 'n' roll) are known;
a possessive s' closes a single quote only when no better closer follows. A quote left
open at the end of a paragraph continues when the next body paragraph (past boilerplate)
opens with the same mark; it becomes one quote with a segment per paragraph. Unbalanced
marks never raise: what cannot be paired is dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from ruth_annotator.model.annotations import Span
from ruth_annotator.suggest.text_units import Paragraph, Units

DOUBLE, SINGLE = "double", "single"
_FAMILY = {'"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "‟": DOUBLE, "«": DOUBLE,
           "»": DOUBLE, "'": SINGLE, "‘": SINGLE, "’": SINGLE, "‚": SINGLE, "‛": SINGLE}
_OPEN_GLYPHS = "“„‟«‘‚‛"
_CLOSE_GLYPHS = "”»’"
_MARKS = re.compile("[\"“”„‟«»'‘’‚‛]")
_ELISION = re.compile(
    r"['’‘](?:n['’]|em\b|til\b|tis\b|twas\b|cause\b|bout\b|nuff\b|\d0s\b|\d\d\b)", re.I)
_BEFORE_OPENER = "([{—–-/" + "".join(_FAMILY)
_AFTER_CLOSER = ".,;:!?)]}—–-…" + "".join(_FAMILY)
_PUNCT = ",.;:!?…—–-"
_OPENERS_AT_START = {DOUBLE: "\"“„«", SINGLE: "'‘"}


@dataclass
class MarkedQuote:
    """Content between paired marks (marks excluded), possibly over several paragraphs."""

    segments: list[Span]
    family: str
    open_pos: int
    close_pos: int | None
    parent: int | None = None
    children: list[int] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end


@dataclass
class _Open:
    family: str
    mark: int
    content_start: int
    parent: _Open | None
    done: list[tuple[int, int]] = field(default_factory=list)
    result: int | None = None


class _Scanner:
    def __init__(self, text: str, units: Units) -> None:
        self.text = text
        self.units = units
        self.quotes: list[MarkedQuote] = []
        self._pending: list[tuple[int, _Open | None]] = []
        self._closers: tuple[int, list[int]] = (-1, [])  # (paragraph, its double closers)

    def run(self) -> list[MarkedQuote]:
        carried: dict[int, tuple[_Open, int]] = {}
        for para in self.units.paragraphs:
            stack: list[_Open] = []
            skip = -1
            if para.index in carried:
                item, skip = carried.pop(para.index)
                item.content_start = skip + 1
                stack.append(item)
            self._scan(para, stack, skip)
            if stack:
                self._paragraph_end(para, stack, carried)
        return self._finish()

    # --- one paragraph ------------------------------------------------------------

    def _scan(self, para: Paragraph, stack: list[_Open], skip: int) -> None:
        text = self.text
        ignore = {skip}
        for m in _MARKS.finditer(text, para.start, para.end):
            i = m.start()
            if i in ignore:
                continue
            ch = text[i]
            prev = text[i - 1] if i > para.start else " "
            nxt = text[i + 1] if i + 1 < para.end else " "
            open_ctx = (prev.isspace() or prev in _BEFORE_OPENER) and not nxt.isspace()
            close_ctx = not prev.isspace() and (nxt.isspace() or nxt in _AFTER_CLOSER)
            if _FAMILY[ch] == DOUBLE:
                self._double(ch, i, open_ctx, close_ctx, stack, para)
            else:
                if prev.isalnum() and nxt.isalnum():
                    continue  # apostrophe inside a word, or feet and inches
                elision = _ELISION.match(text, i)
                if elision and not (stack and stack[-1].family == SINGLE and close_ctx):
                    if elision.group().endswith(("'", "’")):
                        ignore.add(elision.end() - 1)
                    continue
                self._single(ch, i, prev, open_ctx, close_ctx, stack, para)

    def _double(self, ch: str, i: int, open_ctx: bool, close_ctx: bool,
                stack: list[_Open], para: Paragraph) -> None:
        depth = next((d for d in range(len(stack) - 1, -1, -1)
                      if stack[d].family == DOUBLE), None)
        clearly_opens = open_ctx and not close_ctx and ch not in _CLOSE_GLYPHS
        if depth is not None:
            if not clearly_opens:
                self._close(stack, depth, i)
                return
            opened = sum(1 for item in stack if item.family == DOUBLE) + 1
            if self._closers_ahead(i, para) < opened:
                del stack[depth:]  # an opener while one is open: the earlier one is unbalanced
            # else "He said “no” to me," with double marks inside double marks: nest
        elif not (open_ctx or ch in _OPEN_GLYPHS or not close_ctx):
            return  # a stray closer
        stack.append(_Open(DOUBLE, i, i + 1, stack[-1] if stack else None))

    def _closers_ahead(self, i: int, para: Paragraph) -> int:
        """Double marks later in the paragraph that can close (before a space or
        punctuation): enough of them means the marks nest rather than one was forgotten.
        They are listed once a paragraph: counting them again for every opener made a long
        paragraph of quotes (an article on one line) quadratic."""
        if self._closers[0] != para.index:
            self._closers = (para.index, [
                j for j in (m.start() for m in _MARKS.finditer(self.text, para.start, para.end))
                if self._can_close_double(j)])
        closers = self._closers[1]
        return len(closers) - bisect_right(closers, i)

    def _can_close_double(self, j: int) -> bool:
        if _FAMILY[self.text[j]] != DOUBLE or self.text[j] in _OPEN_GLYPHS:
            return False
        after = self.text[j + 1 : j + 2] or " "
        return not self.text[j - 1].isspace() and (after.isspace() or after in _AFTER_CLOSER)

    def _single(self, ch: str, i: int, prev: str, open_ctx: bool, close_ctx: bool,
                stack: list[_Open], para: Paragraph) -> None:
        if stack and stack[-1].family == SINGLE and close_ctx and ch not in "‘‚‛":
            if not self._weak_closer(i, prev, para):
                self._close(stack, len(stack) - 1, i)
            return
        if open_ctx and not prev.isalnum() and ch != "’":
            stack.append(_Open(SINGLE, i, i + 1, stack[-1] if stack else None))

    def _weak_closer(self, i: int, prev: str, para: Paragraph) -> bool:
        """A possessive s' ("the players' union") when a punctuated closer follows."""
        if prev not in "sS" or not self.text[i + 1 : i + 2].isspace():
            return False
        for m in _MARKS.finditer(self.text, i + 1, para.end):
            j = m.start()
            ch = self.text[j]
            if _FAMILY[ch] == DOUBLE:
                return False
            before = self.text[j - 1]
            after = self.text[j + 1 : j + 2] or " "
            if before.isalnum() and after.isalnum():
                continue
            if before.isspace():
                return False  # the next single quote opens: ours closes here
            if before in _PUNCT:
                return True
        return False

    def _close(self, stack: list[_Open], depth: int, i: int) -> None:
        item = stack[depth]
        del stack[depth:]
        item.done.append((item.content_start, i))
        self._emit(item, i)

    def _emit(self, item: _Open, close_pos: int | None) -> None:
        segments = [s for s in (self._trim(a, b) for a, b in item.done) if s is not None]
        if not segments:
            return
        quote = MarkedQuote(segments, item.family, item.mark, close_pos)
        item.result = len(self.quotes)
        self.quotes.append(quote)
        self._pending.append((item.result, item.parent))

    def _trim(self, a: int, b: int) -> Span | None:
        segment = self.text[a:b]
        lead = len(segment) - len(segment.lstrip())
        trail = len(segment.rstrip())
        return Span(a + lead, a + trail) if trail > lead else None

    # --- paragraph ends: continuation, or a quote nobody closed ---------------------

    def _paragraph_end(self, para: Paragraph, stack: list[_Open],
                       carried: dict[int, tuple[_Open, int]]) -> None:
        bottom = stack[0]
        nxt = self.units.next_body(para.index)
        if nxt is not None:
            first = self.text[nxt.start]
            after = self.text[nxt.start + 1 : nxt.start + 2]
            if first in _OPENERS_AT_START[bottom.family] and after and not after.isspace():
                bottom.done.append((bottom.content_start, para.end))
                carried[nxt.index] = (bottom, nxt.start)
                return
        if self._starts_speech(bottom, para):
            bottom.done.append((bottom.content_start, para.end))
            self._emit(bottom, None)

    def _starts_speech(self, item: _Open, para: Paragraph) -> bool:
        """An unclosed quote is kept when it opened a paragraph or followed a colon/comma."""
        before = self.text[para.start : item.mark].rstrip()
        words = len(self.text[item.content_start : para.end].split())
        return words >= 3 and (not before or before.endswith((":", ",")) or bool(item.done))

    def _finish(self) -> list[MarkedQuote]:
        for index, parent in self._pending:
            if parent is not None and parent.result is not None:
                self.quotes[index].parent = parent.result
                self.quotes[parent.result].children.append(index)
        order = sorted(range(len(self.quotes)), key=lambda k: self.quotes[k].start)
        remap = {old: new for new, old in enumerate(order)}
        out = [self.quotes[k] for k in order]
        for q in out:
            q.parent = remap[q.parent] if q.parent is not None else None
            q.children = sorted(remap[c] for c in q.children)
        return out


_TWO_APOSTROPHES = re.compile(r"(?<!['’])(?:'{2,3}|``|’’)(?!['’])")


def reading_view(text: str) -> str:
    """The text as the rules read it, the same length so that offsets hold: no-break
    spaces are spaces ("Sen.\u00a0Sanders"), and the quotation marks some newsrooms type
    as two apostrophes (''…'', ``…'', “…’’) are one double mark: an opener becomes a space and
    the mark, a closer the mark and a space. Three apostrophes are a single mark inside a
    double one: before a word they open both, after one they close both."""
    if "\u00a0" in text:
        text = text.replace("\u00a0", " ")
    if "''" not in text and "``" not in text and "’’" not in text:
        return text

    def one(m: re.Match) -> str:
        i = m.start()
        before = text[i - 1] if i else " "
        opens = before.isspace() or before in _BEFORE_OPENER
        if m.group() == "’’":  # "a “question’’ that amounted to": a closer
            return "” "
        if len(m.group()) == 3:
            return ' "' + "'" if opens else "'" + '" '
        return ' "' if opens else '" '

    return _TWO_APOSTROPHES.sub(one, text)


def find_quotes(text: str, units: Units | None = None) -> list[MarkedQuote]:
    """Every quoted span in the text, in order of start, with nesting."""
    return _Scanner(text, units or Units(text)).run()
