"""Every annotation action as a pure function: (layer, arguments) -> ChangeSet.

The functions only compute; the caller applies the change set to the layer and the store
(in one transaction) and keeps it for undo. Keeping the rules here makes them testable
without Qt and shared by the GUI, the CLI and the suggestion engine.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace

from ruth_annotator.model.annotations import (
    ACCEPTED,
    HUMAN,
    PROPOSED,
    REJECTED,
    Annotation,
    Entity,
    Mention,
    Quote,
    Span,
    new_id,
)
from ruth_annotator.model.changes import Change, ChangeSet
from ruth_annotator.model.decisions import keep_decisions, with_status
from ruth_annotator.model.layer import Layer
from ruth_annotator.model.wording import plural, short

PRONOUNS = frozenset(
    "he she they him her them his hers their theirs it its i we me us my our you your".split()
)


def _ruled(edit: Callable[..., ChangeSet]) -> Callable[..., ChangeSet]:
    """The edit's change set, closed under the decision rule (model/decisions.py)."""
    @functools.wraps(edit)
    def ruled(layer: Layer, *args, **kwargs) -> ChangeSet:
        return keep_decisions(layer, edit(layer, *args, **kwargs))
    return ruled


def guess_form(text: str) -> str:
    """Name, nominal or pronoun, from the surface form alone (the annotator can change it)."""
    words = text.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    if words and words[0].lower() in {"the", "a", "an", "this", "that"}:
        return "nominal"
    return "name"


def matching_entity(layer: Layer, text: str, label: str) -> Entity | None:
    """The one entity a new name mention most likely refers to, or None when unclear.

    "Winslet" joins "Kate Winslet"; "Kate Winslet" joins an entity named "Winslet".
    Only names are linked automatically; pronouns and nominals need a person.
    """
    key = text.strip().lower()
    if not key or guess_form(text) != "name":
        return None
    exact = [e for e in layer.entities.values() if e.label == label and e.name.lower() == key]
    if len(exact) == 1:
        return exact[0]
    words = set(key.split())
    partial = [
        e
        for e in layer.entities.values()
        if e.label == label and e.status != REJECTED
        and (words <= set(e.name.lower().split()) or set(e.name.lower().split()) <= words)
    ]
    return partial[0] if len(partial) == 1 else None


@_ruled
def add_mention(
    layer: Layer,
    text: str,
    span: Span,
    label: str,
    *,
    entity: str | None = None,
    form: str | None = None,
    source: str = HUMAN,
    status: str = ACCEPTED,
) -> ChangeSet:
    """A new mention; it joins `entity`, a clearly matching entity, or a new one."""
    surface = span.text(text)
    form = form or guess_form(surface)
    items: list[Annotation] = []
    if entity is None:
        found = matching_entity(layer, surface, label)
        if found is not None:
            entity = found.id
        else:
            new_entity = Entity(new_id("e"), label, " ".join(surface.split()), status=status,
                                source=source)
            items.append(new_entity)
            entity = new_entity.id
    mention = Mention(new_id("m"), span.start, span.end, label, entity, form, status, source)
    items.append(mention)
    return ChangeSet.added(f"Add {label} mention “{short(surface)}”", *items)


def _orphaned_entities(layer: Layer, entity_ids: set[str], removed: set[str]) -> list[Entity]:
    """Entities left with no mention and no quote pointing at them."""
    out = []
    for eid in entity_ids:
        if eid not in layer.entities:
            continue
        still_used = any(
            m.entity == eid for m in layer.mentions.values() if m.id not in removed
        ) or any(eid in (q.speaker, q.addressee) for q in layer.quotes.values())
        if not still_used:
            out.append(layer.entities[eid])
    return out


@_ruled
def delete_annotations(layer: Layer, ids: list[str]) -> ChangeSet:
    """Delete mentions, quotes or entities, and clean up what pointed at them."""
    removed: dict[str, Annotation] = {}
    pending = list(ids)
    while pending:
        item = layer.get(pending.pop())
        if item is None or item.id in removed:
            continue
        removed[item.id] = item
        if isinstance(item, Entity):
            pending.extend(m.id for m in layer.mentions_of(item.id))
    updates: dict[str, Annotation] = {}
    for quote in layer.quotes.values():
        if quote.id in removed:
            continue
        new = quote
        if new.speaker_mention in removed:
            new = replace(new, speaker_mention=None)
        if new.speaker in removed:
            new = replace(new, speaker=None, speaker_mention=None)
        if new.addressee in removed:
            new = replace(new, addressee=None)
        if new.parent in removed:
            new = replace(new, parent=_surviving_parent(new.parent, removed))
        if new != quote:
            updates[quote.id] = new
    touched = {m.entity for m in removed.values() if isinstance(m, Mention) and m.entity}
    orphans = [
        e for e in _orphaned_entities(layer, touched, set(removed)) if e.id not in removed
    ]
    changes = [Change(layer.get(i), a) for i, a in updates.items()]
    changes += [Change(item, None) for item in removed.values()]
    changes += [Change(e, None) for e in orphans]
    what = _describe(list(removed.values()))
    return ChangeSet(f"Delete {what}", tuple(changes))


def _surviving_parent(parent: str | None, removed: dict[str, Annotation]) -> str | None:
    """The nearest enclosing quote that is not being deleted (a whole chain may go)."""
    seen: set[str] = set()
    while parent in removed and parent not in seen:
        seen.add(parent)
        item = removed[parent]
        parent = item.parent if isinstance(item, Quote) else None
    return None if parent in removed else parent


@_ruled
def update(layer: Layer, item_id: str, description: str | None = None, **fields) -> ChangeSet:
    """Change fields of one annotation (label, form, span, type, name, kb_id …)."""
    before = layer.get(item_id)
    if before is None:
        raise KeyError(item_id)
    after = replace(before, **fields)
    name = ", ".join(sorted(fields))
    return ChangeSet.replaced(description or f"Change {before.kind} {name}", [(before, after)])


def set_mention_span(layer: Layer, mention_id: str, span: Span) -> ChangeSet:
    return update(layer, mention_id, "Resize mention", start=span.start, end=span.end)


@_ruled
def set_mention_entity(layer: Layer, mention_id: str, entity_id: str) -> ChangeSet:
    """Link a mention to another entity; an entity left empty is removed."""
    mention = layer.mentions[mention_id]
    target = layer.entities[entity_id]
    changes = update(layer, mention_id, f"Link mention to {target.name}", entity=entity_id,
                     label=target.label)
    if mention.entity and mention.entity != entity_id:
        for orphan in _orphaned_entities(layer, {mention.entity}, {mention_id}):
            changes += ChangeSet.removed("", orphan)
    return changes


@_ruled
def add_quote(
    layer: Layer,
    spans: list[Span],
    quote_type: str = "direct",
    *,
    speaker: str | None = None,
    speaker_mention: str | None = None,
    cue: Span | None = None,
    source: str = HUMAN,
    status: str = ACCEPTED,
) -> ChangeSet:
    """A new quote; it nests in the smallest quote that contains it, and adopts the quotes
    it contains."""
    quote = Quote(new_id("q"), quote_type, tuple(sorted(spans)), speaker, speaker_mention, cue,
                  None, None, status, source)
    parent = innermost_container(layer, quote.span, exclude=quote.id)
    quote = replace(quote, parent=parent.id if parent else None)
    changes = ChangeSet.added(f"Add {quote_type} quote", quote)
    adopted = [
        (q, replace(q, parent=quote.id))
        for q in layer.quotes.values()
        if q.parent == quote.parent and quote.span.contains(q.span) and q.span != quote.span
    ]
    return changes + ChangeSet.replaced("", adopted)


def innermost_container(layer: Layer, span: Span, exclude: str | None = None) -> Quote | None:
    """The smallest quote whose content segment contains the span (for nesting)."""
    best = None
    for q in layer.quotes.values():
        if q.id == exclude or q.status == REJECTED:
            continue
        if any(s.contains(span) and s != span for s in q.spans) and (
            best is None or len(q.span) < len(best.span)
        ):
            best = q
    return best


@_ruled
def add_quote_segment(layer: Layer, quote_id: str, span: Span) -> ChangeSet:
    """Another segment of a quote that runs over paragraphs or around boilerplate."""
    quote = layer.quotes[quote_id]
    segments = [s for s in quote.spans if not span.contains(s)] + [span]
    return update(layer, quote_id, "Add quote segment", spans=tuple(sorted(segments)))


@_ruled
def set_speaker(layer: Layer, quote_id: str, mention_id: str | None = None,
                entity_id: str | None = None, new_entity: Entity | None = None) -> ChangeSet:
    """The speaker from a mention in context, from an entity when no mention is near, or
    from `new_entity`, made here. Choosing a suggested mention or entity accepts it."""
    if mention_id is not None:
        entity_id = layer.mentions[mention_id].entity
    if new_entity is not None:
        entity_id = new_entity.id
        name = new_entity.name
    else:
        name = layer.entities[entity_id].name if entity_id in layer.entities else "nobody"
    return _linking(layer, quote_id, f"Set speaker to {name}", [mention_id, entity_id],
                    new_entity, speaker=entity_id, speaker_mention=mention_id)


@_ruled
def set_cue(layer: Layer, quote_id: str, cue: Span | None) -> ChangeSet:
    return update(layer, quote_id, "Set cue" if cue else "Clear cue", cue=cue)


@_ruled
def set_addressee(layer: Layer, quote_id: str, entity_id: str | None,
                  new_entity: Entity | None = None) -> ChangeSet:
    """The addressee (an entity, or `new_entity`, made here); a suggested one is accepted."""
    if new_entity is not None:
        entity_id = new_entity.id
    return _linking(layer, quote_id, "Set addressee", [entity_id], new_entity,
                    addressee=entity_id)


def _linking(layer: Layer, quote_id: str, description: str, chosen: list[str | None],
             new_entity: Entity | None, **fields) -> ChangeSet:
    """A quote's link set to what a person chose: a new entity is added, and a chosen
    suggestion accepted (choosing it is the decision)."""
    changes = ChangeSet.added(description, new_entity) if new_entity else ChangeSet(description)
    picked = [i for i in chosen if i and (i in layer.entities or i in layer.mentions)]
    changes += decide.__wrapped__(layer, picked, True)
    quote = layer.quotes[quote_id]
    return changes + ChangeSet.replaced("", [(quote, replace(quote, **fields))])


@_ruled
def merge_entities(layer: Layer, entity_ids: list[str], into: str | None = None) -> ChangeSet:
    """Merge entities into one (the first, or `into`): mentions and quotes follow."""
    ids = [e for e in dict.fromkeys(entity_ids) if e in layer.entities]
    if len(ids) < 2:
        return ChangeSet("Merge entities")
    keep_id = into if into in ids else _best_named(layer, ids)
    keep = layer.entities[keep_id]
    gone = set(ids) - {keep_id}
    pairs: list[tuple[Annotation, Annotation]] = []
    for m in layer.mentions.values():
        if m.entity in gone:
            pairs.append((m, replace(m, entity=keep_id)))
    for q in layer.quotes.values():
        new = q
        if q.speaker in gone:
            new = replace(new, speaker=keep_id)
        if q.addressee in gone:
            new = replace(new, addressee=keep_id)
        if new != q:
            pairs.append((q, new))
    changes = ChangeSet.replaced(f"Merge {len(ids)} entities into {keep.name}", pairs)
    return changes + ChangeSet.removed("", *(layer.entities[e] for e in sorted(gone)))


def _best_named(layer: Layer, ids: list[str]) -> str:
    """The entity whose name is the longest proper name: "Kate Winslet" over "she"."""
    def score(eid: str) -> tuple[int, int]:
        name = layer.entities[eid].name
        return (guess_form(name) == "name", len(name))

    return max(ids, key=score)


@_ruled
def split_entity(layer: Layer, mention_ids: list[str], name: str | None = None) -> ChangeSet:
    """Move mentions out of their entity into a new one."""
    mentions = [layer.mentions[m] for m in mention_ids if m in layer.mentions]
    if not mentions:
        return ChangeSet("Split entity")
    first = mentions[0]
    entity = Entity(new_id("e"), first.label, name or f"{first.label} {first.start}")
    changes = ChangeSet.added(f"Split {len(mentions)} mentions into a new entity", entity)
    changes += ChangeSet.replaced("", [(m, replace(m, entity=entity.id)) for m in mentions])
    old = {m.entity for m in mentions if m.entity}
    return changes + ChangeSet.removed(
        "", *_orphaned_entities(layer, old, {m.id for m in mentions})
    )


@_ruled
def decide(layer: Layer, ids: list[str], accept: bool) -> ChangeSet:
    """Accept or reject suggestions. Rejected ones stay stored so they never come back."""
    status = ACCEPTED if accept else REJECTED
    found = (layer.get(i) for i in dict.fromkeys(ids))
    changes = tuple(Change.checked_already(item, with_status(item, status)) for item in found
                    if item is not None and item.status != status)
    verb = "Accept" if accept else "Reject"
    # What the accepted items point at is accepted with them (the decision rule).
    return ChangeSet(f"{verb} {plural(len(changes), 'suggestion')}", changes)


def proposed_ids(layer: Layer) -> list[str]:
    return [a.id for a in layer if a.status == PROPOSED]


def _describe(items: list[Annotation]) -> str:
    if len(items) == 1:
        return items[0].kind
    return f"{len(items)} annotations"
