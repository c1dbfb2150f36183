"""News-like data of any size, generated here so the benchmarks need no downloads.

An article is built sentence by sentence from templates (narrative, direct and indirect
quotations with a cue, reported speech), with accented names, curly quotation marks and the
odd emoji, so texts exercise the code-point/UTF-16 mapping the way real news does. While
building, every name, noun phrase and quotation is recorded as a place an annotation can go;
`annotated()` turns the first N of those, spread evenly over the text, into entities,
mentions and quotes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ruth_annotator.model.annotations import Entity, Mention, Quote, Span
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.edits import guess_form

FIRST = ("Kate", "Mia", "Dominic", "Lorraine", "José", "Zoë", "Łukasz", "Amara", "Hiroshi",
         "Siobhán", "Oluwaseun", "Greta", "Rahul", "Ines", "Björn", "Chloé", "Tomasz",
         "Fatima", "Nikos", "Aoife", "Mateus", "Priya", "Kwame", "Élodie")
LAST = ("Winslet", "Threapleton", "Savage", "Kelly", "García", "Nowak", "Okafor", "Tanaka",
        "Ní Bhriain", "Lindqvist", "Dubois", "Sharma", "Mensah", "Kowalski", "Papadopoulos",
        "Moreau", "Ferreira", "Haddad", "Jensen", "O'Connor")
ORGS = ("Channel 4", "the BBC", "Reuters", "the European Commission", "Greenpeace",
        "the Ministry of Health", "Siemens", "the United Nations", "Ofcom", "Amnesty")
PLACES = ("London", "Kraków", "Lagos", "São Paulo", "Tokyo", "Dublin", "Malmö", "Athens",
          "Montréal", "Nairobi", "Reykjavík", "Mumbai")
NOUNS = ("the minister", "the actor", "a spokesperson", "the committee", "the director",
         "the mayor", "an official", "the union", "the chief executive", "the judge")
CUES = ("said", "told", "added", "went on", "explained", "insisted", "warned")
SAYINGS = (  # [words] are places for a mention; [words|LABEL] gives the label
    "we are open to every [proposal|MISC] that keeps [people|NORP] safe",
    "it was really amazing working with [her|PERSON] again after all these [years|DATE]",
    "nobody expected [the figures|MISC] to fall so fast [this winter|DATE]",
    "[the decision|MISC] will be reviewed before [the end of the month|DATE] 👍",
    "[I|PERSON] have never seen a crowd like that in [my|PERSON] life",
    "there is still a great deal of work to do on [the bill|MISC]",
    "[the café|LOC] on the corner stayed open through [the whole storm|EVENT]",
    "[we|ORG] will not accept a deal that leaves [the workers|NORP] behind",
)
FILLER = (
    "[The talks|EVENT] resumed on [Tuesday|DATE] after [a week|DATE] of delays.",
    "Figures published in [the spring|DATE] showed a sharp rise in [demand|MISC].",
    "[The report|WORK_OF_ART] runs to more than [300 pages|MISC].",
    "[Critics|NORP] have questioned the timing of [the announcement|EVENT].",
    "Rain is expected across [the region|LOC] over [the weekend|DATE].",
)
MARKUP = re.compile(r"\[([^\]|]+)(?:\|([A-Z_]+))?\]")


@dataclass
class Slot:
    """A place for one annotation: a mention (label, entity key) or a quote (cue, speaker)."""

    start: int
    end: int
    kind: str  # "mention" or "quote"
    label: str = ""
    key: str = ""  # entity key: the full name of who is meant
    cue: tuple[int, int] | None = None


@dataclass
class Article:
    text: str
    slots: list[Slot] = field(default_factory=list)


class _Writer:
    """Appends pieces while counting code points, so recorded offsets are exact."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.slots: list[Slot] = []

    def put(self, piece: str) -> tuple[int, int]:
        start = self.pos
        self.parts.append(piece)
        self.pos += len(piece)
        return start, self.pos

    def name(self, text: str, label: str, key: str | None = None) -> None:
        start, end = self.put(text)
        self.slots.append(Slot(start, end, "mention", label, key or text))

    def marked(self, template: str) -> tuple[int, int]:
        """Put a template's text; each [bracketed] part becomes a mention slot."""
        start = self.pos
        done = 0
        for match in MARKUP.finditer(template):
            self.put(template[done:match.start()])
            self.name(match.group(1), match.group(2) or "MISC")
            done = match.end()
        self.put(template[done:])
        return start, self.pos


def _capital(template: str) -> str:
    i = 1 if template.startswith("[") else 0
    return template[:i] + template[i].upper() + template[i + 1 :]


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    return f"{first} {last}", last


def _sentence(w: _Writer, rng: random.Random) -> None:
    """One sentence of one of five shapes, recording its names and quotations."""
    full, last = _person(rng)
    shape = rng.randrange(5)
    if shape == 0:  # Kate Winslet told Channel 4 in London: “…”
        w.name(full, "PERSON")
        cue = w.put(" told ")
        w.name(rng.choice(ORGS), "ORG")
        w.put(" in ")
        w.name(rng.choice(PLACES), "GPE")
        w.put(": “")
        s, e = w.marked(_capital(rng.choice(SAYINGS)) + ".")
        w.slots.append(Slot(s, e, "quote", "direct", full, (cue[0] + 1, cue[1] - 1)))
        w.put("”")
    elif shape == 1:  # “…,” Winslet said.
        w.put("“")
        s, e = w.marked(_capital(rng.choice(SAYINGS)) + ",")
        w.put("” ")
        w.name(last, "PERSON", full)
        cue = w.put(" " + rng.choice(CUES))
        w.slots.append(Slot(s, e, "quote", "direct", full, (cue[0] + 1, cue[1])))
        w.put(".")
    elif shape == 2:  # The minister said that …
        noun = rng.choice(NOUNS)
        w.name(noun[0].upper() + noun[1:], "PERSON", full)
        cue = w.put(" said that ")
        s, e = w.marked(rng.choice(SAYINGS))
        w.slots.append(Slot(s, e, "quote", "indirect", full, (cue[0] + 1, cue[0] + 5)))
        w.put(".")
    elif shape == 3:  # Narrative with several names
        w.name(full, "PERSON")
        w.put(" met ")
        w.name(rng.choice(NOUNS), "PERSON")
        w.put(" of ")
        w.name(rng.choice(ORGS), "ORG")
        w.put(" in ")
        w.name(rng.choice(PLACES), "GPE")
        w.put(" on ")
        w.name("Monday", "DATE")
        w.put(".")
    else:
        w.marked(rng.choice(FILLER))


def article(size: int, seed: int = 0) -> Article:
    """A news-like text of about `size` code points, in paragraphs of two to five sentences."""
    rng = random.Random(seed)
    w = _Writer()
    while w.pos < size:
        for _ in range(rng.randint(2, 5)):
            _sentence(w, rng)
            w.put(" ")
        w.parts[-1] = "\n\n"
        w.pos += 1
    return Article("".join(w.parts), w.slots)


def annotated(size: int, spans: int, seed: int = 0) -> tuple[str, list]:
    """A text of `size` code points with `spans` mentions and quotes (plus their entities).

    The text grows until it has room for the spans asked for; the chosen places are spread
    evenly over it. Mentions of the same person share one entity; quotes name their speaker.
    Ids carry the seed, so texts made with different seeds can share one project.
    """
    art = article(size, seed)
    while len(art.slots) < spans:
        size = int(size * 1.5 * spans / max(1, len(art.slots)))
        art = article(size, seed)
    step = len(art.slots) / spans
    chosen = [art.slots[int(i * step)] for i in range(spans)]
    entities: dict[tuple[str, str], Entity] = {}
    items: list = []

    def entity(label: str, key: str) -> str:
        found = entities.get((label, key))
        if found is None:
            found = entities[(label, key)] = Entity(f"e-{seed:06x}{len(entities):06x}", label,
                                                    key)
        return found.id

    for n, slot in enumerate(chosen):
        if slot.kind == "mention":
            form = guess_form(art.text[slot.start : slot.end])
            items.append(Mention(f"m-{seed:06x}{n:06x}", slot.start, slot.end, slot.label,
                                 entity(slot.label, slot.key), form))
        else:
            cue = Span(*slot.cue) if slot.cue else None
            items.append(Quote(f"q-{seed:06x}{n:06x}", slot.label, (Span(slot.start, slot.end),),
                               speaker=entity("PERSON", slot.key), cue=cue))
    return art.text, list(entities.values()) + items


def corpus(count: int, seed: int = 0, pool: int = 400) -> Iterator[NewDocument]:
    """`count` distinct news articles of 1–5 KB, assembled quickly from a pool of paragraphs.

    Each document starts with its own headline line, so every text (and hash) is unique.
    """
    rng = random.Random(seed)
    paragraphs = article(pool * 400, seed + 1).text.split("\n\n")
    for n in range(count):
        body = "\n\n".join(rng.choices(paragraphs, k=rng.randint(3, 14)))
        title = f"Report {n + 1}: {rng.choice(FIRST)} {rng.choice(LAST)} in {rng.choice(PLACES)}"
        yield NewDocument(f"{title}\n\n{body}\n", title, f"news-{n + 1}",
                          {"source": "generated", "n": n + 1})
