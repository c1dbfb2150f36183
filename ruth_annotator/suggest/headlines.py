"""Quotes in a headline: "Issa: Hillary Clinton’s ‘Honesty Is In Question’", "Hillary
Clinton Says Trump’s Bigotry Doesn’t ‘Fit With What I Thought I Knew’ About Him".

Headlines are written in title case, so the test that keeps titles of works out of body
text ("on ABC’s “This Week”") says nothing there; what marks the words as someone's is
the headline's own attribution: a name and a colon opening it, or a name before a speech
verb ("Says", "Tells", "Warns"). Without one, the quoted words stay unattributed and are
not proposed: a headline's marks are as often a slogan or a scare quote.
"""

from __future__ import annotations

import re

from ruth_annotator.suggest.coverage import Coverage
from ruth_annotator.suggest.cues import CUE_VERBS, NAME, label_speaker
from ruth_annotator.suggest.drafts import CUED, QuoteDraft
from ruth_annotator.suggest.text_units import Units

MIN_WORDS = 4
_LABEL = re.compile(rf"[ \t]*(?P<spk>{NAME})[ \t]*:[ \t]")
_WORDS = re.compile(r"[\w'’.-]+")


def headline_quotes(text: str, units: Units, drafts: list[QuoteDraft],
                    fragments: list[tuple[int, int]]) -> list[QuoteDraft]:
    """Drafts for the quoted fragments of the headline (the first line, when it is a
    headline or written in title case)."""
    if not units.paragraphs:
        return []
    line = units.paragraphs[0]
    if not units.headline_like(line):
        return []
    covered = Coverage(len(text), ((d.start, d.end) for d in drafts))
    speaker = _attribution(text, line.start, line.end)
    out = []
    for start, end in fragments:
        if not line.start <= start < line.end or covered.hits(start, end) or \
                len(text[start:end].split()) < MIN_WORDS or speaker is None:
            continue
        cue, who = speaker
        if who[0] >= start and who[1] <= end:
            continue
        out.append(QuoteDraft("mixed", [(start, end)], cue, who, how=CUED))
    return out


def _attribution(text: str, start: int, end: int):
    """(cue, speaker) of a headline: "Issa: …" or "Hillary Clinton Says …"."""
    m = _LABEL.match(text, start, end)
    if m is not None and len(m.group("spk").split()) <= 5:
        return None, label_speaker(text, *m.span("spk"))
    words = list(_WORDS.finditer(text, start, end))
    for k, w in enumerate(words):
        if k and w.group().lower() in CUE_VERBS and w.group()[:1].isupper():
            subject = _names_before(text, words[:k])
            if subject is not None:
                return w.span(), subject
    return None


def _names_before(text: str, words: list[re.Match]) -> tuple[int, int] | None:
    """The run of capitalised words just before the verb: "… Howard Dean Tells"."""
    run = []
    for w in reversed(words):
        if not w.group()[:1].isupper() or text[w.end():w.end() + 1] in ",:;" and run:
            break
        run.append(w)
        if len(run) == 4:
            break
    if not run:
        return None
    return run[-1].start(), run[0].end()
