"""Documents: the exact text as imported, with its hash and metadata."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def text_hash(text: str) -> str:
    """SHA-256 of the UTF-8 text: finds duplicates and matches documents across projects."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document on its way into a project (from a file, JSONL line or another project)."""

    text: str
    title: str = ""
    uid: str | None = None
    meta: dict = field(default_factory=dict)
    origin: str = ""

    @property
    def hash(self) -> str:
        return text_hash(self.text)


@dataclass(frozen=True, slots=True)
class Document:
    """A stored document. `id` is the project's row id; `uid` the id users and files see."""

    id: int
    uid: str
    title: str
    text: str
    hash: str
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """What a document list shows, without loading the text."""

    id: int
    uid: str
    title: str
    length: int
    status: str
    annotations: int = 0
    proposed: int = 0  # undecided mentions and quotes
    proposed_quotes: int = 0  # of which quotes
