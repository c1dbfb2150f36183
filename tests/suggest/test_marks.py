"""Quotation marks as journalists use them: pairing, apostrophes, nesting, paragraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ruth_annotator.suggest.marks import find_quotes


def contents(text: str) -> list[list[str]]:
    return [[text[s.start:s.end] for s in q.segments] for q in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ('He said: "We won." Then he left.', [["We won."]]),
    ("She said: “We won.” Then she left.", [["We won."]]),
    ('“Mixed pairs close," she said. "And open the other way”.',
     [["Mixed pairs close,"], ["And open the other way"]]),
    ("'Single marks work too,' he said.", [["Single marks work too,"]]),
    ("‘Curly singles,’ she said.", [["Curly singles,"]]),
    ("«Guillemets», dit-il.", [["Guillemets"]]),
])
def test_pairs_of_every_kind(text, expected):
    assert contents(text) == expected


@pytest.mark.parametrize("text", [
    "She’d never seen Savage's film, and they haven't either.",
    "It was the ’90s and rock 'n' roll was everywhere, even in the '60s.",
    "The players' union and the Joneses’ dog were there.",
    "He is 5'11\" tall.",
])
def test_apostrophes_are_not_quotes(text):
    assert find_quotes(text) == []


def test_apostrophes_inside_single_quotes():
    text = "'It's the players' union that's wrong, not us,' he said."
    assert contents(text) == [["It's the players' union that's wrong, not us,"]]


def test_rock_n_roll_inside_a_quote():
    text = "“We played rock ’n’ roll all night,” she said."
    assert contents(text) == [["We played rock ’n’ roll all night,"]]


def test_nested_single_inside_double(sample_text):
    quotes = find_quotes(sample_text)
    outer = next(q for q in quotes if sample_text[q.start:q.end].startswith("He said"))
    inner = [sample_text[quotes[c].start:quotes[c].end] for c in outer.children]
    assert inner == ["What about Mia?",
                     "You have to audition her and that has to be separate to me"]
    assert all(quotes[c].parent == quotes.index(outer) for c in outer.children)


def test_nested_double_inside_single():
    text = "'She just said, \"Merry Christmas, love,\" and walked off,' he said."
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == [
        'She just said, "Merry Christmas, love," and walked off,', "Merry Christmas, love,"]
    assert quotes[1].parent == 0


@pytest.mark.parametrize("text, expected", [
    ("“He said “no” to me,” she said.", ["He said “no” to me,", "no"]),
    ('She said: "The so-called "plan" is a "farce" and we know it." Then she left.',
     ['The so-called "plan" is a "farce" and we know it.', "plan", "farce"]),
    ('"It was great, he said. "Another quote," she said.', ["Another quote,"]),
])
def test_double_marks_inside_double_marks(text, expected):
    assert [text[q.start:q.end] for q in find_quotes(text)] == expected


def test_quote_continues_over_paragraphs_and_skips_boilerplate():
    text = ("The star went on: “First paragraph of the quote.\n\n"
            "Read more: Another story entirely\n\n"
            "“Second paragraph, still quoted.\n\n"
            "“Third and last.”\n\nAfter the quote.")
    assert contents(text) == [["First paragraph of the quote.",
                               "Second paragraph, still quoted.", "Third and last."]]


def test_quote_continues_over_a_photo_caption():
    text = ('"First part of what she said.\n\n'
            "Kate Winslet at the premiere (Getty Images)\n\n"
            '"Second part."')
    assert contents(text) == [["First part of what she said.", "Second part."]]


def test_no_continuation_without_an_opening_mark():
    text = ('He said: "This quote was never closed by the writer\n\n'
            "The next paragraph is ordinary prose.")
    assert contents(text) == [["This quote was never closed by the writer"]]


def test_an_opening_mark_inside_a_sentence_that_never_closes_is_dropped():
    text = 'The so-called "plan was never finished\n\nNext paragraph.'
    assert contents(text) == []


def test_sample_article_quotes(sample_text):
    found = contents(sample_text)
    assert ["blown away"] in found  # the headline's scare quote is found; it is not speech
    two = [q for q in found if len(q) == 2]
    assert len(two) == 1 and two[0][0].startswith("Covid has not really helped")
    assert two[0][1].startswith("They feel angry")
    assert ["Shut up Mum, let me do it!"] in found
    assert len(found) == 15


def test_stray_closing_marks_are_ignored():
    assert contents('He left.” Then she said: "Hello there."') == [["Hello there."]]


MARKS = st.sampled_from(list("\"'“”‘’«»„ \n") + ["word", "She", ".", ",", "\n\n", "’s"])


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKS, max_size=60))
def test_any_mix_of_marks_never_raises_and_gives_sane_spans(parts):
    text = "".join(parts)
    quotes = find_quotes(text)
    for i, q in enumerate(quotes):
        assert q.segments and all(0 <= s.start < s.end <= len(text) for s in q.segments)
        assert list(q.segments) == sorted(q.segments)
        assert q.parent is None or 0 <= q.parent < len(quotes) and q.parent != i
        for c in q.children:
            assert quotes[c].parent == i


@settings(max_examples=200, deadline=None)
@given(st.lists(MARKS, max_size=80))
def test_closers_ahead_counted_once_a_paragraph_match_a_count_from_each_mark(parts):
    # The closers of a paragraph are listed once (an article on one line was quadratic);
    # every count must be what reading the rest of the paragraph from that mark gives.
    import re

    from ruth_annotator.suggest.marks import _Scanner
    from ruth_annotator.suggest.text_units import Units

    text = "".join(parts)
    scanner = _Scanner(text, Units(text))
    for para in scanner.units.paragraphs:
        for i in range(para.start, para.end):
            expected = 0
            for j in (m.start() for m in re.finditer("[\"“”„‟«»]", text[:para.end])):
                after = text[j + 1:j + 2] or " "
                if j > i and text[j] not in "“„‟«" and not text[j - 1].isspace() and (
                        after.isspace() or after in ".,;:!?)]}—–-…\"“”„‟«»'‘’‚‛"):
                    expected += 1
            assert scanner._closers_ahead(i, para) == expected


def test_an_article_on_one_line_pairs_as_before():
    text = "He said: “a “b “c” d” e”. " * 200 + "She said “no” and “yes” twice. " * 200
    found = contents(text)
    assert found[:3] == [["a “b “c” d” e"], ["b “c” d"], ["c"]]  # three levels, each time
    assert found[-2:] == [["no"], ["yes"]] and len(found) == 1000


@pytest.mark.parametrize("line, kind", [
    ("Read more: Kate Winslet 'paranoid' about fires", "boilerplate"),
    ("Kate Winslet said her daughter showed real courage. (Invision/AP)", "boilerplate"),
    ("LONDON, ENGLAND - DECEMBER 01: Kate Winslet attends a photocall", "boilerplate"),
    ("Image caption, Kate Winslet plays a worried mum.", "boilerplate"),
    ("Photograph: Jane Doe/Reuters", "boilerplate"),
    ("By Jane Smith", "boilerplate"),
    ("Actress Kate Winslet participates in the press conference for", "boilerplate"),
    ("By the end of the day, it was over.", "body"),
    ('"You make it up as you go along', "body"),
])
def test_boilerplate_lines(line, kind):
    from ruth_annotator.suggest.text_units import classify_line

    assert classify_line(line, first=False) == kind
