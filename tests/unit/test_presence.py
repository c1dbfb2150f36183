"""Which imported annotations a layer holds already, and moving offsets onto the article."""

from __future__ import annotations

from ruth_annotator.model import Entity, Layer, Mention, Quote, Span
from ruth_annotator.model.presence import moved, not_present, without_spaces


def test_offsets_move_onto_the_same_tokens_spaced_otherwise():
    source = "Kate Winslet said \u201c no \u201d ."
    target = "Kate\u00a0 Winslet\r\nsaid \u201cno\u201d."
    assert without_spaces(source) == without_spaces(target)
    items = [Mention("m", 0, 12, "PERSON"),
             Quote("q", "direct", (Span(20, 22),), cue=Span(13, 17))]
    mention, quote = moved(items, source, target)
    assert target[mention.start:mention.end] == "Kate\u00a0 Winslet"
    assert target[quote.start:quote.end] == "no"
    assert target[quote.cue.start:quote.cue.end] == "said"


def stored() -> Layer:
    return Layer.of(1, "a", [
        Entity("e-kate", "PERSON", "Kate Winslet"),
        Mention("m-kate", 0, 12, "PERSON", "e-kate"),
        Mention("m-she", 20, 23, "PERSON", "e-kate", form="pronoun"),
        Quote("q-1", "direct", (Span(30, 40),), "e-kate", "m-kate", Span(24, 28)),
    ])


def test_a_copy_with_other_ids_is_present_and_a_lossy_copy_too():
    copy = [Entity("e-x", "PERSON", "Kate"), Mention("m-x", 0, 12, "PERSON", "e-x"),
            Mention("m-y", 20, 23, "PERSON", "e-x"),
            Quote("q-x", "direct", (Span(30, 40),), "e-x")]  # no speaker mention, no cue
    kept, present = not_present(stored(), copy)
    assert kept == [] and present == 3


def test_another_type_or_speaker_is_a_new_quote_pointing_at_stored_items():
    items = [Entity("e-x", "PERSON", "Kate"), Mention("m-x", 0, 12, "PERSON", "e-x"),
             Quote("q-other-type", "indirect", (Span(30, 40),), "e-x", "m-x"),
             Entity("e-mia", "PERSON", "Mia"),
             Quote("q-other-speaker", "direct", (Span(30, 40),), "e-mia")]
    kept, present = not_present(stored(), items)
    assert present == 1  # the mention
    by_id = {i.id: i for i in kept}
    assert set(by_id) == {"q-other-type", "e-mia", "q-other-speaker"}
    assert (by_id["q-other-type"].speaker, by_id["q-other-type"].speaker_mention) == \
        ("e-kate", "m-kate")  # re-pointed at the stored entity and mention
