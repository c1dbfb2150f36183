"""Speakers as entities: names looked up, pronouns and nominals resolved by salience.

A pronoun or "the star" refers to the person most prominent just before it: recent
mentions count more, subjects more than objects of a preposition, the speaker of the
previous quote more still; boilerplate lines count little. Gender must agree where it is
known (first names, titles, role nouns). Mentions inside the quote itself never speak it,
and inside a quote a third-person speaker is someone other than the quote's own speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from itertools import accumulate

from ruth_annotator.suggest import people_words as people
from ruth_annotator.suggest.cues import IRREGULAR_PAST
from ruth_annotator.suggest.drafts import FIRST_PERSON, INHERITED, QuoteDraft
from ruth_annotator.suggest.entities import AGAIN, Cluster, EntityTable, Found
from ruth_annotator.suggest.learned_words import STANDARD, Words
from ruth_annotator.suggest.text_units import Units

_SUBJECT_AFTER = re.compile(
    r"(?:,[^,\n]{1,80},)?[ \t]+(?:[a-z]+ly[ \t]+)?(?:has|have|is|are|will|would|"
    rf"can|could|also|does|[a-z]+ed|[a-z]+s|{IRREGULAR_PAST})\b")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:with|to|for|by|of|from|at|on|in|about|against|alongside|as|like|than|and|"
    r"ex|husband|wife|daughter|son)[ \t]+(?:\w+[ \t]+)?$")
_YEAR_OLD = re.compile(r"\d+-year-old")
_KIN = re.compile(r"\b([Mm]y|[Hh]er|[Hh]is|[Oo]ur|[Tt]heir)[ \t]+([a-z-]+)\b")
_PREPOSITION = re.compile(r"\s(?:for|of|at|from|with|in|near|on|to)\s")
_AGENTS = re.compile(r"[a-z]+(?:ers|ists|ians|ents)")  # "Farmers in western NSW say"
_HEAD_END = re.compile(r"\s+(?:for|of|at|from|with|in|near)\s+")
_CONTRACTED = re.compile(r"['’](?:ll|d|ve|re|m)$")
_WINDOW = 6  # sentences back that can hold an antecedent
_REACH = 2500  # and at most this many characters back
_RUN_PARAGRAPHS = 3
_JOINED = re.compile(r"\b(?:and|or|with|of|at|from|for)\b|,|&")
_OWNER_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}


class SpeakerResolver:
    def __init__(self, text: str, units: Units, table: EntityTable,
                 words: Words = STANDARD) -> None:
        self.text = text
        self.words = words
        self.units = units
        self.table = table
        body = [units.paragraphs[p].body for p in units.sentence_paragraph]
        self._rank = list(accumulate(int(b) for b in body))
        self._role_cache: dict[int, float] = {}
        self._last: QuoteDraft | None = None

    def resolve(self, drafts: list[QuoteDraft]) -> None:
        for d in sorted((d for d in drafts if d.parent is None), key=lambda d: d.start):
            self._top(d)
        previous_child: dict[int, QuoteDraft] = {}
        self._last = None
        for d in sorted((d for d in drafts if d.parent is not None), key=lambda d: d.start):
            parent = drafts[d.parent]
            if d.how == FIRST_PERSON and parent.speaker_key:
                d.speaker_key = parent.speaker_key
                d.speaker_found = self._pronoun_mention(d.speaker, parent.speaker_key)
            elif d.how == INHERITED:
                sibling = previous_child.get(d.parent)
                if sibling is not None:
                    d.speaker_key, d.speaker_found = sibling.speaker_key, sibling.speaker_found
            else:
                exclude = {parent.speaker_key} if parent.speaker_key else set()
                self._speaker(d, exclude)
            if d.addressee:
                self._addressee(d)
                if self.text[d.addressee[0]:d.addressee[1]].lower() in ("me", "us") and \
                        parent.speaker_key:
                    d.addressee_key = parent.speaker_key
                    self._pronoun_mention(d.addressee, parent.speaker_key)
            previous_child[d.parent] = d

    def _top(self, d: QuoteDraft) -> None:
        last = self._last
        if d.how == INHERITED or d.speaker is None and d.speaker_key is None:
            # "…,'' adding, ''…''": a cue with no subject goes on with the last speaker
            if last is not None and self._near(last, d):
                d.speaker_key, d.speaker_found = last.speaker_key, last.speaker_found
            else:
                cluster = self._salient(d.start, "", "PERSON", d)
                d.speaker_key = cluster.key if cluster else None
        else:
            self._speaker(d, set())
        if d.addressee:
            self._addressee(d)
        if d.speaker_key:
            self._last = d

    def _addressee(self, d: QuoteDraft) -> None:
        """"told host Lorraine Kelly" names them; "told him" is resolved like a speaker."""
        s, e = d.addressee
        word = self.text[s:e].lower()
        if word in ("me", "us") and d.parent is not None:
            return  # set by `resolve` from the outer quote's speaker
        if word in ("him", "her"):
            exclude = {d.speaker_key} if d.speaker_key else set()
            cluster = self._salient(s, people.PRONOUN_GENDER[word], "PERSON", d, exclude)
            if cluster is not None:
                d.addressee_key = cluster.key
                self._mention(s, e, cluster, "pronoun")
            return
        found = self._name_in(d.addressee)
        if found is not None:
            d.addressee_key = found.key
            return
        words = self.text[s:e].split()
        head = words[-1].lower()
        if words[0].lower() == "the" and head in self.words.roles:  # "told the minister"
            exclude = {d.speaker_key} if d.speaker_key else set()
            cluster = self._salient(s, self.words.roles[head], "PERSON", d, exclude)
            if cluster is not None:
                d.addressee_key = cluster.key
                self._mention(s, e, cluster, "nominal")

    def _near(self, last: QuoteDraft, d: QuoteDraft) -> bool:
        a = self.units.paragraph_at(last.end)
        b = self.units.paragraph_at(d.start)
        between = self.units.paragraphs[a.index + 1 : b.index]
        return sum(p.body for p in between) < _RUN_PARAGRAPHS

    # --- one speaker phrase ---------------------------------------------------------

    def _speaker(self, d: QuoteDraft, exclude: set[str]) -> None:
        if d.speaker is None:
            return
        s, e = d.speaker
        surface = self.text[s:e]
        words = surface.split()
        lower = _OWNER_PRONOUNS.get(surface.lower(), surface.lower())  # "her claim that"
        if lower in people.SUBJECT_PRONOUNS:
            gender = people.SUBJECT_PRONOUNS[lower]
            if gender.startswith("1"):
                if lower == "i" and d.parent is None:  # a first-person article: its author
                    cluster = Cluster("PERSON:the author", "PERSON", "the author")
                    d.speaker_key = cluster.key
                    d.speaker_found = self._mention(s, e, cluster, "pronoun")
                return
            label = "PERSON" if gender in ("m", "f") else "ORG"
            cluster = self._salient(s, gender, label, d, exclude)
            if cluster is None and gender in ("m", "f"):
                cluster = self._kin_before(s, gender)
            if cluster is not None:
                d.speaker_key = cluster.key
                d.speaker_found = self._mention(s, e, cluster, "pronoun")
            return
        first = words[0].lower()
        named = self._name_in(d.speaker)
        if surface[:1].islower() and first not in people.DETERMINERS and named is not None \
                and named.label == "PERSON" and len(self.text[s:named.start].split()) <= 3:
            d.speaker_key, d.speaker_found = named.key, named  # "former Gov. Jeb Bush"
            return
        if first in people.DETERMINERS or first in people.PLURAL_ROLES or \
                first in people.DOCUMENT_NOUNS or surface[:1].islower() or \
                _AGENTS.fullmatch(first) and (named is None or named.label != "PERSON"):
            self._nominal(d, words, exclude)
            return
        found = named or self._new_name(s, e)
        if found is not None:
            d.speaker_key, d.speaker_found = found.key, found

    def _kin_before(self, pos: int, gender: str) -> Cluster | None:
        """"My husband thought I was mad. He kept asking …": with nobody named, the last
        "my/her/his husband" (a role of the right gender) shortly before is the person."""
        found = None
        for m in _KIN.finditer(self.text, max(0, pos - 600), pos):
            if self.words.roles.get(m.group(2).lower()) == gender:
                found = m
        if found is None:
            return None
        name = " ".join(found.group().split())
        cluster = Cluster(f"PERSON:{name.lower()}", "PERSON", name, gender)
        self._mention(found.start(), found.end(), cluster, "nominal")
        return self.table.clusters[cluster.key]

    def _nominal(self, d: QuoteDraft, words: list[str], exclude: set[str]) -> None:
        """"the star" is the salient person; "a spokesperson for X", "her representative",
        "residents of …" and "a study" are new speakers of their own."""
        s, e = d.speaker
        det = words[0].lower() if words[0].lower() in people.DETERMINERS else ""
        rest = words[1:] if det else words
        head_words = _HEAD_END.split(" ".join(rest))[0]
        candidates = [w.lower().strip("’'") for w in head_words.split()] or [words[-1].lower()]
        head = next((w for w in candidates if w in self.words.roles), candidates[-1])
        inner = self._name_in(d.speaker)
        appositive = inner is not None and inner.end == e and not _PREPOSITION.search(
            self.text, s, inner.start)
        if inner is not None and (appositive or
                                  head in people.ORG_NOUNS and inner.label == "ORG"):
            # "the BBC", "the disaster agency AFAD", "the GMB union"
            d.speaker_key, d.speaker_found = inner.key, inner
            return
        is_role = head in self.words.roles or bool(_YEAR_OLD.fullmatch(head)) or \
            bool(_AGENTS.fullmatch(head)) or (
            det in ("one", "another") and len(words) > 1 and words[1] == "of")
        cluster = None
        if det == "the" and head not in people.PLURAL_ROLES and head.isalpha():
            cluster = self._described_before(s, head, exclude)
        if cluster is not None:
            pass
        elif det == "the" and is_role and head not in people.PLURAL_ROLES:
            cluster = self._salient(s, self.words.roles.get(head, ""), "PERSON", d, exclude)
        elif det in ("the", "its") and head in people.ORG_NOUNS:
            cluster = self._salient(s, "", "ORG", d, exclude)
        if cluster is None:
            label = "ORG" if head in people.ORG_NOUNS or head == "police" else \
                "MISC" if head in people.DOCUMENT_NOUNS else "PERSON"
            possessive = det in ("his", "her", "their", "my", "our", "your")
            if not (is_role or label != "PERSON" or possessive or det):
                return
            name = " ".join(self.text[s:e].split())
            key = f"{label}:{head}" if det in ("", "a", "an") and not is_role or \
                head in people.PLURAL_ROLES else f"{label}:{name}#{s}"
            cluster = self.table.clusters.get(key) or Cluster(
                key, label, name, self.words.roles.get(head, ""))
        d.speaker_key = cluster.key
        d.speaker_found = self._mention(s, e, cluster, "nominal")

    def _described_before(self, pos: int, head: str, exclude: set[str]) -> Cluster | None:
        """"the CNN host" is Jake Tapper when the text called him so before: "CNN host Jake
        Tapper", "Jake Tapper, the CNN host," (the nearest such person)."""
        start = max(0, pos - 4 * _REACH)
        found = None
        for m in re.finditer(rf"\b{head}\b", self.text[start:pos], re.I):
            at = start + m.start()
            after = self.table.within(start + m.end(), start + m.end() + 60)
            if after and self.text[start + m.end():after[0].start].strip() == "":
                found = after[0]  # "host Jake Tapper"
                continue
            comma = self.text.rfind(",", max(0, at - 60), at)
            if comma >= 0 and self.text[comma + 1:at].split()[:1] in (["the"], ["a"], ["an"]):
                before = [x for x in self.table.within(max(0, comma - 60), comma)
                          if x.end == comma]  # "Jake Tapper, the CNN host"
                if before:
                    found = before[0]
        if found is None or found.label != "PERSON" or found.key in exclude:
            return None
        return self.table.clusters.get(found.key)

    def _name_in(self, span: tuple[int, int]) -> Found | None:
        """The name a speaker phrase refers to; in "Trump's adviser Jason Miller" the owner
        Trump is not the one speaking."""
        inside = [m for m in self.table.within(*span)
                  if m.form == "name" and m.label in ("PERSON", "ORG", "GPE", "NORP")]
        owners = [m for m in inside if self.text[m.end:m.end + 2] in ("'s", "’s")]
        if owners and any(m.label == "PERSON" and m.start > owners[0].end for m in inside):
            inside = [m for m in inside if m not in owners]
        if not inside:
            return None
        people_inside = [m for m in inside if m.label == "PERSON"]
        if len(people_inside) > 1 and not _JOINED.search(self.text, span[0], span[1]):
            return people_inside[-1]  # "McCain Challenger Kelli Ward": the head comes last
        return (people_inside or inside)[0]

    def _new_name(self, s: int, e: int) -> Found | None:
        words = self.text[s:e].split()
        while len(words) > 1 and words[0] in self.words.titles:
            s = self.text.index(words[1], s)
            words = words[1:]
        if not words or not words[0][:1].isupper() or words[0] in people.COMMON_CAPS or \
                _CONTRACTED.search(words[0]):
            return None
        name = " ".join(words)
        cluster = next((c for c in self.table.clusters.values()
                        if c.label == "PERSON" and (name == c.name or name in c.name.split())),
                       None)
        if cluster is None:
            cluster = Cluster(f"PERSON:{name}", "PERSON", name)
        return self._mention(s, e, cluster, "name")

    def _mention(self, s: int, e: int, cluster: Cluster, form: str) -> Found:
        existing = next((m for m in self.table.within(s, e) if m.start == s and m.end == e),
                        None)
        if existing is not None:
            return existing
        found = Found(s, e, cluster.label, form, priority=AGAIN, gender=cluster.gender)
        return self.table.add(found, cluster)

    def _pronoun_mention(self, span: tuple[int, int] | None, key: str) -> Found | None:
        if span is None or key not in self.table.clusters:
            return None
        return self._mention(span[0], span[1], self.table.clusters[key], "pronoun")

    # --- salience ---------------------------------------------------------------------

    def _salient(self, pos: int, gender: str, label: str, d: QuoteDraft,
                 exclude: set[str] | None = None) -> Cluster | None:
        """The most prominent compatible entity just before `pos`."""
        exclude = exclude or set()
        here = self.units.sentence_index(pos)
        first = self.units.sentences[max(0, here - _WINDOW)][0] if self.units.sentences else 0
        first = max(first, pos - _REACH)
        scores: dict[str, float] = defaultdict(float)
        clusters = self.table.clusters
        i = bisect_left(self.table._starts, first)
        mentions = self.table.mentions
        while i < len(mentions) and mentions[i].start < pos:
            m = mentions[i]
            i += 1
            cluster = clusters.get(m.key)
            if cluster is None or cluster.label != label or m.key in exclude or d.covers(m.start):
                continue
            if not _agrees(cluster.gender, gender):
                continue
            idx = self.units.sentence_index(m.start)
            weight = 0.5 ** max(0, self._rank[here] - self._rank[idx]) * self._role(m)
            para = self.units.paragraph_at(m.start)
            if para is not None and not para.body:
                weight *= 0.2
            if not cluster.gender and gender in ("m", "f"):
                weight *= 0.7
            scores[m.key] += weight
        last = self._last
        if last is not None and last.speaker_key in scores and \
                not self._new_person_here(pos, last, scores):
            scores[last.speaker_key] += 1.0
        if not scores:
            return None
        return clusters[max(scores, key=lambda k: (scores[k], len(clusters[k].mentions)))]

    def _new_person_here(self, pos: int, last: QuoteDraft, scores: dict[str, float]) -> bool:
        """A paragraph that names someone else before "she said", after a quote of another
        paragraph, is about that person: the last speaker gets no bonus then."""
        para = self.units.paragraph_at(pos)
        if para is None or self.units.paragraph_at(last.start) is para:
            return False
        return any(m.start >= para.start and m.key != last.speaker_key and m.key in scores
                   and m.form == "name" for m in self.table.within(para.start, pos))

    def _role(self, m: Found) -> float:
        """Subjects weigh double, objects of a preposition half."""
        cached = self._role_cache.get(m.start)
        if cached is not None:
            return cached
        weight = 1.0
        if _SUBJECT_AFTER.match(self.text, m.end):
            weight = 2.0
        elif _PREPOSITION_BEFORE.search(self.text, max(0, m.start - 30), m.start):
            weight = 0.5
        if m.form == "pronoun" or m.form == "nominal":
            weight = max(weight, 1.5)
        self._role_cache[m.start] = weight
        return weight


def _agrees(have: str, want: str) -> bool:
    if want in ("m", "f"):
        return have in (want, "")
    return True
