"""A layer: one annotator's annotations of one document, held in memory.

The GUI edits a layer; the store persists the same change sets; exports read layers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ruth_annotator.model.annotations import (
    ACCEPTED,
    PROPOSED,
    REJECTED,
    Annotation,
    Entity,
    Mention,
    Quote,
)
from ruth_annotator.model.changes import ChangeSet


@dataclass
class Layer:
    document_id: int
    annotator: str
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: dict[str, Mention] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    status: str = "todo"

    @classmethod
    def of(
        cls, document_id: int, annotator: str, items: Iterable[Annotation], status: str = "todo"
    ) -> Layer:
        layer = cls(document_id, annotator, status=status)
        for item in items:
            layer._table(item.kind)[item.id] = item
        return layer

    def _table(self, kind: str) -> dict:
        return {"entity": self.entities, "mention": self.mentions, "quote": self.quotes}[kind]

    def get(self, item_id: str) -> Annotation | None:
        for table in (self.mentions, self.quotes, self.entities):
            if item_id in table:
                return table[item_id]
        return None

    def __iter__(self) -> Iterator[Annotation]:
        yield from self.entities.values()
        yield from self.mentions.values()
        yield from self.quotes.values()

    def __len__(self) -> int:
        return len(self.entities) + len(self.mentions) + len(self.quotes)

    def apply(self, changes: ChangeSet) -> None:
        """Apply a change set; it must fit the layer's current state."""
        for change in changes.changes:
            table = self._table(change.kind)
            current = table.get(change.id)
            if change.before is not None and current is not change.before \
                    and current != change.before:  # identity first: 50,000 at a time
                raise ValueError(f"change to {change.id} does not match the layer")
            if change.after is None:
                table.pop(change.id, None)
            else:
                table[change.id] = change.after

    # --- queries used by edits, views and exports -------------------------------------

    def visible(self, include_rejected: bool = False) -> Layer:
        """A copy without rejected items (what views and exports show)."""
        keep = (ACCEPTED, PROPOSED, REJECTED) if include_rejected else (ACCEPTED, PROPOSED)
        return Layer.of(
            self.document_id,
            self.annotator,
            (a for a in self if a.status in keep),
            self.status,
        )

    def accepted(self) -> Layer:
        """A copy with only what a person made or accepted (the default export)."""
        return Layer.of(
            self.document_id,
            self.annotator,
            (a for a in self if a.status == ACCEPTED),
            self.status,
        )

    def sorted_mentions(self) -> list[Mention]:
        return sorted(self.mentions.values(), key=lambda m: (m.start, -m.end, m.id))

    def sorted_quotes(self) -> list[Quote]:
        return sorted(self.quotes.values(), key=lambda q: (q.start, -q.end, q.id))

    def mentions_of(self, entity_id: str) -> list[Mention]:
        return sorted(
            (m for m in self.mentions.values() if m.entity == entity_id),
            key=lambda m: m.start,
        )

    def quotes_by(self, entity_id: str) -> list[Quote]:
        return sorted(
            (q for q in self.quotes.values() if q.speaker == entity_id), key=lambda q: q.start
        )

    def mentions_at(self, position: int) -> list[Mention]:
        return [m for m in self.mentions.values() if m.start <= position < m.end]

    def quotes_at(self, position: int) -> list[Quote]:
        """Quotes with a segment covering the position, innermost first."""
        hits = [
            q for q in self.quotes.values() if any(s.start <= position < s.end for s in q.spans)
        ]
        return sorted(hits, key=lambda q: q.end - q.start)

    def children_of(self, quote_id: str) -> list[Quote]:
        return [q for q in self.quotes.values() if q.parent == quote_id]


def status_after_edit(status: str) -> str:
    """The status rule, for the window and the store alike: the first edit of a 'todo'
    document makes it 'in_progress'; a document marked done stays done when corrected."""
    return "in_progress" if status == "todo" else status
