"""DATE mentions by pattern: calendar dates, months, weekdays, years, decades and relative
expressions ("later this year", "last Tuesday"). Upper-case captions ("DECEMBER 01") too."""

from __future__ import annotations

import re

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))")
_MONTH_UPPER = _MONTH.upper()
_DAY = r"(?:[1-9]|[012]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
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
  | (?:(?:{_RELATIVE})\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?
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


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of date expressions; "May" alone counts only beside a day or a year."""
    out = []
    end = len(text) if end is None else end
    edge = start
    for w in _WORD.finditer(text, start, end):
        word = w.group()
        if w.start() < edge or not (word[0].isdigit() or word[0] in "'’"
                                    or word.lower() in _TRIGGERS):
            continue
        at = w.start() + 1 if word[0] in "'’" and not word[1:2].isdigit() else w.start()
        m = DATE_RE.match(text, at, end)
        if text[at - 4 : at].lower() == "the " and at - 4 >= max(edge, start):
            m = DATE_RE.match(text, at - 4, end) or m  # "the 1990s", "the past week"
        if m is None:
            continue
        s, e = m.span()
        edge = e
        if text[s:e].rstrip(".") in ("May", "MAY"):
            continue  # a name or a verb as often as a month
        out.append((s, e))
    return out
