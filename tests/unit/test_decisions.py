"""The decision rule: an accepted annotation never points at one that is not accepted."""

from __future__ import annotations

from dataclasses import replace

from ruth_annotator.model import (
    ACCEPTED,
    PROPOSED,
    REJECTED,
    SUGGESTED,
    ChangeSet,
    Entity,
    Layer,
    Mention,
    Quote,
    Span,
    edits,
)
from ruth_annotator.model.decisions import bring_into_line, broken_links, dataset_view
from ruth_annotator.model.wording import plural


def suggested_quote_layer() -> Layer:
    """A suggested quote whose speaker mention, speaker and addressee are suggestions too,
    nested in a suggested outer quote."""
    kate = Entity("e-kate", "PERSON", "Kate Winslet", status=PROPOSED, source=SUGGESTED)
    jim = Entity("e-jim", "PERSON", "Jim", status=PROPOSED, source=SUGGESTED)
    said = Mention("m-kate", 0, 12, "PERSON", "e-kate", status=PROPOSED, source=SUGGESTED)
    outer = Quote("q-outer", "direct", (Span(20, 90),), status=PROPOSED, source=SUGGESTED)
    inner = Quote("q-inner", "direct", (Span(30, 50), Span(60, 70)), "e-kate", "m-kate",
                  Span(14, 18), "e-jim", "q-outer", status=PROPOSED, source=SUGGESTED)
    return Layer.of(1, "a", [kate, jim, said, outer, inner])


def act(layer: Layer, changes):
    layer.apply(changes)
    assert broken_links(layer) == []
    return changes


def test_accepting_a_quote_accepts_its_whole_attribution_in_one_step():
    layer = suggested_quote_layer()
    before = {i.id: i for i in layer}
    changes = act(layer, edits.decide(layer, ["q-inner"], accept=True))
    assert {i.id for i in layer.accepted()} == set(before)  # speaker, mention, addressee, outer
    assert "4 linked suggestions accepted" in changes.description
    layer.apply(changes.inverse())  # one undo step takes all of it back
    assert {i.id: i for i in layer} == before


def test_choosing_a_suggested_mention_as_speaker_accepts_it():
    layer = suggested_quote_layer()
    act(layer, edits.add_quote(layer, [Span(100, 120)]))
    quote = next(q for q in layer.quotes.values() if q.status == ACCEPTED)
    act(layer, edits.set_speaker(layer, quote.id, mention_id="m-kate"))
    assert layer.mentions["m-kate"].status == ACCEPTED
    assert layer.entities["e-kate"].status == ACCEPTED
    act(layer, edits.set_addressee(layer, quote.id, "e-jim"))
    assert layer.entities["e-jim"].status == ACCEPTED


def test_choosing_suggestions_for_an_undecided_quote_accepts_only_them():
    layer = suggested_quote_layer()
    act(layer, edits.set_addressee(layer, "q-outer", "e-jim"))
    assert layer.entities["e-jim"].status == ACCEPTED
    assert layer.quotes["q-outer"].status == PROPOSED


def test_a_new_entity_as_addressee_is_added_in_the_same_step():
    layer = suggested_quote_layer()
    new = Entity("e-new", "PERSON", "The viewers")
    changes = act(layer, edits.set_addressee(layer, "q-inner", None, new_entity=new))
    assert layer.quotes["q-inner"].addressee == "e-new" and "e-new" in layer.entities
    layer.apply(changes.inverse())
    assert "e-new" not in layer.entities


def test_rejecting_a_used_mention_unlinks_it_visibly():
    layer = suggested_quote_layer()
    act(layer, edits.decide(layer, ["q-inner"], accept=True))
    changes = act(layer, edits.decide(layer, ["m-kate"], accept=False))
    assert layer.mentions["m-kate"].status == REJECTED
    assert layer.quotes["q-inner"].speaker_mention is None
    assert layer.quotes["q-inner"].speaker == "e-kate"  # the speaker stays
    assert "unlinked: 1 quote speaker mention" in changes.description


def test_rejecting_the_enclosing_quote_lifts_the_inner_one_out():
    layer = suggested_quote_layer()
    act(layer, edits.decide(layer, ["q-inner"], accept=True))
    act(layer, edits.decide(layer, ["q-outer"], accept=False))
    assert layer.quotes["q-inner"].parent is None


def test_rejecting_a_speaker_clears_speaker_and_mention():
    layer = suggested_quote_layer()
    act(layer, edits.decide(layer, ["q-inner"], accept=True))
    act(layer, edits.decide(layer, ["e-kate"], accept=False))
    quote = layer.quotes["q-inner"]
    assert (quote.speaker, quote.speaker_mention) == (None, None)
    assert layer.mentions["m-kate"].entity is None


def test_accepting_a_quote_whose_mention_was_rejected_leaves_that_mention_out():
    layer = suggested_quote_layer()
    act(layer, edits.decide(layer, ["m-kate"], accept=False))
    act(layer, edits.decide(layer, ["q-inner"], accept=True))
    assert layer.mentions["m-kate"].status == REJECTED
    assert layer.quotes["q-inner"].speaker_mention is None


def test_delete_merge_and_split_keep_the_rule():
    layer = suggested_quote_layer()
    act(layer, edits.decide(layer, ["q-inner"], accept=True))
    act(layer, edits.delete_annotations(layer, ["m-kate"]))
    assert layer.quotes["q-inner"].speaker_mention is None
    other = Entity("e-other", "PERSON", "Winslet", status=PROPOSED, source=SUGGESTED)
    layer.apply(ChangeSet.added("", other))
    act(layer, edits.merge_entities(layer, ["e-other", "e-kate"], into="e-other"))
    assert layer.entities["e-other"].status == ACCEPTED  # the accepted quote's speaker now
    m = Mention("m-w", 100, 107, "PERSON", "e-other")
    layer.apply(ChangeSet.added("", m))
    act(layer, edits.split_entity(layer, ["m-w"], "Kate"))
    act(layer, edits.delete_annotations(layer, ["e-other"]))
    assert layer.quotes["q-inner"].speaker is None


def test_accept_all_obeys_the_rule():
    layer = suggested_quote_layer()
    act(layer, edits.decide(layer, ["m-kate"], accept=False))
    act(layer, edits.decide(layer, edits.proposed_ids(layer), accept=True))
    assert not edits.proposed_ids(layer)


def test_an_import_is_brought_into_line():
    layer = suggested_quote_layer()
    items = [i if i.id != "q-inner" else Quote(**{**_fields(i), "status": ACCEPTED})
             for i in layer]
    items.append(Quote("q-x", "direct", (Span(200, 210),), speaker="e-stored"))
    fixed, accepted = bring_into_line(Layer(1, "a"), items)
    assert accepted == 4
    assert broken_links(Layer.of(1, "a", [i for i in fixed if i.id != "q-x"])) == []
    assert next(i for i in fixed if i.id == "q-x").speaker == "e-stored"  # stored elsewhere


def test_an_import_that_uses_a_stored_suggestion_accepts_it():
    layer = suggested_quote_layer()
    mine = Quote("q-new", "direct", (Span(100, 120),), "e-kate", "m-kate")
    fixed, accepted = bring_into_line(layer, [mine])
    assert accepted == 2  # the stored mention and entity, written back accepted
    assert {i.id: i.status for i in fixed} == {"q-new": ACCEPTED, "m-kate": ACCEPTED,
                                               "e-kate": ACCEPTED}


def _fields(quote: Quote) -> dict:
    return {name: getattr(quote, name) for name in Quote.__slots__}


def test_plurals_are_words():
    assert [plural(1, "entity"), plural(2, "entity"), plural(3, "quote"),
            plural(1500, "suggestion"), plural(2, "day"), plural(2, "class")] == [
        "1 entity", "2 entities", "3 quotes", "1,500 suggestions", "2 days", "2 classes"]


def test_an_export_writes_no_link_to_what_it_leaves_out():
    layer = suggested_quote_layer()
    middle = Quote("q-mid", "direct", (Span(25, 80),), parent="q-outer", status=REJECTED)
    layer.apply(ChangeSet.added("", middle))
    layer.apply(ChangeSet.replaced("", [(layer.quotes["q-inner"],
                                         replace(layer.quotes["q-inner"], parent="q-mid"))]))
    act(layer, edits.decide(layer, ["m-kate"], accept=False))
    view = dataset_view(layer, include_suggestions=True)
    inner = view.quotes["q-inner"]
    assert (inner.speaker_mention, inner.speaker, inner.parent) == (None, "e-kate", "q-outer")
    assert "q-mid" not in view.quotes and "m-kate" not in view.mentions
    assert layer.quotes["q-inner"].speaker_mention == "m-kate"  # the layer keeps its links
    assert dataset_view(layer).quotes == {}


def test_a_decision_is_told_from_other_changes():
    from ruth_annotator.model.decisions import only_status_differs, with_status

    quote = suggested_quote_layer().quotes["q-inner"]
    accepted = with_status(quote, ACCEPTED)
    assert accepted == replace(quote, status=ACCEPTED)
    assert only_status_differs(quote, accepted)
    assert not only_status_differs(quote, replace(accepted, addressee=None))
    assert not only_status_differs(quote, quote)
