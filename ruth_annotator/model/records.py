"""The lossless JSONL record: one document and one annotator's layer as a plain dict.

This is the exchange shape every exporter reads and every importer produces, so formats,
evaluation and team tools never touch SQL. Field names are fixed by the project's
published format (see docs/formats.md); offsets are code points, quote content excludes
the quotation marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ruth_annotator.errors import excerpt
from ruth_annotator.model.annotations import (
    ACCEPTED,
    HUMAN,
    MENTION_FORMS,
    QUOTE_TYPES,
    SOURCES,
    STATUSES,
    Annotation,
    Entity,
    Mention,
    Quote,
    Span,
)
from ruth_annotator.model.document import Document, NewDocument
from ruth_annotator.model.layer import Layer

FORMAT_VERSION = 1


def _span(span: Span, text: str) -> dict:
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def layer_to_record(doc: Document, layer: Layer) -> dict:
    """Document plus layer as the lossless JSONL dict (ordered by position)."""
    text = doc.text
    entities = sorted(layer.entities.values(), key=lambda e: _first_position(layer, e.id))
    return {
        "id": doc.uid,
        "title": doc.title,
        "text": text,
        "meta": doc.meta,
        "annotator": layer.annotator,
        "status": layer.status,
        "entities": [
            {
                "id": e.id, "label": e.label, "name": e.name, "kb_id": e.kb_id,
                "status": e.status, "source": e.source,
            }
            for e in entities
        ],
        "mentions": [
            {
                "id": m.id, "start": m.start, "end": m.end, "text": text[m.start : m.end],
                "label": m.label, "entity": m.entity, "form": m.form,
                "status": m.status, "source": m.source,
            }
            for m in layer.sorted_mentions()
        ],
        "quotes": [
            {
                "id": q.id, "type": q.type, "start": q.start, "end": q.end,
                "text": text[q.start : q.end],
                "spans": [_span(s, text) for s in q.spans],
                "speaker": q.speaker, "speaker_mention": q.speaker_mention,
                "cue": _span(q.cue, text) if q.cue else None,
                "addressee": q.addressee, "parent": q.parent,
                "status": q.status, "source": q.source,
            }
            for q in layer.sorted_quotes()
        ],
    }


def _first_position(layer: Layer, entity_id: str) -> tuple[int, str]:
    starts = [m.start for m in layer.mentions.values() if m.entity == entity_id]
    return (min(starts) if starts else 1 << 62, entity_id)


@dataclass
class ParsedRecord:
    """A JSONL record read back: the document, whose layer it is, and the annotations."""

    document: NewDocument
    annotator: str | None
    status: str | None
    items: list[Annotation] = field(default_factory=list)
    #: The text was rebuilt from tokens (CoNLL): it joins the project's document with the
    #: same tokens, whatever the spaces between them, and its offsets move onto that text.
    match_tokens: bool = False


def _choice(value, allowed: tuple[str, ...], default: str, what: str) -> str:
    if value is None:
        return default
    if value not in allowed:
        raise ValueError(f"unknown {what} {excerpt(repr(value))}")
    return value


def _int(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} must be an integer, not {excerpt(repr(value))}")
    return value


def record_to_items(record: dict) -> ParsedRecord:
    """Parse one record; raises ValueError naming the first thing that is wrong."""
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError('a record needs a "text" string')
    meta = record.get("meta") or {}
    if not isinstance(meta, dict):
        raise ValueError('"meta" must be an object')
    uid = record.get("id")
    doc = NewDocument(
        text=text,
        title=str(record.get("title") or first_line(text)),
        uid=str(uid) if uid is not None else None,
        meta=meta,
    )
    items: list[Annotation] = []

    def check(span: Span, what: str) -> Span:
        if span.end > len(text):
            raise ValueError(f"{what} {span.start}..{span.end} lies beyond the text")
        return span

    for e in record.get("entities") or []:
        items.append(Entity(
            str(e["id"]), str(e.get("label") or "MISC"), str(e.get("name") or ""),
            e.get("kb_id"),
            _choice(e.get("status"), STATUSES, ACCEPTED, "status"),
            _choice(e.get("source"), SOURCES, HUMAN, "source"),
        ))
    for m in record.get("mentions") or []:
        span = check(Span(_int(m["start"], "start"), _int(m["end"], "end")), "mention")
        items.append(Mention(
            str(m["id"]), span.start, span.end, str(m.get("label") or "MISC"),
            _opt_str(m.get("entity")),
            _choice(m.get("form"), MENTION_FORMS, "name", "form"),
            _choice(m.get("status"), STATUSES, ACCEPTED, "status"),
            _choice(m.get("source"), SOURCES, HUMAN, "source"),
        ))
    for q in record.get("quotes") or []:
        raw_spans = q.get("spans") or [{"start": q["start"], "end": q["end"]}]
        spans = tuple(
            check(Span(_int(s["start"], "start"), _int(s["end"], "end")), "quote segment")
            for s in raw_spans
        )
        cue = q.get("cue")
        items.append(Quote(
            str(q["id"]),
            _choice(q.get("type"), QUOTE_TYPES, "direct", "quote type"),
            spans,
            _opt_str(q.get("speaker")),
            _opt_str(q.get("speaker_mention")),
            check(Span(_int(cue["start"], "start"), _int(cue["end"], "end")), "cue")
            if cue else None,
            _opt_str(q.get("addressee")),
            _opt_str(q.get("parent")),
            _choice(q.get("status"), STATUSES, ACCEPTED, "status"),
            _choice(q.get("source"), SOURCES, HUMAN, "source"),
        ))
    annotator = record.get("annotator")
    return ParsedRecord(doc, str(annotator) if annotator else None, record.get("status"),
                        _within_record(items))


_REFERENCES = {"entity": "entity", "speaker": "entity", "addressee": "entity",
               "speaker_mention": "mention", "parent": "quote"}


def _within_record(items: list[Annotation]) -> list[Annotation]:
    """Refuse an id used twice, and drop references to annotations the record does not
    hold: kept, they would point into another layer once imported, or nowhere."""
    ids: dict[str, set[str]] = {"entity": set(), "mention": set(), "quote": set()}
    for item in items:
        if item.id in ids[item.kind]:
            raise ValueError(f"{item.kind} id {item.id!r} appears twice")
        ids[item.kind].add(item.id)
    out = []
    for item in items:
        dangling = {field: None for field, kind in _REFERENCES.items()
                    if getattr(item, field, None) is not None
                    and getattr(item, field) not in ids[kind]}
        out.append(replace(item, **dangling) if dangling else item)
    return out


def _opt_str(value) -> str | None:
    return None if value is None else str(value)


def first_line(text: str, limit: int = 200) -> str:
    """A title from the first non-empty line of a text."""
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())[:limit]
    return ""
