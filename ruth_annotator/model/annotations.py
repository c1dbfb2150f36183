"""Entities, mentions and quotations as immutable values.

Offsets are Unicode code points into the document text, end exclusive: `text[start:end]`.
Values are frozen so that an edit is a pair (before, after) that undo can swap.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

QUOTE_TYPES = ("direct", "indirect", "mixed")
MENTION_FORMS = ("name", "nominal", "pronoun")
DOC_STATUSES = ("todo", "in_progress", "done")

# Provenance: who made an annotation, and what a person decided about it.
HUMAN = "human"
SUGGESTED = "suggested"
SOURCES = (HUMAN, SUGGESTED)
ACCEPTED = "accepted"
PROPOSED = "proposed"
REJECTED = "rejected"
STATUSES = (ACCEPTED, PROPOSED, REJECTED)


def new_id(prefix: str) -> str:
    """A project-wide unique id such as `m-1f3a9c0d2b4e`; the prefix says the kind."""
    return f"{prefix}-{secrets.token_hex(6)}"


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open range of code points."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span {self.start}..{self.end}")

    def text(self, doc_text: str) -> str:
        return doc_text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Entity:
    """Something named in the article; its mentions point to it by id."""

    id: str
    label: str
    name: str
    kb_id: str | None = None
    status: str = ACCEPTED
    source: str = HUMAN

    kind = "entity"


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that refers to an entity ("Kate Winslet", "Winslet", "she")."""

    id: str
    start: int
    end: int
    label: str
    entity: str | None = None
    form: str = "name"
    status: str = ACCEPTED
    source: str = HUMAN

    kind = "mention"

    def __post_init__(self) -> None:
        if not (0 <= self.start < self.end):
            raise ValueError(f"bad mention span {self.start}..{self.end}")
        if self.form not in MENTION_FORMS:
            raise ValueError(f"unknown mention form {self.form!r}")

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Quote:
    """What was said: one or more content segments, with speaker, cue and nesting.

    Segments exclude the quotation marks. A quote that runs over paragraphs with
    boilerplate in between is one quote with several segments.
    """

    id: str
    type: str
    spans: tuple[Span, ...]
    speaker: str | None = None
    speaker_mention: str | None = None
    cue: Span | None = None
    addressee: str | None = None
    parent: str | None = None
    status: str = ACCEPTED
    source: str = HUMAN

    kind = "quote"

    def __post_init__(self) -> None:
        if not self.spans:
            raise ValueError("a quote needs at least one segment")
        if self.type not in QUOTE_TYPES:
            raise ValueError(f"unknown quote type {self.type!r}")
        ordered = tuple(sorted(self.spans))
        if ordered != self.spans:
            object.__setattr__(self, "spans", ordered)

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


Annotation = Entity | Mention | Quote
