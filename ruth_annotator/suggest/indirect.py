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

from ruth_annotator.suggest import reporting as rp
from ruth_annotator.suggest.coverage import Coverage
from ruth_annotator.suggest.cues import (
    DATELINE,
    TELL,
    cue_after,
    said_before,
    sentence_subject,
    speaker_span,
)
from ruth_annotator.suggest.dates import WEEKDAY
from ruth_annotator.suggest.drafts import CUED, FIRST_PERSON, QuoteDraft
from ruth_annotator.suggest.partial import fragment_cue_after
from ruth_annotator.suggest.text_units import BOILERPLATE_START, Units

# After a cue and speaker, an attribution ends the sentence, with at most an aside or a
# phrase of time and place: ", the editor of …." / " on Tuesday." (not "said the cases …")
_ATTRIBUTION_ENDS = re.compile(
    r"(?:,[^\"“”\n.;!?]{1,150}|[ \t]+(?:on|in|at|to|of|for|during|after|before|last|this|"
    rf"with|from|about|by|yesterday|today|earlier|later|recently|then|{WEEKDAY})\b"
    r"[^\"“”\n.;!?]{0,60})?[ \t]*(?:[.;!?]|$)", re.M)
_THE_NAME = re.compile(r"[Tt]he[ \t]+[A-Z]")
_NON_SPACE = re.compile(r"\S+")
_COMMA = re.compile(",")
_LISTENER = re.compile(r"[ \t]+(?:[A-Z]|(?:me|him|her|them|us|you|reporters|journalists|"
                       r"the|a|an|his|her|their|its|our)\b)")


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
        self._ends = sorted((q.end, i) for i, q in enumerate(speech))
        self._next = 0
        self._open: list[tuple[int, int, int]] = []
        self.fragments = sorted(fragments)
        self._fragment_starts = [s for s, _ in self.fragments]

    def run(self) -> list[QuoteDraft]:
        out = []
        boilerplate: dict[int, bool] = {}  # by paragraph: looked at once, not per sentence
        for (start, end), para_index in zip(self.units.sentences,
                                            self.units.sentence_paragraph, strict=True):
            para = self.units.paragraphs[para_index]
            skip = boilerplate.get(para_index)
            if skip is None:
                skip = boilerplate[para_index] = bool(
                    BOILERPLATE_START.match(self.text[para.start:para.end]))
            if skip:
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
                    draft = self._adding_after_quote(start, end)
                    if draft is not None:
                        out.append(draft)  # "…," Smith said, adding that …
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

    def _adding_after_quote(self, start: int, end: int) -> QuoteDraft | None:
        """"…," Smith said, adding that the firm would appeal: the quote's speaker goes on."""
        i = bisect_left(self._ends, (end, -1)) - 1
        if i < 0 or self._ends[i][0] < start:
            return None
        quote = self.drafts[self._ends[i][1]]
        if quote.parent is not None or quote.speaker is None or quote.speaker[0] < quote.end:
            return None
        stop = self._stop(start, end)
        m = rp.PARTICIPLE.search(self.text, quote.speaker[1], stop)
        if m is None or m.group("cue") not in ("adding", "saying", "insisting", "warning"):
            return None
        clause = m.start("clause")
        if not rp.looks_like_clause(self.text[clause:stop]):
            return None
        return self._finish(clause, stop, m.span("cue"), quote.speaker)

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
        stop = end  # back over the closing run: a regex search for it was quadratic in its length
        while stop > start and rp.END_PUNCT_CHAR.match(self.text, stop - 1):
            stop -= 1
        clause_end = rp.NEXT_CLAUSE.search(self.text, start, stop)
        return clause_end.start() if clause_end is not None else stop

    def _sentence(self, start: int, end: int) -> QuoteDraft | None:
        text = self.text
        lower = text[start:end].lower()
        first = start
        words = set(rp.LOWER_WORD.findall(lower))
        if words.isdisjoint(rp.CUE_WORDS):
            return None  # most sentences report nothing: one cheap look before the patterns
        dateline = DATELINE.match(text, start, end)
        if dateline is not None:
            start = dateline.end()
        sentence = text[start:end]
        stop = self._stop(start, end)
        m = rp.ACCORDING_FIRST.match(sentence)
        if m:
            return self._make(start + m.start("clause"), stop, m, start)
        # Each pattern needs its verbs among the sentence's words (and "that"): without
        # them, trying it at every lead position cannot match; and a speaker phrase starts
        # before its verb, so leads after the last verb are not tried either.
        verbs = words & rp.REPORTING_WORDS
        reporting = bool(verbs)
        verbs |= words & rp.CHARACTERISING
        last_verb = max((lower.rfind(v) for v in verbs), default=-1) - (start - first)
        leads = [0] + [m.end() for m in rp.LEAD_POSITIONS.finditer(sentence, 0,
                                                                     max(0, last_verb))]
        indirect = rp.matches_at(rp.INDIRECT, sentence, leads) \
            if reporting and "that" in words else ()
        for m in indirect:
            mid = m.group("mid").split()
            if len(mid) <= 5 and not any(w in rp.FINITE for w in mid) and \
                    not rp.ENDS_WITH_OPEN_CUE.match(sentence, m.end("cue")):
                return self._make(start + m.start("clause"), stop, m, start)
        characterised = rp.matches_at(rp.CHARACTERISED, sentence, leads) \
            if not words.isdisjoint(rp.CHARACTERISING) else ()
        for m in characterised:
            fragment = self._fragment_in(start + m.start("clause"), stop)
            if fragment:
                return self._make(start + m.start("clause"), stop, m, start)
        # Matches with other verbs are passed over below: without one of these verbs in
        # the sentence, trying the pattern is wasted.
        bare = reporting and not words.isdisjoint(rp.THAT_OPTIONAL_ANY)
        for m in rp.matches_at(rp.INDIRECT_BARE, sentence, leads) if bare else ():
            cue = m.group("cue")
            if cue in rp.THAT_OPTIONAL_STRICT:
                if rp.STRICT_CLAUSE.match(sentence, m.start("clause")):
                    return self._make(start + m.start("clause"), stop, m, start)
                continue
            if cue not in rp.THAT_OPTIONAL:
                continue
            clause_start = start + m.start("clause")
            if cue in TELL:
                clause_start = self._after_addressee(clause_start, stop)
                if clause_start is None:
                    continue
            if rp.looks_like_clause(text[clause_start:stop]):
                return self._make(clause_start, stop, m, start)
        m = rp.ACCORDING_LAST.search(sentence)
        if m:
            return self._make(start, start + m.start(), m, start)
        return self._participle(start, stop, words) or \
            self._reported_after(start, stop, words)

    def _participle(self, start: int, stop: int, words: set[str]) -> QuoteDraft | None:
        """The sentence's subject speaks through a later verb: "…, telling fans she …",
        "… but said inflation was falling" (`words`: the sentence's, lower case)."""
        participle = not words.isdisjoint(rp.PARTICIPLES)
        conjoined = ("and" in words or "but" in words) and not words.isdisjoint(rp.CONJOINED_VERBS)
        if not (participle or conjoined):
            return None
        sentence = self.text[start:stop]
        m = (rp.PARTICIPLE.search(sentence) if participle else None) or \
            (rp.CONJOINED.search(sentence) if conjoined else None)
        if m is None:
            return None
        # past an opening phrase: "Continuing to explain, Carson rejected …, saying"
        speaker = sentence_subject(self.text, start, start + m.start() + 1, loose=True)
        if speaker is None:
            subject = rp.SUBJECT.match(sentence)
            if subject is not None and _THE_NAME.match(subject.group("spk")):
                subject = rp.NAMED_SUBJECT.match(sentence) or subject  # "The Bank of England"
            speaker = speaker_span(subject, start) if subject is not None else None
            if speaker is None:
                return None
        said = said_before(self.text, start, start + m.start() + 1)  # "X said, adding"
        clause = start + m.start("clause")
        gloss = rp.GLOSS.search(self.text, clause, stop)
        if gloss is not None:
            stop = gloss.start()
        if m.group("cue") in TELL and not m.group("mid").strip():
            clause = self._after_addressee(clause, stop)
            if clause is None:
                return None
        if not rp.looks_like_clause(self.text[clause:stop]):
            return None
        cue = (start + m.start("cue"), start + m.end("cue"))
        return self._finish(clause, stop, cue, said or speaker)

    def _after_addressee(self, pos: int, stop: int) -> int | None:
        """"told the BBC she was …": the clause starts at the second subject."""
        words = list(_NON_SPACE.finditer(self.text[pos:stop]))
        for w in words[1:5]:
            if rp.SUBJECT_TOLD.fullmatch(w.group()):
                return pos + w.start()
        return None

    def _reported_after(self, start: int, stop: int,
                        words: set[str] | None = None) -> QuoteDraft | None:
        """AP style: "The plan will cost $2bn, officials said." """
        if words is not None and words.isdisjoint(rp.REPORTED_AFTER):
            return None
        sentence = self.text[start:stop]
        for comma in reversed([m.start() for m in _COMMA.finditer(sentence)][-3:]):
            match = cue_after(self.text, start + comma, stop + 1)
            if match is None or match.speaker is None or \
                    self.text[match.cue[0]:match.cue[1]] not in rp.REPORTED_AFTER:
                continue
            tail = self.text[match.cue[1]:stop]
            if len(tail) > 40 or "," in tail or len(sentence[:comma].split()) < 4:
                continue
            if self.text[match.cue[0]:match.cue[1]] in TELL:
                if tail.strip() and not _LISTENER.match(tail):
                    continue  # "…, he tells one joke about Trump": what is told, not who to
            elif not _ATTRIBUTION_ENDS.match(self.text, max(match.cue[1], match.speaker[1])):
                continue  # "…, it showed how contentious the issue has become": no ending
            return self._finish(start, start + comma, match.cue, match.speaker)
        return None

    def _make(self, clause_start: int, clause_end: int, m: re.Match,
              offset: int) -> QuoteDraft | None:
        cue = (offset + m.start("cue"), offset + m.end("cue"))
        gloss = rp.GLOSS.search(self.text, clause_start, clause_end)
        if gloss is not None and cue[0] < clause_start:
            clause_end = gloss.start()
        return self._finish(clause_start, clause_end, cue, speaker_span(m, offset))

    def _finish(self, start: int, end: int, cue, speaker) -> QuoteDraft | None:
        content = self.text[start:end]
        if len(content.split()) < 3:
            return None
        kind = "mixed" if self._fragment_in(start, end) else "indirect"
        if kind == "mixed":  # the quoted words run on past a comma or a full stop inside
            end = max(end, self._last_fragment_end(start, end))  # "“A. B,” and he …"
            if self._attributed_alone(start, cue):
                return None  # "Polling shows that ''…,'' said Sylke Tempel": hers
        return QuoteDraft(kind, [(start, end)], cue=cue, speaker=speaker, how=CUED)

    def _attributed_alone(self, start: int, cue: tuple[int, int]) -> bool:
        """The clause's first quoted fragment closes with a comma and its own cue, which
        ends the sentence's attribution: "…,'' said Sylke Tempel." (not "…,” one of the
        prosecutors said the cases were different")."""
        first = self.fragments[bisect_left(self._fragment_starts, start)]
        if self.text[first[1] - 1:first[1]] != ",":
            return False
        own = fragment_cue_after(self.text, *first, min(len(self.text), first[1] + 200))
        if own is None or own[0] == cue:
            return False
        after = max(own[0][1], own[1][1])
        return _ATTRIBUTION_ENDS.match(self.text, after) is not None

    def _last_fragment_end(self, start: int, end: int) -> int:
        """The end of the last quoted fragment opening inside the clause."""
        i = bisect_left(self._fragment_starts, end) - 1
        return self.fragments[i][1] if i >= 0 and self.fragments[i][0] >= start else end

    def _fragment_in(self, start: int, end: int) -> bool:
        """A quoted fragment opens inside the clause (its mark may close after the end)."""
        i = bisect_left(self._fragment_starts, start)
        return i < len(self.fragments) and self.fragments[i][0] < end


