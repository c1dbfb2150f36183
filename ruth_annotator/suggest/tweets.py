"""Embedded posts: "We will win this state. — Dana Reyes (@danareyes) June 29, 2016".

A post quoted in an article keeps the form social networks give it when it is embedded:
its text, a dash, the author's name, the handle in brackets and the date. The text is the
author's words as surely as if it stood in quotation marks, so it is proposed as a direct
quote of the named author (the dash is its cue), with the links that close a post left
out. Markup left around it by a web page (`<blockquote …>`) is not part of it.
"""

from __future__ import annotations

import re

from ruth_annotator.suggest.coverage import Coverage
from ruth_annotator.suggest.drafts import CUED, QuoteDraft
from ruth_annotator.suggest.text_units import Units

_SIGNATURE = re.compile(
    r"[ \t]+(?P<dash>—|–|--)[ \t]+(?P<name>[^()<>\n—–]{2,60}?)[ \t]+\(@\w{1,15}\)[ \t]+"
    r"[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},[ \t]+\d{4}")
_MARKUP = re.compile(r"<[^<>\n]{0,300}>")
_LINK_AT_END = re.compile(r"(?:[ \t]+(?:https?://|pic\.twitter\.com/)\S+)+[ \t]*$")
MIN_WORDS = 3


def post_quotes(text: str, units: Units, drafts: list[QuoteDraft]) -> list[QuoteDraft]:
    """A direct quote for each embedded post that no other quote covers."""
    covered = Coverage(len(text), ((d.start, d.end) for d in drafts))
    out = []
    for para in units.paragraphs:
        if text.find("(@", para.start, para.end) < 0:
            continue  # no handle, no post (a C-speed look before the pattern's at every space)
        m = _SIGNATURE.search(text, para.start, para.end)
        if m is None:
            continue
        start = para.start
        for tag in _MARKUP.finditer(text, para.start, m.start()):
            if tag.start() == start or not text[start:tag.start()].strip():
                start = tag.end()  # markup opening the paragraph
        end = m.start()
        link = _LINK_AT_END.search(text, start, end)
        if link is not None:
            end = link.start()
        while start < end and text[start].isspace():
            start += 1
        if len(text[start:end].split()) < MIN_WORDS or covered.hits(start, end):
            continue
        out.append(QuoteDraft("direct", [(start, end)], m.span("dash"), m.span("name"),
                              how=CUED))
        covered.mark(start, end)
    return out
