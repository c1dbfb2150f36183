"""Annotations as labelled spans and relations: the shape brat, doccano, Label Studio and
Prodigy share.

Those tools know spans with a label and binary relations, nothing more. This module maps a
Ruth record onto that shape in one way for all of them (mentions of one entity chained by
`coref` relations, a quote's later segments tied by `continues`, `speaker`, `cue` and
`addressee` relations from the quote) and back, and lists what the shape cannot hold, so
every such exporter reports the same losses in the same words.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace

from ruth_annotator.formats import labels, links
from ruth_annotator.model.annotations import (
    ACCEPTED,
    HUMAN,
    PROPOSED,
    QUOTE_TYPES,
    SUGGESTED,
    Annotation,
    Entity,
    Mention,
    Quote,
    Span,
    new_id,
)
from ruth_annotator.model.edits import guess_form, innermost_container
from ruth_annotator.model.layer import Layer

QUOTE_LABELS = {t: f"{t.upper()}_QUOTE" for t in QUOTE_TYPES}
QUOTE_TYPE_OF = {v: k for k, v in QUOTE_LABELS.items()}
CUE_LABEL = "CUE"
COREF, CONTINUES, SPEAKER, CUE, ADDRESSEE = "coref", "continues", "speaker", "cue", "addressee"
RELATIONS = (COREF, CONTINUES, SPEAKER, CUE, ADDRESSEE)
_RUTH_ID = re.compile(r"^[emq]-[0-9a-f]{12}$")


@dataclass
class FlatSpan:
    """A labelled span; quotes may have several fragments where the format allows it."""

    id: str
    kind: str  # "mention", "quote" or "cue"
    fragments: list[tuple[int, int]]
    label: str  # entity label; the quote type for quotes; CUE for cues
    status: str = ACCEPTED
    form: str | None = None

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]

    @property
    def flat_label(self) -> str:
        """The one label a format without kinds shows (quotes as DIRECT_QUOTE …)."""
        return QUOTE_LABELS[self.label] if self.kind == "quote" else self.label


@dataclass
class Relation:
    label: str
    head: str
    child: str


def kind_of_label(label: str) -> tuple[str, str]:
    """(kind, label) of a flat label read from a file."""
    if label in QUOTE_TYPE_OF:
        return "quote", QUOTE_TYPE_OF[label]
    if label == CUE_LABEL:
        return "cue", CUE_LABEL
    return "mention", label


def as_list(value, what: str) -> list:
    """A JSON list field, absent meaning empty; ValueError for anything else."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f'"{what}" must be a list')
    return value


def derived_name(mentions: list[dict]) -> str:
    """The name an importer gives an entity: its first proper-name mention's text."""
    named = [m for m in mentions if m.get("form", "name") == "name"] or mentions
    return " ".join(named[0]["text"].split())


def quote_parents(quotes: list[Quote]) -> dict[str, str | None]:
    """The nesting an importer rebuilds from positions alone."""
    layer = Layer(0, "", {}, {}, {q.id: q for q in quotes}, "todo")
    out = {}
    for q in quotes:
        parent = innermost_container(layer, q.span, exclude=q.id)
        out[q.id] = parent.id if parent else None
    return out


KINDS = {"mention": "mentions", "quote": "quotes", "entity": "entities"}


@dataclass
class Losses:
    """Collects one line per item a format cannot carry, naming document and item."""

    record: dict
    lines: list[str] = field(default_factory=list)
    #: Losses of the document as a whole, told once for the export (see ExportReport.take),
    #: each with how many items it concerns (0 where it is not counted by item).
    shared: dict[str, int] = field(default_factory=dict)
    mapped: dict[str, str] = field(default_factory=dict)
    # The record's items by id (built at the first loss) and the lines already told: a loss
    # line costs a look-up, not a walk of the record or of the lines.
    _items: dict[str, tuple[str, dict]] | None = field(default=None, repr=False)
    _told: set[str] = field(default_factory=set, repr=False)

    def _where(self) -> str:
        who = f" ({self.record['annotator']})" if self.record.get("annotator") else ""
        return f"document {self.record['id']}{who}"

    def add(self, item: dict, problem: str) -> None:
        """One line naming the item as a person sees it: kind, text and label."""
        kind, known = self._known(str(item.get("id", "")))
        text = item.get("text") or item.get("name") or known.get("text") or \
            known.get("name") or ""
        short = (text[:40] + "…") if len(text) > 40 else text
        short = " ".join(short.split())
        label = known.get("type") or known.get("label")
        named = f"{kind} “{short}” ({label})" if label else f"{kind} “{short}”"
        line = f"{self._where()}: {named}: {problem}"
        if line not in self._told:  # one item met twice (a speaker of two quotes) is one loss
            self._told.add(line)
            self.lines.append(line)

    def _known(self, item_id: str) -> tuple[str, dict]:
        """(kind, the record's dict) of an item named by id; a cue is its quote's."""
        if self._items is None:
            self._items = {}
            for kind in ("mention", "quote", "entity"):
                for found in self.record.get(KINDS[kind], ()):
                    self._items.setdefault(found["id"], (kind, found))
        kind, found = self._items.get(item_id.split("/")[0], ("span", {}))
        if found and "/cue" in item_id:
            kind = "cue of quote"
        return kind, found

    def document(self, problem: str, items: int = 0) -> None:
        """A loss that concerns the document as a whole (counted, not listed, per document);
        `items` counts the items it concerns, for a loss every item of a kind shares."""
        self.shared[problem] = self.shared.get(problem, 0) + items

    def label(self, label: str) -> str:
        """The label a format writes, reporting each mapped label once a document."""
        name = labels.exported(label)
        if name != label and label not in self.mapped:
            self.mapped[label] = name
            self.document(f"label “{label}” is written as “{name}” "
                          f"({labels.problem(label)})")
        return name

    def meta_and_sources(self) -> None:
        """What a format that keeps only spans, labels and status loses of the document."""
        if self.record.get("meta"):
            keys = ", ".join(sorted(self.record["meta"]))
            self.document(f"document metadata ({keys}) is not carried")
        if any(a.get("source") == SUGGESTED and a["status"] == ACCEPTED
               for kind in ("entities", "mentions", "quotes") for a in self.record[kind]):
            self.document("accepted suggestions read back as made by hand (where an item "
                          "came from is not carried)")


def status_lost(status: str) -> str:
    """The one line for every item whose status a format cannot carry."""
    return f"status “{status}” is not carried"


def resolved_with_losses(record: dict) -> tuple[dict, Losses]:
    """The record as a file may hold it (each link to an item it leaves out cut, see
    `links.resolved`) and the losses that start with those cuts."""
    losses = Losses(record)
    return links.resolved(record, losses.add), losses


def export_view(record: dict, losses: Losses, *, discontinuous: bool, forms: bool,
                status: bool) -> tuple[list[FlatSpan], list[Relation]]:
    """The record as spans and relations, reporting into `losses` what they cannot hold."""
    record = links.resolved(record, losses.add)
    losses.meta_and_sources()
    spans: list[FlatSpan] = []
    rels: list[Relation] = []
    by_entity: dict[str, list[dict]] = defaultdict(list)
    mention_ids = set()
    for m in record["mentions"]:
        mention_ids.add(m["id"])
        spans.append(FlatSpan(m["id"], "mention", [(m["start"], m["end"])],
                              losses.label(m["label"]), m["status"], m["form"]))
        if m["entity"]:
            by_entity[m["entity"]].append(m)
        else:
            losses.add(m, "has no entity; reads back as an entity of its own")
        if not forms and m["form"] != guess_form(m["text"]):
            losses.add(m, f"form “{m['form']}” is not carried "
                          f"(reads back as “{guess_form(m['text'])}”)")
        if not status and m["status"] != ACCEPTED:
            losses.document(status_lost(m["status"]), items=1)
    for ms in by_entity.values():
        rels.extend(Relation(COREF, m["id"], ms[0]["id"]) for m in ms[1:])
    for e in record["entities"]:
        check_entity(e, by_entity.get(e["id"]), losses)
    objects = [Quote(q["id"], q["type"], tuple(Span(s["start"], s["end"]) for s in q["spans"]))
               for q in record["quotes"]]
    parents = quote_parents(objects)
    for q in record["quotes"]:
        frags = [(s["start"], s["end"]) for s in q["spans"]]
        if discontinuous:
            spans.append(FlatSpan(q["id"], "quote", frags, q["type"], q["status"]))
        else:
            ids = [q["id"]] + [f"{q['id']}/{i}" for i in range(2, len(frags) + 1)]
            spans.extend(FlatSpan(pid, "quote", [f], q["type"], q["status"])
                         for pid, f in zip(ids, frags, strict=True))
            rels.extend(Relation(CONTINUES, a, b) for a, b in zip(ids, ids[1:], strict=False))
        _quote_links(q, by_entity, mention_ids, spans, rels, losses)
        if q["parent"] != parents[q["id"]]:
            losses.add(q, "its nesting is not carried (it reads back nested by position)")
        if not status and q["status"] != ACCEPTED:
            losses.document(status_lost(q["status"]), items=1)
    spans.sort(key=lambda s: (s.start, -s.end, s.kind))
    return spans, rels


def check_entity(e: dict, mentions: list[dict] | None, losses: Losses) -> None:
    if not mentions:
        losses.add(e, "entity without a mention cannot be written")
        return
    name = derived_name(mentions)
    if e["name"] != name:
        losses.add(e, f"entity name is not carried (reads back as “{name}”)")
    if e.get("kb_id"):
        losses.add(e, f"knowledge-base id {e['kb_id']} is not carried")
    if e["label"] != mentions[0]["label"]:
        losses.add(e, f"entity label {e['label']} is not carried (reads back as "
                      f"{mentions[0]['label']})")


def _quote_links(q: dict, by_entity: dict, mention_ids: set, spans: list[FlatSpan],
                 rels: list[Relation], losses: Losses) -> None:
    if q["speaker_mention"] in mention_ids:
        rels.append(Relation(SPEAKER, q["id"], q["speaker_mention"]))
    elif q["speaker"]:
        # Linking one of the entity's mentions instead would say that mention is the
        # speaker, which nobody decided.
        losses.add(q, "its speaker is an entity without a chosen mention; the format links "
                      "mentions only, so the speaker link is left out")
    if q["cue"]:
        cue_id = f"{q['id']}/cue"
        spans.append(FlatSpan(cue_id, "cue", [(q["cue"]["start"], q["cue"]["end"])],
                              CUE_LABEL, q["status"]))
        rels.append(Relation(CUE, q["id"], cue_id))
    if q["addressee"]:
        if by_entity.get(q["addressee"]):
            rels.append(Relation(ADDRESSEE, q["id"], by_entity[q["addressee"]][0]["id"]))
        else:
            losses.add(q, "addressee has no mention in this export and is left out")


class _Groups:
    """Union-find over ids: mentions of one entity, fragments of one quote."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def items_from_view(text: str, spans: list[FlatSpan],
                    relations: list[Relation]) -> list[Annotation]:
    """Rebuild entities, mentions and quotes; raises ValueError naming what is wrong."""
    by_id: dict[str, FlatSpan] = {}
    for s in spans:
        if s.id in by_id:
            raise ValueError(f"span id {s.id!r} is used twice")
        bad = labels.problem(s.label) if s.kind == "mention" else None
        if bad:
            raise ValueError(f"span {s.id!r}: {bad}")
        for start, end in s.fragments:
            if start >= end:
                raise ValueError(f"span {s.id!r} starts at {start}, not before its end {end}")
            if not 0 <= start < end <= len(text):
                raise ValueError(f"span {s.id!r} {start}..{end} does not fit the text "
                                 f"({len(text)} characters)")
        by_id[s.id] = s
    groups = _Groups()
    links: dict[str, list[Relation]] = defaultdict(list)
    for r in relations:
        if r.label not in RELATIONS:
            continue
        head, child = by_id.get(r.head), by_id.get(r.child)
        if head is None or child is None:
            raise ValueError(f"relation {r.label} points to a span that does not exist "
                             f"({(r.head if head is None else r.child)!r})")
        want = {COREF: ("mention", "mention"), CONTINUES: ("quote", "quote"),
                SPEAKER: ("quote", "mention"), CUE: ("quote", "cue"),
                ADDRESSEE: ("quote", "mention")}[r.label]
        if (head.kind, child.kind) != want:
            raise ValueError(f"relation {r.label} must go from a {want[0]} to a {want[1]}")
        if r.label in (COREF, CONTINUES):
            groups.join(r.head, r.child)
        else:
            links[r.head].append(r)
    mention_items, mention_ids = _mentions_and_entities(text, spans, groups)
    return mention_items + _quotes(spans, groups, links, mention_ids)


def _keep_id(raw: str, prefix: str) -> str:
    return raw if _RUTH_ID.match(raw) and raw[0] == prefix else new_id(prefix)


def _source(status: str) -> str:
    return SUGGESTED if status == PROPOSED else HUMAN


def _mentions_and_entities(text: str, spans: list[FlatSpan], groups: _Groups
                           ) -> tuple[list[Annotation], dict[str, Mention]]:
    members: dict[str, list[FlatSpan]] = defaultdict(list)
    for s in spans:
        if s.kind == "mention":
            if len(s.fragments) != 1:
                raise ValueError(f"mention {s.id!r} has several fragments")
            members[groups.find(s.id)].append(s)
    items: list[Annotation] = []
    made: dict[str, Mention] = {}
    for group in sorted(members.values(), key=lambda g: min((s.start, s.end) for s in g)):
        group.sort(key=lambda s: (s.start, s.end))
        eid = new_id("e")
        rows = [{"text": text[s.start:s.end], "form": s.form or guess_form(text[s.start:s.end])}
                for s in group]
        status = ACCEPTED if any(s.status == ACCEPTED for s in group) else group[0].status
        items.append(Entity(eid, group[0].label, derived_name(rows), None, status,
                            _source(status)))
        for s, row in zip(group, rows, strict=True):
            mention = Mention(_keep_id(s.id, "m"), s.start, s.end, s.label, eid, row["form"],
                              s.status, _source(s.status))
            made[s.id] = mention
            items.append(mention)
    return items, made


def _quotes(spans: list[FlatSpan], groups: _Groups, links: dict[str, list[Relation]],
            mentions: dict[str, Mention]) -> list[Annotation]:
    members: dict[str, list[FlatSpan]] = defaultdict(list)
    cues: dict[str, FlatSpan] = {}
    for s in spans:
        if s.kind == "quote":
            members[groups.find(s.id)].append(s)
        elif s.kind == "cue":
            if len(s.fragments) != 1:
                raise ValueError(f"cue {s.id!r} has several fragments")
            cues[s.id] = s
    used_cues: set[str] = set()
    quotes: list[Quote] = []
    for group in members.values():
        group.sort(key=lambda s: (s.start, s.end))
        head = group[0]
        fields: dict = {}
        for r in (r for s in group for r in links.get(s.id, ())):
            if r.label in fields:
                raise ValueError(f"quote {head.id!r} has more than one {r.label}")
            fields[r.label] = r.child
        speaker = mentions[fields[SPEAKER]] if SPEAKER in fields else None
        addressee = mentions[fields[ADDRESSEE]] if ADDRESSEE in fields else None
        cue = cues[fields[CUE]] if CUE in fields else None
        if cue is not None:
            used_cues.add(cue.id)
        frags = tuple(sorted(Span(a, b) for s in group for a, b in s.fragments))
        quotes.append(Quote(
            _keep_id(head.id, "q"), head.label, frags,
            speaker.entity if speaker else None, speaker.id if speaker else None,
            Span(*cue.fragments[0]) if cue else None,
            addressee.entity if addressee else None, None, head.status, _source(head.status),
        ))
    loose = set(cues) - used_cues
    if loose:
        raise ValueError(f"cue {sorted(loose)[0]!r} belongs to no quote")
    parents = quote_parents(quotes)
    return [replace(q, parent=parents[q.id]) for q in quotes]
