"""Run the engine on a text and read its proposals back as plain tuples."""

from __future__ import annotations

from dataclasses import dataclass

from ruth_annotator.model import Layer
from ruth_annotator.suggest import suggest_document


@dataclass
class Found:
    type: str
    text: str
    segments: list[str]
    speaker: str | None
    speaker_mention: str | None
    cue: str | None
    addressee: str | None
    parent: str | None


def suggest(text: str, layer: Layer | None = None, **options) -> Layer:
    layer = layer or Layer(1, "tester")
    layer.apply(suggest_document(text, layer, **options))
    return layer


def quotes(text: str, layer: Layer | None = None, **options) -> list[Found]:
    layer = suggest(text, layer, **options)
    out = []
    for q in layer.sorted_quotes():
        mention = layer.mentions.get(q.speaker_mention or "")
        parent = layer.quotes.get(q.parent or "")
        out.append(Found(
            q.type, text[q.start:q.end], [text[s.start:s.end] for s in q.spans],
            layer.entities[q.speaker].name if q.speaker else None,
            text[mention.start:mention.end] if mention else None,
            text[q.cue.start:q.cue.end] if q.cue else None,
            layer.entities[q.addressee].name if q.addressee else None,
            text[parent.start:parent.end] if parent else None,
        ))
    return out


def one_quote(text: str, containing: str) -> Found:
    found = quotes(text)
    matches = [q for q in found if q.text == containing] or \
        [q for q in found if containing in q.text]
    assert len(matches) == 1, [q.text for q in found]
    return matches[0]


def mentions(text: str) -> list[tuple[str, str, str]]:
    """(surface, label, entity name) of every proposed mention, in order."""
    layer = suggest(text)
    return [(text[m.start:m.end], m.label, layer.entities[m.entity].name)
            for m in layer.sorted_mentions()]
