"""Reported speech and mixed quotes, and sentences that only look like them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .helpers import quotes


@pytest.mark.parametrize("text, content, kind, speaker, cue", [
    ("Appearing on ITV, Kate Winslet said some actors had been discussed for the part.",
     "some actors had been discussed for the part", "indirect", "Kate Winslet", "said"),
    ("Kate Winslet has said she was \"blown away\" by her daughter's courage.",
     "she was \"blown away\" by her daughter's courage", "mixed", "Kate Winslet", "said"),
    ("Anna Berg told the BBC that the talks would resume.",
     "the talks would resume", "indirect", "Anna Berg", "told"),
    ("Anna Berg told the BBC she was thrilled with the result.",
     "she was thrilled with the result", "indirect", "Anna Berg", "told"),
    ("According to Anna Berg, the talks will resume next week.",
     "the talks will resume next week", "indirect", "Anna Berg", "According to"),
    ("The talks will resume next week, according to Anna Berg.",
     "The talks will resume next week", "indirect", "Anna Berg", "according to"),
    ("The plan will cost $2bn over five years, officials said.",
     "The plan will cost $2bn over five years", "indirect", "officials", "said"),
    ("The company said on Monday that it would cut 500 jobs.",
     "it would cut 500 jobs", "indirect", None, "said"),
    ("Anna Berg, 45, from Hull, said she 'could not believe it' at first.",
     "she 'could not believe it' at first", "mixed", "Anna Berg", "said"),
    ("Anna Berg cancelled the tour, telling fans she needs time to recover.",
     "she needs time to recover", "indirect", "Anna Berg", "telling"),
    ("Anna Berg described the plan as \"a disaster\" for farmers.",
     "the plan as \"a disaster\" for farmers", "mixed", "Anna Berg", "described"),
    ("WASHINGTON (AP) — The bill will pass this week, officials said.",
     "The bill will pass this week", "indirect", "officials", "said"),
    ("Teenagers sleep an hour less, study finds",
     "Teenagers sleep an hour less", "indirect", "study", "finds"),
])
def test_reported_speech(text, content, kind, speaker, cue):
    (q,) = quotes(text)
    assert (q.text, q.type, q.cue) == (content, kind, cue)
    if speaker is not None:
        assert q.speaker == speaker


@pytest.mark.parametrize("text", [
    "He said goodbye to his friends.",
    "The man, who said he was innocent, was jailed.",
    "The plan to add 40 miles of bus lanes drew questions.",
    "Savage mentioned Mia, her daughter with her ex.",
    "Camelot, which runs the National Lottery, confirmed the win on Monday.",
    "The film follows a worried mother whose daughter retreats into herself.",
])
def test_not_reported_speech(text):
    assert quotes(text) == []


def test_sample_article_indirect_quotes(sample_text):
    found = {q.text: q for q in quotes(sample_text) if q.type != "direct"}
    assert set(found) == {
        'she was "blown away" by her daughter\'s courage when they acted opposite each other '
        "for the first time",
        "some actors had been discussed for the part of the teenaged daughter when Savage "
        "mentioned Mia, her daughter with her ex Jim Threapleton",
        "her daughter showed real courage",
        "Savage liked the cast to improvise",
        "the subject matter resonated with both her and Savage, who is also a parent",
    }
    assert all(q.speaker == "Kate Winslet" for q in found.values())
    assert found["Savage liked the cast to improvise"].speaker_mention == "The star"
    assert found['she was "blown away" by her daughter\'s courage when they acted opposite '
                 "each other for the first time"].type == "mixed"


def test_adding_after_a_direct_quote():
    text = '"We will fight this," Anna Berg said, adding that the firm would appeal the ruling.'
    found = {q.type: (q.text, q.speaker, q.cue) for q in quotes(text)}
    assert found == {"direct": ("We will fight this,", "Anna Berg", "said"),
                     "indirect": ("the firm would appeal the ruling", "Anna Berg", "adding")}


def test_reported_speech_inside_a_quote():
    text = ('Anna Berg won again. "My physio always says my shoulder is stronger now, '
            'and I believe her," she said.')
    inner = [q for q in quotes(text) if q.type == "indirect"]
    assert [(q.text, q.speaker, q.cue) for q in inner] == [
        ("my shoulder is stronger now", "My physio", "says")]
    assert inner[0].parent.startswith("My physio")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \n\t.!?…\"”’')]x,a\u00a0\u2028", max_size=14), st.data())
def test_clause_stops_before_the_closing_run_as_the_regex_search_did(text, data):
    # The run of punctuation, quotation marks and spaces ending a sentence is found by
    # stepping back from its end; a regex search for it was quadratic in the run's length.
    import re

    from ruth_annotator.suggest import reporting as rp
    from ruth_annotator.suggest.indirect import IndirectQuotes
    from ruth_annotator.suggest.text_units import Units

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    cut = re.compile(r"[\s.!?…\"”’')\]]+$").search(text, start, end)
    stop = cut.start() if cut else end
    clause = rp.NEXT_CLAUSE.search(text, start, stop)
    expected = clause.start() if clause else stop
    assert IndirectQuotes(text, Units(text), [], [])._stop(start, end) == expected


def test_a_sentence_ending_in_a_long_run_of_marks():
    text = "Anna Berg said the talks would resume" + '!" ' * 2000
    (q,) = [q for q in quotes(text) if q.type == "indirect"]
    assert (q.text, q.speaker) == ("the talks would resume", "Anna Berg")
