"""The review order (quotes in reading order, then mentions one entity at a time) and the
counts of what is left, without a window."""

from __future__ import annotations

from ruth_annotator.app.review_order import next_undecided, progress, quotes_in_order
from ruth_annotator.model.annotations import (
    ACCEPTED,
    PROPOSED,
    REJECTED,
    SUGGESTED,
    Entity,
    Mention,
    Quote,
    Span,
)
from ruth_annotator.model.layer import Layer


def quote(qid: str, start: int, status: str = PROPOSED) -> Quote:
    return Quote(qid, "direct", (Span(start, start + 5),), status=status, source=SUGGESTED)


def mention(mid: str, start: int, entity: str, status: str = PROPOSED) -> Mention:
    return Mention(mid, start, start + 3, "PERSON", entity or None, status=status,
                   source=SUGGESTED)


def layer_of(*items) -> Layer:
    return Layer.of(1, "tester", list(items))


def test_quotes_first_in_reading_order_wrapping_round():
    q1, q2, q3 = quote("q1", 10), quote("q2", 50, ACCEPTED), quote("q3", 90)
    m = mention("m1", 0, "e1")
    layer = layer_of(Entity("e1", "PERSON", "Ana"), q3, q1, q2, m)
    assert next_undecided(layer) == q1
    assert next_undecided(layer, q1) == q3  # the decided one is skipped
    assert next_undecided(layer, q3) == q1  # wraps round
    assert next_undecided(layer, m) == q1  # quotes before mentions


def test_mentions_one_entity_at_a_time_once_quotes_are_decided():
    ana, bo = Entity("e1", "PERSON", "Ana"), Entity("e2", "PERSON", "Bo")
    a1, b1, a2, b2 = (mention("a1", 0, "e1"), mention("b1", 10, "e2"),
                      mention("a2", 20, "e1"), mention("b2", 30, "e2"))
    layer = layer_of(ana, bo, quote("q", 40, ACCEPTED), b2, a2, b1, a1)
    order, item = [], None
    for _ in range(4):
        item = next_undecided(layer, item)
        order.append(item.id)
    assert order == ["a1", "a2", "b1", "b2"]
    assert next_undecided(layer, b2) == a1


def test_nothing_left():
    layer = layer_of(quote("q", 0, ACCEPTED), mention("m", 9, "", REJECTED))
    assert next_undecided(layer) is None


def test_progress_counts_rejected_as_decided():
    layer = layer_of(quote("q1", 0, ACCEPTED), quote("q2", 9, REJECTED), quote("q3", 20),
                     mention("m1", 40, "e"), mention("m2", 50, "e", ACCEPTED))
    p = progress(layer)
    assert p.line() == "quotes 2 of 3 decided · mentions 1 of 2"
    assert (p.undecided_quotes, p.undecided_mentions, p.undecided) == (1, 1, 2)
    assert [q.id for q in quotes_in_order(layer)] == ["q1", "q3"]
