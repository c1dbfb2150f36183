"""Annotations to table rows and back; the only place that knows the column layout."""

from __future__ import annotations

import json

from ruth_annotator.model.annotations import Annotation, Entity, Mention, Quote, Span

TABLES = {"entity": "entities", "mention": "mentions", "quote": "quotes"}


def to_row(item: Annotation, document_id: int, annotator: str) -> dict:
    row = {"id": item.id, "document_id": document_id, "annotator": annotator,
           "status": item.status, "source": item.source}
    if isinstance(item, Entity):
        row.update(label=item.label, name=item.name, kb_id=item.kb_id)
    elif isinstance(item, Mention):
        row.update(start=item.start, end=item.end, label=item.label, entity=item.entity,
                   form=item.form)
    else:
        row.update(
            type=item.type, start=item.start, end=item.end,
            spans=json.dumps([[s.start, s.end] for s in item.spans]),
            speaker=item.speaker, speaker_mention=item.speaker_mention,
            cue_start=item.cue.start if item.cue else None,
            cue_end=item.cue.end if item.cue else None,
            addressee=item.addressee, parent=item.parent,
        )
    return row


def entity_from_row(r: dict) -> Entity:
    return Entity(r["id"], r["label"], r["name"], r["kb_id"], r["status"], r["source"])


def mention_from_row(r: dict) -> Mention:
    return Mention(r["id"], r["start"], r["end"], r["label"], r["entity"], r["form"],
                   r["status"], r["source"])


def quote_from_row(r: dict) -> Quote:
    cue = Span(r["cue_start"], r["cue_end"]) if r["cue_start"] is not None else None
    spans = tuple(Span(s, e) for s, e in json.loads(r["spans"]))
    return Quote(r["id"], r["type"], spans, r["speaker"], r["speaker_mention"], cue,
                 r["addressee"], r["parent"], r["status"], r["source"])


FROM_ROW = {"entities": entity_from_row, "mentions": mention_from_row, "quotes": quote_from_row}
