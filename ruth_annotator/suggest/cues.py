"""Cue verbs and the speaker phrases around them, before and after a quote.

After a quote: "…," she said / Smith said / the minister said / Smith, 45, said /
said Smith / said the minister / she told the BBC. Before a quote: She added: / The star
went on: / Winslet, 47, told host Lorraine Kelly: / He said, / According to Smith, /
"Smith:" at the start of a line; inverted ("explained Rosenberg, “…”"); and loose forms
("she'd look at me and go, ‘…’") where the subject is found further back. A sentence's
own subject, past an opening phrase or a dateline, is read by `sentence_subject` for words
in marks that no verb attributes. Spans are absolute offsets into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ruth_annotator.suggest import people_words as people
from ruth_annotator.suggest.dates import WEEKDAY
from ruth_annotator.suggest.names import _WORD as _CAP
from ruth_annotator.suggest.vocab import EN, alternation

CUE_VERBS = EN.verb_forms()
_PHRASES = EN.lines("cue_phrases")
#: Cue words and phrases the vocabulary has: a project need not teach these.
KNOWN_CUES = CUE_VERBS | frozenset(_PHRASES)
COLLOQUIAL = alternation(EN.lines("cue_colloquial"))
ADDRESSEE_VERBS = EN.verb_forms(("third", "past"), tag="addressee")
# The forms of "tell", whose object is the one spoken to: "“…?” asked Smith" is Smith's
# words, never "told Smith"; "told the BBC she was …" reports a clause after its listener.
TELL = EN.verb_forms(tag="listener")

PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)(?![\w'’])"
# (initials may stand together: "Democratic U.S. Rep. Gwen Graham")
NAME = (rf"{_CAP}(?:(?:[ \t]+(?:(?:de|da|van|von|der|bin|al|le|la|del)[ \t]+)?|(?<=[A-Z]\.))"
        rf"{_CAP}){{0,6}}")
DET = (r"(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|[Aa]nother|[Oo]ur|[Mm]y|"
       r"[Yy]our)")
# A noun phrase stops at a conjunction or relative pronoun: "The producer came over and".
_NP_WORD = r"(?!(?:and|or|but|who|which|that|when|he|she|they|we|I|it)\b)[\w'’-]+"
# (a speaker phrase may also be "this source")
# (and an ordinal ends none: "The first four states that vote", but "the two said")
NOMINAL = (rf"(?:{DET}|[Tt]his|[Tt]hese)[ \t]+{_NP_WORD}(?:[ \t]+{_NP_WORD}){{0,6}}?"
           r"(?<!\bfirst)(?<!\bsecond)(?<!\blast)(?<!first two)(?<!first three)"
           r"(?<!first four)(?<!first five)(?<!last two)(?<!last three)")
# Groups and documents that speak: "officials said", "a study found", "campaigners say".
PLURAL = (alternation(EN.words("roles_plural") | EN.words("document_nouns"), capital=True)[:-1]
          + r"|[A-Za-z][a-z]+(?:ers|ists|ians|ents))"
          r"(?:[ \t]+(?:of|in|from|at|near|across)[ \t]+[^,.;:!?\"“”‘’\n]{1,50}?)?")
# "Rovers manager Steve Kane", "Bristol's mayor", "Tom Harlan of Kansas".
# The lower-case words between names describe (nouns, adjectives), they are not verbs or
# prepositions: "Rovers manager Steve Kane", not "Blackwell pointed to Cruz".
_DESCRIBING = (r"(?!(?:to|at|with|and|or|but|for|from|in|on|by|about|as|after|before|that|"
               r"when|while|who|which|said|says|told|tells|wrote|writes)\b)"
               r"(?![a-z]+ed\b)")
DESCRIBED = rf"{NAME}[ \t]+(?:{_DESCRIBING}[a-z][\w-]*[ \t]+){{1,3}}{NAME}"
# "former George W. Bush speechwriter Noam Neusner": the last name is the person.
# (an article only first: "issued a statement Tuesday" describes nobody)
_LOWER_WORD = r"(?![a-z]+(?:ing|ly)\b)[a-z0-9][\w-]*[ \t]+"
_NOT_DESCRIBING = r"(?!(?:to|at|with|from|in|on|by|about|for|after|before)\b)"
LOWER_DESCRIBED = (rf"(?!(?:and|or|but|then|when|yet|so|as|if|of|where|who|which|what|that)\b)"
                   rf"{_NOT_DESCRIBING}{_LOWER_WORD}"
                   rf"(?:{_NOT_DESCRIBING}(?!(?:a|an|the)\b){_LOWER_WORD}){{0,2}}"
                   rf"(?:{NAME}[ \t]+(?:[a-z][\w-]*[ \t]+){{1,2}})?{NAME}")
# "Bristol's mayor", "Trump's senior communications adviser Jason Miller".
POSSESSIVE = (rf"{NAME}['’]s[ \t]+[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){{0,3}}?"
              rf"(?:[ \t]+{NAME})?")
NAME_OF = rf"{NAME}(?:[ \t]+of[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}}){{0,2}}"
# Capitalised words that open a sentence but never a speaker: "In July, Sammy Aaron said".
_NOT_SPEAKER = alternation(w for w in people.COMMON_CAPS if w.lower() not in (
    "the", "a", "an", "his", "her", "their", "its", "one", "another", "our", "my", "your", "he",
    "she", "they", "i", "we", "it", "police", "officials", "sources"))
# A participle opening a sentence is not a name: "Remarking upon his empathy, Starr said"
# (but "Manning said" is).
_PARTICIPLE_OPENING = (r"[A-Z][a-z]{2,}(?:ing|ed)[ \t]+(?:upon|on|at|to|the|a|an|his|her|their|its|"
                       r"that|in|from|with|about|for|through|over|into|up|out|back|by|off)\b")
_PARTICIPLE_START = re.compile(_PARTICIPLE_OPENING)
# ... unless a name goes on after them: "New York attorney Eric Levine", "First Lady …".
# (and first names that are common words: "Will Estrada")
_NAME_OPENER = (r"(?:New|First|Former|Old|"
                rf"{alternation(people.COMMON_CAPS & frozenset(people.FIRST_NAMES))})[ \t]+[A-Z]")
SPEAKER = (rf"(?P<spk>(?!(?!{_NAME_OPENER}){_NOT_SPEAKER}\b)(?!{_PARTICIPLE_OPENING})"
           rf"(?:{NOMINAL}|{PRON}|"
           rf"{POSSESSIVE}|{DESCRIBED}|{NAME_OF}|{LOWER_DESCRIBED}|{PLURAL}))")
# One or two comma-separated asides: "Smith, 45, said", "Ellis, 67, from Hull, said".
# A party and state in brackets may come first: "Sen. Pat Toomey (R-Pa.) said".
# (An apostrophe inside a word may stand in it: "Jenna Golden, Twitter’s director, said".)
_ASIDE = r"(?:[^,\n\"“”‘’]|(?<=\w)’(?=\w)|(?<=s)’(?=[ \t]))"  # (and "Sanders’ aide")
APPOS = (r"(?:[ \t]*\((?:[RDI](?:-[\w. ]{2,6})?\),?|[^()\n]{1,30}\)))?"
         # (after a party's letter, a stray comma: "Kasich (R-OH), said")
         rf"(?P<app>,[ \t]*{_ASIDE}{{1,150}}?(?:,[ \t]*{_ASIDE}{{1,80}}?){{0,3}},)?")
# A relative clause without commas: "an official who spoke on condition of anonymity said".
_WHO = r"(?:[ \t]+who[ \t]+(?![a-z]+[ \t]+(?:that|to)\b)[^,\"“”‘’\n.;:!?]{1,120}?)?"
ADV = (r"(?:(?:also|later|then|previously|once|has|had|have|would|will|recently|simply|"
       r"just|further|again|earlier|quickly|now|often|reportedly|allegedly|had|could|"
       r"would|once|cheerfully|quietly|angrily|proudly|simply|always|never|still|even|"
       r"repeatedly|publicly|privately|first|finally|eventually|immediately|insisted|"
       r"herself|himself|themselves|"
       # a time between subject and verb: "President Obama on Friday declared"
       rf"on[ \t]+{WEEKDAY}|"
       r"(?:last|this)[ \t]+(?:week|month|year)|yesterday|today)[ \t]+){0,3}")
# A speaker phrase starts a clause: "Outside court, Emily's father, Mark Watts, said:".
# (a single look at the space before first: most places follow a letter, and fail at once)
LEAD = (r"(?:^|(?<=\()|(?<= )(?:(?<=[,;:—–(] )|(?<= - )|(?<=-- )|(?<=\b[Aa]nd )|(?<=\b[Bb]ut )|"
        r"(?<=\b[Ww]hen )|"
        r"(?<=\b[Tt]hen )|(?<=\b[Yy]et )|(?<=\b[Aa]s )|(?<=\bwhich )|(?<=,[”\"’] )|"
        r"(?<=\b[Ff]ormer )|"  # "Former contestant Ellie Marsh has revealed"
        # a clause inside the sentence: "where the secretary of state said she was", "after
        # the front-runner had said", "what it calls"
        r"(?<=\bwhere )|(?<=\bwho )|(?<=\b[Aa]fter )|(?<=\b[Ww]ith )|(?<=\b[Ww]hile )|"
        r"(?<=\b[Bb]ecause )|(?<=\b[Ss]ince )|(?<=\b[Tt]hough )|(?<=\b[Aa]lthough )|"
        r"(?<=\b[Ii]f )|(?<=\bwhat )))")

_PRE_ACCORDING = re.compile(
    rf"\b(?P<cue>[Aa]ccording to)[ \t]+(?P<spk>{NAME}|{NOMINAL}|{PLURAL})[ \t]*,[ \t]*$")
# "“…,” according to a court document filed by state attorney Dave Aronberg."
_POST_ACCORDING = re.compile(r"[\s,]*(?P<cue>according to)[ \t]+(?P<spk>[^,.;:!?\"“”‘’\n]{2,80})")
# "X was asked by host Bill Maher, who has …, “…”": the one asking speaks (and in a
# sentence, "Rubio was asked by moderator Gerard Baker whether …": see `partial`).
_PASSIVE = r"\b(?:was|were|is|are|been|being)[ \t]+(?:[a-z]+ly[ \t]+)?"
_BY_SPEAKER = rf"[ \t]+by[ \t]+(?P<spk>(?:[A-Za-z][\w-]*[ \t]+){{0,3}}{NAME}|{NOMINAL})"
PASSIVE_BEFORE = re.compile(rf"{_PASSIVE}$")
BY_SPEAKER = re.compile(_BY_SPEAKER)
_ASKED_BY = re.compile(rf"{_PASSIVE}(?P<cue>asked|told|questioned){_BY_SPEAKER}"
                       r"(?:,[^\"“”\n]{0,200}?)?[ \t]*[:,][ \t]*$")
_PRE_LABEL = re.compile(rf"^[ \t]*(?P<spk>{NAME})[ \t]*:[ \t]*$")
# "Clinton: “…” Bush: “…”": a name and a colon after a sentence ends, within a paragraph.
_SENTENCE_LABEL = re.compile(
    r"(?<!\bMr\. )(?<!\bMs\. )(?<!\bDr\. )(?<!\bMrs\. )(?<!\bSen\. )(?<!\bRep\. )"
    rf"(?<!\bGov\. )(?:(?<=[.!?\"”’] )|(?<= [-—–] ))(?P<spk>{NAME})[ \t]*:[ \t]*$")


class CuePatterns:
    """The patterns of cues around a quote for one set of cue words: the vocabulary's,
    and a project's own that its annotators accepted (see `cue_patterns`)."""

    def __init__(self, extra: frozenset[str] = frozenset()) -> None:
        self.verbs = CUE_VERBS | extra
        cue = alternation(self.verbs | frozenset(_PHRASES))
        self.post_subject = re.compile(
            rf"[\s,]*(?:[—–-]+[ \t]*)?(?:as[ \t]+)?{SPEAKER}{APPOS}{_WHO}[ \t]+{ADV}"
            rf"(?P<cue>{cue})\b")
        self.post_inverted = re.compile(
            rf"[\s,]*(?:[—–-]+[ \t]*)?(?P<cue>{cue})[ \t]+"
            rf"(?P<spk>{PRON}|{DESCRIBED}|{LOWER_DESCRIBED}|{POSSESSIVE}|{NAME}|"
            rf"{DET}[ \t]+[^,.;:!?\"“”‘’\n]{{1,60}}|{PLURAL})")
        # the last resort after "…,": a long speaker phrase that ends in a name right
        # before the verb ("Fight for $15 organizing director Kendall Fells told", "Katie
        # Packer, who is chairman of Our Principles Pac said", "A and B wrote")
        self.post_loose = re.compile(
            rf"[ \t]*(?P<spk>(?:{DET}[ \t]+)?[A-Za-z][^\"“”‘’\n.!?;:()]{{0,120}}?{NAME})"
            rf"[ \t]+{ADV}(?P<cue>{cue})\b")
        # "…," Nate Silver, the polling guru who founded fivethirtyeight.com tweeted: an
        # aside that never closes its comma
        self.post_unclosed = re.compile(
            rf"[ \t]*(?P<spk>{NAME}),[ \t]+(?:{DET}|who)[ \t]+"
            rf"(?:[^\"“”‘’\n;:!?.()]|\.(?=\w)){{1,150}}?[ \t]+{ADV}(?P<cue>{cue})\b")
        self.pre_subject = re.compile(
            rf"{LEAD}{SPEAKER}{APPOS}{_WHO}[ \t]+{ADV}(?P<cue>{cue}|{COLLOQUIAL})"
            rf"(?:[ \t]+[^:,;.!?\n]{{1,100}}?[ \t]*[:,]|[ \t,]+[^:;.!?\n]{{1,100}}?[ \t]*:|"
            r"[ \t]*[:,]?)[ \t]*$")
        # "Because of how the calendar was drawn, explained Rosenberg, “…”", "Stated Stone:"
        self.pre_inverted = re.compile(
            rf"(?:{LEAD}|(?<=[”\"’] ))(?P<cue>{alternation(self.verbs, capital=True)})[ \t]+"
            rf"(?P<spk>{DESCRIBED}|{LOWER_DESCRIBED}|{NAME}){APPOS}[ \t]*[:,][ \t]*$")
        self.pre_cue_only = re.compile(
            rf"\b(?P<cue>{cue}|{COLLOQUIAL})(?:[ \t]+(?:me|him|her|them|us|you|reporters|"
            rf"(?P<named>{NAME})|"
            r"(?:the|a|an|his|her|their|its|our)[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+)?))?"
            r"(?:[ \t]*[:,]|(?<=ing))[ \t]*$")  # "alternately shouting “Get out”"


@lru_cache(maxsize=8)
def cue_patterns(extra: frozenset[str] = frozenset()) -> CuePatterns:
    """Patterns with `extra` cue words as well; made once for each set (a project's run
    uses one), as compiling them takes a while."""
    return CuePatterns(frozenset(extra) - CUE_VERBS)


DEFAULT = cue_patterns()
_SUBJECT_WORD = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)(?=['’](?:d|ll|s|re|ve)\b|\b)")
_ADDRESSEE = re.compile(
    rf"[ \t]+(?P<addr>(?:{DET}[ \t]+)?(?:[a-z][\w-]*[ \t]+)?{NAME}|{DET}[ \t]+[a-z][\w-]*|"
    r"me|him|her|them|us|reporters|journalists)")
_TRIM_NOMINAL = re.compile(
    r"[ \t]+(?:in|on|at|after|before|during|when|while|as|to|last|yesterday|today|this|"
    r"who|which|told|adding)\b")


@dataclass(frozen=True, slots=True)
class CueMatch:
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    addressee: tuple[int, int] | None = None
    side: str = "after"


def _span(m: re.Match, group: str, offset: int) -> tuple[int, int] | None:
    if m.group(group) is None:
        return None
    return (offset + m.start(group), offset + m.end(group))


def speaker_span(m: re.Match, offset: int) -> tuple[int, int] | None:
    """The speaker phrase; for "Their conductor, Priya Sharma, said" the name in the aside."""
    span = _span(m, "spk", offset)
    aside = m.groupdict().get("app")
    if span is None or not aside:
        return span
    # "Similarly, William J. Bennett, a former secretary, said": the name in the aside too
    if not _DESCRIPTIVE.search(m.group("spk")) and not _OPENING_WORD.fullmatch(m.group("spk")):
        return span
    first = aside.strip(", \t").split(",")[0].strip()
    words = first.split()
    if first[:1].isupper() and len(words) <= 4 and words[0].lower() not in _NOT_NAMES:
        start = offset + m.start("app") + aside.index(first)
        return (start, start + len(first))
    return span


_CONJUNCTION_FIRST = re.compile(r"(?:and|but|or|as|while|then|so|until|when)\b")
_NEW_CLAUSE = re.compile(r",[ \t]+(?:and|but|or|while|as)\b")
_TAIL = re.compile(r"[ \t]+[^\"“”‘’\n.!?:;]{1,120}?(?=,[ \t])")
_BEFORE_REACH = 300  # a cue and its speaker stand within this many characters of the mark
_NOT_SUBJECTS = frozenset("It It's The This That There These Those I We".split())
_NEW_SENTENCE = frozenset("I He She They We It".split())
_DESCRIPTIVE = re.compile(rf"^{DET}[ \t]|['’]s[ \t]")
_NOT_NAMES = frozenset("the a an who which whose where when".split())
_OPENING_WORD = re.compile(r"[A-Z][a-z]+(?:ly|ing)")


def _addressee(text: str, cue: tuple[int, int], limit: int) -> tuple[int, int] | None:
    if text[cue[0]:cue[1]] not in ADDRESSEE_VERBS:
        return None
    m = _ADDRESSEE.match(text, cue[1], limit)
    return (m.start("addr"), m.end("addr")) if m else None


def cue_after(text: str, start: int, limit: int,
              patterns: CuePatterns = DEFAULT) -> CueMatch | None:
    """A cue and speaker right after a quote's closing mark (`start`), before `limit`."""
    window = text[start:limit]
    m = patterns.post_subject.match(window) or patterns.post_inverted.match(window) or \
        _POST_ACCORDING.match(window)
    ended = text[start - 2 : start - 1]
    if m is None and ended not in ".!?":
        # "“…” about fixing inequality, said Marla Kilfoyle": the sentence goes on first
        tail = _TAIL.match(window)
        if tail is not None and not window.startswith("as ", tail.end() + 2):
            # (but "“…” and that the result, as he later explained, was": the aside is
            # about the words after it)
            m = patterns.post_subject.match(window, tail.end()) or \
                patterns.post_inverted.match(window, tail.end())
    if m is None and ended == ",":
        m = patterns.post_loose.match(window) or patterns.post_unclosed.match(window)
        if m is not None and (CUE_VERBS.intersection(m.group("spk").split()) or
                              _CONJUNCTION_FIRST.match(m.group("spk")) or
                              m.group("spk").split()[0] in people.COMMON_CAPS or
                              _NEW_CLAUSE.search(m.group("spk"))):
            m = None  # "…," for instance, and Trump vowed: a new clause, not a speaker
    if m is None:
        return None
    cue = _span(m, "cue", start)
    speaker = speaker_span(m, start)
    first = text[speaker[0]:speaker[1]] if speaker else ""
    if ended == "." and first[:1].isupper() or ended in "?!" and first in _NEW_SENTENCE:
        return None  # "…?" I told him: a new sentence, not the quote's cue
    inverted = m.re is patterns.post_inverted or m.re is _POST_ACCORDING
    if m.re is patterns.post_inverted and (text[cue[0]:cue[1]] in TELL or
                                           text[cue[0]:cue[1]].endswith("ing")):
        # "…, Rosenberg told the New Yorker": who is told does not speak; "…,” promising
        # the Friends of Abe will return": a participle, no inverted cue
        return None
    if speaker is not None and inverted:  # "said the minister on Monday"
        cut = _TRIM_NOMINAL.search(text, speaker[0], speaker[1])
        if cut is not None:
            speaker = (speaker[0], cut.start())
        speaker = (speaker[0], speaker[0] + len(text[speaker[0]:speaker[1]].rstrip()))
    after_cue = text[cue[1]:cue[1] + 8].lstrip(" \t")
    interrupted = after_cue.startswith(",") and text[start - 2 : start - 1] == ","
    if after_cue.startswith((":", ",")) and _opens_quote(after_cue[1:]) and not interrupted:
        return None  # "She added: “…”" introduces the next quote; "A," he said, "b" not
    return CueMatch(cue, speaker, None if inverted else _addressee(text, cue, limit), "after")


# "…" — Howard Kurtz, Fox News: a dash and a name on the quote's line or the next one.
_DASH_NAME = re.compile(
    rf"[ \t]*\n?[ \t]*(?:—|–|--?)[ \t]*(?P<spk>{NAME})[ \t]*(?=,|\(|\n|$)")


def dash_attribution(text: str, start: int, limit: int) -> CueMatch | None:
    """A speaker named after a dash right after a quote (list-style attribution); the
    dash is the cue."""
    m = _DASH_NAME.match(text, start, limit)
    if m is None:
        return None
    dash = text.index(m.group().lstrip(" \t\n")[0], start)
    end = dash + 1
    while end < m.start("spk") and text[end] == "-":
        end += 1
    return CueMatch((dash, end), (m.start("spk"), m.end("spk")), None, "dash")


# The subject, then an aside or a relative clause ("Mr. Trump, who said last week that …,
# issued a statement"), then a lower-case word.
_CLAUSE_SUBJECT = re.compile(rf"(?P<spk>{DET}[ \t]+[\w'’-]+|{NAME}){APPOS}"
                             r"(?:,[ \t]+who[^,\n]{1,200},)?[ \t]+[a-z]")
IRREGULAR_PAST = alternation(EN.lines("irregular_past"))
_NAMED_SUBJECT = re.compile(rf"(?P<spk>{PRON}|{NAME})(?:{APPOS})[ \t]+(?:[a-z]+ly[ \t]+)?{ADV}"
                            rf"(?:is|has|[a-z]+ed|[a-z]+s|{IRREGULAR_PAST})\b")


# "COLUMBUS, Ohio (AP) — ", "LONDON (Reuters) - ": a dateline is not part of a sentence.
DATELINE = re.compile(
    r"[A-Z][A-Z .'-]+(?:,[ \t]+[A-Z][\w. ]+)?[ \t]+\([\w ./]+\)[ \t]*[—–-][ \t]*|"
    r"[A-Z]{3,}(?:[ .'-]+[A-Z]{2,})*(?:,[ \t]+[A-Z][\w.]+(?:[ \t][A-Z][\w.]+)?)?"
    r"[ \t]+(?:[—–]|--?)[ \t]+")
# ("TALLAHASSEE — ", "NEW YORK - ", "PARIS, France -- ": a dateline without an agency)
# Capitalised words that may stand before a person's title and name: "Former Arkansas Gov.
# Mike Huckabee, for his part, is labeling …".
_BEFORE_A_TITLE = frozenset(("former", "then", "late", "acting", "retired", "outgoing"))
# Words that open a subordinate clause; a sentence may open with these and a few more
# ("As", "Once", "Unless", "Whereas"), and a subject right after one is not the main
# clause's ("Clinton said that when Warren railed …")
_SUBORDINATORS = ("when", "while", "after", "before", "if", "because", "since", "although",
                  "though", "until")
_OPENING_SUBORDINATORS = _SUBORDINATORS + ("as", "once", "unless", "whereas")
SUBORDINATE = re.compile(rf"{alternation([w.capitalize() for w in _OPENING_SUBORDINATORS])}"
                         r"[ \t]+(?=[A-Z])")


def clause_subject(text: str, start: int, end: int,
                   names_only: bool = False) -> tuple[int, int] | None:
    """"The producer came over and said, ‘…’": the subject opening the clause; with
    `names_only`, a name or pronoun followed by a verb ("Jones disagreed.")."""
    begin = start
    if not names_only:  # the window may hold earlier sentences: start after the last one
        begin = max(start, text.rfind(". ", start, end) + 1, text.rfind("\n", start, end) + 1)
    while begin < end and text[begin] in " \t\"“‘'":
        begin += 1
    if _PARTICIPLE_START.match(text, begin, end):
        return None  # "Remarking upon his empathy, Starr said": the subject comes later
    dateline = DATELINE.match(text, begin, end)  # "WASHINGTON, Dec. 8 (UPI) — …"
    if dateline is not None:
        begin = dateline.end()
    lead = SUBORDINATE.match(text, begin, end)  # "When Trump later said he would …"
    if lead is not None:
        begin = lead.end()
    m = (_NAMED_SUBJECT if names_only else _CLAUSE_SUBJECT).match(text, begin, end)
    if not names_only:  # "In a statement released Thursday, Rep. Jeffries reacted, saying:"
        while m is not None and text[m.start("spk"):m.end("spk")] in people.COMMON_CAPS:
            comma = text.find(", ", m.end("spk"), end)
            m = _CLAUSE_SUBJECT.match(text, comma + 2, end) if comma >= 0 else None
    if m is None or names_only and text[m.start("spk"):m.end("spk")] in _NOT_SUBJECTS:
        return None
    first = text[m.start("spk"):m.end("spk")].split()[0]
    if first in people.COMMON_CAPS and first.lower() not in people.DETERMINERS and \
            first.lower() not in people.SUBJECT_PRONOUNS:
        return None  # "In December, the prince called …, calling": not a subject
    return (m.start("spk"), m.end("spk"))


# "…, Fiorina said, adding that": a participle's subject is the speaker of the verb before.
_SAID_BEFORE = (
    re.compile(rf"(?:{LEAD}|(?<=[”\"’] )){SPEAKER}{APPOS}[ \t]+{ADV}{alternation(CUE_VERBS)}"
               r"[ \t]*,[ \t]*$"),
    re.compile(rf"{alternation(CUE_VERBS)}[ \t]+(?P<spk>{NAME})[ \t]*,[ \t]*$"))


_CLAUSE_BEFORE_PARTICIPLE = re.compile(
    rf"(?:(?<=\bwhen )|(?<=\bas )|(?<=\bwhile )|(?<=, ))"
    rf"(?P<spk>{PRON}|{NAME}(?:[ \t]+[a-z]+(?:ers|ists|ians|ents))?|{PLURAL}|"
    rf"(?:the|a|an|his|her|their)[ \t]+[a-z][\w'’-]*(?:[ \t]+[a-z][\w'’-]*)?)"
    rf"[ \t]+(?:[a-z]+ly[ \t]+)?(?:[a-z]+ed|{IRREGULAR_PAST})\b[^,;:\"“”\n]*,[ \t]*$")


def participle_subject(text: str, start: int, verb: int) -> tuple[int, int] | None:
    """"…, when Sanders protesters interrupted her speech, shouting “…”", "…, Mr. Ackman
    wrote to investors, telling them": the subject of the clause a participle follows."""
    m = _CLAUSE_BEFORE_PARTICIPLE.search(text, start, verb)
    return (m.start("spk"), m.end("spk")) if m is not None else None


def said_before(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The speaker of "Fiorina said," or "said Fiorina," ending text[start:end]."""
    window = text[start:end]
    m = _SAID_BEFORE[0].search(window) or _SAID_BEFORE[1].search(window)
    return speaker_span(m, start) if m is not None else None


_CLAUSE_NAME = re.compile(rf"(?:(?:and|but|then)[ \t]+)?(?P<spk>{NAME})(?:{APPOS})[ \t]+[a-z]")


_SAYING_THINGS = people.MESSAGE_NOUNS | people.DOCUMENT_NOUNS
_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:ers|ists|ians|ents)")  # "the protesters chanted"
_CARRIER = re.compile(rf"(?P<spk>{DET}[ \t]+(?:[\w'’-]+[ \t]+){{0,4}}?"
                      rf"{alternation(_SAYING_THINGS)})"
                      r"[ \t]+$")


def _carrier_before(text: str, start: int, cue: int) -> tuple[int, int] | None:
    m = _CARRIER.search(text, start, cue)
    return (m.start("spk"), m.end("spk")) if m is not None else None


def _named_clause_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A name opening the clause from `start` ("Ms. Sherry smiled and said")."""
    m = _CLAUSE_NAME.match(text, start, end)
    if m is None or text[m.start("spk"):m.end("spk")] in people.COMMON_CAPS or \
            _OPENING_WORD.fullmatch(m.group("spk")):  # "Conceding that …, he warned:"
        return None
    return (m.start("spk"), m.end("spk"))


def _opens_quote(rest: str) -> bool:
    first = rest.lstrip()[:1]
    return bool(first) and first in "\"“‘'„«"


_TOPIC = re.compile(r"[ \t]+(?:On|About|To|Of|Vs\.?)[ \t]")


def label_speaker(text: str, start: int, end: int) -> tuple[int, int]:
    """The speaker of a label "Smith: …", without the topic of "CNN President On Trump:"."""
    topic = _TOPIC.search(text, start, end)
    return (start, topic.start() if topic else end)


_NOUN_FORMS = EN.verb_forms(("base", "third"), tag="noun")
_OWNED_NOUN = re.compile(r"(?:['’]s|\b(?:the|a|an|his|her|their|its|this|that|our|my))"
                         r"[ \t]+(?:[\w-]+[ \t]+)?$")


SUBORDINATOR_BEFORE = re.compile(rf"\b{alternation(_SUBORDINATORS)}[ \t]+$")
_LOWER_WORD_RE = re.compile(r"[a-z]+")


def has_speech_verb(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a speech verb (of the vocabulary's, in any form)."""
    return not CUE_VERBS.isdisjoint(_LOWER_WORD_RE.findall(text, start, end))


def with_aside(m: re.Match) -> bool:
    """"with the union calling her “…”" names its speaker right before the participle;
    after "In line with the majority of Americans, Sen. Cruz was critical, telling" an
    aside holds the real clause."""
    return m.string.endswith("with ", 0, m.start("spk")) and bool(m.groupdict().get("app"))


def cue_before(text: str, start: int, mark: int,
               patterns: CuePatterns = DEFAULT) -> CueMatch | None:
    """A cue and speaker introducing a quote whose opening mark is at `mark`; the search
    starts at `start` (the clause's beginning)."""
    # a subject for a cue alone may stand further back: "Mr. Trump, who said last week
    # that … (two hundred characters) …, issued a statement Tuesday saying, “…”"
    subject_start = max(start, mark - 2 * _BEFORE_REACH)
    start = max(start, mark - _BEFORE_REACH)
    while start < mark and text[start] in " \t":
        start += 1  # after a closing mark: "“A,” Rubio said, “B.”"
    window = text[start:mark]
    m = _PRE_ACCORDING.search(window)
    if m is not None:
        return CueMatch(_span(m, "cue", start), _span(m, "spk", start), None, "according")
    m = _ASKED_BY.search(window)
    if m is not None:  # "Sanders was asked by host Bill Maher, who …, “…”": the asker
        return CueMatch(_span(m, "cue", start), _span(m, "spk", start), None, "before")
    m = _SENTENCE_LABEL.search(text, start, mark)  # (its lookbehind sees before `start`)
    if m is not None:  # before the verbs: "Pollsters agree - Carl Bialik: “…”"
        return CueMatch(None, (m.start("spk"), m.end("spk")), None, "colon")
    m = patterns.pre_subject.search(window)
    main = None  # the last one not inside a subordinate clause
    while m is not None:  # the last speaker and cue before the mark: "a woman asked for a
        if not SUBORDINATOR_BEFORE.search(window, 0, m.start("spk")):  # photo and
            main = m  # Clinton said,"; but "Clinton said that when Warren railed …,"
        later = patterns.pre_subject.search(window, m.end("spk"))
        if later is None:
            break
        m = later
    if m is not None and m is not main and (
            main is not None or has_speech_verb(window, 0, m.start())):
        # "Clinton said that when Warren railed against …, “…”": the main clause's cue,
        # or with none read here, the sentence's speech verbs as the caller weighs them
        # (`partial.sentence_attribution`); "after Trump had said, “…”" keeps its cue
        m = main
    if m is not None and (DATELINE.match(window, m.start("spk")) or with_aside(m)):
        m = None  # "WASHINGTON, Dec. 8 (UPI) — …, the aide rallied supporters, saying:"
    if m is not None:
        cue = _span(m, "cue", start)
        return CueMatch(cue, speaker_span(m, start), _addressee(text, cue, mark), "before")
    m = patterns.pre_inverted.search(window)
    if m is not None and m.group("spk").split()[0] not in people.COMMON_CAPS and \
            m.group("cue").lower() not in TELL and not m.group("cue").endswith("ing"):
        # (but "…, telling Reuters, “…”": Reuters is told, the subject speaks)
        cue = _span(m, "cue", start)
        return CueMatch(cue, speaker_span(m, start), None, "before")
    m = patterns.pre_cue_only.search(window)
    if m is not None and m.group("named") and m.group("cue") not in TELL | ADDRESSEE_VERBS:
        m = None  # "Former secretary of state Hillary Clinton:" is no cue "state"
    if m is not None and m.group("cue") in _NOUN_FORMS and \
            _OWNED_NOUN.search(window, 0, m.start("cue")):
        m = None  # "From Bush's Facebook post:": a noun, not the verb
    if m is not None:
        cue = _span(m, "cue", start)
        # "When asked whom she supported, Ms. Sherry smiled and said,": the clause of the
        # cue names its subject; else the last pronoun, else the sentence's subject; but
        # "a campaign hat reading, “…”": a thing that carries words, right before the cue
        clause = max(start, text.rfind(", ", start, cue[0]) + 2)
        speaker = _carrier_before(text, clause, cue[0]) or \
            _named_clause_subject(text, clause, cue[0] + 1) or \
            (participle_subject(text, start, cue[0])
             if text[cue[0]:cue[1]].endswith("ing") else None)
        if speaker is None:
            subjects = list(_SUBJECT_WORD.finditer(text, start, cue[0]))
            speaker = (subjects[-1].start(), subjects[-1].end()) if subjects else \
                clause_subject(text, subject_start, cue[0] + 1) or \
                sentence_subject(text, subject_start, cue[0] + 1, loose=True)  # may end at cue
        return CueMatch(cue, speaker, _addressee(text, cue, mark), "before")
    m = _PRE_LABEL.match(window)
    if m is not None:
        return CueMatch(None, label_speaker(text, *_span(m, "spk", start)), None, "label")
    return None



# What may stand before a sentence's subject: a conjunction ("But Cruz would not"), and an
# opening phrase up to a comma ("On Saturday, Trump issued", "Citing the attack as a
# wake-up call, Will urged", "In a statement released Thursday, the senator").
_CONJUNCTION = r"(?:(?:But|And|Yet|So|Still|Now|Then|Also|Instead|Later|Meanwhile)[ \t]+)?"
_OPENING = r"[A-Z][^\n]{1,200}?,[”\"’']?[ \t]+"
# The verb after a noun phrase: "The board released", "The school had" (a name takes any
# lower-case word after it: "Rubio also regretted", "Clinton first proposed").
_VERB_LIKE = (rf"[ \t]+(?:[a-z]+ly[ \t]+)?(?:has|have|had|is|are|was|were|will|would|can|"
              rf"could|also|does|did|[a-z]+ed|[a-z]+s|{IRREGULAR_PAST})\b")
# Asides here may hold quoted words: "Washington, star of television’s “Scandal,” thanked".
_ASIDES = (r"(?:[ \t]*\([^()\n]{1,30}\))?"
           r"(?P<app>,[ \t]*(?:who[ \t][^\n]{1,250}?|[^,\n]{1,150}?)"
           r"(?:,[ \t]*[^,\n]{1,80}?){0,2},[”\"’']?|"
           r"[ \t]+(?:—|–|--)[^—–\n]{1,100}?(?:—|–|--))?")
# A noun phrase runs up to its verb: "The harbour board released", "The school had".
_NP_FREE = (rf"(?!(?:has|have|had|is|are|was|were|will|would|can|could|did|does|after|before|"
            rf"in|on|at|for|with|by|from|to|that|which|who|and|or|but|[a-z]+ed|also|then|"
            rf"further|again|still|once|never|always|even|finally|later|"
            rf"{IRREGULAR_PAST})\b)[\w'’-]+")
_NP = rf"{DET}[ \t]+{_NP_FREE}(?:[ \t]+{_NP_FREE}){{0,6}}"
# "Iowa State University's Dianne Bystrom agreed", "Trump's adviser Jason Miller wrote"
_OWNED_NAME = rf"{NAME}['’]s[ \t]+(?:[a-z][\w-]*[ \t]+){{0,3}}{NAME}"
# "Republican presidential candidate Donald Trump on Saturday tweeted" before "Republican"
# alone (but "Trump told reporters Friday" describes nobody)
_DESCRIBED_SUBJECT = (rf"{NAME}[ \t]+(?:{_DESCRIBING}(?!(?:{IRREGULAR_PAST}|[a-z]+s)\b)"
                      rf"[a-z][\w-]*[ \t]+){{1,3}}{NAME}")
_NAMED = (rf"(?P<spk>{_OWNED_NAME}|{_DESCRIBED_SUBJECT}|{PRON}|{NAME}|{DESCRIBED}|"
          rf"{LOWER_DESCRIBED}){_ASIDES}"
          r"[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]")
# "a paper from the left-leaning Brookings Institution had this to say"
_OF_PHRASE = r"(?:[ \t]+(?:of|from|at|for|with)[ \t]+[\w'’-]+(?:[ \t]+[\w'’-]+){0,5}?)?"
# "Obama's first five questioners ranged from skeptical to hostile:"
_OWNED = rf"{NAME}['’]s[ \t]+{_NP_FREE}(?:[ \t]+{_NP_FREE}){{0,3}}"
_NOMINAL = rf"(?P<spk>{_NP}{_OF_PHRASE}|{_OWNED}|{PLURAL}){_ASIDES}{_VERB_LIKE}"
# Without an opening phrase first: in "Washington, star of “Scandal,” thanked" the words
# after the first comma are the subject's aside.
_SUBJECTS = tuple((re.compile(rf"{_CONJUNCTION}{opening}{subject}"), subject is _NOMINAL)
                  for subject in (_NAMED, _NOMINAL) for opening in ("", _OPENING))


def sentence_subject(text: str, start: int, end: int,
                     loose: bool = False) -> tuple[int, int] | None:
    """Who the sentence text[start:end] is about, when it reports someone's words with no
    speech verb ("Rubio also regretted a climate in which people “literally hate each
    other”"): a name or pronoun opening it, after an opening phrase if there is one; else
    a noun phrase for people or an organisation ("the senator", "officials"). Capitalised
    words that are not names ("Continuing to explain, Carson rejected …") are passed by."""
    while start < end and text[start] in " \t\"“‘'":
        start += 1
    dateline = DATELINE.match(text, start, end)  # "WASHINGTON, Dec. 8 (UPI) — …"
    if dateline is not None:
        start = dateline.end()
    for pattern, nominal in _SUBJECTS:
        m = pattern.match(text, start, end)
        if m is None:
            continue
        words = m.group("spk").split()
        first = words[0]
        if _OPENING_WORD.fullmatch(first) or _PARTICIPLE_START.match(text, m.start("spk")) or \
                nominal and not (loose or _is_people(m.group("spk"))) or \
                not nominal and SUBORDINATE.match(m.group("spk")):
            continue
        if not nominal and first in people.COMMON_CAPS and \
                first.lower() not in people.SUBJECT_PRONOUNS:
            if len(words) == 1 or first.lower() not in _BEFORE_A_TITLE:
                continue  # "On Thursday, …" opens with no subject of its own
            # "Former Arkansas Gov. Mike Huckabee, for his part, is labeling …"
            span = speaker_span(m, 0)
            return (text.index(words[1], span[0]), span[1]) if span else None
        return speaker_span(m, 0)
    return None


def _is_people(phrase: str) -> bool:
    """A noun phrase for people, a body or a document that speaks: "the senator",
    "officials", "the committee", "a letter", "the protesters"."""
    words = [w.lower().strip("’'") for w in phrase.split()]
    return any(w in people.ROLE_GENDER or w in people.PLURAL_ROLES or
               w in people.ORG_NOUNS or w in _SAYING_THINGS or _AGENT_NOUN.fullmatch(w)
               for w in words[1:] or words)
