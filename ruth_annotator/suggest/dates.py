"""DATE mentions by pattern: calendar dates, months, weekdays, years, decades and relative
expressions ("later this year", "last Tuesday"). Upper-case captions ("DECEMBER 01") too."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ruth_annotator.suggest.vocab import alternation

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))")
_MONTH_UPPER = _MONTH.upper()
_DAY = r"(?:[1-9]|[012]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_HOLIDAY = (r"(?:Christmas|New\s+Year's|New\s+Year’s)(?:\s+(?:Day|Eve))?|Christmas|"
            r"Easter(?:\s+Sunday)?|Boxing\s+Day|Good\s+Friday|Thanksgiving|Halloween|Ramadan|Eid|"
            r"Diwali|Hanukkah|"
            r"Valentine's\s+Day|Valentine’s\s+Day|Mother's\s+Day|Father's\s+Day|Bonfire\s+Night")
_RELATIVE = (r"(?:later|earlier)\s+this|this|next|last|the\s+past|the\s+previous|"
             r"the\s+coming|early|late|mid-?")
_PERIOD = (r"(?:year|month|week|weekend|decade|century|spring|summer|autumn|fall|winter|"
           r"season|morning|afternoon|evening|night)")

DATE_RE = re.compile(
    rf"""
    (?:(?=\w)\b|(?=['’]\d))  # only where a word (or an elided decade) starts: fast
    (?:
    (?:(?:{_RELATIVE})\s+)?(?:{_DAY}\s+(?:of\s+)?)?(?:{_MONTH}|{_MONTH_UPPER})
        (?:\s+{_DAY}\b)?(?:,?\s+{_YEAR}|\s+(?:last|next|this)\s+year)?(?![\w-])
  | (?:(?:{_RELATIVE})\s+)?{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?
  | \b(?:later|earlier)\s+this\s+{_PERIOD}\b
  | \b(?:(?:early|late|mid-?)\s*)?(?:this|next|last)\s+{_PERIOD}\b
  | \bthe\s+(?:spring|summer|autumn|fall|winter|weekend)\b
  | (?:(?<=before\ )|(?<=after\ )|(?<=during\ )|(?<=until\ )|(?<=since\ )|(?<=by\ )|
       (?<=in\ ))(?:spring|summer|autumn|winter)\b
  | (?:{_HOLIDAY})
  | \b(?:the\s+past|the\s+previous|the\s+coming)\s+(?:few\s+)?(?:\w+\s+)?{_PERIOD}s?\b
  | \b(?:yesterday|tomorrow|today)\b
  | (?:\bthe\s+)?(?:(?:early|late|mid-?)\s*)?\b(?:1[89]|20)?\d0s\b
  | (?:\bthe\s+)?['’]\d0s\b
  | (?<![\d,.$£€-])\b{_YEAR}\b(?![\d%,.]\d|-\d)
    )
    """,
    re.VERBOSE,
)


# Words a date expression can start with; the pattern is tried only there (several times
# faster than trying it at every word).
_TRIGGERS = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday later earlier this next last past previous coming early
late mid yesterday
tomorrow today christmas new easter boxing good thanksgiving halloween ramadan eid diwali
hanukkah valentine's valentine’s mother's father's bonfire winter spring summer weekend
autumn""".split())
_WORD = re.compile(r"[\w'’]+")
# The words of a lower-cased text that may be triggers (or start with a digit, an apostrophe
# or a letter beyond ASCII), one a match: the others are passed over inside the regex
# engine, which is three times faster than looking at every word in Python.
_MAYBE_TRIGGER = re.compile(
    rf"(?>[^\w'’]*)(?>(?!{alternation(_TRIGGERS)}(?![\w'’]))[a-z][\w'’]*+[^\w'’]++)*+"
    rf"(?:([\w'’]+)|\Z)")


def may_start(word: str) -> bool:
    """Whether a date may start at this word (or right after its apostrophe)."""
    return word[0].isdigit() or word[0] in "'’" or word.lower() in _TRIGGERS


def candidate_words(text: str) -> Iterator[re.Match]:
    """Words of the text as `_WORD` finds them, among them all that `may_start` a date."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter lower-cases to two ("İ"): look at every word
        yield from _WORD.finditer(text)
        return
    for m in _MAYBE_TRIGGER.finditer(lowered):
        word = _WORD.match(text, m.start(1)) if m.start(1) >= 0 else None
        if word is not None:
            yield word


def find_dates(text: str) -> list[tuple[int, int]]:
    """Spans of date expressions; "May" alone counts only beside a day or a year."""
    out = []
    edge = 0
    for w in candidate_words(text):
        word = w.group()
        if w.start() < edge or not may_start(word):
            continue
        at = w.start() + 1 if word[0] in "'’" and not word[1:2].isdigit() else w.start()
        m = DATE_RE.match(text, at)
        if text[at - 4 : at].lower() == "the " and at - 4 >= edge:
            m = DATE_RE.match(text, at - 4) or m  # "the 1990s", "the past week"
        if m is None:
            continue
        s, e = m.span()
        edge = e
        if text[s:e].rstrip(".") in ("May", "MAY"):
            continue  # a name or a verb as often as a month
        out.append((s, e))
    return out
