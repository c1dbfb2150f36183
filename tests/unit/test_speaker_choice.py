"""The speaker chooser's ranking, without a window: the cue's subject, the previous
quote's speaker and the quote's paragraphs first; places never offered untyped."""

from __future__ import annotations

from ruth_annotator.app.speaker_choice import can_speak, cue_subject, nearby_speakers
from ruth_annotator.model.annotations import Entity, Mention, Quote, Span
from ruth_annotator.model.layer import Layer

TEXT = ("Appearing on ITV's show in London, Kate Winslet, 47, told host Lorraine Kelly: "
        "\"It was amazing.\"\n\n"
        "Dominic Savage directed it.\n\n"
        "\"We improvised,\" she said.\n\n"
        "\"It was frightening.\"\n")


def at(words: str, nth: int = 1) -> Span:
    pos = -1
    for _ in range(nth):
        pos = TEXT.index(words, pos + 1)
    return Span(pos, pos + len(words))


def mention(mid: str, words: str, label: str, entity: str, nth: int = 1) -> Mention:
    span = at(words, nth)
    return Mention(mid, span.start, span.end, label, entity)


def build() -> tuple[Layer, dict[str, Quote]]:
    entities = [Entity("kate", "PERSON", "Kate Winslet"), Entity("kelly", "PERSON", "Lorraine"),
                Entity("itv", "ORG", "ITV"), Entity("london", "GPE", "London"),
                Entity("savage", "PERSON", "Dominic Savage")]
    mentions = [mention("m-itv", "ITV", "ORG", "itv"),
                mention("m-london", "London", "GPE", "london"),
                mention("m-kate", "Kate Winslet", "PERSON", "kate"),
                mention("m-kelly", "Lorraine Kelly", "PERSON", "kelly"),
                mention("m-savage", "Dominic Savage", "PERSON", "savage"),
                mention("m-she", "she", "PERSON", "kate")]
    quotes = {
        "amazing": Quote("q1", "direct", (at("It was amazing."),), speaker="kate",
                         speaker_mention="m-kate", cue=at("told")),
        "improvised": Quote("q2", "direct", (at("We improvised,"),), cue=at("said")),
        "frightening": Quote("q3", "direct", (at("It was frightening."),)),
    }
    return Layer.of(1, "tester", [*entities, *mentions, *quotes.values()]), quotes


def test_the_subject_of_the_cue_comes_first_not_its_object_or_a_place():
    layer, quotes = build()
    ranked = [m.id for m in nearby_speakers(layer, TEXT, quotes["amazing"])]
    assert ranked[0] == "m-kate"  # "Kate Winslet, 47, told host Lorraine Kelly"
    assert "m-london" not in ranked  # places never speak
    assert cue_subject(TEXT, quotes["improvised"], list(layer.mentions.values())).id == "m-she"


def test_the_previous_speaker_leads_when_there_is_no_cue():
    layer, quotes = build()
    layer.quotes["q2"] = Quote("q2", "direct", quotes["improvised"].spans, speaker="savage",
                               speaker_mention="m-savage", cue=at("said"))
    ranked = [m.id for m in nearby_speakers(layer, TEXT, quotes["frightening"])]
    assert ranked[0] == "m-savage"


def test_one_row_per_entity_and_the_paragraph_before_outranks_farther_ones():
    layer, quotes = build()
    ranked = [m.id for m in nearby_speakers(layer, TEXT, quotes["improvised"])]
    assert ranked[:2] == ["m-she", "m-savage"]  # the cue's subject, then the paragraph before
    assert "m-kate" not in ranked  # Kate is listed once, by "she"
    assert not can_speak(layer.entities["london"]) and can_speak(layer.entities["itv"])
