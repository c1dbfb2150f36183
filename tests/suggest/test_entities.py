"""Entity mentions by rules and gazetteers, grouped into entities."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ruth_annotator.model import ACCEPTED, REJECTED, Entity, Layer, Mention
from ruth_annotator.suggest.dates import candidate_words, find_dates, may_start

from .helpers import mentions, suggest


@pytest.mark.parametrize("text, surface, label", [
    ("The drama airs on Channel 4 next week.", "Channel 4", "ORG"),
    ("She spoke to the BBC on Monday.", "BBC", "ORG"),
    ("He joined Greenfield Foods in 2019.", "Greenfield Foods", "ORG"),
    ("She studied at the University of Edinburgh.", "University of Edinburgh", "ORG"),
    ("He teaches at King's College London now.", "King's College London", "ORG"),
    ("The Bank of England raised rates.", "Bank of England", "ORG"),
    ("She moved to Paris last year.", "Paris", "GPE"),
    ("Water came up in Flint, Michigan, again.", "Flint", "GPE"),
    ("They met at Necker Island last summer.", "Necker Island", "LOC"),
    ("The crash happened on the A69 on Sunday.", "A69", "LOC"),
    ("It was a French idea.", "French", "NORP"),
    ("A Cumbrian village flooded again.", "Cumbrian", "NORP"),
    ("She starred in family drama I Am Ruth this year.", "I Am Ruth", "WORK_OF_ART"),
    ("Appearing on ITV's Lorraine, she laughed.", "Lorraine", "WORK_OF_ART"),
    ("He watched the World Cup final.", "World Cup", "EVENT"),
    ("Filmmaker Dominic Savage wrote it.", "Dominic Savage", "PERSON"),
    ("Columbus Fire Battalion Chief Mark Delaney arrived.", "Mark Delaney", "PERSON"),
    ("A statement from Dr Anna Berg followed.", "Anna Berg", "PERSON"),
    ("Blackburn Rovers won again.", "Blackburn Rovers", "ORG"),
    ("She moved there in June.", "June", "DATE"),
])
def test_labels(text, surface, label):
    found = {(s, lab) for s, lab, _ in mentions(text)}
    assert (surface, label) in found, found


@pytest.mark.parametrize("text, expected", [
    ("LONDON, ENGLAND - DECEMBER 01: premiere", ["DECEMBER 01"]),
    ("It airs later this year, not on 5 May 2023 or last Tuesday morning.",
     ["later this year", "5 May 2023", "last Tuesday morning"]),
    ("Since the ’90s and the 1980s, and in August last year.",
     ["the ’90s", "the 1980s", "August last year"]),
    ("Theresa May said it cost $2019 in 2019-20.", []),
    ("On Christmas Day and Boxing Day.", ["Christmas Day", "Boxing Day"]),
])
def test_dates(text, expected):
    assert [text[s:e] for s, e in find_dates(text)] == expected


# Words that start dates or nearly do, in any case, with letters that lower-case to two
# ("İ"), to ASCII from beyond it (the Kelvin sign), or by context (final sigma).
_PIECES = st.sampled_from([
    "May", "MAY", "may", "Monday", "mOnDaY", "mar", "march", "Marching", "the", "The ",
    "valentine's", "Valentine’s", "’90s", "'s", "o'clock", "2019", "²", "٣", "Ünal", "İ",
    "\u212aelvin", "wee\u212aend", "ſept", "ΣΑΣ", "mid", "-", "mid-", " ", "\n", ", ", ".",
    "“", "”", "_", "x", "Next", "week", "summertime", "new", "New", "Year's", "Eid"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40))
def test_date_candidates_include_every_word_a_date_may_start_at(pieces):
    text = "".join(pieces)
    every = [w.span() for w in re.finditer(r"[\w'’]+", text) if may_start(w.group())]
    found = {w.span() for w in candidate_words(text)}
    assert set(every) <= found


def test_sentence_starters_are_not_names(sample_text):
    surfaces = {s for s, _, _ in mentions(sample_text)}
    assert not surfaces & {"Appearing", "Read", "Watch", "The", "Actress", "Covid", "Mum"}


def test_coreference_by_name_and_pronouns_and_nominals(sample_text):
    found = mentions(sample_text)
    kate = {s for s, _, name in found if name == "Kate Winslet"}
    assert {"Kate Winslet", "Winslet", "she", "The star", "I"} <= kate
    mia = {s for s, _, name in found if name == "Mia Threapleton"}
    assert {"Mia Threapleton", "Mia", "she"} <= mia
    assert {s for s, _, name in found if name == "Dominic Savage"} == {
        "Dominic Savage", "Savage", "He"}
    assert {s for s, _, name in found if name == "Jim Threapleton"} == {"Jim Threapleton"}


def test_organisations_join_by_first_word_and_initials():
    text = ("Greenfield Foods will close a plant. Shares in Greenfield fell. "
            "The British Broadcasting Corporation reported it, and the BBC said more.")
    by_name = {}
    for surface, label, name in mentions(text):
        by_name.setdefault(name, set()).add((surface, label))
    assert by_name["Greenfield Foods"] == {("Greenfield Foods", "ORG"), ("Greenfield", "ORG")}
    assert by_name["British Broadcasting Corporation"] == {
        ("British Broadcasting Corporation", "ORG"), ("BBC", "ORG")}


def test_aliases_make_one_place():
    text = "She left the UK for Paris. Britain was cold."
    names = {surface: name for surface, _, name in mentions(text)}
    assert names["UK"] == names["Britain"]


def test_accepted_names_in_the_layer_are_found_again():
    text = "Zorblax Quintana arrived. Later Zorblax Quintana left."
    layer = Layer(1, "tester")
    entity = Entity("e-1", "ORG", "Zorblax Quintana")
    layer.apply(layer_added(entity, Mention("m-1", 0, 16, "ORG", "e-1")))
    layer = suggest(text, layer)
    second = [m for m in layer.mentions.values() if m.start > 20]
    assert [(text[m.start:m.end], m.label, m.entity) for m in second] == [
        ("Zorblax Quintana", "ORG", "e-1")]


def test_names_only_ever_rejected_are_not_proposed_again():
    text = "Watch Quintana Group grow. Quintana Group said it grew."
    layer = Layer(1, "tester")
    layer.apply(layer_added(Entity("e-1", "ORG", "Quintana Group", status=REJECTED),
                            Mention("m-1", 6, 20, "ORG", "e-1", status=REJECTED)))
    layer = suggest(text, layer)
    proposed = [text[m.start:m.end] for m in layer.mentions.values() if m.id != "m-1"]
    assert "Quintana Group" not in proposed


def layer_added(*items):
    from ruth_annotator.model import ChangeSet

    return ChangeSet.added("test", *items)


def test_accepted_status_constant_is_what_layers_use():
    assert ACCEPTED == "accepted"


def test_a_shared_surname_goes_to_the_principal_or_the_titles_gender():
    text = ("Lena Ortiz won the vote on Monday. Lena Ortiz thanked the town. Her husband, "
            "Tom Ortiz, stood beside her.\n\nOrtiz said the work starts in May. Mrs. Ortiz "
            "waved. Mr. Ortiz smiled.\n")
    found = mentions(text)
    assert [name for surface, _, name in found if surface == "Ortiz"] == [
        "Lena Ortiz", "Lena Ortiz", "Tom Ortiz"]


@pytest.mark.parametrize("text, expected", [
    ("Growth in the U.S. economy slowed.", [("U.S.", "GPE")]),
    ("The U.S. Department of Justice said no.", [("U.S. Department of Justice", "ORG")]),
    ("He flew to Washington, D.C. for the vote.", [("Washington", "GPE"), ("D.C.", "GPE")]),
])
def test_initials_that_stand_together(text, expected):
    assert [(surface, label) for surface, label, _ in mentions(text)] == expected
