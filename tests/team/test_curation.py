"""Adjudication on the sample article: groups, agreement, and building the gold layer."""

from __future__ import annotations

import pytest

from ruth_annotator.model import Layer, Span
from ruth_annotator.team.curation import accept, accept_agreed, align, reject

from .scenario import ACTORS, HE_SAID, TEXT, alice_items, bob_items


@pytest.fixture
def layers() -> dict[str, Layer]:
    return {"alice": Layer.of(1, "alice", alice_items(), "done"),
            "bob": Layer.of(1, "bob", bob_items(), "done")}


def texts(groups, kind, agreed=None):
    return [TEXT[g.start:g.end][:15] for g in groups if g.kind == kind
            and (agreed is None or g.agreed == agreed)]


def test_groups_pair_versions_and_find_agreement(layers):
    groups = align(list(layers.values()))
    # mentions: Kate, Channel 4 and Savage agree; I Am Ruth (label), Mia Threapleton/Mia
    # (span) differ; Lorraine Kelly only alice, ITV only bob
    assert texts(groups, "mention", agreed=True) == ["Kate Winslet", "Channel 4",
                                                      "Dominic Savage"]
    assert texts(groups, "mention", agreed=False) == ["I Am Ruth", "Mia Threapleton",
                                                       "ITV", "Lorraine Kelly"]
    mia = next(g for g in groups if TEXT[g.start:g.end] == "Mia Threapleton")
    assert {n: (v.start, v.end) for n, v in mia.versions.items()} == {
        "alice": (113, 128), "bob": (113, 116)}
    # quotes: only "some actors…" agrees (same span, type, and speaker: bob's "Winslet" is
    # alice's "Kate Winslet" by their shared mention)
    assert texts(groups, "quote", agreed=True) == [TEXT[ACTORS.start:ACTORS.start + 15]]
    assert len([g for g in groups if g.kind == "quote"]) == 6
    only = [g for g in groups if len(g.versions) == 1]
    assert sorted(next(iter(g.versions)) for g in only) == ["alice", "alice", "bob", "bob"]


def test_accept_agreed_then_choose_and_undo(layers):
    gold = Layer(1, "gold")
    groups = align(list(layers.values()), gold)
    step = accept_agreed(gold, TEXT, groups, layers)
    assert step.description == "Gold: take 4 agreed annotation(s)"
    gold.apply(step)
    assert sorted(TEXT[m.start:m.end] for m in gold.mentions.values()) == [
        "Channel 4", "Dominic Savage", "Kate Winslet"]
    (quote,) = gold.quotes.values()
    assert quote.spans == (ACTORS,) and quote.type == "indirect"
    assert gold.entities[quote.speaker].name == "Kate Winslet"  # linked, not a new entity
    groups = align(list(layers.values()), gold)
    assert all(g.decided and g.chosen == ["alice", "bob"] for g in groups if g.agreed)
    assert not any(g.decided for g in groups if not g.agreed)
    # nothing agreed is left to take
    assert not accept_agreed(gold, TEXT, groups, layers).changes

    ruth = next(g for g in groups if TEXT[g.start:g.end] == "I Am Ruth")
    before = Layer.of(1, "gold", list(gold))
    step = accept(gold, TEXT, ruth, "bob", layers["bob"])
    gold.apply(step)
    assert [m.label for m in gold.mentions.values() if m.start == 66] == ["EVENT"]
    groups = align(list(layers.values()), gold)
    ruth = next(g for g in groups if TEXT[g.start:g.end] == "I Am Ruth")
    assert ruth.chosen == ["bob"]
    # changing one's mind replaces the version and drops the entity left without mentions
    gold.apply(accept(gold, TEXT, ruth, "alice", layers["alice"]))
    assert [m.label for m in gold.mentions.values() if m.start == 66] == ["WORK_OF_ART"]
    assert "EVENT" not in {e.label for e in gold.entities.values()}
    # undo of the first choice, as the GUI does it, restores the earlier gold exactly
    gold2 = Layer.of(1, "gold", list(before))
    gold2.apply(step)
    gold2.apply(step.inverse())
    assert list(gold2) == list(before)


def test_accepting_a_quote_maps_its_speaker(layers):
    gold = Layer(1, "gold")
    groups = align(list(layers.values()), gold)
    he_said = next(g for g in groups if g.kind == "quote" and g.start == HE_SAID.start)
    gold.apply(accept(gold, TEXT, he_said, "bob", layers["bob"]))
    (quote,) = gold.quotes.values()
    assert quote.spans == (Span(HE_SAID.start, HE_SAID.end - 5),)
    assert gold.entities[quote.speaker].name == "Mia"
    groups = align(list(layers.values()), gold)
    he_said = next(g for g in groups if g.kind == "quote" and g.start == HE_SAID.start)
    assert he_said.chosen == ["bob"] and he_said.decided
    step = reject(gold, he_said)
    gold.apply(step)
    assert not gold.quotes and not gold.entities  # the speaker went with its quote


def test_gold_written_through_the_project_and_exported(project, layers):
    from .scenario import write_layer

    write_layer(project, "alice", alice_items())
    write_layer(project, "bob", bob_items())
    gold = project.layer(1, "gold")
    step = accept_agreed(gold, TEXT, align(list(layers.values()), gold), layers)
    project.apply(step, 1, "gold")
    stored = project.layer(1, "gold")
    assert len(stored.mentions) == 3 and len(stored.quotes) == 1
    records = list(project.iter_records(annotators=["gold"]))
    assert [r["annotator"] for r in records] == ["gold"]
    assert records[0]["quotes"][0]["type"] == "indirect"
