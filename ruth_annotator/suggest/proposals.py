"""From the engine's findings to proposed annotations that respect the layer.

Nothing that overlaps an annotation already in the layer is proposed, whatever its status:
a rejected suggestion never comes back and human work is never overwritten. A proposed
quote may nest inside an existing quote (it becomes its child). Mentions that match an
existing mention exactly reuse it, and entities join existing ones by name, so a speaker
can be the entity the annotator already made. Entities the annotator rejected stay away.
"""

from __future__ import annotations

from ruth_annotator.model.annotations import (
    PROPOSED,
    REJECTED,
    SUGGESTED,
    Annotation,
    Entity,
    Mention,
    Quote,
    Span,
    new_id,
)
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.edits import matching_entity
from ruth_annotator.model.layer import Layer
from ruth_annotator.suggest.coverage import Coverage, Overlaps
from ruth_annotator.suggest.drafts import QuoteDraft
from ruth_annotator.suggest.entities import EntityTable, Found

_REFUSED = object()


class Proposals:
    def __init__(self, text: str, layer: Layer, table: EntityTable) -> None:
        self.text = text
        self.layer = layer
        self.table = table
        self.items_entities: list[Entity] = []
        self.items_mentions: list[Mention] = []
        self.items_quotes: list[Quote] = []
        self._entity_of: dict[str, object] = {}
        self._mention_of: dict[int, str | None] = {}
        self._exact = {(m.start, m.end): m for m in layer.mentions.values()
                       if m.status != REJECTED}
        self._occupied = Coverage(len(text), ((m.start, m.end) for m in layer.mentions.values()))
        self._any_mention = bool(layer.mentions)  # an empty layer (the usual case) has none
        self._named: dict[tuple[str, str], list[Entity]] = {}  # (label, lower-case name)
        self._by_word: dict[tuple[str, str], dict[str, Entity]] = {}  # (label, a name word)
        for e in layer.entities.values():
            self._named.setdefault((e.label, e.name.lower()), []).append(e)
            for word in e.name.lower().split() or [""]:
                self._by_word.setdefault((e.label, word), {})[e.id] = e

    # --- entities ----------------------------------------------------------------------

    def entity(self, key: str | None) -> str | None:
        if key is None:
            return None
        known = self._entity_of.get(key)
        if known is _REFUSED:
            return None
        if known is not None:
            return known  # type: ignore[return-value]
        cluster = self.table.clusters.get(key)
        if cluster is None:
            return None
        found = self._existing_entity(cluster)
        if found is _REFUSED:
            self._entity_of[key] = _REFUSED
            return None
        if found is None:
            entity = Entity(new_id("e"), cluster.label, cluster.name, status=PROPOSED,
                            source=SUGGESTED)
            self.items_entities.append(entity)
            found = entity.id
        self._entity_of[key] = found
        return found  # type: ignore[return-value]

    def _existing_entity(self, cluster):
        if not self.layer.entities:
            return None  # an empty layer (the usual case) has nothing to join
        for m in cluster.mentions:
            same = self._exact.get((m.start, m.end))
            if same is not None and same.entity in self.layer.entities:
                return same.entity
        exact = self._named.get((cluster.label, cluster.name.lower()), ())
        if any(e.status == REJECTED for e in exact):
            return _REFUSED
        match = matching_entity(self._sharing_a_word(cluster.name, cluster.label),
                                cluster.name, cluster.label)
        if match is not None and match.status != REJECTED:
            return match.id
        return None

    def _sharing_a_word(self, name: str, label: str) -> Layer:
        """The layer with only the entities `matching_entity` can link `name` to: the same
        label and a word of the name in common (or no name at all). Looking at all of them
        for every entity found made a long document's proposals quadratic."""
        entities = dict(self._by_word.get((label, ""), {}))
        for word in name.lower().split():
            entities.update(self._by_word.get((label, word), {}))
        return Layer(self.layer.document_id, self.layer.annotator, entities)

    # --- mentions ----------------------------------------------------------------------

    def mention(self, found: Found | None) -> str | None:
        """The mention id for a finding: an existing mention, a new one, or None."""
        if found is None:
            return None
        key = id(found)
        if key in self._mention_of:
            return self._mention_of[key]
        same = self._exact.get((found.start, found.end)) if self._exact else None
        result: str | None = None
        if same is not None:
            result = same.id
        elif not (self._any_mention and self._occupied.hits(found.start, found.end)):
            entity = self.entity(found.key)
            if entity is not None:
                mention = Mention(new_id("m"), found.start, found.end, found.label, entity,
                                  found.form, PROPOSED, SUGGESTED)
                self.items_mentions.append(mention)
                result = mention.id
        self._mention_of[key] = result
        return result

    # --- quotes ------------------------------------------------------------------------

    def quotes(self, drafts: list[QuoteDraft]) -> None:
        existing = Overlaps((q, [(s.start, s.end) for s in q.spans])
                            for q in self.layer.quotes.values())
        made: dict[int, Quote] = {}
        order = sorted(range(len(drafts)), key=lambda i: (drafts[i].parent is not None,
                                                          drafts[i].start))
        for i in order:
            d = drafts[i]
            spans = tuple(Span(s, e) for s, e in d.segments)
            parent = self._container(spans, existing)
            if parent is _REFUSED:
                continue
            if d.parent is not None and d.parent in made:
                parent = made[d.parent].id
            mention = self.mention(d.speaker_found) if d.speaker_found is not None else None
            speaker = self.entity(d.speaker_key)
            if mention is not None and speaker is None:
                speaker = self.layer.mentions[mention].entity if mention in \
                    self.layer.mentions else None
            quote = Quote(new_id("q"), d.type, spans, speaker, mention if speaker else None,
                          Span(*d.cue) if d.cue else None, self.entity(d.addressee_key),
                          parent, PROPOSED, SUGGESTED)
            made[i] = quote
            self.items_quotes.append(quote)

    def _container(self, spans: tuple[Span, ...], existing: Overlaps[Quote]):
        """None (free), an existing quote's id (nested in it), or refused (overlap)."""
        best = None
        for q in existing.candidates([(s.start, s.end) for s in spans]):
            if not any(a.overlaps(b) for a in spans for b in q.spans):
                continue
            inside = q.status != REJECTED and all(
                any(seg.contains(s) and seg != s for seg in q.spans) for s in spans)
            if not inside:
                return _REFUSED
            if best is None or len(q.span) < len(best.span):
                best = q
        return best.id if best is not None else None

    def changeset(self) -> ChangeSet:
        used = {m.entity for m in self.items_mentions}
        used |= {e for q in self.items_quotes for e in (q.speaker, q.addressee) if e}
        entities = [e for e in self.items_entities if e.id in used]
        items: list[Annotation] = [*entities, *self.items_mentions, *self.items_quotes]
        n_quotes = len(self.items_quotes)
        return ChangeSet.added(
            f"Suggest {n_quotes} quote(s) and {len(self.items_mentions)} mention(s)", *items)


def propose(text: str, layer: Layer, table: EntityTable, drafts: list[QuoteDraft]) -> ChangeSet:
    proposals = Proposals(text, layer, table)
    for found in table.mentions:
        proposals.mention(found)
    proposals.quotes(drafts)
    return proposals.changeset()
