"""The domain model: plain dataclasses and pure edits. No Qt, no SQL."""

from ruth_annotator.model.annotations import (
    ACCEPTED,
    DOC_STATUSES,
    HUMAN,
    MENTION_FORMS,
    PROPOSED,
    QUOTE_TYPES,
    REJECTED,
    SUGGESTED,
    Annotation,
    Entity,
    Mention,
    Quote,
    Span,
    new_id,
)
from ruth_annotator.model.changes import Change, ChangeSet
from ruth_annotator.model.document import Document, DocumentSummary, NewDocument, text_hash
from ruth_annotator.model.layer import Layer

__all__ = [
    "ACCEPTED", "DOC_STATUSES", "HUMAN", "MENTION_FORMS", "PROPOSED", "QUOTE_TYPES",
    "REJECTED", "SUGGESTED", "Annotation", "Change", "ChangeSet", "Document",
    "DocumentSummary", "Entity", "Layer", "Mention", "NewDocument", "Quote", "Span",
    "new_id", "text_hash",
]
