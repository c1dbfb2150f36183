"""The words and patterns of reported speech, used by `indirect`.

Reporting verbs (with and without "that"), the sentence shapes that carry reported speech
("X said …", "…, officials said", "According to X, …", "…, telling fans …", "X did Y but
said …"), and the tests that a reported clause really is a clause.
"""

from __future__ import annotations

import re

from ruth_annotator.suggest.cues import ADV, APPOS, CUE_VERBS, LEAD, NAME_OF, SPEAKER
from ruth_annotator.suggest.vocab import CLAUSE_FORMS, EN, alternation

# Reported speech takes the speech verbs that say what was said, not how (see
# vocab/en/speech_verbs.txt): "sighed that" is not news style.
REPORTING_WORDS = EN.verb_forms(CLAUSE_FORMS, without="manner")
THAT_OPTIONAL = EN.verb_forms(CLAUSE_FORMS, tag="that")
# Verbs that also take a plain object ("revealed the plan"): without "that", the clause must
# start with a pronoun or show a finite verb at once ("revealed she cried").
THAT_OPTIONAL_STRICT = EN.verb_forms(CLAUSE_FORMS, tag="strict")
REPORT = alternation(REPORTING_WORDS)
CHARACTERISING = EN.verb_forms(("third", "past"), name="characterising_verbs")
CHARACTERISING_ING = EN.verb_forms(("ing",), name="characterising_verbs")
PARTICIPLES = EN.verb_forms(("ing",), without="manner")
CONJOINED_VERBS = EN.verb_forms(("third", "past"), without="manner")
THAT_OPTIONAL_ANY = THAT_OPTIONAL | THAT_OPTIONAL_STRICT
INDIRECT = re.compile(
    rf"{LEAD}{SPEAKER}{APPOS}[ \t]+{ADV}(?<!\bto )(?P<cue>{REPORT})\b"
    rf"(?P<mid>[^.;:!?\"“”‘’\n]{{0,70}}?)(?P<that>[ \t]+that\b)[ \t]+(?P<clause>\S)")
INDIRECT_BARE = re.compile(
    rf"{LEAD}{SPEAKER}{APPOS}[ \t]+{ADV}(?<!\bto )(?P<cue>{REPORT})[ \t]+(?P<clause>\S)")
# "X described the plan as "a disaster"", "X called the decision "a hammer blow"".
CHARACTERISED = re.compile(
    rf"{LEAD}{SPEAKER}{APPOS}[ \t]+{ADV}(?P<cue>{alternation(CHARACTERISING)})[ \t]+"
    r"(?P<clause>\S)")
ACCORDING_FIRST = re.compile(
    r"^(?P<cue>[Aa]ccording to)[ \t]+(?P<spk>[^,]{2,60}),[ \t]+(?P<clause>\S)")
ACCORDING_LAST = re.compile(r",[ \t]+(?P<cue>according to)[ \t]+"
                             r"(?P<spk>(?:[^,.;]|(?<=\d)[,.](?=\d)){2,60})[.!?]?[\"”’']?$")
# "…, telling fans she needs time": the sentence's subject speaks.
PARTICIPLE = re.compile(
    rf",[ \t]+(?P<cue>{alternation(PARTICIPLES)})\b(?P<mid>[^,.;:!?\"“”‘’\n]{{0,30}}?)"
    r"(?:[ \t]+that)?[ \t]+(?P<clause>\S)")
# "The Bank kept rates on hold but said inflation was falling": the subject speaks.
CONJOINED = re.compile(
    rf",?[ \t]+(?:but|and)[ \t]+(?:also[ \t]+)?(?P<cue>{alternation(CONJOINED_VERBS)})\b"
    r"(?P<mid>[^,.;:!?\"“”‘’\n]{0,30}?)(?:[ \t]+that)?[ \t]+(?P<clause>\S)")
SUBJECT = re.compile(rf"{SPEAKER}")
NAMED_SUBJECT = re.compile(rf"(?:[Tt]he[ \t]+)?(?P<spk>{NAME_OF})(?=[ \t,])")
CLAUSE_START = re.compile(
    r"(?:he|she|they|it|we|i|you|there|this|these|those|that|the|a|an|his|her|their|its|our|"
    r"my|some|many|most|all|no|every|each|several|both|neither|nobody|everyone|"
    r"(?-i:[A-Z][\w'’-]*)|"
    r"\d[\w,.]*|[\"“‘'])(?![\w'’])", re.I)
STRICT_CLAUSE = re.compile(r"(?:he|she|they|it|we|I|there)(?:['’](?:d|ll|s|re|ve|m))?[ \t]"
                            r"(?:\w+[ \t]+)?(?:had|has|have|was|were|is|are|would|will|could|"
                            r"should|can|did|does|\w+ed|\w+s)\b")
SUBJECT_TOLD = re.compile(
    r"(?:he|she|they|it|we|i|you|there|the|a|his|her|their)(?:['’](?:d|ll|s|re|ve|m))?", re.I)
FINITE = frozenset("""had has have was were is are will would could should can may might
must did does do won't wouldn't can't couldn't didn't isn't wasn't weren't hadn't hasn't
haven't""".split())
# The verbs that close an AP-style sentence: "The plan will cost $2bn, officials said."
REPORTED_AFTER = EN.verb_forms(CLAUSE_FORMS, tag="closing")
# A new clause with its own subject ends the reported one: "…, and I believe her."
NEXT_CLAUSE = re.compile(r",[ \t]+(?:(?:and|but|although|though|while|whereas)[ \t]+"
                         r"(?:I|we|he|she|they)|according to)\b")
# After a reported clause, ", opening the door to cuts" is the reporter's own gloss.
GLOSS = re.compile(r",[ \t]+[a-z]+ing\b")
LOWER_WORD = re.compile(r"\b[a-z]+\b")
CUE_WORDS = REPORTING_WORDS | CUE_VERBS | CHARACTERISING | PARTICIPLES | {"according"}
END_PUNCT_CHAR = re.compile(r"[\s.!?…\"”’')\]]")  # the run of these ending a sentence
ENDS_WITH_OPEN_CUE = re.compile(r"[:,][ \t]*[\"“‘'„]")


# Where a speaker phrase may start (see LEAD): trying the patterns only there is faster than
# letting the regex engine try every position.
# (Written with the punctuation first and the words spelled out: three times faster.)
LEAD_POSITIONS = re.compile(
    r"[,;:—–(] | - |\b(?:and|but|when|then|yet|as|which|And|But|When|Then|Yet|As|Former) ")


def matches_at(pattern: re.Pattern, sentence: str, positions: list[int]):
    for pos in positions:
        m = pattern.match(sentence, pos)
        if m is not None:
            yield m


def looks_like_clause(rest: str) -> bool:
    """Starts like a clause, or has a finite verb soon ("falling demand … had left")."""
    if CLAUSE_START.match(rest):
        return True
    words = [w.lower().strip(",;") for w in rest.split()[1:10]]
    return any(w in FINITE for w in words)
