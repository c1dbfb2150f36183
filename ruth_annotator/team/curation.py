"""Adjudication: lining up several annotators' layers of one document and building the
gold layer from the versions the lead accepts.

Items of one kind (mentions, or quotes) are grouped when annotators' versions overlap (each
pair of layers matched one to one, then joined), so a label or type disagreement is one
group with two versions, not two unrelated rows. A group is *agreed* when every annotator
has it with the same span and label (quotes: segments, type, cue and speaker). Accepting a
version copies it into the gold layer — entities by name, speakers by who they are, since
ids differ between layers — replacing what gold had for that group. Every function returns
a ChangeSet for the gold layer, so the GUI applies it as one undoable step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from ruth_annotator.model import ChangeSet, Entity, Layer, Mention, Quote, new_id
from ruth_annotator.model.edits import add_mention, add_quote, delete_annotations, set_addressee
from ruth_annotator.model.matching import OVERLAP, covered_length, match, segments, shared_length
from ruth_annotator.model.wording import short
from ruth_annotator.team.agreement import entity_keys, same_speaker, speaker_keys

Item = Mention | Quote


@dataclass
class Group:
    """One place in the text where annotators made (or did not make) an annotation."""

    kind: str  # "mention" or "quote"
    versions: dict[str, Item]  # annotator -> their item
    agreed: bool = False
    gold: list[Item] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)  # annotators whose version gold holds

    @property
    def start(self) -> int:
        return min(i.start for i in self.versions.values())

    @property
    def end(self) -> int:
        return max(i.end for i in self.versions.values())

    @property
    def decided(self) -> bool:
        """Gold has something here (a version taken, or the lead's own edit)."""
        return bool(self.gold)


def _items(layer: Layer, kind: str) -> list[Item]:
    table = layer.mentions if kind == "mention" else layer.quotes
    return sorted(table.values(), key=lambda i: (i.start, i.end, i.id))


def same_version(a: Item, la: Layer, b: Item, lb: Layer) -> bool:
    """Whether two annotators' items say the same thing."""
    if isinstance(a, Mention) and isinstance(b, Mention):
        return (a.start, a.end, a.label) == (b.start, b.end, b.label)
    if isinstance(a, Quote) and isinstance(b, Quote):
        return (a.spans, a.type, a.cue) == (b.spans, b.type, b.cue) and same_speaker(
            speaker_keys(la, a), speaker_keys(lb, b))
    return False


def align(layers: list[Layer], gold: Layer | None = None) -> list[Group]:
    """Groups of overlapping versions across `layers` (accepted items), in text order."""
    layers = [la.accepted() for la in layers]
    by_name = {la.annotator: la for la in layers}
    gold = gold.visible() if gold is not None else None
    groups: list[Group] = []
    for kind in ("mention", "quote"):
        parent: dict[tuple[str, str], tuple[str, str]] = {}

        def find(key, parent=parent):
            while parent.setdefault(key, key) != key:
                key = parent[key]
            return key

        for la in layers:
            for item in _items(la, kind):
                find((la.annotator, item.id))
        for la, lb in combinations(layers, 2):
            for x, y in match(_items(la, kind), _items(lb, kind), OVERLAP):
                parent[find((la.annotator, x.id))] = find((lb.annotator, y.id))
        members: dict[tuple[str, str], dict[str, Item]] = {}
        for name, item_id in list(parent):
            item = by_name[name].get(item_id)
            members.setdefault(find((name, item_id)), {}).setdefault(name, item)
        for versions in members.values():
            group = Group(kind, dict(sorted(versions.items())))
            group.agreed = len(versions) == len(layers) and all(
                same_version(versions[a], by_name[a], versions[b], by_name[b])
                for a, b in combinations(sorted(versions), 2))
            groups.append(group)
    groups.sort(key=lambda g: (g.start, -g.end, g.kind))
    if gold is not None:
        _attach_gold(groups, gold, by_name)
    return groups


def _ratio(a: Item, b: Item) -> float:
    shared = shared_length(segments(a), segments(b))
    return shared / (covered_length(segments(a)) + covered_length(segments(b)) - shared)


def _attach_gold(groups: list[Group], gold: Layer, layers: dict[str, Layer]) -> None:
    """Each gold item joins the group it overlaps most; `chosen` says whose it copies."""
    for item in [*_items(gold, "mention"), *_items(gold, "quote")]:
        best, score = None, 0.0
        for group in groups:
            if group.kind != item.kind or group.end <= item.start or item.end <= group.start:
                continue
            ratio = max(_ratio(item, v) for v in group.versions.values())
            if ratio > score:
                best, score = group, ratio
        if best is not None:
            best.gold.append(item)
    for group in groups:
        if len(group.gold) == 1:
            g = group.gold[0]
            group.chosen = [name for name, v in group.versions.items()
                            if same_version(v, layers[name], g, gold)]


# --- building the gold layer ---------------------------------------------------------


def _copy(layer: Layer) -> Layer:
    return Layer.of(layer.document_id, layer.annotator, list(layer), layer.status)


def _gold_entity(gold: Layer, keys: set, label: str, name: str) -> tuple[str, ChangeSet]:
    """The gold entity that is the same as the source's, or a new one with its name."""
    for entity in gold.entities.values():
        if entity.label == label and same_speaker(keys, entity_keys(gold, entity.id)):
            return entity.id, ChangeSet("")
    entity = Entity(new_id("e"), label, name)
    return entity.id, ChangeSet.added("", entity)


def accept(gold: Layer, text: str, group: Group, annotator: str, source: Layer) -> ChangeSet:
    """Gold takes `annotator`'s version of the group, in place of what it had there."""
    item = group.versions[annotator]
    work = _copy(gold)
    changes = reject(work, group)
    work.apply(changes)
    if isinstance(item, Mention):
        entity = source.entities.get(item.entity or "")
        eid, added = _gold_entity(work, entity_keys(source, item.entity), item.label,
                                  entity.name if entity else item.span.text(text))
        work.apply(added)
        changes += added + add_mention(work, text, item.span, item.label, entity=eid,
                                       form=item.form)
    else:
        speaker = mention = addressee = None
        if item.speaker or item.speaker_mention:
            keys = speaker_keys(source, item)
            src = source.entities.get(item.speaker or "")
            speaker, added = _gold_entity(work, keys, src.label if src else "PERSON",
                                          src.name if src else "speaker")
            work.apply(added)
            changes += added
            src_mention = source.mentions.get(item.speaker_mention or "")
            mention = next((m.id for m in work.mentions.values() if src_mention is not None
                            and m.span == src_mention.span and m.entity == speaker), None)
        if item.addressee and item.addressee in source.entities:
            src = source.entities[item.addressee]
            addressee, added = _gold_entity(work, entity_keys(source, src.id), src.label,
                                            src.name)
            work.apply(added)
            changes += added
        quote = add_quote(work, list(item.spans), item.type, speaker=speaker,
                          speaker_mention=mention, cue=item.cue)
        changes += quote
        if addressee:
            work.apply(quote)
            changes += set_addressee(work, quote.added_items()[0].id, addressee)
    name = text[group.start:group.end]
    return ChangeSet(f"Gold: take {annotator}'s {group.kind} “{short(name)}”",
                     changes.changes)


def reject(gold: Layer, group: Group) -> ChangeSet:
    """Gold has nothing for this group (none of the versions is right)."""
    ids = [g.id for g in group.gold if gold.get(g.id) is not None]
    if not ids:
        return ChangeSet("Gold: nothing here")
    changes = delete_annotations(gold, ids)
    work = _copy(gold)
    work.apply(changes)
    # a speaker or addressee entity made for a deleted quote goes with it
    spoke = {e for q in group.gold if isinstance(q, Quote) for e in (q.speaker, q.addressee)}
    orphans = [work.entities[e] for e in spoke if e in work.entities
               and not work.mentions_of(e) and not any(
                   e in (q.speaker, q.addressee) for q in work.quotes.values())]
    return ChangeSet("Gold: nothing here", (changes + ChangeSet.removed("", *orphans)).changes)


def accept_agreed(gold: Layer, text: str, groups: list[Group],
                  layers: dict[str, Layer]) -> ChangeSet:
    """Every group all annotators agree on and gold does not have yet, as one step."""
    work = _copy(gold)
    changes = ChangeSet("")
    count = 0
    for group in groups:
        if group.agreed and not group.gold:
            name = next(iter(group.versions))
            step = accept(work, text, group, name, layers[name])
            work.apply(step)
            changes += step
            count += 1
    return ChangeSet(f"Gold: take {count} agreed annotation(s)", changes.changes)
