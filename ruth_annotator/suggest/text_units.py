"""Paragraphs, boilerplate lines and sentences of a news text.

Quotes continue over paragraphs and skip boilerplate ("Read more: …", photo captions), and
cues are searched within a sentence, so every later step needs these units first.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

BODY = "body"
HEADLINE = "headline"
_TITLE_WORD = re.compile(r"[A-Za-z][\w'’-]*")
BOILERPLATE = "boilerplate"

BOILERPLATE_START = re.compile(
    r"(?i)^\s*(?:read (?:more|next|also)|more on this|more:|related(?: stories| articles)?:|"
    r"see also|watch(?: now| more)?:|listen:|advertisement|sponsored|sign up|subscribe|"
    r"follow (?:us|@)|click here|share (?:this|on)|photo:|image:|picture:|video:|credit:|"
    r"copyright|©|you (?:may|might) also like|recommended|most read|trending|"
    r"\(photo|\[photo|getty images|pa media|updated:|published:|last updated|"
    r"image (?:source|caption)|media caption|video caption|photograph:|composite:|"
    r"by [A-Z][a-z]+ [A-Z][a-z]+$)"
)
# A photo credit closing a caption: "(Channel 4)", "(Invision/AP)", "(Getty Images)".
_CREDIT_END = re.compile(r"\((?:[A-Z][^()\n]{0,40}|AP|PA)\)\s*$")
# Agency captions: "LONDON, ENGLAND - DECEMBER 01: …".
_AGENCY_CAPTION = re.compile(r"^[A-Z][A-Z .,'-]{2,60} [-–] [A-Z]{3,9} \d{1,2}:")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")
_OPENS_QUOTE = re.compile(r"^\s*[\"“‘'„«]")
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    kind: str

    @property
    def body(self) -> bool:
        return self.kind == BODY


def title_case(line: str) -> bool:
    """Most longer words capitalised, as in "Clinton Says Trump ‘Not Fit To Serve’"."""
    words = [w for w in _TITLE_WORD.findall(line) if len(w) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) > 0.7


def classify_line(line: str, first: bool) -> str:
    """Body text, the headline, or boilerplate (credits, captions, links, subheads)."""
    stripped = line.strip()
    if BOILERPLATE_START.match(stripped) or _AGENCY_CAPTION.match(stripped):
        return BOILERPLATE
    if _CREDIT_END.search(stripped) and not _OPENS_QUOTE.match(stripped):
        return BOILERPLATE
    if not _TERMINAL.search(stripped) and (first or not _OPENS_QUOTE.match(stripped)):
        return HEADLINE if first else BOILERPLATE
    return BODY


def _hard_wrapped(blocks: list[list[tuple[int, int]]], text: str) -> bool:
    """Blank-line separated blocks whose lines mostly end mid-sentence (wrapped at ~72)."""
    multi = [block for block in blocks if len(block) > 1]
    if len(multi) * 2 < len(blocks):
        return False
    inner = [line for block in multi for line in block[:-1]]
    if len(inner) < 3:
        return False
    open_ends = sum(1 for s, e in inner if not _TERMINAL.search(text[s:e]))
    return open_ends / len(inner) > 0.6


def paragraphs(text: str) -> list[Paragraph]:
    """One paragraph a line, or a blank-line block when the text is hard-wrapped."""
    blocks: list[list[tuple[int, int]]] = [[]]
    previous_end = 0
    for m in _LINE.finditer(text):
        s, e = m.span()
        line = m.group()
        if not line.strip():
            continue
        if blocks[-1] and text.count("\n", previous_end, s) >= 2:
            blocks.append([])
        lead = len(line) - len(line.lstrip())
        blocks[-1].append((s + lead, s + len(line.rstrip())))
        previous_end = e
    blocks = [b for b in blocks if b]
    if _hard_wrapped(blocks, text):
        spans = [(b[0][0], b[-1][1]) for b in blocks]
    else:
        spans = [line for b in blocks for line in b]
    out = []
    for i, (s, e) in enumerate(spans):
        out.append(Paragraph(i, s, e, classify_line(text[s:e], first=i == 0)))
    return out


ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen sen rep gov lt col sgt capt cpl maj adm cmdr det insp "
    "supt rev fr inc ltd co corp plc no nos vs etc al approx dept est fig jan feb mar apr "
    "jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun u.s u.k "
    "a.m p.m e.g i.e".split()
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_LAST_TOKEN = re.compile(r"([\w.]+)$")
# Abbreviations that may also end a sentence: "… attacks in the U.S. He says …".
_MAY_END = frozenset("u.s u.k etc a.m p.m inc co corp ltd plc jr sr".split())
_OPENER = re.compile(r"\s+[\"“‘']?(?:He|She|They|It|We|I|The|But|And|This|That|There|"
                     r"His|Her|Their|Its|Our|In|On|At|After|When|While|So|Yet|Still)\b")


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph; abbreviations and initials do not end a sentence."""
    out = []
    begin = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[m.start()] == ".":
            word = _LAST_TOKEN.search(text[max(begin, m.start() - 12):m.start()])
            token = word.group(1).lower() if word else ""
            if token in ABBREVIATIONS and not (token in _MAY_END and _OPENER.match(
                    text, m.end())) or (len(token) == 1 and token.isalpha()):
                continue
        out.append((begin, m.end()))
        begin = m.end()
        while begin < end and text[begin].isspace():
            begin += 1
    if begin < end:
        out.append((begin, end))
    return out


class Units:
    """Paragraphs and sentences of a text, with lookups by position."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paragraphs = paragraphs(text)
        self.sentences: list[tuple[int, int]] = []
        self.sentence_paragraph: list[int] = []
        for p in self.paragraphs:
            for s in sentence_spans(text, p.start, p.end):
                self.sentences.append(s)
                self.sentence_paragraph.append(p.index)
        self._para_starts = [p.start for p in self.paragraphs]
        self._sent_starts = [s for s, _ in self.sentences]

    def headline_like(self, para: Paragraph) -> bool:
        """The first line as a headline: marked so, or written in title case even when it
        ends in a full stop ("Guns Are ‘The Ultimate Public Health Crisis,’ Dean Says.")."""
        return para.index == 0 and self._first_line_headline

    @cached_property
    def _first_line_headline(self) -> bool:  # once: an article on one line is all line
        first = self.paragraphs[0]
        return first.kind == HEADLINE or title_case(self.text[first.start:first.end])

    def paragraph_at(self, pos: int) -> Paragraph | None:
        i = bisect_right(self._para_starts, pos) - 1
        if i >= 0 and pos <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect_right(self._sent_starts, pos) - 1)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        if not self.sentences:
            return (0, len(self.text))
        return self.sentences[self.sentence_index(pos)]

    def next_body(self, index: int, skip: int = 3) -> Paragraph | None:
        """The next body paragraph after `index`, passing over up to `skip` others."""
        for p in self.paragraphs[index + 1 : index + 2 + skip]:
            if p.body:
                return p
        return None
