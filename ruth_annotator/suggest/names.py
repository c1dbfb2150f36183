"""Rule-based recognition of names: capitalised word sequences, told apart by gazetteers,
titles ("Dr Jones"), role nouns ("filmmaker Dominic Savage"), suffixes ("Necker Island",
"Bank of England"), the noun that announces a title ("drama I Am Ruth") and cue verbs
("Threapleton said"). Words that only start a sentence ("Appearing", "The") are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruth_annotator.suggest import org_words as orgs
from ruth_annotator.suggest import people_words as people
from ruth_annotator.suggest import place_words as places
from ruth_annotator.suggest.text_units import HEADLINE, Units, title_case
from ruth_annotator.suggest.vocab import EN, alternation

_UPPER = "A-ZÀ-ÖØ-Þ"
_WORD = (rf"(?:(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Det|Insp|Rev|Jr|Sr)\."
         rf"|[{_UPPER}]\.(?=\s?[{_UPPER}])|(?<=[{_UPPER}]\.)[{_UPPER}]\."
         rf"|[{_UPPER}]\w*(?:['’](?!s\b)[A-Za-zÀ-ÿ]\w*|-[A-Za-zÀ-ÿ\d]\w*)*"
         rf"(?:['’]s(?=[ \t]+[{_UPPER}])|(?<=s)['’](?=[ \t]+[{_UPPER}]))?\+?)")
_CONNECT = r"(?:of|for|the|and|&|de|da|di|du|van|von|der|den|le|la|del|bin|al|y)"
# The lookahead lets most positions fail at once: a name starts with a capital.
SEQUENCE = re.compile(
    rf"(?=[{_UPPER}])(?<![\w'’])(?:{_WORD})"
    # (initials stand together: "U.S. Department of Justice")
    rf"(?:(?:(?:[ \t]+{_CONNECT})*[ \t]+|(?<=[{_UPPER}]\.)(?=[{_UPPER}]\.))(?:{_WORD}))*"
    r"(?:[ \t]+\d{1,2}\b)?")
TOKEN = re.compile(rf"{_WORD}|{_CONNECT}\b|\d+")
_PARTICLES = frozenset("de da di du van von der den le la del bin al y".split())
# "Threapleton said": a speech verb after a name (an -s form that is also a noun, "Apple
# shares", is no clue).
_CUE_AFTER = re.compile(
    r"\s*(?:,[^,\n]{1,60},\s*)?(?:has |had |also |later |then )?"
    + alternation(EN.verb_forms(("past",)) | EN.verb_forms(("third",), without="noun"))
    + r"\b")
_FOLLOWING = re.compile(r"[ \t]+([a-z]+)")
_WORDISH = re.compile(r"[\w+-]+")
_INITIAL = re.compile(r"[A-Z]\.")  # "Peter T. King": a surname after an initial, no title
_ROAD = re.compile(r"[AMBI]-?\d{1,4}")
_PARTY_STATE = re.compile(r"[DRI]-[A-Z]")
_WHICH_AFTER = re.compile(r",[ \t]+which\b")
_WHO_AFTER = re.compile(r",[ \t]+(?:who|whose|\d{1,3},)")
_STATE_AFTER = re.compile(r",[ \t]+([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)")
_CAPS_WORDS = EN.words("caps_words")
_PLACE_OF = re.compile(r"\b(?:town|city|village|region|province|county|state|island|port|"
                       r"capital)[ \t]+of[ \t]+$")
_PLACE_BEFORE = frozenset("in near outside from at around across".split())
_KEEPS_POSSESSIVE = orgs.ORG_SUFFIXES | orgs.ORG_HEADS | places.LOC_SUFFIXES
_PEOPLE_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish)")
_LOWER_AFTER = re.compile(r"[ \t]+[a-z]")
_SENTENCE_OPENERS = "\"“‘'(:—–-[•*"

PERSON, ORG, GPE, LOC, NORP, EVENT, WORK = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "WORK_OF_ART")


@dataclass
class NameCandidate:
    start: int
    end: int
    label: str
    gender: str = ""
    strong: bool = True  # False: a guess from shape alone


_GAZETTEER: dict[str, str] = {}
for _label, _names in ((NORP, places.NORP_NAMES), (LOC, places.LOC_NAMES),
                       (GPE, places.GPE_NAMES), (EVENT, orgs.EVENT_NAMES),
                       (ORG, orgs.INSTITUTIONS), (ORG, orgs.BROADCASTERS)):
    _GAZETTEER.update(dict.fromkeys(_names, _label))  # later lists win: "Georgia" is a GPE


def gazetteer_label(name: str) -> str | None:
    label = _GAZETTEER.get(name)
    if label is None and len(name) > 3 and name.isupper():
        titled = name.title()
        if titled != name:
            return _GAZETTEER.get(titled)  # "LONDON" in an agency caption
    return label


class NameFinder:
    """Finds name candidates in one document."""

    def __init__(self, text: str, units: Units, titles: frozenset[str] = people.TITLES,
                 roles: dict[str, str] = people.ROLE_GENDER) -> None:
        self.text = text
        self.titles, self.roles = titles, roles
        self.units = units
        self.lowercase = set(re.findall(r"\b[a-z][a-z'’-]+\b", text))
        self.title_case_lines = {
            p.index for p in units.paragraphs if p.kind == HEADLINE and title_case(
                text[p.start:p.end])}
        self._role_end = -1
        self._role_gender = ""
        self._pending_gender = ""
        self._titled = False
        self._strong = True
        self._prefix: list[tuple[int, int]] = []

    def find(self) -> list[NameCandidate]:
        out: list[NameCandidate] = []
        for m in SEQUENCE.finditer(self.text):
            word = m.group()
            if word in people.COMMON_CAPS:
                continue  # "The", "She", "But": most capitalised words start a sentence
            if " " not in word and "\t" not in word and word[-1] not in "'’":
                self._pending_gender, self._titled = "", False  # one word: the short way
                if self._initial(m.start()) and self._common(word):
                    continue
                cand = self._candidate(m.start(), m.end(), known_uncommon=True)
                if cand is not None:
                    out.append(cand)
                continue
            for start, end in self._pieces(m.start(), m.end()):
                cand = self._candidate(start, end)
                if cand is not None:
                    out.append(cand)
        return out

    # --- splitting a sequence into names -------------------------------------------

    def _pieces(self, start: int, end: int) -> list[tuple[int, int]]:
        tokens = [(t.start(), t.end()) for t in TOKEN.finditer(self.text, start, end)]
        whole = self.text[start:end]
        if gazetteer_label(whole):
            return [(start, end)]
        pieces: list[list[tuple[int, int]]] = [[]]
        for k, (s, e) in enumerate(tokens):
            word = self.text[s:e]
            if word in ("and", "&", "of", "for", "the") and not self._joins(tokens, k):
                pieces.append([])
                continue
            pieces[-1].append((s, e))
        out = []
        for piece in [p for whole in pieces for p in self._split_possessive(whole)]:
            while piece and (self.text[piece[-1][0]:piece[-1][1]] in _PARTICLES
                             or self.text[piece[-1][0]:piece[-1][1]].isdigit()
                             and not gazetteer_label(self.text[piece[0][0]:piece[-1][1]])):
                piece.pop()
            while piece and self.text[piece[0][0]].islower():
                piece = piece[1:]
            self._prefix = []
            piece = self._strip_start(piece)
            if self._prefix:
                out.append((self._prefix[0][0], self._prefix[-1][1]))
            if piece:
                out.append((piece[0][0], piece[-1][1]))
        return out

    def _split_possessive(self, piece: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
        """"King's College London" stays whole; "ITV's Lorraine" is two names."""
        if not piece or "'" not in (before_last := self.text[piece[0][0]:piece[-1][0]]) \
                and "’" not in before_last:
            return [piece]  # no apostrophe, no possessive (most names)
        words = [self.text[s:e] for s, e in piece]
        if not any(w.endswith(("'s", "’s", "s'", "s’")) for w in words[:-1]) or \
                any(w in _KEEPS_POSSESSIVE for w in words[1:]):
            return [piece]
        out: list[list[tuple[int, int]]] = [[]]
        for s, e in piece:
            if self.text[e - 2:e] in ("'s", "’s"):
                out[-1].append((s, e - 2))
                out.append([])
            elif self.text[e - 1] in "'’":
                out[-1].append((s, e - 1))
                out.append([])
            else:
                out[-1].append((s, e))
        return [p for p in out if p]

    def _joins(self, tokens: list[tuple[int, int]], k: int) -> bool:
        """Keep "Bank of England", "Isle of Man", "Duke of Sussex"; split "Joe and Bear"."""
        if k == 0 or k + 1 >= len(tokens):
            return False
        word = self.text[tokens[k][0]:tokens[k][1]]
        before = self.text[tokens[k - 1][0]:tokens[k - 1][1]]
        if word in ("and", "&"):
            return False
        if word == "the":
            return before in ("of", "for")
        after = _FOLLOWING.match(self.text, tokens[-1][1], tokens[-1][1] + 20)
        if after and after.group(1) in orgs.EVENT_NOUNS:
            return True  # "the Choir of the Year competition"
        return (before in orgs.ORG_HEADS or before in orgs.ORG_SUFFIXES
                or before in places.LOC_SUFFIXES or before in self.titles
                or before in ("Isle", "Bay", "Gulf", "Secretary", "Minister", "Lord"))

    def _strip_start(self, piece: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Drop capitalised words that only start a sentence; remember titles and roles."""
        self._pending_gender = ""
        self._titled = False
        while piece:
            s, e = piece[0]
            word = self.text[s:e]
            two = self.text[s:piece[1][1]] if len(piece) > 1 else ""
            if two in people.TITLE_PHRASES:
                self._titled = True
                piece = piece[2:]
                continue
            if word in self.titles and len(piece) > 1:
                self._titled = True
                self._pending_gender = people.title_gender(word)
                piece = piece[1:]
                continue
            if (word.lower() in self.roles or word.lower() in people.ORG_NOUNS) and \
                    len(piece) > 1 and self._initial(s):
                self._titled = True
                self._pending_gender = self.roles.get(word.lower(), "")
                piece = piece[1:]
                continue
            if self._initial(s) and self._common(word) and len(piece) >= 1:
                piece = piece[1:]
                continue
            break
        return self._from_first_name(piece)

    def _from_first_name(self, piece: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """"Columbus Fire Battalion Chief Mark Delaney": the person starts at the first name."""
        if len(piece) < 3:
            return piece
        words = [self.text[s:e] for s, e in piece]
        inner = [k for k in range(1, len(words) - 1) if words[k] in self.titles
                 and words[k + 1][:1].isupper() and not _INITIAL.fullmatch(words[k - 1])]
        if inner and words[-1] not in _KEEPS_POSSESSIVE:  # "Virginia Gov. Terry McAuliffe"
            k = inner[-1]
            self._titled = True
            self._pending_gender = people.title_gender(words[k])
            if gazetteer_label(" ".join(words[:k])):
                self._prefix = piece[:k]
            return piece[k + 1:]
        if words[-1] in _KEEPS_POSSESSIVE or words[0] in people.FIRST_NAMES:
            return piece
        for k in range(1, len(words) - 1):
            if words[k] in people.FIRST_NAMES:
                self._titled = True
                for j in range(k, 0, -1):  # "NSW Agriculture Minister Tara Moriarty"
                    if gazetteer_label(" ".join(words[:j])):
                        self._prefix = piece[:j]
                        break
                return piece[k:]
        return piece

    def _initial(self, pos: int) -> bool:
        """At the start of a sentence, a line, a quote or after "Read more:"."""
        k = pos
        while k > 0 and self.text[k - 1] in " \t":
            k -= 1
        if k == 0 or self.text[k - 1] == "\n":
            return True
        before = self.text[k - 1]
        if before in _SENTENCE_OPENERS:
            return True
        return before in ".!?…" or (before in "”’\"'" and self.text[k - 2 : k - 1] in ".!?")

    def _common(self, word: str) -> bool:
        if word in people.COMMON_CAPS or word.lower() in self.roles:
            return True
        if gazetteer_label(word) or word in people.FIRST_NAMES:
            return False
        return word.lower() in self.lowercase or word.endswith(("ing", "ly"))

    # --- labelling a piece --------------------------------------------------------

    def _candidate(self, start: int, end: int,
                   known_uncommon: bool = False) -> NameCandidate | None:
        """The labelled name at start..end, or None; `known_uncommon`: a single word already
        found not to be a common word at a sentence start."""
        text = self.text
        name = text[start:end]
        tokens = name.split()
        para = self.units.paragraph_at(start) if self.title_case_lines else None
        if para is not None and para.index in self.title_case_lines:
            label = gazetteer_label(name)
            return NameCandidate(start, end, label) if label else None
        gender = self._pending_gender
        titled = self._titled
        before = text[max(0, start - 40):start]
        before = before[before.rfind("\n") + 1:]
        words = before.split() if before[-1:].isspace() else ()
        last = words[-1] if words else ""
        prev = last.lower() if last and _WORDISH.fullmatch(last) else ""
        owner = last[:-2] if last.endswith(("'s", "’s")) and _WORDISH.fullmatch(last[:-2]) \
            else ""
        if prev in self.roles and not titled:
            titled = True
            gender = self.roles[prev]
        elif prev == "and" and self._role_end >= 0 and start - self._role_end < 12:
            titled = True
            gender = self._role_gender
        label = gazetteer_label(name)
        if label is None and len(tokens) == 1 and (
                not known_uncommon and (name in people.COMMON_CAPS or
                                        self._initial(start) and self._common(name))
                or _PARTY_STATE.match(name)):
            return None
        self._strong = True
        if label is None or label == PERSON:
            label = self._by_context(name, tokens, end) or label
        if label is None:
            label = self._by_shape(name, tokens, prev, owner, titled, start, end)
        if label is None:
            return None
        if label == PERSON:
            # a first name tells more than a role noun ("spokesman Hope Hicks" is a woman)
            gender = people.FIRST_NAMES.get(people.first_name(tokens, self.titles), "") or gender
            if titled:
                self._role_end, self._role_gender = end, gender
        return NameCandidate(start, end, label, gender, self._strong)

    def _by_context(self, name: str, tokens: list[str], end: int) -> str | None:
        """"Flint, Michigan" is a place; "Camelot, which …" is not a person; "A69" a road."""
        if len(tokens) == 1 and _ROAD.fullmatch(name):
            return LOC
        state = _STATE_AFTER.match(self.text, end)
        if state and gazetteer_label(state.group(1)) == GPE and len(tokens) <= 3 and \
                not any(t in self.titles for t in tokens):
            return GPE
        return None

    def _by_shape(self, name: str, tokens: list[str], prev: str, owner: str, titled: bool,
                  start: int, end: int) -> str | None:
        """The label that the name's words and context suggest; guesses set `_strong`."""
        self._strong = True
        following = _FOLLOWING.match(self.text, end, end + 20)
        if prev in orgs.WORK_NOUNS or following and following.group(1) in orgs.WORK_NOUNS:
            return WORK  # "drama I Am Ruth", "the Cooking With Friends podcast"
        window = max(0, start - 20)
        if "of" in self.text[window:start] and _PLACE_OF.search(self.text, window, start):
            return GPE  # "the town of Malatya"
        if prev in people.ORG_NOUNS or prev in orgs.PUBLICATION_NOUNS:
            return ORG  # "the journal Sleep Health", "the charity Oxfam"
        if owner in orgs.BROADCASTERS and tokens[0] not in self.titles \
                and (len(tokens) == 1 or tokens[0] not in people.FIRST_NAMES):
            return WORK
        if titled:
            return PERSON
        if following and following.group(1) in orgs.EVENT_NOUNS and len(tokens) > 1:
            return EVENT  # "the Choir of the Year competition"
        last, first = tokens[-1], tokens[0]
        if len(tokens) > 1 and (last in orgs.ORG_SUFFIXES or not orgs.ORG_SUFFIXES.isdisjoint(
                tokens[1:-1])) or (
                (first in orgs.ORG_HEADS or first in orgs.ORG_SUFFIXES) and " of " in name):
            return ORG
        if tokens[0] in people.FIRST_NAMES and len(tokens) <= 4:
            return PERSON
        if len(tokens) == 1 and last in orgs.ORG_SUFFIXES and name not in people.COMMON_CAPS:
            return ORG
        if len(tokens) > 1 and last in orgs.EVENT_SUFFIXES:
            return EVENT
        if len(tokens) > 1 and (last in places.LOC_SUFFIXES or first in places.LOC_PREFIXES):
            return LOC
        if len(tokens) > 1 and last in places.GPE_SUFFIXES:
            return GPE
        if gazetteer_label(first) == ORG and len(tokens) <= 3:
            return ORG
        if not orgs.ORG_HINTS.isdisjoint(tokens):
            return ORG
        self._strong = False
        if len(tokens) == 1 and name.isupper() and 2 <= len(name) <= 6 and \
                name not in _CAPS_WORDS:
            return ORG
        if len(tokens) == 1 and _PEOPLE_ADJECTIVE.fullmatch(name) and \
                _LOWER_AFTER.match(self.text, end) and name not in people.FIRST_NAMES:
            return NORP  # "a Cumbrian village"
        if _WHICH_AFTER.match(self.text, end):
            return ORG
        if _CUE_AFTER.match(self.text, end) or _WHO_AFTER.match(self.text, end):
            return PERSON
        if 2 <= len(tokens) <= 3 and not any(t.isupper() for t in tokens) \
                and not any(t in people.COMMON_CAPS or t.lower() in self.lowercase
                            for t in tokens):
            return PERSON  # unless a word of it is written in lower case elsewhere
        if len(tokens) == 1 and prev in _PLACE_BEFORE:
            return GPE
        return None


def find_names(text: str, units: Units, titles: frozenset[str] = people.TITLES,
               roles: dict[str, str] = people.ROLE_GENDER) -> list[NameCandidate]:
    """Name candidates; `titles` and `roles` may hold a project's own as well."""
    return NameFinder(text, units, titles, roles).find()
