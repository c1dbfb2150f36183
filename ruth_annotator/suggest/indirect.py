"""Reported speech without quotation marks, and mixed quotes.

"Winslet said some actors had been discussed …", "X told Y that …", "According to X, …",
"…, officials said." The reported clause is the quote (type "indirect"); when it holds a
short quoted fragment ("she was "blown away" by …") it is a "mixed" quote. Without
"that", the clause must start like a clause (a pronoun, determiner or name), so "she said
goodbye" is not a quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ruth_annotator.suggest.coverage import Coverage
from ruth_annotator.suggest.cues import (
    ADV,
    APPOS,
    CUE_VERBS,
    LEAD,
    NAME_OF,
    SPEAKER,
    cue_after,
    speaker_span,
)
from ruth_annotator.suggest.drafts import CUED, FIRST_PERSON, QuoteDraft
from ruth_annotator.suggest.text_units import _BOILER_START, Units

_REPORTING = """said says told tells added adds explained explains claimed claims argued
argues insisted insists warned warns noted notes stated states announced announces revealed
reveals confirmed confirms denied denies admitted admits suggested suggests shared shares
believes believed predicted predicts stressed stresses acknowledged acknowledges conceded
concedes maintained maintains reported reports wrote writes promised promises recalled
recalls agreed agrees complained complains mentioned mentions indicated indicates
estimated estimates alleged alleges disclosed discloses hinted hints cautioned cautions
found finds showed shows say tell add explain claim argue insist warn note state announce
reveal confirm deny admit suggest believe predict stress acknowledge concede maintain report
write promise recall agree complain mention estimate allege caution find show replied
replies responded responds answered answers countered counters retorted joked jokes quipped
boasted bragged lamented emphasised emphasized reply respond joke boast""".split()
_THAT_OPTIONAL = frozenset("""said says say told tells tell added adds add claimed claims claim
insisted insists insist warned warns warn argued argues argue admitted admits admit
predicted predicts predict estimated estimates estimate""".split())
# Verbs that also take a plain object ("revealed the plan"): without "that", the clause must
# start with a pronoun or show a finite verb at once ("revealed she cried").
_THAT_OPTIONAL_STRICT = frozenset("""revealed reveals confirmed confirms announced announces
suggested suggests joked jokes replied replies explained explains noted notes stressed
stresses recalled recalls conceded concedes complained complains boasted""".split())
_REPORT = "(?:" + "|".join(sorted(_REPORTING, key=len, reverse=True)) + ")"
_INDIRECT = re.compile(
    rf"{LEAD}{SPEAKER}{APPOS}[ \t]+{ADV}(?<!\bto )(?P<cue>{_REPORT})\b"
    rf"(?P<mid>[^.;:!?\"“”‘’\n]{{0,70}}?)(?P<that>[ \t]+that\b)[ \t]+(?P<clause>\S)")
_INDIRECT_BARE = re.compile(
    rf"{LEAD}{SPEAKER}{APPOS}[ \t]+{ADV}(?<!\bto )(?P<cue>{_REPORT})[ \t]+(?P<clause>\S)")
# "X described the plan as "a disaster"", "X called the decision "a hammer blow"".
_CHARACTERISED = re.compile(
    rf"{LEAD}{SPEAKER}{APPOS}[ \t]+{ADV}(?P<cue>described|describes|called|calls|branded|"
    rf"brands|dubbed|dubs|labelled|labels|labeled|hailed|hails)[ \t]+(?P<clause>\S)")
_ACCORDING_FIRST = re.compile(
    r"^(?P<cue>[Aa]ccording to)[ \t]+(?P<spk>[^,]{2,60}),[ \t]+(?P<clause>\S)")
_ACCORDING_LAST = re.compile(r",[ \t]+(?P<cue>according to)[ \t]+"
                             r"(?P<spk>(?:[^,.;]|(?<=\d)[,.](?=\d)){2,60})[.!?]?[\"”’']?$")
# "…, telling fans she needs time": the sentence's subject speaks.
_PARTICIPLE = re.compile(
    r",[ \t]+(?P<cue>saying|telling|adding|insisting|claiming|arguing|warning|explaining|"
    r"noting|stressing|admitting)\b(?P<mid>[^,.;:!?\"“”‘’\n]{0,30}?)(?:[ \t]+that)?"
    r"[ \t]+(?P<clause>\S)")
# "The Bank kept rates on hold but said inflation was falling": the subject speaks.
_CONJOINED = re.compile(
    r",?[ \t]+(?:but|and)[ \t]+(?:also[ \t]+)?(?P<cue>said|says|added|warned|insisted|told|"
    r"claimed|argued|admitted|stressed|explained)\b(?P<mid>[^,.;:!?\"“”‘’\n]{0,30}?)"
    r"(?:[ \t]+that)?[ \t]+(?P<clause>\S)")
_SUBJECT = re.compile(rf"{SPEAKER}")
_NAMED_SUBJECT = re.compile(rf"(?:[Tt]he[ \t]+)?(?P<spk>{NAME_OF})(?=[ \t,])")
# "COLUMBUS, Ohio (AP) — ", "LONDON (Reuters) - ": a dateline is not part of a sentence.
_DATELINE = re.compile(
    r"[A-Z][A-Z .'-]+(?:,[ \t]+[A-Z][\w. ]+)?[ \t]+\([\w ./]+\)[ \t]*[—–-][ \t]*")
_CLAUSE_START = re.compile(
    r"(?:he|she|they|it|we|i|you|there|this|these|those|that|the|a|an|his|her|their|its|our|"
    r"my|some|many|most|all|no|every|each|several|both|neither|nobody|everyone|"
    r"(?-i:[A-Z][\w'’-]*)|"
    r"\d[\w,.]*|[\"“‘'])(?![\w'’])", re.I)
_STRICT_CLAUSE = re.compile(r"(?:he|she|they|it|we|I|there)(?:['’](?:d|ll|s|re|ve|m))?[ \t]"
                            r"(?:\w+[ \t]+)?(?:had|has|have|was|were|is|are|would|will|could|"
                            r"should|can|did|does|\w+ed|\w+s)\b")
_SUBJECT_TOLD = re.compile(
    r"(?:he|she|they|it|we|i|you|there|the|a|his|her|their)(?:['’](?:d|ll|s|re|ve|m))?", re.I)
_FINITE = frozenset("""had has have was were is are will would could should can may might
must did does do won't wouldn't can't couldn't didn't isn't wasn't weren't hadn't hasn't
haven't""".split())
# The verbs that close an AP-style sentence: "The plan will cost $2bn, officials said."
_REPORTED_AFTER = frozenset("""said says added adds told tells warned warns claimed claims
insisted insists argued argues wrote writes noted notes stated states reported reports
explained explains say tell warn claim insist argue found finds shows showed suggest
suggests""".split())
# A new clause with its own subject ends the reported one: "…, and I believe her."
_NEXT_CLAUSE = re.compile(r",[ \t]+(?:(?:and|but)[ \t]+(?:I|we|he|she|they)|according to)\b")
# After a reported clause, ", opening the door to cuts" is the reporter's own gloss.
_GLOSS = re.compile(r",[ \t]+[a-z]+ing\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_CUE_WORDS = frozenset(_REPORTING) | CUE_VERBS | frozenset(
    """according described describes called calls branded brands dubbed dubs labelled labels
    labeled hailed hails saying telling adding insisting claiming arguing warning explaining
    noting stressing admitting""".split())
_END_PUNCT = re.compile(r"[\s.!?…\"”’')\]]+$")
_ENDS_WITH_OPEN_CUE = re.compile(r"[:,][ \t]*[\"“‘'„]")


class IndirectQuotes:
    """Finds reported speech in sentences that hold no direct quote."""

    def __init__(self, text: str, units: Units, speech: list[QuoteDraft],
                 fragments: list[tuple[int, int]]) -> None:
        self.text = text
        self.units = units
        self.drafts = speech
        self.speech = Coverage(len(text), ((q.start, q.end) for q in speech))
        self._segments = sorted((a, b, i) for i, q in enumerate(speech) for a, b in q.segments)
        self._segment_starts = [a for a, _, _ in self._segments]
        self._next = 0
        self._open: list[tuple[int, int, int]] = []
        self.fragments = sorted(fragments)
        self._fragment_starts = [s for s, _ in self.fragments]

    def run(self) -> list[QuoteDraft]:
        out = []
        for (start, end), para_index in zip(self.units.sentences,
                                            self.units.sentence_paragraph, strict=True):
            para = self.units.paragraphs[para_index]
            if _BOILER_START.match(self.text[para.start:para.end]):
                continue
            if para.kind == "headline":
                draft = self._reported_after(start, self._stop(start, end))
                if draft is not None:
                    out.append(draft)  # "Village 'forgotten', residents say"
                continue
            parent = None
            if self.speech.hits(start, end):
                inner = self._inside_speech(start, end)
                if inner is None:
                    continue
                parent, start, end = inner
            draft = self._sentence(start, end)
            if draft is not None:
                if parent is not None:
                    draft.parent = parent
                    if self.text[draft.speaker[0]:draft.speaker[1]].lower() in ("i", "we"):
                        draft.how = FIRST_PERSON
                out.append(draft)
        return out

    def _inside_speech(self, start: int, end: int) -> tuple[int, int, int] | None:
        """Reported speech inside a quote ("My physio says …"): the sentence's part within
        the innermost quote segment around it, when no other quote lies in that part.
        Sentences come in order, so the segments around them are kept in a moving window."""
        middle = (start + end) // 2
        segments = self._segments
        while self._next < len(segments) and segments[self._next][0] <= middle:
            self._open.append(segments[self._next])
            self._next += 1
        self._open = [x for x in self._open if x[1] > middle]
        holders = [x for x in self._open if x[0] <= middle]
        if not holders:
            return None
        s, e, index = min(holders, key=lambda x: x[1] - x[0])
        s, e = max(s, start), min(e, end)
        if (e - s) * 2 < end - start:
            return None
        first = bisect_left(self._segment_starts, s)
        last = bisect_left(self._segment_starts, e)
        for a, b, _ in [*self._open, *segments[first:last]]:
            if a < e and s < b and not (a <= s and e <= b):
                return None
        return index, s, e

    def _stop(self, start: int, end: int) -> int:
        """Where the reported clause of a sentence ends: before the final punctuation, or
        before a new clause with its own subject."""
        cut = _END_PUNCT.search(self.text, start, end)
        stop = cut.start() if cut else end
        clause_end = _NEXT_CLAUSE.search(self.text, start, stop)
        return clause_end.start() if clause_end is not None else stop

    def _sentence(self, start: int, end: int) -> QuoteDraft | None:
        text = self.text
        if not _CUE_WORDS.intersection(_LOWER_WORD.findall(text[start:end].lower())):
            return None  # most sentences report nothing: one cheap look before the patterns
        dateline = _DATELINE.match(text, start, end)
        if dateline is not None:
            start = dateline.end()
        sentence = text[start:end]
        stop = self._stop(start, end)
        m = _ACCORDING_FIRST.match(sentence)
        if m:
            return self._make(start + m.start("clause"), stop, m, start)
        leads = [0] + [m.end() for m in _LEAD_POSITIONS.finditer(sentence)]
        for m in _at(_INDIRECT, sentence, leads):
            mid = m.group("mid").split()
            if len(mid) <= 5 and not any(w in _FINITE for w in mid) and \
                    not _ENDS_WITH_OPEN_CUE.match(sentence, m.end("cue")):
                return self._make(start + m.start("clause"), stop, m, start)
        for m in _at(_CHARACTERISED, sentence, leads):
            fragment = self._fragment_in(start + m.start("clause"), stop)
            if fragment:
                return self._make(start + m.start("clause"), stop, m, start)
        for m in _at(_INDIRECT_BARE, sentence, leads):
            cue = m.group("cue")
            if cue in _THAT_OPTIONAL_STRICT:
                if _STRICT_CLAUSE.match(sentence, m.start("clause")):
                    return self._make(start + m.start("clause"), stop, m, start)
                continue
            if cue not in _THAT_OPTIONAL:
                continue
            clause_start = start + m.start("clause")
            if cue in ("told", "tells", "tell"):
                clause_start = self._after_addressee(clause_start, stop)
                if clause_start is None:
                    continue
            if _looks_like_clause(text[clause_start:stop]):
                return self._make(clause_start, stop, m, start)
        m = _ACCORDING_LAST.search(sentence)
        if m:
            return self._make(start, start + m.start(), m, start)
        return self._participle(start, stop) or self._reported_after(start, stop)

    def _participle(self, start: int, stop: int) -> QuoteDraft | None:
        """The sentence's subject speaks through a later verb: "…, telling fans she …",
        "… but said inflation was falling"."""
        sentence = self.text[start:stop]
        m = _PARTICIPLE.search(sentence) or _CONJOINED.search(sentence)
        subject = _SUBJECT.match(sentence)
        if subject is not None and re.match(r"[Tt]he[ \t]+[A-Z]", subject.group("spk")):
            subject = _NAMED_SUBJECT.match(sentence) or subject  # "The Bank of England"
        if m is None or subject is None:
            return None
        clause = start + m.start("clause")
        gloss = _GLOSS.search(self.text, clause, stop)
        if gloss is not None:
            stop = gloss.start()
        if m.group("cue") in ("telling", "told") and not m.group("mid").strip():
            clause = self._after_addressee(clause, stop)
            if clause is None:
                return None
        if not _looks_like_clause(self.text[clause:stop]):
            return None
        cue = (start + m.start("cue"), start + m.end("cue"))
        return self._finish(clause, stop, cue, speaker_span(subject, start))

    def _after_addressee(self, pos: int, stop: int) -> int | None:
        """"told the BBC she was …": the clause starts at the second subject."""
        words = list(re.finditer(r"\S+", self.text[pos:stop]))
        for w in words[1:5]:
            if _SUBJECT_TOLD.fullmatch(w.group()):
                return pos + w.start()
        return None

    def _reported_after(self, start: int, stop: int) -> QuoteDraft | None:
        """AP style: "The plan will cost $2bn, officials said." """
        sentence = self.text[start:stop]
        for comma in reversed([m.start() for m in re.finditer(",", sentence)][-3:]):
            match = cue_after(self.text, start + comma, stop + 1)
            if match is None or match.speaker is None or \
                    self.text[match.cue[0]:match.cue[1]] not in _REPORTED_AFTER:
                continue
            tail = self.text[match.cue[1]:stop]
            if len(tail) > 40 or "," in tail or len(sentence[:comma].split()) < 4:
                continue
            return self._finish(start, start + comma, match.cue, match.speaker)
        return None

    def _make(self, clause_start: int, clause_end: int, m: re.Match,
              offset: int) -> QuoteDraft | None:
        cue = (offset + m.start("cue"), offset + m.end("cue"))
        gloss = _GLOSS.search(self.text, clause_start, clause_end)
        if gloss is not None and cue[0] < clause_start:
            clause_end = gloss.start()
        return self._finish(clause_start, clause_end, cue, speaker_span(m, offset))

    def _finish(self, start: int, end: int, cue, speaker) -> QuoteDraft | None:
        content = self.text[start:end]
        if len(content.split()) < 3:
            return None
        kind = "mixed" if self._fragment_in(start, end) else "indirect"
        return QuoteDraft(kind, [(start, end)], cue=cue, speaker=speaker, how=CUED)

    def _fragment_in(self, start: int, end: int) -> bool:
        """A quoted fragment opens inside the clause (its mark may close after the end)."""
        i = bisect_left(self._fragment_starts, start)
        return i < len(self.fragments) and self.fragments[i][0] < end


# Where a speaker phrase may start (see LEAD): trying the patterns only there is faster than
# letting the regex engine try every position.
_LEAD_POSITIONS = re.compile(r"(?:[,;:—–(]|\b[Aa]nd|\b[Bb]ut|\b[Ww]hen|\b[Tt]hen|\b[Yy]et) ")


def _at(pattern: re.Pattern, sentence: str, positions: list[int]):
    for pos in positions:
        m = pattern.match(sentence, pos)
        if m is not None:
            yield m


def _looks_like_clause(rest: str) -> bool:
    """Starts like a clause, or has a finite verb soon ("falling demand … had left")."""
    if _CLAUSE_START.match(rest):
        return True
    words = [w.lower().strip(",;") for w in rest.split()[1:10]]
    return any(w in _FINITE for w in words)
