"""Entity mentions of a document, grouped into entities.

Candidates come from the learned lexicon, the rules (names, dates) and optionally spaCy.
Every name found once is found again wherever it recurs ("I Am Ruth" at a sentence start),
and a person's surname or first name alone joins the full name ("Winslet" → "Kate
Winslet"); "UK" and "Britain" join through aliases, "BBC" joins "British Broadcasting
Corporation" by its initials.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field

from ruth_annotator.suggest import people_words as people
from ruth_annotator.suggest.coverage import Coverage
from ruth_annotator.suggest.dates import find_dates
from ruth_annotator.suggest.lexicon import Lexicon, PhraseMatcher
from ruth_annotator.suggest.names import PERSON, NameCandidate, find_names, gazetteer_label
from ruth_annotator.suggest.org_words import CLUB_NAMES, ORG_SUFFIXES
from ruth_annotator.suggest.place_words import ALIASES
from ruth_annotator.suggest.text_units import Units

# Priorities when candidates overlap: learned > spaCy > rules > found again > guesses.
LEARNED, MODEL, RULE, AGAIN, GUESS = 5, 4, 3, 2, 1
_LINKED = ("PERSON", "ORG", "GPE", "LOC", "WORK_OF_ART", "EVENT", "NORP")


@dataclass
class Found:
    """A proposed mention; `key` names its entity within the document."""

    start: int
    end: int
    label: str
    form: str = "name"
    key: str = ""
    priority: int = RULE
    gender: str = ""


@dataclass
class Cluster:
    key: str
    label: str
    name: str
    gender: str = ""
    mentions: list[Found] = field(default_factory=list)


@dataclass
class EntityTable:
    """The document's mentions (sorted) and entities, with lookups used by attribution."""

    mentions: list[Found]
    clusters: dict[str, Cluster]

    def __post_init__(self) -> None:
        self._starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Found]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def add(self, found: Found, cluster: Cluster | None = None) -> Found:
        """A mention found later (a speaker "she", "the star"), kept in order."""
        i = bisect_left(self._starts, found.start)
        self.mentions.insert(i, found)
        self._starts.insert(i, found.start)
        if cluster is not None:
            self.clusters.setdefault(cluster.key, cluster)
            found.key = cluster.key
            cluster.mentions.append(found)
        return found


def _select(cands: list[Found], length: int) -> list[Found]:
    """Non-overlapping mentions, the highest priority and then the longest first."""
    chosen: list[Found] = []
    taken = Coverage(length)
    # On the same span a date wins: "June", "May" and "August" are also first names.
    for c in sorted(cands, key=lambda c: (-c.priority, -(c.end - c.start), c.label != "DATE",
                                          c.start)):
        if taken.hits(c.start, c.end):
            continue
        chosen.append(c)
        taken.mark(c.start, c.end)
    return sorted(chosen, key=lambda c: c.start)


def _strip_title(name: str, titles: frozenset[str] = people.TITLES) -> list[str]:
    words = name.split()
    while len(words) > 1 and words[0] in titles:
        words = words[1:]
    return words


class _Clusterer:
    def __init__(self, text: str, titles: frozenset[str] = people.TITLES) -> None:
        self.text = text
        self.titles = titles
        self.clusters: dict[str, Cluster] = {}

    def run(self, mentions: list[Found]) -> dict[str, Cluster]:
        persons = [m for m in mentions if m.label == PERSON]
        full = {}
        for m in persons:
            words = _strip_title(self.text[m.start:m.end], self.titles)
            if len(words) > 1:
                full.setdefault(" ".join(words), m)
        canon = self._merge_full_names(list(full))
        self._index_owners(canon)
        org_parts = self._org_parts(mentions)
        for m in mentions:
            surface = " ".join(self.text[m.start:m.end].split())
            if m.label == PERSON:
                key = self._person_key(surface, canon, m.start)
            elif m.label in ("GPE", "LOC"):
                key = f"{m.label}:{ALIASES.get(surface, surface)}"
            elif m.label == "ORG":
                key = f"ORG:{org_parts.get(surface, surface)}"
            else:
                key = f"{m.label}:{surface}"
            m.key = key
            cluster = self.clusters.get(key)
            if cluster is None:
                cluster = self.clusters[key] = Cluster(key, m.label, surface)
            cluster.mentions.append(m)
            if len(surface) > len(cluster.name) and m.form == "name":
                cluster.name = surface
        self._join_acronyms()
        for cluster in self.clusters.values():
            votes = [m.gender for m in cluster.mentions if m.gender]  # most have none
            if votes:
                cluster.gender = Counter(votes).most_common(1)[0][0]
            else:
                cluster.gender = people.FIRST_NAMES.get(
                    people.first_name(cluster.name.split(), self.titles), "")
        return self.clusters

    def _org_parts(self, mentions: list[Found]) -> dict[str, str]:
        """"Greenfield" → "Greenfield Foods", "Rovers" → "Blackburn Rovers" (when unique)."""
        owners: dict[str, set[str]] = {}
        for m in mentions:
            if m.label == "ORG":
                surface = " ".join(self.text[m.start:m.end].split())
                for part in _name_parts(surface, "ORG"):
                    owners.setdefault(part, set()).add(surface)
        return {part: next(iter(full)) for part, full in owners.items() if len(full) == 1}

    def _merge_full_names(self, names: list[str]) -> dict[str, str]:
        """"Kate Winslet" and "Kate Elizabeth Winslet" are one person (word subsets)."""
        canon: dict[str, str] = {}
        by_surname: dict[str, list[str]] = {}
        for name in sorted(names, key=lambda n: -len(n.split())):
            words = name.split()
            same_surname = by_surname.setdefault(words[-1], [])
            target = next((c for c in same_surname if set(words) <= set(c.split())), None)
            canon[name] = target or name
            if target is None:
                same_surname.append(name)
        return canon

    def _person_key(self, surface: str, canon: dict[str, str], pos: int) -> str:
        """Full names by their canonical form; a lone first name or surname joins the one
        person it belongs to; of several, the one a title's gender allows ("Mrs. Clinton"),
        then the one named in full most often so far, then first (the article's principal:
        news names the other one in full each time, "Bill Clinton said")."""
        words = _strip_title(surface, self.titles)
        joined = " ".join(words)
        if joined in canon:
            self._named_count[canon[joined]] = self._named_count.get(canon[joined], 0) + 1
            self._first_named.setdefault(canon[joined], pos)
            return f"PERSON:{canon[joined]}"
        owners = self._owners.get(joined, ()) if len(words) == 1 else ()
        if len(owners) > 1:  # "Mrs. Clinton" is not Bill Clinton
            before = self.text[max(0, pos - 12):pos].split()
            gender = people.title_gender(surface.split()[0]) or \
                people.title_gender(before[-1] if before else "")
            if gender:
                owners = [o for o in owners
                          if people.FIRST_NAMES.get(o.split()[0], gender) == gender] or owners
        if owners:
            best = max(owners, key=lambda o: (self._named_count.get(o, 0),
                                              -self._first_named.get(o, len(self.text))))
            return f"PERSON:{best}"
        return f"PERSON:{joined}"

    def _index_owners(self, canon: dict[str, str]) -> None:
        owners: dict[str, list[str]] = {}
        for name, target in canon.items():
            for word in {name.split()[0], name.split()[-1]}:
                if target not in owners.setdefault(word, []):
                    owners[word].append(target)
        self._owners = {w: sorted(o) for w, o in owners.items()}
        self._named_count: dict[str, int] = {}
        self._first_named: dict[str, int] = {}

    def _join_acronyms(self) -> None:
        orgs = [c for c in self.clusters.values() if c.label == "ORG"]
        by_initials = {}
        for c in orgs:
            words = [w for w in c.name.split() if w[:1].isupper()]
            if len(words) >= 2:
                by_initials.setdefault("".join(w[0] for w in words), c)
        for c in orgs:
            target = by_initials.get(c.name)
            if target is not None and target is not c and c.key in self.clusters:
                for m in c.mentions:
                    m.key = target.key
                target.mentions.extend(c.mentions)
                del self.clusters[c.key]


def find_entities(text: str, units: Units, lexicon: Lexicon | None = None,
                  model_mentions: list[tuple[int, int, str]] | None = None,
                  titles: frozenset[str] = people.TITLES,
                  roles: dict[str, str] = people.ROLE_GENDER) -> EntityTable:
    """Every entity mention the document gives evidence for, grouped into entities."""
    cands: list[Found] = []
    learned = lexicon.matcher().find(text) if lexicon else []
    cands += [Found(s, e, label, priority=LEARNED) for s, e, label in learned]
    cands += [Found(s, e, label, priority=MODEL) for s, e, label in model_mentions or ()]
    names: list[NameCandidate] = find_names(text, units, titles, roles)
    for n in names:
        surface = text[n.start:n.end]
        if lexicon and lexicon.is_rejected(surface, n.label):
            continue
        cands.append(Found(n.start, n.end, n.label, priority=RULE if n.strong else GUESS,
                           gender=n.gender))
    cands += [Found(s, e, "DATE") for s, e in find_dates(text)]
    first = _select(cands, len(text))
    cands += _found_again(text, first, lexicon)
    mentions = _select(cands, len(text))
    clusters = _Clusterer(text, titles).run(mentions)
    return EntityTable(mentions, clusters)


def _found_again(text: str, chosen: list[Found], lexicon: Lexicon | None) -> list[Found]:
    """Names found once, wherever else they occur; a person's surname or first name, and an
    organisation's first word ("Greenfield" for "Greenfield Foods"), too."""
    phrases: dict[str, str] = {}
    for m in chosen:
        if m.label not in _LINKED or m.priority < RULE:
            continue
        surface = text[m.start:m.end]
        phrases.setdefault(surface, m.label)
        for part in _name_parts(surface, m.label):
            phrases.setdefault(part, m.label)
    starts = [m.start for m in chosen]
    again = []
    for s, e, label in PhraseMatcher(phrases).find(text):
        if lexicon and lexicon.is_rejected(text[s:e], label):
            continue
        i = bisect_right(starts, s) - 1
        if i >= 0 and chosen[i].end >= e and (chosen[i].start, chosen[i].end) != (s, e):
            continue  # part of a longer name found in the first pass
        again.append(Found(s, e, label, priority=AGAIN))
    return again


def _name_parts(surface: str, label: str) -> list[str]:
    words = _strip_title(surface)
    if len(words) < 2:
        return []
    if label == PERSON:
        return [w for w in words if len(w) > 2 and w not in people.COMMON_CAPS and w[0].isupper()]
    if label == "ORG":
        parts = []
        first, last = words[0], words[-1]
        if len(first) > 2 and first[0].isupper() and first not in people.COMMON_CAPS \
                and gazetteer_label(first) is None and first not in ORG_SUFFIXES:
            parts.append(first)
        if last in CLUB_NAMES:
            parts.append(last)
        return parts
    return []
