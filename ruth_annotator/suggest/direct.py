"""Which quoted spans are speech, with their cue and speaker phrase.

A quoted span is speech when a cue names who spoke, or when it stands on its own in the
body (opening a paragraph or a sentence) and reads like speech: it then continues the run
of quotes before it. Short fragments inside a sentence ("blown away"), titles ("I Am
Ruth") and anything in a headline or caption without a cue are scare quotes, not speech.
"A," she said, "b." is one quote in two segments. Quotes inside speech get their own
speaker ("He said, ‘…’"); "I said" inside a quote is the outer speaker.
"""

from __future__ import annotations

import re

from ruth_annotator.suggest import people_words as people
from ruth_annotator.suggest.cues import (
    DEFAULT,
    DESCRIBED,
    LOWER_DESCRIBED,
    NAME,
    CueMatch,
    CuePatterns,
    clause_subject,
    cue_after,
    cue_before,
    dash_attribution,
    has_speech_verb,
    sentence_subject,
)
from ruth_annotator.suggest.drafts import CUED, FIRST_PERSON, INHERITED, LABELLED, QuoteDraft
from ruth_annotator.suggest.marks import MarkedQuote
from ruth_annotator.suggest.org_words import WORK_NOUNS
from ruth_annotator.suggest.partial import sentence_attribution
from ruth_annotator.suggest.text_units import Units

_WORDS = re.compile(r"[\w'’-]+")
_ENDS_CLAUSE = re.compile(r"[.!?,…:;—–-]$")
_SENTENCE_INSIDE = re.compile(r"[.!?][ \t]")
_STANDALONE_BEFORE = ":,;—–-([\"“”‘’'.!?…"
_LAST_WORD = re.compile(r"([\w'’-]+)[ \t]*$")
_AFTER_REACH = 160
# a quotation mark, not an apostrophe inside a word ("University's")
_ANY_MARK = re.compile("[\"“”«»]|(?<!\\w)['‘’]|['‘’](?!\\w)")
_LABEL_PHRASE = re.compile(rf"[ \t]*(?P<spk>{DESCRIBED}|{LOWER_DESCRIBED}|{NAME})[ \t]*")
# "quotes/cited X:" before a quote: X's words, relayed by the subject.
_QUOTING = re.compile(rf"\b(?P<cue>quot(?:es|ed|ing)|cit(?:es|ed|ing))[ \t]+"
                      rf"(?P<spk>{DESCRIBED}|{LOWER_DESCRIBED}|{NAME})"
                      r"(?:[ \t]+as[ \t]+saying)?[ \t]*:[ \t]*$")
# "More from Blumenthal and Cohen:", "From the report:": the source of the words after it.
_FROM_SOURCE = re.compile(r"(?:^|(?<=[.!?—–-] )|(?<=[—–-]))(?:[Mm]ore[ \t]+)?[Ff]rom[ \t]+"
                          r"(?P<spk>[^:;.!?\n\"“”‘’,]{2,80}?)[ \t]*:$")
_PERSON_AT_END = re.compile(rf"(?<![\w'’-])(?P<spk>{DESCRIBED}|(?P<role>[a-z]+)[ \t]+{NAME})"
                            r"[ \t]*$")
_LAST_CLAUSE = re.compile(r",[”\"’']?[ \t]+(?:(?:to|in|for|with)[ \t]+)?"
                          r"(?:which|whom|who|and|but|when|as|while)[ \t]+(?=[^,]*$)")


def title_like(content: str) -> bool:
    """A title rather than words said: a few capitalised words ("Tales From the Crypt"),
    or a title and its subtitle."""
    if subtitled(content):
        return True
    if _ENDS_CLAUSE.search(content) or len(content.split()) > 6:
        return False
    return _capitalised(content, 0.6)


def subtitled(content: str) -> bool:
    """A title and its subtitle ("Crippled America: How to Make America Great Again"): a
    work's name even after "wrote"."""
    title, colon, subtitle = content.rstrip(".,").partition(": ")
    return bool(colon) and not _SENTENCE_INSIDE.search(content) and "," not in subtitle \
        and len(content.split()) <= 14 and _capitalised(title, 0.75) and \
        _capitalised(subtitle, 0.75, at_least=2)


def _capitalised(words_of: str, share: float, at_least: int = 1) -> bool:
    words = [w for w in _WORDS.findall(words_of) if len(w) > 3]
    return len(words) >= at_least and sum(w[0].isupper() for w in words) / len(words) >= share


class DirectQuotes:
    """Turns marked quotes into speech drafts; remembers the ones that are not speech."""

    def __init__(self, text: str, units: Units, marked: list[MarkedQuote],
                 patterns: CuePatterns = DEFAULT) -> None:
        self.text = text
        self.patterns = patterns
        self.units = units
        self.marked = marked
        self.drafts: list[QuoteDraft] = []
        self.not_speech: list[int] = []
        self.titles: list[tuple[int, int]] = []
        self._draft_of: dict[int, int] = {}
        self._closed_speech: dict[int | None, int] = {}  # parent -> its last closed speech

    def run(self) -> list[QuoteDraft]:
        previous: QuoteDraft | None = None
        for i, q in enumerate(self.marked):
            if q.parent is None:
                draft = self._top(i, q, previous)
                if draft is not None and draft is not previous:
                    previous = draft
            elif q.parent in self._draft_of:
                self._nested(i, q)
            else:
                self.not_speech.append(i)
        return self.drafts

    # --- top-level quotes -----------------------------------------------------------

    def _top(self, i: int, q: MarkedQuote, previous: QuoteDraft | None) -> QuoteDraft | None:
        para = self.units.paragraph_at(q.open_pos)
        content = self._content(q)
        standalone = self._standalone(q.open_pos, content)
        prev_close = self._sibling_close(i, para.start)
        start = max(self.units.sentence_at(q.open_pos)[0], para.start, prev_close)
        # a quote over paragraphs has its cue after its closing mark, in its last paragraph
        end_para = self.units.paragraph_at(q.close_pos) if q.close_pos else para
        ceiling = end_para.end if end_para is not None else para.end
        limit = min(ceiling, self._sibling_open(i, ceiling), (q.close_pos or 0) + _AFTER_REACH)
        match = self._cue(q, start, limit, para.start) if standalone else None
        body = para.body and not self.units.headline_like(para)
        if match is None and standalone and body:
            match = self._cue_in_previous_paragraph(q, para) or self._dash_after(q, para) \
                or self._verb_earlier(q, start) or self._colon_subject(q, start)
        if subtitled(content) or match is None and (
                not standalone or not body or title_like(content)
                or not self._speechlike(content, 4)):
            self._not_speech(i, q)
            return None
        if (previous is not None and match is not None and previous.cue == match.cue
                and self.units.paragraph_at(previous.start) is para
                and self.text[previous.end - 1] == "," and content[:1].islower()):
            previous.segments.extend(self._segments(q))  # "A," she said, "b."
            self._draft_of[i] = self._draft_of[previous.marked]  # not drafts.index: O(n)
            self._spoken(i)
            return previous
        draft = self._draft(q, match)
        if match is None:
            draft.how = INHERITED
            found = self._previous_subject(start, para.start)
            if found is not None:  # "Jones disagreed. "It is a disaster.""
                draft.speaker, draft.cue, draft.how = found.speaker, found.cue, CUED
            elif previous is not None and previous.cue is not None and \
                    previous.end <= previous.cue[0] < q.open_pos and \
                    self.units.paragraph_at(previous.cue[0]) is para:
                draft.cue = previous.cue  # "“A,” she said. “B.”": one cue for both
        self._add(i, draft)
        return draft

    def _cue_in_previous_paragraph(self, q: MarkedQuote, para) -> CueMatch | None:
        """"Smith said:" closing the paragraph before a paragraph that opens with the quote."""
        if self.text[para.start:q.open_pos].strip() or para.index == 0:
            return None
        before = self.units.paragraphs[para.index - 1]
        if not before.body or not self.text[before.start:before.end].endswith(":"):
            return None
        start = self.units.sentence_at(before.end - 1)[0]
        match = cue_before(self.text, start, before.end, self.patterns)
        return match if match is not None and match.side != "label" else None

    def _verb_earlier(self, q: MarkedQuote, start: int) -> CueMatch | None:
        """"Mr. Trump is so reckless, the vice president said, that if …, “I would have …”":
        a speech verb and its speaker earlier in the quote's sentence."""
        if not self.text[start:q.open_pos].strip():
            return None
        found = sentence_attribution(self.text, start, q.open_pos)
        return CueMatch(found[0], found[1], None, "before") if found else None

    def _colon_subject(self, q: MarkedQuote, start: int) -> CueMatch | None:
        """"Kasich resisted: “…”", "But back home, he returned to his familiar lines:
        “…”": a clause that ends in a colon introduces its subject's words, whatever its
        verb."""
        before = self.text[start:q.open_pos].rstrip()
        if not before.endswith((":", "—", "–")):  # "When Trump finally wrapped up — “…”"
            return None
        end = start + len(before) - 1  # the colon or dash
        label = _LABEL_PHRASE.fullmatch(self.text, start, end)
        if label is not None:  # "Bake-off star Ellie Marsh: ‘…’"
            return CueMatch(None, label.span("spk"), None, "colon")
        # (the phrases right before the colon are looked for near it, not in the whole
        # sentence, which on an article with no full stops is the whole article)
        quoted = _QUOTING.search(self.text, max(start, end - 150), end + 1)
        if quoted is not None:  # "Obama quoted Lincoln: “…”": the one quoted speaks
            return CueMatch(quoted.span("cue"), quoted.span("spk"), None, "colon")
        source = _FROM_SOURCE.search(self.text, max(start, end - 120), end + 1)
        if source is not None:  # "More from Blumenthal and Cohen: “…”"
            return CueMatch(None, source.span("spk"), None, "colon")
        # the last clause first: "She said experts agreed, to which O'Malley interjected:"
        subject = self._last_clause_subject(start, q.open_pos) or \
            sentence_subject(self.text, start, q.open_pos) or \
            self._person_before_colon(start, end) or \
            clause_subject(self.text, start, q.open_pos, names_only=True) or \
            sentence_subject(self.text, start, q.open_pos, loose=True)  # "a familiar voice"
        return CueMatch(None, subject, None, "colon") if subject is not None else None

    def _person_before_colon(self, start: int, end: int) -> tuple[int, int] | None:
        """"The timing doesn't surprise Republican pollster Daron Shaw:": with no person for
        a subject, a person named right before the colon (a name after a role noun)."""
        m = _PERSON_AT_END.search(self.text, max(start, end - 150), end)
        if m is None or m.group("role") and m.group("role") not in people.ROLE_GENDER:
            return None
        return m.span("spk")

    def _last_clause_subject(self, start: int, mark: int) -> tuple[int, int] | None:
        """The subject of the last clause of text[start:mark] after ", and/but/which …"."""
        clause = _LAST_CLAUSE.search(self.text, start, mark)
        return sentence_subject(self.text, clause.end(), mark) if clause else None

    def _dash_after(self, q: MarkedQuote, para) -> CueMatch | None:
        """"…" — Howard Kurtz, Fox News: on the quote's line, or on the line after it."""
        if q.close_pos is None:
            return None
        end = para.end
        nxt = self.units.paragraphs[para.index + 1] if para.index + 1 < len(
            self.units.paragraphs) else None
        if nxt is not None and not self.text[q.close_pos + 1:para.end].strip():
            end = nxt.end
        return dash_attribution(self.text, q.close_pos + 1, end)

    def _previous_subject(self, start: int, para_start: int) -> CueMatch | None:
        """The person a sentence just before the quote, in its paragraph, is about; for a
        quote that opens its paragraph, the last sentence of a narrative paragraph just
        before ("Sen. Bernie Sanders also called on the U.S. to press China. ¶ “China is
        …”")."""
        if start <= para_start:
            return self._subject_of_paragraph_before(para_start)
        sentence = self.units.sentence_at(start - 1)
        if sentence[0] < para_start or _ANY_MARK.search(self.text, sentence[0], start):
            return None  # only narrative: a sentence with a quote has its own speaker
        decided, closing = self._by_form(sentence[0], start)
        if decided:
            return closing
        subject = clause_subject(self.text, sentence[0], start, names_only=True)
        if subject is None and has_speech_verb(self.text, sentence[0], start):
            # "On the other side, Sen. Ted Cruz, a candidate, tweeted a warning. “…”"
            subject = sentence_subject(self.text, sentence[0], start)
        return CueMatch(None, subject) if subject is not None else None

    def _by_form(self, start: int, end: int) -> tuple[bool, CueMatch | None]:
        """Whether the narrative sentence text[start:end] decides the next quote's speaker
        by its form, and how: an aside in brackets names nobody; "…, dos Santos says."
        ends in its speaker and cue, which the quote shares."""
        sentence = self.text[start:end].strip()
        if sentence.startswith("(") or sentence.endswith((")", ").")):
            return True, None
        comma = self.text.rfind(", ", start, end)
        m = self.patterns.post_subject.match(self.text, comma, end) if comma >= 0 else None
        if m is None or self.text[m.end():end].strip(" \t.") or m.group("spk") is None:
            return False, None
        return True, CueMatch(m.span("cue"), m.span("spk"))

    def _subject_of_paragraph_before(self, para_start: int) -> CueMatch | None:
        para = self.units.paragraph_at(para_start)
        if para is None or para.index == 0:
            return None
        before = self.units.paragraphs[para.index - 1]
        if not before.body or _ANY_MARK.search(self.text, before.start, before.end):
            return None
        sentence = self.units.sentence_at(before.end - 1)
        decided, closing = self._by_form(max(sentence[0], before.start), before.end)
        if decided:
            return closing
        quoted = _QUOTING.search(self.text, max(sentence[0], before.start), before.end)
        if quoted is not None:  # "Frank quotes former Carter adviser Alfred Kahn:" ¶ "…"
            return CueMatch(None, quoted.span("spk"))
        subject = sentence_subject(self.text, max(sentence[0], before.start), before.end)
        return CueMatch(None, subject) if subject is not None else None

    def _cue(self, q: MarkedQuote, start: int, limit: int,
             line_start: int) -> CueMatch | None:
        after = cue_after(self.text, q.close_pos + 1, limit, self.patterns) \
            if q.close_pos else None
        before = cue_before(self.text, start, q.open_pos, self.patterns)
        if before is not None and before.side == "label" and start != line_start:
            before = None
        if self.text[start:q.open_pos].rstrip().endswith(":") and (
                after is None or before is not None and before.side == "label"):
            # "Reid said both are “non-entities,” but he gave the Texan a compliment:"
            subject = self._last_clause_subject(before.cue[1], q.open_pos) \
                if before is not None and before.cue is not None else None
            if subject is not None:
                return CueMatch(None, subject, None, "colon")
            return before or after
        return after or before

    def _speechlike(self, content: str, min_words: int) -> bool:
        return len(content.split()) >= min_words or bool(_ENDS_CLAUSE.search(content))

    def _standalone(self, mark: int, content: str = "") -> bool:
        """Opens a paragraph or sentence, follows a colon or comma, or a cue verb; right
        after a verb, three words or fewer are a fragment of the sentence ("revealed she
        cried "every single week" while filming"), not speech of their own."""
        k = mark
        while k > 0 and self.text[k - 1] in " \t":
            k -= 1
        if k == 0 or self.text[k - 1] == "\n" or self.text[k - 1] in _STANDALONE_BEFORE:
            return True
        word = _LAST_WORD.search(self.text, max(0, k - 30), k)
        return bool(word) and word.group(1) in self.patterns.verbs and \
            (not content or len(content.split()) >= 4)

    # --- quotes inside speech -------------------------------------------------------

    def _nested(self, i: int, q: MarkedQuote) -> None:
        parent = self.drafts[self._draft_of[q.parent]]
        segment = next(((s, e) for s, e in parent.segments if s <= q.open_pos < e), None)
        if segment is None:
            return
        prev_close = self._sibling_close(i, segment[0])
        start = max(self.units.sentence_at(q.open_pos)[0], segment[0], prev_close)
        limit = min(segment[1], self._sibling_open(i, segment[1]),
                    (q.close_pos or 0) + _AFTER_REACH)
        match = self._cue(q, start, limit, segment[0]) if self._standalone(q.open_pos) \
            else None
        content = self._content(q)
        if match is None and (not self._speechlike(content, 3) or title_like(content)
                              or not _ENDS_CLAUSE.search(content)):
            self._not_speech(i, q)
            return
        draft = self._draft(q, match)
        draft.parent = self._draft_of[q.parent]
        if match is None:
            draft.how = INHERITED
        elif draft.speaker and self.text[draft.speaker[0]:draft.speaker[1]].lower() in (
                "i", "we"):
            draft.how = FIRST_PERSON
        self._add(i, draft)
        parent.children.append(len(self.drafts) - 1)

    # --- helpers ----------------------------------------------------------------------

    def _draft(self, q: MarkedQuote, match: CueMatch | None) -> QuoteDraft:
        draft = QuoteDraft("direct", self._segments(q))
        if match is not None:
            draft.cue, draft.speaker, draft.addressee = match.cue, match.speaker, \
                match.addressee
            draft.how = LABELLED if match.side == "label" else CUED
        return draft

    def _add(self, i: int, draft: QuoteDraft) -> None:
        draft.marked = i
        self._draft_of[i] = len(self.drafts)
        self._spoken(i)
        self.drafts.append(draft)

    def _spoken(self, i: int) -> None:
        if self.marked[i].close_pos is not None:
            self._closed_speech[self.marked[i].parent] = i

    def _not_speech(self, i: int, q: MarkedQuote) -> None:
        self.not_speech.append(i)
        content = self._content(q)
        word = _LAST_WORD.search(self.text, max(0, q.open_pos - 30), q.open_pos)
        if word and word.group(1).lower() in WORK_NOUNS and title_like(content):
            self.titles.append((q.segments[0].start, q.segments[-1].end))

    def _segments(self, q: MarkedQuote) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in q.segments]

    def _content(self, q: MarkedQuote) -> str:
        return " ".join(self.text[s.start:s.end] for s in q.segments)

    def _sibling_close(self, i: int, floor: int) -> int:
        """Where the clause of quote `i` may start: after the closing mark of the last
        speech before it with the same parent, within `floor`. A scare quote before ("said
        this was a "fatal blunder" and that: …") does not cut the clause: only speech has
        its own cue and speaker. That speech is kept per parent as drafts are made (quotes
        come in order of their opening marks), not looked for back over every quote."""
        k = self._closed_speech.get(self.marked[i].parent)
        if k is None:
            return floor
        other = self.marked[k]
        if other.open_pos < floor and k + 1 < i and self.marked[k + 1].open_pos < floor:
            return floor  # a quote between opens before the floor too
        return other.close_pos + 1 if other.close_pos >= floor else floor

    def _sibling_open(self, i: int, ceiling: int) -> int:
        parent = self.marked[i].parent
        for k in range(i + 1, len(self.marked)):  # not a slice: that copies the rest each time
            other = self.marked[k]
            if other.open_pos >= ceiling:
                break
            if other.parent == parent:
                return other.open_pos
        return ceiling
