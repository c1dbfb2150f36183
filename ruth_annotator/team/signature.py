"""What a layer says, without its ids: to tell whether two copies of a layer are the same.

Ids are random and may be renamed when a layer moves between project files (an id already
taken in the target gets a new one), so copies are compared by content: spans, labels,
types, statuses, and references written as what they point at rather than by id.
"""

from __future__ import annotations

import hashlib
import json

from ruth_annotator.model import Layer, Mention, Quote


def _entity_key(layer: Layer, entity_id: str | None) -> list | None:
    entity = layer.entities.get(entity_id or "")
    if entity is None:
        return None
    spans = sorted([m.start, m.end] for m in layer.mentions_of(entity.id))
    return [entity.label, entity.name, entity.kb_id, entity.status, entity.source, spans]


def _mention_key(layer: Layer, mention: Mention | None) -> list | None:
    if mention is None:
        return None
    return [mention.start, mention.end, mention.label, mention.form, mention.status,
            mention.source, _entity_key(layer, mention.entity)]


def _quote_key(layer: Layer, quote: Quote | None, depth: int = 0) -> list | None:
    if quote is None:
        return None
    parent = layer.quotes.get(quote.parent or "")
    return [
        [[s.start, s.end] for s in quote.spans], quote.type, quote.status, quote.source,
        [quote.cue.start, quote.cue.end] if quote.cue else None,
        _entity_key(layer, quote.speaker),
        _mention_key(layer, layer.mentions.get(quote.speaker_mention or "")),
        _entity_key(layer, quote.addressee),
        [[s.start, s.end] for s in parent.spans] if parent else None,
    ]


def canonical(layer: Layer) -> dict:
    """The layer as sorted plain values, with every id replaced by what it refers to."""
    def dump(values) -> list[str]:
        return sorted(json.dumps(v, ensure_ascii=False) for v in values)

    return {
        "status": layer.status,
        "entities": dump(_entity_key(layer, e.id) for e in layer.entities.values()),
        "mentions": dump(_mention_key(layer, m) for m in layer.mentions.values()),
        "quotes": dump(_quote_key(layer, q) for q in layer.quotes.values()),
    }


def signature(layer: Layer) -> str:
    """A short digest of `canonical(layer)`: equal for copies that say the same."""
    text = json.dumps(canonical(layer), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def is_empty(layer: Layer) -> bool:
    """A layer nobody has worked on: no annotations and still 'todo'."""
    return len(layer) == 0 and layer.status == "todo"


__all__ = ["canonical", "is_empty", "signature"]
