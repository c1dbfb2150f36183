"""Partial quotes: a quoted stretch inside a sentence that reports someone's words.

"Trump told supporters Tuesday night that "we close one chapter in history"", "the former
secretary of state talked about continuing the "progress we had under President Obama"":
the words in marks are the speaker's even when the sentence around them is not a reported
clause the indirect rules recognise. A fragment of at least four words that is not a title
and lies in a body sentence no quote covers is proposed when the sentence says whose it
is, in this order: a cue right after its closing mark ("…,” Mr. Chipok said"), a speech
verb before it with a subject opening its clause, another quote of the same sentence, a
bare "But “…”" after a quote (its speaker goes on), or the subject the sentence opens with
("Rubio also regretted a climate in which people “literally hate each other”"). With two
or three words, only the cue after it counts. The fragment alone is the quote (type
"mixed": reported speech that holds quoted words).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable

from ruth_annotator.suggest.coverage import Coverage
from ruth_annotator.suggest.cues import (
    ADV,
    APPOS,
    BY_SPEAKER,
    CUE_VERBS,
    DEFAULT,
    IRREGULAR_PAST,
    LEAD,
    NAME,
    PASSIVE_BEFORE,
    PRON,
    SPEAKER,
    SUBORDINATE,
    SUBORDINATOR_BEFORE,
    CuePatterns,
    clause_subject,
    cue_after,
    participle_subject,
    said_before,
    sentence_subject,
    speaker_span,
    with_aside,
)
from ruth_annotator.suggest.drafts import CUED, INHERITED, QuoteDraft
from ruth_annotator.suggest.org_words import WORK_NOUNS
from ruth_annotator.suggest.people_words import COMMON_CAPS
from ruth_annotator.suggest.reporting import CHARACTERISING, CHARACTERISING_ING
from ruth_annotator.suggest.text_units import Units
from ruth_annotator.suggest.vocab import EN, alternation

_WORD = re.compile(r"[a-z]+")
_BARE_OPENING = re.compile(r"[ \t]*(?:(?:But|And|Yet|Still|So|Or)[ \t,]+)?[\"“‘'`]*")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)['’]?s?[ \t]*[\"“‘'`]*$")
_TITLE_WORDS = WORK_NOUNS | {"titled", "entitled", "called", "named", "dubbed", "headlined",
                             "slogan", "motto", "hashtag", "headline", "column", "article",
                             "op-ed", "essay", "report", "editorial", "section"}
MIN_WORDS = 4
_VERB_REACH = 600  # a fragment's speech verb stands within this many characters before it
_SPEAKER_REACH = 300  # and the verb's speaker within this many before the verb
# Verb forms that report words in a sentence; not the bare forms nor the -s forms that are
# also nouns ("claim", "reports", "state"), which say nothing about speech there.
VERBS = (EN.verb_forms(("past", "ing")) | EN.verb_forms(("third",), without="noun")
         | CHARACTERISING | CHARACTERISING_ING)
# The speaker right before the verb: "the former secretary of state talked about",
# "Smith, 45, said", "Beck, who said".
_SUBJECT_BEFORE = re.compile(rf"{LEAD}{SPEAKER}{APPOS}[ \t]+(?:[a-z]+ly[ \t]+)?{ADV}$")
_WHO_BEFORE = re.compile(rf"(?P<spk>{NAME})(?:,|[ \t]+[—–-])[ \t]+who[ \t]+{ADV}$")
_PAIRED_VERBS = re.compile(rf"(?<![\w'’-])(?P<spk>{PRON}|{NAME})[ \t]+(?:[a-z]+ly[ \t]+)?"
                           rf"(?:[a-z]+ed|{IRREGULAR_PAST})[ \t]+(?:and|but)[ \t]+"
                           r"(?:[a-z]+ly[ \t]+)?$")
# "her claim that", "Clinton's remark that", "his earlier warning that"
_OWNED_SAYING = re.compile(rf"(?<![\w'’-])(?P<spk>[Hh]is|[Hh]er|[Tt]heir|{NAME}['’]s?)"
                           rf"[ \t]+(?:[a-z]+[ \t]+)?{alternation(EN.words('speech_nouns'))}s?"
                           r"[ \t]+that\b")
_ANY_QUOTE = re.compile("[\"“”]|''")
_CONJOINED_BEFORE = re.compile(rf"[ \t]+(?:and|but)[ \t]+{ADV}$")
# "Representative Adam B. Schiff, a Democrat of California and a member of …, said": a
# name opening the sentence with a long aside before the verb.
_NAME_ASIDE = re.compile(rf"(?P<spk>{NAME}),[^\"“”‘’\n]{{1,200}},[ \t]+{ADV}$")


def partial_quotes(text: str, units: Units, drafts: list[QuoteDraft],
                   fragments: list[tuple[int, int]], is_title: Callable[[str], bool],
                   patterns: CuePatterns = DEFAULT) -> list[QuoteDraft]:
    """Mixed quotes for the quoted fragments no other rule took (see the module doc);
    `patterns` carries the cue words a project taught the engine as well."""
    verbs = VERBS | (patterns.verbs - CUE_VERBS)
    covered = Coverage(len(text), ((d.start, d.end) for d in drafts))
    # who speaks in a sentence already: "Beck described Trump as “a sociopath” and “a
    # psychopath” whose presidency “will lead to civil war”"
    speaking = {units.sentence_at(d.start)[0]: d for d in drafts
                if d.speaker is not None and d.parent is None}
    quoted = sorted(seg for d in drafts if d.parent is None for seg in d.segments)
    out = []
    # the cue right after the closing mark, looked for once per fragment; the fragments
    # with one first, so that the others of their sentence share it: "Guns are “the
    # ultimate public health crisis” and “stunt growth,” Howard Dean proclaimed"
    own_cue = {f: _own_cue(text, units, f, patterns) for f in fragments}
    for start, end in sorted(fragments, key=lambda f: own_cue[f] is None):
        content = text[start:end]
        words = len(content.split())
        if words < 2 or covered.hits(start, end) or \
                is_title(content.rstrip(".,;:!?")):  # "on ABC’s “This Week With George ….”"
            continue
        para = units.paragraph_at(start)
        if para is None or not para.body:
            continue
        here = units.sentence_at(start)
        sentence = _after_quotes(text, max(here[0], para.start), start, quoted)
        # the cue right after the closing mark first ("Polling shows that ''the public is
        # not comfortable,'' said Sylke Tempel"); a shorter fragment counts only with it:
        # "The plans are “profoundly irresponsible,” said Steve Bell"
        found = own_cue[start, end] or (
            sentence_attribution(text, sentence, start, verbs) if words >= MIN_WORDS
            else None)
        draft = None
        if found is not None:
            draft = QuoteDraft("mixed", [(start, end)], *found, how=CUED)
        elif words >= MIN_WORDS and not _names_a_work(text, sentence, start):
            same = speaking.get(here[0])
            if same is not None:
                draft = QuoteDraft("mixed", [(start, end)], same.cue, same.speaker, how=CUED)
            elif _BARE_OPENING.fullmatch(text, sentence, start):
                # "“…,” he said. But “…”": the words go on, and so does their speaker
                draft = QuoteDraft("mixed", [(start, end)], how=INHERITED)
            else:
                draft = _owned_words(text, sentence, start, end) or \
                    _quoted_words(text, sentence, here[1], start, end)
        if draft is None:
            continue
        out.append(draft)
        speaking.setdefault(here[0], draft)
        covered.mark(start, end)
    return sorted(out, key=lambda d: d.start)


def _own_cue(text: str, units: Units, fragment: tuple[int, int], patterns: CuePatterns
             ) -> tuple[tuple[int, int], tuple[int, int]] | None:
    para = units.paragraph_at(fragment[0])
    return fragment_cue_after(text, *fragment, para.end, patterns) if para else None


def _after_quotes(text: str, pos: int, limit: int, quoted: list[tuple[int, int]]) -> int:
    """`pos`, or past the quote it lies in: a sentence that starts inside "“… glad to see
    that. I think we need him,” Hannity said, remarking that “…”" has its words of
    attribution after the quote, and its "I" is not theirs."""
    i = bisect_right(quoted, (pos, len(text))) - 1
    if i < 0 or not quoted[i][0] <= pos < quoted[i][1] or quoted[i][1] >= limit:
        return pos
    pos = quoted[i][1]
    while pos < limit and text[pos] in " \t\"”’'.,;:!?":
        pos += 1
    return pos


def _owned_words(text: str, sentence: int, start: int, end: int) -> QuoteDraft | None:
    """"her claim that she “never sent or received classified information”": words in
    marks after someone's claim, remark or warning are that someone's."""
    found = list(_OWNED_SAYING.finditer(text, max(sentence, start - _SPEAKER_REACH), start))
    m = found[-1] if found else None
    if m is None or _ANY_QUOTE.search(text, m.end(), start - 1):
        return None
    return QuoteDraft("mixed", [(start, end)], None, m.span("spk"), how=CUED)


def _quoted_words(text: str, sentence: int, sentence_end: int, start: int,
                  end: int) -> QuoteDraft | None:
    """Four or more words in marks with no cue in sight are still someone's words when
    the sentence has a subject to have said them: "Rubio also regretted a climate in which
    people “literally hate each other”", "The committee released a statement offering “a
    deep and sincere apology”"."""
    subject = sentence_subject(text, sentence, sentence_end, loose=True)
    if subject is not None and start < subject[0] and SUBORDINATE.match(text, sentence):
        # "While Mr. Ryan … laid out a vision for “…”, Ben Carson …": words inside an
        # opening subordinate clause are its own subject's
        subject = clause_subject(text, sentence, start, names_only=True) or subject
    if subject is None or start <= subject[0] < end:
        return None  # nobody, or somebody inside the quoted words themselves
    return QuoteDraft("mixed", [(start, end)], None, subject, how=CUED)


def _names_a_work(text: str, sentence: int, mark: int) -> bool:
    """"the book “Those Guys Have All the Fun”", "a show called “…”": a title, not words
    anybody said."""
    before = _WORD_BEFORE.search(text, max(sentence, mark - 40), mark)
    return before is not None and before.group(1).lower() in _TITLE_WORDS


def sentence_attribution(text: str, sentence: int, mark: int,
                         verbs: frozenset[str] = VERBS
                         ) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(cue, speaker) of the last speech verb before the fragment that has a speaker (a
    phrase with no speech verb in it: "the secretary talked about continuing" is about
    "talked"). Only the verbs and speakers near the fragment are looked at, so that a
    paragraph of a hundred quoted fragments with no full stop costs a hundred short looks,
    not a hundred looks at everything before each."""
    found = [w for w in _WORD.finditer(text, max(sentence, mark - _VERB_REACH), mark)
             if w.group() in verbs]
    subordinate = None  # "Clinton said that when Warren railed against …, “…”": said wins
    for verb in reversed(found):
        lo = max(sentence, verb.start() - _SPEAKER_REACH)
        # past the reach, a sentinel stands for the cut-off start, which `^` must not take
        # for the sentence's own start
        window = text[lo:verb.start()] if lo == sentence else "\x00" + text[lo:verb.start()]
        offset = lo if lo == sentence else lo - 1
        asker = BY_SPEAKER.match(text, verb.end(), mark) \
            if verb.group() == "asked" and PASSIVE_BEFORE.search(window) else None
        if asker is not None:  # "Rubio was asked by moderator Gerard Baker whether …"
            return (verb.start(), verb.end()), asker.span("spk")
        m = _WHO_BEFORE.search(window) or _SUBJECT_BEFORE.search(window) or \
            (_NAME_ASIDE.match(window) if lo == sentence else None)
        if m is not None and m.re is _NAME_ASIDE and m.group("spk").split()[0] in COMMON_CAPS:
            m = None  # "On Tuesday, even as shares fell, Mr. Ackman wrote": no name
        if m is not None and verbs.isdisjoint(m.group("spk").lower().split()) and \
                not with_aside(m):
            attribution = (verb.start(), verb.end()), speaker_span(m, offset)
            if not SUBORDINATOR_BEFORE.search(window, 0, m.start("spk")) or \
                    verb is found[0] or "," not in text[verb.end():mark]:
                return attribution  # (the words end the subordinate clause: its verb's)
            subordinate = subordinate or attribution
            continue
        if _CONJOINED_BEFORE.search(window):  # "Massie used to support Paul, but now said"
            # "she laughed and admitted": the subject of the verb before the "and" first
            pair = _PAIRED_VERBS.search(window)
            subject = speaker_span(pair, offset) if pair is not None else \
                clause_subject(text, sentence, verb.start(), names_only=True)
            if subject is not None:
                return (verb.start(), verb.end()), subject
        if verb.group().endswith("ing"):  # "Lewandowski quashed rumors by tweeting that"
            said = said_before(text, lo, verb.start())
            if said is not None:
                return (verb.start(), verb.end()), said
            # "…, when Sanders protesters interrupted her speech, shouting “…”": the
            # subject of the clause the participle follows
            subject = participle_subject(text, lo, verb.start())
            if subject is not None:
                return (verb.start(), verb.end()), subject
            subject = clause_subject(text, sentence, verb.start(), names_only=True)
            if subject is not None:
                return (verb.start(), verb.end()), subject
    return subordinate


def fragment_cue_after(text: str, start: int, end: int, limit: int,
                       patterns: CuePatterns = DEFAULT
                       ) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """"… if necessary “because they expect a certain level of service,” Mr. Chipok
    said.": the cue right after the closing mark."""
    close = end
    while close < limit and text[close] in " \t.,;:!?…":
        close += 1
    if close >= limit or text[close] not in "\"”’'»":
        return None
    match = cue_after(text, close + 1, min(limit, close + 160), patterns)
    if match is None or match.speaker is None or match.cue is None:
        return None
    return match.cue, match.speaker
