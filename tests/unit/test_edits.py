"""Annotation actions as pure change sets, checked on the sample article."""

from __future__ import annotations

import pytest

from ruth_annotator.model import ACCEPTED, PROPOSED, REJECTED, SUGGESTED, Layer, Span, edits


def find(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def act(layer: Layer, changes):
    layer.apply(changes)
    return changes


@pytest.fixture
def layer() -> Layer:
    return Layer(1, "tester")


def test_mentions_group_into_one_entity(layer, sample_text):
    act(layer, edits.add_mention(layer, sample_text, find(sample_text, "Kate Winslet"), "PERSON"))
    act(layer, edits.add_mention(layer, sample_text, find(sample_text, "Winslet", 5), "PERSON"))
    assert len(layer.entities) == 1
    (entity,) = layer.entities.values()
    assert entity.name == "Kate Winslet"
    assert {m.entity for m in layer.mentions.values()} == {entity.id}


def test_pronoun_is_not_linked_automatically(layer, sample_text):
    act(layer, edits.add_mention(layer, sample_text, find(sample_text, "Kate Winslet"), "PERSON"))
    she = edits.add_mention(layer, sample_text, find(sample_text, "she"), "PERSON")
    act(layer, she)
    mention = next(m for m in layer.mentions.values() if m.form == "pronoun")
    assert len(layer.entities) == 2 and mention.form == "pronoun"


def test_merge_moves_mentions_and_speakers(layer, sample_text):
    act(layer, edits.add_mention(layer, sample_text, find(sample_text, "Kate Winslet"), "PERSON"))
    act(layer, edits.add_mention(layer, sample_text, find(sample_text, "The star"), "PERSON"))
    star = next(m for m in layer.mentions.values() if m.form == "nominal")
    quote_span = find(sample_text, "Covid has not really helped young people.")
    act(layer, edits.add_quote(layer, [quote_span], "direct"))
    quote = next(iter(layer.quotes.values()))
    act(layer, edits.set_speaker(layer, quote.id, star.id))
    merge = act(layer, edits.merge_entities(layer, list(layer.entities)))
    (kept,) = layer.entities.values()
    assert kept.name == "Kate Winslet"
    assert layer.quotes[quote.id].speaker == kept.id
    assert all(m.entity == kept.id for m in layer.mentions.values())
    layer.apply(merge.inverse())
    assert len(layer.entities) == 2 and layer.quotes[quote.id].speaker == star.entity


def test_nested_quote_gets_parent_both_ways(layer, sample_text):
    outer = find(sample_text, "He said, ‘What about Mia?’ and I said")
    inner = find(sample_text, "What about Mia?")
    act(layer, edits.add_quote(layer, [inner], "direct"))
    act(layer, edits.add_quote(layer, [outer], "direct"))
    by_start = {q.start: q for q in layer.quotes.values()}
    assert by_start[inner.start].parent == by_start[outer.start].id
    layer2 = Layer(1, "t")
    act(layer2, edits.add_quote(layer2, [outer], "direct"))
    act(layer2, edits.add_quote(layer2, [inner], "direct"))
    by_start = {q.start: q for q in layer2.quotes.values()}
    assert by_start[inner.start].parent == by_start[outer.start].id


def test_quote_segments_over_boilerplate(layer, sample_text):
    first = find(sample_text, "Covid has not really helped")
    second = find(sample_text, "They feel angry about it")
    act(layer, edits.add_quote(layer, [first], "direct"))
    qid = next(iter(layer.quotes))
    act(layer, edits.add_quote_segment(layer, qid, second))
    assert layer.quotes[qid].spans == (first, second)
    assert len(layer.quotes) == 1


def test_delete_mention_clears_speaker_link_and_orphan_entity(layer, sample_text):
    act(layer, edits.add_mention(layer, sample_text, find(sample_text, "Lorraine Kelly"),
                                 "PERSON"))
    mention = next(iter(layer.mentions.values()))
    act(layer, edits.add_quote(layer, [find(sample_text, "It was really amazing")], "direct"))
    qid = next(iter(layer.quotes))
    act(layer, edits.set_speaker(layer, qid, mention.id))
    act(layer, edits.set_addressee(layer, qid, mention.entity))
    act(layer, edits.delete_annotations(layer, [mention.id]))
    quote = layer.quotes[qid]
    assert quote.speaker_mention is None
    # the entity is still the speaker, so it stays
    assert quote.speaker == mention.entity and mention.entity in layer.entities
    act(layer, edits.delete_annotations(layer, [mention.entity]))
    assert layer.quotes[qid].speaker is None and layer.quotes[qid].addressee is None
    assert not layer.entities


def test_delete_parent_quote_lifts_children(layer, sample_text):
    act(layer, edits.add_quote(layer, [find(sample_text, "He said, ‘What about Mia?’")], "direct"))
    act(layer, edits.add_quote(layer, [find(sample_text, "What about Mia?")], "direct"))
    outer = next(q for q in layer.quotes.values() if q.parent is None)
    act(layer, edits.delete_annotations(layer, [outer.id]))
    (inner,) = layer.quotes.values()
    assert inner.parent is None


def test_split_entity(layer, sample_text):
    act(layer, edits.add_mention(layer, sample_text, find(sample_text, "Mia Threapleton"),
                                 "PERSON"))
    act(layer, edits.add_mention(layer, sample_text, find(sample_text, "Jim Threapleton"),
                                 "PERSON"))
    jim = next(m for m in layer.mentions.values() if sample_text[m.start] == "J")
    act(layer, edits.merge_entities(layer, list(layer.entities)))
    assert len(layer.entities) == 1
    act(layer, edits.split_entity(layer, [jim.id], name="Jim Threapleton"))
    assert len(layer.entities) == 2
    assert layer.entities[layer.mentions[jim.id].entity].name == "Jim Threapleton"


def test_decisions_on_suggestions(layer, sample_text):
    act(layer, edits.add_mention(layer, sample_text, find(sample_text, "Channel 4"), "ORG",
                                 source=SUGGESTED, status=PROPOSED))
    act(layer, edits.add_mention(layer, sample_text, find(sample_text, "ITV"), "ORG",
                                 source=SUGGESTED, status=PROPOSED))
    assert len(edits.proposed_ids(layer)) == 4
    channel = next(m for m in layer.mentions.values() if sample_text[m.start] == "C")
    act(layer, edits.decide(layer, [channel.id], accept=True))
    assert layer.mentions[channel.id].status == ACCEPTED
    assert layer.entities[channel.entity].status == ACCEPTED
    itv = next(m for m in layer.mentions.values() if sample_text[m.start] == "I")
    act(layer, edits.decide(layer, [itv.id], accept=False))
    assert layer.mentions[itv.id].status == REJECTED
    assert itv.id not in layer.visible().mentions and itv.id in layer.mentions
    assert set(layer.accepted().mentions) == {channel.id}


def test_update_and_cue(layer, sample_text):
    act(layer, edits.add_quote(layer, [find(sample_text, "There are no scripted words")],
                               "direct"))
    qid = next(iter(layer.quotes))
    cue = find(sample_text, "said", 3)
    act(layer, edits.set_cue(layer, qid, cue))
    act(layer, edits.update(layer, qid, type="mixed"))
    assert layer.quotes[qid].cue == cue and layer.quotes[qid].type == "mixed"
    assert not edits.update(layer, qid, type="mixed")  # no change, empty change set
