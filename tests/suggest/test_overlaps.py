"""Existing quotes are looked up by position and entities by name word: the same proposals
as scanning every quote and every entity."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from ruth_annotator.model import ACCEPTED, HUMAN, REJECTED, Entity, Layer, Quote, Span
from ruth_annotator.model.edits import matching_entity
from ruth_annotator.suggest import suggest_document
from ruth_annotator.suggest.coverage import Overlaps
from ruth_annotator.suggest.entities import EntityTable
from ruth_annotator.suggest.proposals import Proposals

spans = st.tuples(st.integers(0, 5000), st.integers(0, 1500)).map(lambda p: (p[0], p[0] + p[1]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(spans, min_size=1, max_size=3), max_size=30),
       st.lists(spans, min_size=1, max_size=3))
def test_candidates_hold_every_overlapping_item_in_order(items, query):
    index = Overlaps((n, segments) for n, segments in enumerate(items))
    found = index.candidates(query)
    overlapping = [n for n, segments in enumerate(items)
                   if any(Span(*a).overlaps(Span(*b)) for a in segments for b in query)]
    assert found == sorted(set(found))
    assert set(overlapping) <= set(found)


def _shape(layer: Layer, text: str) -> set:
    """The proposed quotes as positions (ids are random), with the span of their parent."""
    out = set()
    for q in layer.quotes.values():
        if q.status == ACCEPTED:
            continue
        parent = layer.quotes.get(q.parent or "")
        out.add((q.type, tuple((s.start, s.end) for s in q.spans),
                 parent.span if parent else None, q.cue,
                 layer.entities[q.speaker].name if q.speaker else None))
    return out


def _existing_quotes(text: str) -> list[Quote]:
    """The engine's own quotes made human: some widened (new ones nest inside), some
    shifted half out (new ones overlap: refused), some rejected, some in two segments."""
    found = Layer(1, "tester")
    found.apply(suggest_document(text, found))
    out = []
    for n, q in enumerate(sorted(found.quotes.values(), key=lambda q: q.start)):
        if q.parent is not None:
            continue
        kind = n % 5
        if kind == 0:
            spans = (Span(max(0, q.start - 1500), min(len(text), q.end + 1500)),)
        elif kind == 1:
            spans = (Span((q.start + q.end) // 2, min(len(text), q.end + 1100)),)
        elif kind == 2 and q.end - q.start > 6:
            middle = (q.start + q.end) // 2
            spans = (Span(q.start, middle - 2), Span(middle + 2, q.end))
        elif kind == 3:
            spans = q.spans
        else:
            continue
        status = REJECTED if n % 7 == 3 else ACCEPTED
        out.append(Quote(f"q-human{n:05d}", q.type, spans, status=status, source=HUMAN))
    return out


def test_proposals_equal_a_scan_of_every_existing_quote(sample_text, monkeypatch):
    text = "\n\n".join([sample_text] * 30)  # about 100 KB: quotes in many buckets
    existing = _existing_quotes(text)
    assert len(existing) > 100

    def run() -> set:
        layer = Layer.of(1, "tester", [dataclasses.replace(q) for q in existing])
        layer.apply(suggest_document(text, layer))
        return _shape(layer, text)

    indexed = run()
    with monkeypatch.context() as patch:
        patch.setattr(Overlaps, "candidates", lambda self, query: list(self._items))
        scanned = run()
    assert indexed == scanned
    nested = [shape for shape in indexed if shape[2] is not None]
    assert nested and len(indexed) > len(nested)


NAME_WORDS = ["Kate", "kate", "Winslet", "KATE", "Mia", "Threapleton", "the", "BBC", " ", ""]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.lists(st.sampled_from(NAME_WORDS), max_size=3),
                          st.sampled_from(["PERSON", "ORG"]), st.booleans()), max_size=12),
       st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=3),
       st.sampled_from(["PERSON", "ORG"]))
def test_entity_linking_looks_only_at_entities_sharing_a_word(entities, words, label):
    layer = Layer.of(1, "tester", [
        Entity(f"e-{n}", lab, " ".join(name), status=REJECTED if rejected else ACCEPTED)
        for n, (name, lab, rejected) in enumerate(entities)])
    name = " ".join(words)
    proposals = Proposals("text", layer, EntityTable([], {}))
    assert matching_entity(proposals._sharing_a_word(name, label), name, label) == \
        matching_entity(layer, name, label)
