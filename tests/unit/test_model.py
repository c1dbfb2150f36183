"""The annotation model: values, change sets and layers."""

from __future__ import annotations

import pytest

from ruth_annotator.model import (
    ChangeSet,
    Entity,
    Layer,
    Mention,
    Quote,
    Span,
)
from ruth_annotator.model.labels import DEFAULT_LABELS, Label, validate_label_set


def test_span_rules():
    assert Span(2, 5).text("abcdefg") == "cde"
    assert Span(0, 3).overlaps(Span(2, 4)) and not Span(0, 2).overlaps(Span(2, 4))
    assert Span(0, 10).contains(Span(3, 4))
    with pytest.raises(ValueError):
        Span(5, 2)


def test_mention_and_quote_validation():
    with pytest.raises(ValueError):
        Mention("m1", 4, 4, "PERSON")
    with pytest.raises(ValueError):
        Mention("m1", 0, 4, "PERSON", form="nickname")
    with pytest.raises(ValueError):
        Quote("q1", "direct", ())
    with pytest.raises(ValueError):
        Quote("q1", "rumour", (Span(0, 1),))
    q = Quote("q1", "direct", (Span(10, 20), Span(0, 5)))
    assert q.spans == (Span(0, 5), Span(10, 20))
    assert (q.start, q.end) == (0, 20)


def test_changeset_inverse_restores_layer():
    layer = Layer(1, "ann")
    e = Entity("e1", "PERSON", "Kate Winslet")
    m = Mention("m1", 0, 12, "PERSON", "e1")
    add = ChangeSet.added("add", e, m)
    layer.apply(add)
    assert layer.mentions["m1"] == m and layer.entities["e1"] == e
    layer.apply(add.inverse())
    assert len(layer) == 0


def test_apply_refuses_stale_change():
    layer = Layer.of(1, "ann", [Entity("e1", "PERSON", "A")])
    stale = ChangeSet.replaced("x", [(Entity("e1", "PERSON", "B"), Entity("e1", "ORG", "B"))])
    with pytest.raises(ValueError):
        layer.apply(stale)


def test_change_must_keep_identity():
    from ruth_annotator.model import Change

    with pytest.raises(ValueError):
        Change(Entity("e1", "PERSON", "A"), Entity("e2", "PERSON", "A"))
    with pytest.raises(ValueError):
        Change(None, None)


def test_layer_queries():
    q_outer = Quote("q1", "direct", (Span(0, 50),))
    q_inner = Quote("q2", "direct", (Span(10, 20),), parent="q1")
    m = Mention("m1", 12, 15, "PERSON", "e1")
    layer = Layer.of(1, "a", [q_outer, q_inner, m, Entity("e1", "PERSON", "X")])
    assert [q.id for q in layer.quotes_at(12)] == ["q2", "q1"]
    assert layer.mentions_at(12) == [m] and layer.mentions_at(15) == []
    assert layer.children_of("q1") == [q_inner]
    assert layer.mentions_of("e1") == [m]


def test_default_labels_are_valid_and_keyed():
    validate_label_set(list(DEFAULT_LABELS))
    assert [lab.key for lab in DEFAULT_LABELS] == [str(i) for i in range(1, 10)]
    with pytest.raises(ValueError, match="key 1"):
        validate_label_set([Label("A", "#000000", "1"), Label("B", "#FFFFFF", "1")])
    with pytest.raises(ValueError):
        Label("person", "#000000")
    with pytest.raises(ValueError):
        Label("PERSON", "red")
