"""Interviews printed as questions and answers, without quotation marks.

"Q: How did it feel?" / "A: It was amazing." or "WINSLET: It was amazing." Each labelled
paragraph is a direct quote of the labelled person: answers belong to the person the
article is about (the most mentioned), a name label to that person, questions to nobody
(the interviewer is rarely named). Needs at least two labelled paragraphs, so that
"Brexit: what happens next" is not taken for speech.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ruth_annotator.suggest.coverage import Coverage
from ruth_annotator.suggest.drafts import FIRST_PERSON, LABELLED, QuoteDraft
from ruth_annotator.suggest.entities import Cluster, EntityTable, Found
from ruth_annotator.suggest.text_units import Units

# "Q. How …" and "A) Fine" take a full stop or bracket; a name takes a colon or a dash
# ("WINSLET: …"), as "Texas Sen. Ted Cruz …" opens an ordinary sentence.
_LABEL = re.compile(
    r"(?:(?P<qa>Q|A|Question|Answer)[ \t]*[.)]|"
    r"(?P<label>Q|A|Question|Answer|[A-Z][A-Za-z'’.-]+(?: [A-Z][A-Za-z'’.-]+){0,2})"
    r"[ \t]*(?::|[—–-]))[ \t]+(?=\S)")
_INTERVIEWER = re.compile(
    r"\b(?:spoke|speaks|talked|talks|sat down)[ \t]+(?:exclusively[ \t]+)?(?:to|with)[ \t]+"
    r"(?P<who>(?:[Tt]he|[Oo]ur|[Aa]n?)[ \t]+[\w-]+(?:[ \t]+[A-Z][\w-]*)*|"
    r"[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})")
_QUESTION = ("Q", "Question")
_ANSWER = ("A", "Answer")


def interview_quotes(text: str, units: Units, table: EntityTable,
                     speech: list[QuoteDraft]) -> list[QuoteDraft]:
    found = []
    people = _people_by_word(table)
    for para in units.paragraphs:
        if not para.body:
            continue
        m = _LABEL.match(text, para.start, para.end)
        if m is None:
            continue
        label = m.group("label") or m.group("qa")
        key = _person(label, people)
        if label in _QUESTION or label in _ANSWER or key is not None:
            found.append((para, m, label, key))
    qa = sum(1 for *_, label, _ in found if label in _QUESTION + _ANSWER)
    named = sum(1 for *_, key in found if key is not None)
    if qa < 2 and named < 2:
        return []
    star = _most_mentioned(table)
    asker = _interviewer(text, units, table, found[0][0].start)
    out = []
    quoted = Coverage(len(text), ((q.start, q.end) for q in speech))
    by_start = sorted(range(len(speech)), key=lambda i: speech[i].start)
    starts = [speech[i].start for i in by_start]
    for para, m, label, key in found:
        start, end = m.end(), para.end
        if quoted.hits(start, start + 1):
            continue  # the paragraph is itself in quotation marks
        draft = QuoteDraft("direct", [(start, end)], how=LABELLED)
        which = "label" if m.group("label") else "qa"
        draft.cue = (m.start(which), m.end(which))
        if label in _ANSWER:
            draft.speaker_key = star
        elif label in _QUESTION and asker is not None:
            draft.speaker_key, draft.speaker_found = asker.key, asker
        elif key is not None:
            draft.speaker_key = key
            draft.speaker = draft.cue
        index = len(speech) + len(out)
        inside = sorted(by_start[bisect_left(starts, start):bisect_right(starts, end)])
        for k in inside:
            inner = speech[k]
            if inner.parent is None and inner.end <= end:
                inner.parent = index  # quotes the interviewee quotes
                draft.children.append(k)
                spoken = text[inner.speaker[0]:inner.speaker[1]] if inner.speaker else ""
                if spoken.lower() in ("i", "we"):
                    inner.how = FIRST_PERSON
        out.append(draft)
    return out


def _interviewer(text: str, units: Units, table: EntityTable, before: int) -> Found | None:
    """Who asks: "… spoke to our reporter", "… talked to Jane Smith" before the questions."""
    matches = list(_INTERVIEWER.finditer(text, 0, before))
    if not matches:
        return None
    m = matches[-1]
    s, e = m.span("who")
    named = [f for f in table.within(s, e) if f.form == "name"]
    if named:
        return named[0]
    name = " ".join(text[s:e].split())
    found = Found(s, e, "PERSON", "nominal")
    return table.add(found, Cluster(f"PERSON:{name}#{s}", "PERSON", name))


def _people_by_word(table: EntityTable) -> dict[str, tuple[int, str]]:
    """A person's first and last name, lower case: the first person (in table order) with
    it."""
    out: dict[str, tuple[int, str]] = {}
    for n, cluster in enumerate(table.clusters.values()):
        words = cluster.name.split()
        if cluster.label == "PERSON" and words:
            for w in {words[0], words[-1]}:
                out.setdefault(w.lower(), (n, cluster.key))
    return out


def _person(label: str, people: dict[str, tuple[int, str]]) -> str | None:
    """The person the label's last word names ("WINSLET", "JAKE TAPPER"); "New Hampshire:"
    before a list and a section kicker "MOVING SHOP—" name nobody."""
    words = label.split()
    found = people.get(words[-1].lower()) if words else None
    return found[1] if found else None


def _most_mentioned(table: EntityTable) -> str | None:
    persons = [c for c in table.clusters.values() if c.label == "PERSON"]
    if not persons:
        return None
    return max(persons, key=lambda c: len(c.mentions)).key
