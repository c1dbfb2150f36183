"""Names the annotator has already accepted, found again by string matching.

A project teaches the engine its names: what was accepted in other documents is proposed
wherever it occurs, with the label it was given, and names only ever rejected are not
proposed by the rules again. Matching goes word by word through a dictionary keyed by the
first word, so thousands of names cost no more than a few.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from heapq import merge

from ruth_annotator.model.annotations import ACCEPTED, REJECTED
from ruth_annotator.model.layer import Layer
from ruth_annotator.model.records import record_to_items
from ruth_annotator.suggest.cues import KNOWN_CUES

_WORD = re.compile(r"\w+")
_WORD_CHAR = re.compile(r"\w")
# Names start with a capital or a digit: scanning only such words is several times faster.
_NAME_START = re.compile(r"(?<!\w)[A-Z0-9À-ÖØ-Þ]\w*")
# Up to this many other first words ("van", "eBay", "Łukasz") are searched for one by one;
# more, and every word of the text is looked at instead.
_FEW_OTHERS = 16


class PhraseMatcher:
    """Finds whole-word occurrences of many phrases in a text."""

    def __init__(self, phrases: dict[str, str]) -> None:
        self.phrases = phrases
        self._index: dict[str, list[str]] = defaultdict(list)
        self._others: set[str] = set()  # first words a name-start scan does not see
        for phrase in phrases:
            first = _WORD.search(phrase)
            if first is not None and first.start() == 0:
                self._index[first.group()].append(phrase)
                if not _NAME_START.match(phrase):
                    self._others.add(first.group())
        for options in self._index.values():
            options.sort(key=len, reverse=True)

    def _words(self, text: str) -> Iterable[tuple[int, str]]:
        """(start, word) of whole words of the text in order, among them every word some
        phrase starts with: the words that start like names, and the few others."""
        if len(self._others) > _FEW_OTHERS:
            return ((m.start(), m.group()) for m in _WORD.finditer(text))
        named = ((m.start(), m.group()) for m in _NAME_START.finditer(text))
        if not self._others:
            return named
        others = []
        for word in self._others:
            s = text.find(word)
            while s >= 0:
                if not (s and _WORD_CHAR.match(text, s - 1) or
                        _WORD_CHAR.match(text, s + len(word))):
                    others.append((s, word))
                s = text.find(word, s + 1)
        return merge(named, sorted(others))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, value) of the longest phrase at each place, left to right."""
        out = []
        edge = 0
        if not self._index:
            return out
        for s, word in self._words(text):
            options = self._index.get(word)
            if s < edge or not options or (s and (text[s - 1].isalnum())):
                continue
            for phrase in options:
                e = s + len(phrase)
                if text.startswith(phrase, s) and not (e < len(text) and text[e].isalnum()):
                    out.append((s, e, self.phrases[phrase]))
                    edge = e
                    break
        return out


@dataclass
class Lexicon:
    """Accepted names with their labels, and names that were only ever rejected.

    Read-only once used: its matcher is made once and kept, so a project's lexicon of
    thousands of names is not indexed again for every document it is used on."""

    names: dict[str, str] = field(default_factory=dict)
    rejected: dict[str, set[str]] = field(default_factory=dict)
    cues: frozenset[str] = frozenset()  # cue words of accepted quotes
    titles: frozenset[str] = frozenset()  # titles before accepted speakers' names
    roles: frozenset[str] = frozenset()  # head nouns of accepted descriptive speakers
    _matcher: PhraseMatcher | None = field(default=None, init=False, repr=False,
                                           compare=False)

    def __bool__(self) -> bool:
        return bool(self.names or self.rejected or self.cues or self.titles or self.roles)

    def merged(self, other: Lexicon | None) -> Lexicon:
        if not other:
            return self
        if not self and other.rejected.keys().isdisjoint(other.names):
            return other  # nothing to add (an empty layer): the same, with its matcher
        names = {**other.names, **self.names}
        rejected = {k: set(v) for k, v in other.rejected.items()}
        for k, v in self.rejected.items():
            rejected.setdefault(k, set()).update(v)
        return Lexicon(names, {k: v for k, v in rejected.items() if k not in names},
                       self.cues | other.cues, self.titles | other.titles,
                       self.roles | other.roles)

    def is_rejected(self, surface: str, label: str) -> bool:
        return label in self.rejected.get(surface, ())

    def matcher(self) -> PhraseMatcher:
        if self._matcher is None:
            self._matcher = PhraseMatcher(self.names)
        return self._matcher


def build_lexicon(rows: Iterable[tuple]) -> Lexicon:
    """From (order, surface, label, status, form) rows: the majority label of each accepted
    name; a tie goes to the label given first (lowest `order`), in whatever order rows come."""
    votes: dict[str, dict[str, list[int]]] = {}  # surface -> label -> [count, -first order]
    rejected: dict[str, set[str]] = defaultdict(set)
    for order, surface, label, status, form in rows:
        surface = " ".join((surface or "").split())
        if form != "name" or len(surface) < 2 or not surface[0].isalnum():
            continue
        if status == ACCEPTED:
            vote = votes.setdefault(surface, {}).setdefault(label, [0, -order])
            vote[0] += 1
            vote[1] = max(vote[1], -order)
        elif status == REJECTED:
            rejected[surface].add(label)
    names = {s: max(labels, key=labels.__getitem__) for s, labels in votes.items()}
    return Lexicon(names, {s: labels for s, labels in rejected.items() if s not in names})


def layer_lexicon(text: str, layer: Layer) -> Lexicon:
    """What the annotator accepted or rejected in this document."""
    return build_lexicon((i, text[m.start:m.end], m.label, m.status, m.form)
                  for i, m in enumerate(layer.mentions.values()))


_ABBREVIATED_TITLE = re.compile(r"[A-Z][a-z]{1,4}\.")
_CUE_WORD = re.compile(r"[a-z]+(?:ed|[^s]s)")  # "fumed", "scoffs": a verb's news forms
_PARTICLES = frozenset("in on out up back off down".split())
_NOT_CUES = frozenset("""is was are were be been being has had have do does did will would can
could shall should may might must seems seemed""".split())
_NOT_ROLES = frozenset("""who whose which that of for at from with in on to by as and or
but the a an his her their its our my your this that these those one another some many
most all both each few other others several any no across among over under about against
into after before during like than""".split())
_PLAIN_WORD = re.compile(r"[a-z][a-z'’-]+")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")


def attribution_lexicon(rows: Iterable[tuple[str, str]], known_cues: frozenset[str]
                        = frozenset()) -> Lexicon:
    """What accepted quotes teach, from (cue text, speaker mention text) rows of direct
    speech: their cue verbs ("fumed", "chimed in") unless `known_cues` has them; the head
    noun of a descriptive speaker ("the gambling tycoon" -> "tycoon") or of a description
    before a name ("Texas delegate Bill Eastland" -> "delegate"); an abbreviated title
    right before a name ("Supt. Jane Roe" -> "Supt.")."""
    cues, titles, roles = set(), set(), set()
    for cue, speaker in rows:
        words = cue.lower().split()
        if words and " ".join(words) not in known_cues and _CUE_WORD.fullmatch(words[0]) and \
                words[0] not in _NOT_CUES and \
                (len(words) == 1 or len(words) == 2 and words[1] in _PARTICLES):
            cues.add(" ".join(words))
        words = speaker.split(",")[0].split()
        if not words or words[0].lower() in ("he", "she", "they", "i", "we", "it", "you"):
            continue
        if words[0].lower() in _NOT_ROLES:  # "the influential US daily": its last noun
            head = []
            for w in words[1:]:
                if w.lower() in _NOT_ROLES or not w[:1].isalnum():
                    break
                head.append(w)
            if head and _PLAIN_WORD.fullmatch(head[-1]) and head[-1] not in _NOT_ROLES:
                roles.add(head[-1])
            continue
        k = len(words)  # the run of capitalised words ending the phrase: the name
        while k > 0 and _NAME_WORD.fullmatch(words[k - 1]) and \
                not _ABBREVIATED_TITLE.fullmatch(words[k - 1]):
            k -= 1
        if 0 < k < len(words):
            before = words[k - 1]
            if _ABBREVIATED_TITLE.fullmatch(before):
                titles.add(before)
            elif _PLAIN_WORD.fullmatch(before) and before not in _NOT_ROLES:
                roles.add(before)
    return Lexicon(cues=frozenset(cues), titles=frozenset(titles), roles=frozenset(roles))


def records_lexicon(records: Iterable[dict], names: bool = True) -> Lexicon:
    """What a project would learn had its annotator accepted these records' annotations
    (lossless JSONL records): their attribution words, and with `names` their names."""
    rows: list[tuple[str, str]] = []
    mention_rows: list[tuple] = []
    for record in records:
        text = record["text"]
        layer = Layer.of(0, "", record_to_items(record).items)
        for q in layer.quotes.values():
            if q.status == ACCEPTED and q.type == "direct":
                mention = layer.mentions.get(q.speaker_mention or "")
                rows.append((text[q.cue.start:q.cue.end] if q.cue else "",
                             text[mention.start:mention.end] if mention else ""))
        if names:
            mention_rows += [(len(mention_rows), text[m.start:m.end], m.label, m.status, m.form)
                             for m in layer.mentions.values()]
    return build_lexicon(mention_rows).merged(attribution_lexicon(rows, KNOWN_CUES))
