"""Direct quotes with their cues and speakers: every speaker form, every cue position."""

from __future__ import annotations

import pytest

from .helpers import one_quote, quotes

SAMPLE_DIRECT = [
    # (start of the quote, speaker, speaker mention, cue)
    ("He said, ‘What about Mia?’", "Kate Winslet", "she", "said"),
    ("What about Mia?", "Dominic Savage", "He", "said"),
    ("You have to audition her", "Kate Winslet", "I", "said"),
    ("As far as performance", "Kate Winslet", "she", None),
    ("Shut up Mum", "Mia Threapleton", "she", "go"),
    ("It was really amazing", "Kate Winslet", "Winslet", "told"),
    ("There are no scripted words", "Kate Winslet", "she", "said"),
    ("You make it up as you go along", "Kate Winslet", "she", None),
    ("This idea of mental health", "Kate Winslet", "she", "said"),
    ("Teenagers with social media", "Kate Winslet", "she", None),
    ("Covid has not really helped", "Kate Winslet", "The star", "went on"),
]


def test_sample_article_direct_quotes_and_speakers(sample_text):
    found = [q for q in quotes(sample_text) if q.type == "direct"]
    assert len(found) == len(SAMPLE_DIRECT)
    for start, speaker, mention, cue in SAMPLE_DIRECT:
        (q,) = [q for q in found if q.text.startswith(start)]
        assert (q.speaker, q.speaker_mention, q.cue) == (speaker, mention, cue), start


def test_sample_article_nesting_segments_and_addressee(sample_text):
    found = quotes(sample_text)
    nested = [q for q in found if q.parent]
    assert {q.text for q in nested} == {
        "What about Mia?", "Shut up Mum, let me do it!",
        "You have to audition her and that has to be separate to me"}
    covid = next(q for q in found if q.text.startswith("Covid"))
    assert len(covid.segments) == 2 and covid.segments[1].startswith("They feel angry")
    assert "Read more" not in " ".join(covid.segments)
    amazing = next(q for q in found if q.text.startswith("It was really amazing"))
    assert amazing.addressee == "Lorraine Kelly"


def test_scare_quotes_and_titles_are_not_speech(sample_text):
    texts = [q.text for q in quotes(sample_text)]
    assert "blown away" not in texts and "paranoid" not in texts and "instinct" not in texts
    film = 'The drama “The Long Road Home” airs tonight, and critics call it "bold".'
    assert quotes(film) == []


@pytest.mark.parametrize("text, quote, speaker, mention, cue", [
    ('"We will win," she said. Jane Smith leads the party.',  # nobody before "she"
     "We will win,", None, None, "said"),
    ('Anna Berg left early. "We will win," she said.', "We will win,", "Anna Berg", "she", "said"),
    ('"We will win," said Anna Berg.', "We will win,", "Anna Berg", "Anna Berg", "said"),
    ('"We will win," Anna Berg, 45, told reporters.', "We will win,", "Anna Berg",
     "Anna Berg", "told"),
    ('"We will win," said Prime Minister Anna Berg.', "We will win,", "Anna Berg",
     "Anna Berg", "said"),
    ('Anna Berg spoke first. "We will win," the minister added.', "We will win,",
     "Anna Berg", "the minister", "added"),
    ('Anna Berg arrived. The minister went on: "We will win."', "We will win.",
     "Anna Berg", "The minister", "went on"),
    ('Anna Berg explained: "We will win."', "We will win.", "Anna Berg", "Anna Berg",
     "explained"),
    ('Anna Berg says: "We will win."', "We will win.", "Anna Berg", "Anna Berg", "says"),
    ('According to Anna Berg, "we will win."', "we will win.", "Anna Berg", "Anna Berg",
     "According to"),
    ('"We will win," a spokesperson for the Green Party said.', "We will win,",
     "a spokesperson for the Green Party", "a spokesperson for the Green Party", "said"),
    ('"We will win," said Rovers manager Steve Kane.', "We will win,", "Steve Kane",
     "Steve Kane", "said"),
    ('Their coach, Maria Lopez, said: "We will win."', "We will win.", "Maria Lopez",
     "Maria Lopez", "said"),
    ('"We will win," police said.', "We will win,", "police", "police", "said"),
    ('Anna Berg took the floor. "We will win," said the minister.', "We will win,",
     "Anna Berg", "the minister", "said"),
    ('"We will win," chief executive Anna Berg said on a call.', "We will win,",
     "Anna Berg", "Anna Berg", "said"),
    ('Anna Berg was asked about it. "We will win," she explained.', "We will win,",
     "Anna Berg", "she", "explained"),
])
def test_speaker_forms(text, quote, speaker, mention, cue):
    q = one_quote(text, quote)
    assert (q.text, q.speaker_mention, q.cue) == (quote, mention, cue)
    assert q.speaker == speaker


def test_pronoun_follows_gender_and_salience():
    text = ('Tom Harris met Clara Jones at the station. He was late.\n\n'
            '"I am sorry," she said. "It will not happen again," he added.')
    found = {q.text: q.speaker for q in quotes(text)}
    assert found == {"I am sorry,": "Clara Jones", "It will not happen again,": "Tom Harris"}


def test_run_of_quotes_inherits_the_speaker():
    """The quote right after the cue's sentence shares its cue ("“A,” she said. “B.”" is
    one attribution); a paragraph later only the speaker goes on."""
    text = ('"The first thing," said Anna Berg. "The second thing."\n\n'
            '"A whole paragraph later, still her."\n\nBob Stone disagreed.')
    found = quotes(text)
    assert [q.speaker for q in found] == ["Anna Berg"] * 3
    assert [q.cue for q in found] == ["said", "said", None]


def test_interrupted_quote_is_one_quote_in_two_segments():
    text = '"We have to stay calm," Harris went on, "because there is a long way to go."'
    (q,) = quotes(text)
    assert q.segments == ["We have to stay calm,", "because there is a long way to go."]
    assert (q.speaker, q.cue) == ("Harris", "went on")


def test_many_interrupted_quotes_each_join_their_own_second_segment():
    # Each second segment joins the draft before it, and a quote inside it nests in that
    # draft (found by its index, not by a search through all drafts, which made a long run
    # of such quotes quadratic).
    text = "".join(f'"We won game {n}," Harris said, "and the coach told us, ‘Well done, '
                   f'lads, number {n}.’"\n\n' for n in range(40))
    found = quotes(text)
    assert [(q.segments, q.parent) for q in found] == [
        pair for n in range(40) for pair in (
            ([f"We won game {n},", f"and the coach told us, ‘Well done, lads, number {n}.’"],
             None),
            ([f"Well done, lads, number {n}."],
             f'We won game {n}," Harris said, "and the coach told us, ‘Well done, lads, '
             f'number {n}.’'))]


def test_cue_introducing_the_next_quote_is_not_taken_by_the_previous_one():
    text = '"That was the first." She added: "This is the second."\n\nAnna Berg spoke.'
    found = {q.text: q.cue for q in quotes(text)}
    assert found["This is the second."] == "added"
    assert found["That was the first."] is None


def test_nested_quote_gets_its_own_speaker():
    text = ('Mark Watts spoke outside court. Emily used to phone him daily.\n\n'
            'Mark Watts said: "She used to tell us, \'Be careful out there.\' '
            'We never thought she would be the one."')
    inner = one_quote(text, "Be careful out there.")
    assert (inner.speaker, inner.speaker_mention, inner.cue) == ("Emily", "She", "tell")
    assert inner.parent.startswith("She used to tell us")


def test_headline_quote_needs_a_cue():
    text = ("‘We were written off’: choir’s surprise win\n\n"
            "Anna Berg said the choir had won.")
    assert [q.text for q in quotes(text)] == ["the choir had won"]


def test_interview_questions_and_answers():
    text = ("Anna Berg won gold this year. She spoke to our reporter.\n\n"
            "Q: How does it feel?\n\n"
            "A: Amazing. My coach told me, \"Enjoy it.\" I did.\n\n"
            "Q: What next?\n\n"
            "A: Rest.")
    found = quotes(text)
    by_text = {q.text: q for q in found}
    assert by_text["How does it feel?"].speaker == "our reporter"
    assert by_text["Rest."].speaker == "Anna Berg"
    assert by_text["Rest."].cue == "A"
    inner = by_text["Enjoy it."]
    assert inner.parent.startswith("Amazing.") and inner.speaker == "My coach"
    assert inner.addressee == "Anna Berg"


def test_cue_closing_the_paragraph_before():
    text = ("Anna Berg arrived late. The minister said:\n\n"
            '"We will not give up."\n\nBob Stone left.')
    (q,) = quotes(text)
    assert (q.text, q.speaker, q.speaker_mention, q.cue) == (
        "We will not give up.", "Anna Berg", "The minister", "said")


def test_a_sentence_about_someone_before_a_quote_names_its_speaker():
    text = ('"We won," said Anna Berg. Bob Stone disagreed. "It was a draw at best."')
    found = {q.text: (q.speaker, q.speaker_mention, q.cue) for q in quotes(text)}
    assert found["It was a draw at best."] == ("Bob Stone", "Bob Stone", None)


def test_pronoun_refers_to_a_relative_named_only_by_a_role():
    text = ('Grace Adeyemi set off in April. "My husband thought I was mad," she says. '
            '"He kept asking, \'What happens if you cannot go on?\' I laughed."')
    inner = one_quote(text, "What happens if you cannot go on?")
    assert (inner.speaker, inner.speaker_mention, inner.cue) == ("My husband", "He", "asking")


def test_two_apostrophe_marks_pair_like_double_quotes():
    text = ("''I think that was the beginning of it,'' Mr. Vietor added. ''There were "
            "times where it felt like starting over with them.''\n")
    found = quotes(text)
    assert [q.text for q in found] == [
        "I think that was the beginning of it,",
        "There were times where it felt like starting over with them."]
    assert {q.speaker for q in found} == {"Vietor"}


def test_a_descriptive_noun_phrase_speaks_as_a_nominal_mention():
    text = 'The ad ran on Sunday. "We need leaders to stand up now," the narrator says.\n'
    [q] = quotes(text)
    assert (q.speaker_mention, q.speaker) == ("the narrator", "the narrator")


def test_list_style_attribution_after_a_dash():
    text = ('"This was the worst hour of cable news I have ever seen."\n'
            "— Howard Kurtz, Fox News\n")
    [q] = quotes(text)
    assert (q.speaker, q.cue) == ("Howard Kurtz", "—")


def test_cue_after_the_sentence_goes_on_and_no_break_spaces():
    text = ('"He is saying a lot of the right things" about fixing inequality, said '
            "Marla Kilfoyle, a teacher.\n\n"
            '"When people respond by the millions, that is mainstream," Sen.\u00a0Sanders '
            "said recently.\n")
    assert [q.speaker for q in quotes(text)] == ["Marla Kilfoyle", "Sanders"]


def test_a_scare_quote_does_not_cut_the_clause_of_the_cue():
    text = ('Axelrod said this was a "fatal miscalculation" and that she has learned her '
            'lesson: "They are fortified for a longer fight if they need to be in one."\n')
    [q] = quotes(text)
    assert (q.speaker, q.cue) == ("Axelrod", "said")


def test_a_descriptive_speaker_is_the_person_the_text_described_so():
    text = ("CNN host Jake Tapper pressed Donald Trump on Sunday. Trump answered at length."
            '\n\n"Are you going to release your taxes before the election?" the CNN host '
            "asked.\n\nMaria Lopez, the campaign manager, spoke later. Trump left. "
            '"We are confident about it," the manager said.\n')
    assert [(q.speaker, q.speaker_mention) for q in quotes(text)] == [
        ("Jake Tapper", "the CNN host"), ("Maria Lopez", "the manager")]


def test_a_paragraph_naming_someone_else_changes_the_speaker():
    text = ('"It was a very nice talk," the tycoon said.\n\n'
            'Dana Reyes met voters in Reno. "We will win this state in November," she said.\n')
    assert [q.speaker for q in quotes(text)] == ["the tycoon", "Dana Reyes"]


def test_partial_quotes_inside_a_reporting_sentence():
    text = ("Marking the end of the primaries, the former secretary of state talked about "
            "continuing the “progress we had under President Obama” on Tuesday.\n\n"
            "Glenn Beck spoke next. “Donald Trump is a dictator in the making,” said Beck, who "
            "said there were “too many disturbing things for me to dismiss.”\n\n"
            "The Eastport Safety Alliance backs what it calls “sensible gun violence "
            "prevention laws.”\n")
    found = {q.text: (q.type, q.speaker_mention, q.cue) for q in quotes(text)}
    assert found["progress we had under President Obama"] == (
        "mixed", "the former secretary of state", "talked")
    assert found["too many disturbing things for me to dismiss."] == ("mixed", "Beck", "said")
    # "what it calls “…”": the group's own words for its aim, as attribution corpora mark
    assert found["sensible gun violence prevention laws."] == ("mixed", "it", "calls")


def test_party_and_state_in_brackets_and_a_cue_whose_clause_goes_on_to_a_colon():
    text = ('"If they did, they should be held accountable," Sen. Chuck Schumer (D-N.Y.) said '
            "Tuesday.\n\nIf the law has never had its day in court, Giuliani said, there is "
            'a simple explanation: "There has never been a secretary as reckless."\n\n'
            '"It was a very bad deal for all of us," Toomey fumed on Tuesday.\n')
    assert [q.speaker for q in quotes(text)] == ["Chuck Schumer", "Giuliani", "Toomey"]


def test_partial_quotes_with_the_cue_after_or_a_long_aside_or_a_participle():
    text = ("At private courses, members may pay more if necessary “because they expect a "
            "certain level of service,” Mr. Chipok said.\n\n"
            "Representative Adam Schiff, a Democrat of California and a member of the House's "
            "Permanent Select Committee on Intelligence, said the announcement was “a very "
            "positive development for all of us.”\n\n"
            "Lewandowski earlier quashed rumors by tweeting that “I am under a strict "
            "confidentiality agreement.”\n")
    assert [(q.speaker_mention, q.cue) for q in quotes(text)] == [
        ("Chipok", "said"), ("Adam Schiff", "said"),
        ("Lewandowski", "tweeting")]


def test_labels_within_a_paragraph_objects_after_a_participle_and_apostrophes_in_asides():
    text = ('Jeb Bush and Hillary Clinton reject the term. Clinton: "Our goal is not to '
            'contain ISIS, but to defeat it." Bush: "The mission is to destroy ISIS, not to '
            'contain it."\n\n'
            "Trump spoke first. Clinton seemed ready to riff on it in Iowa, telling the crowd, "
            '"Some people get a little carried away, have you noticed?"\n\n'
            '"They are very open to trying new things," Jenna Golden, Twitter’s director of '
            "political advertising, said of the campaign.\n\n"
            'Brown criticized Bill Clinton. Hillary shot back, "I suppose I could have stayed '
            'home and baked cookies."\n')
    assert [q.speaker_mention for q in quotes(text)] == [
        "Clinton", "Bush", "Clinton", "Jenna Golden", "Hillary"]


def test_an_interrupted_quote_that_goes_on_as_a_new_sentence_keeps_its_speaker():
    text = ('He argued that it was fine. "If you look at it," Rubio said, "I don\'t believe '
            'our positions are dramatically different."\n')
    direct = [q for q in quotes(text) if q.type == "direct"]
    assert [(q.speaker, q.cue) for q in direct] == [("Rubio", "said"), ("Rubio", "said")]


def test_an_opening_phrase_is_not_the_speaker():
    text = ("In a statement released Thursday, Rep. Hakeem Jeffries (D-N.Y.) reacted to the "
            "news, saying: “Trayvon Martin’s killer should be in prison.”\n\n"
            "In July, Sammy Aaron, vice chairman of G-III, told Forbes that Trump is "
            '"very involved on a weekly basis" in the design process.\n\n'
            "17-year-old Jared Potts echoed:\n\n"
            "“He speaks his mind, and I think that might be what the country needs.”\n")
    assert [q.speaker for q in quotes(text)] == ["Hakeem Jeffries", "Sammy Aaron",
                                                 "Jared Potts"]


def test_subject_of_the_cue_clause_participles_without_comma_and_dash_labels():
    text = ("When asked whom she supported, Ms. Sherry smiled and said, “I'm waiting for "
            "Michael Bloomberg to get in the race.”\n\n"
            "Mr. Trump tries to turn the interruptions to his advantage, alternately shouting "
            "“Get them out of here now.”\n\n"
            "Pollsters agree - Carl Bialik: “One of the biggest lessons was a simple one.”\n\n"
            "The former secretary of state will play the “woman card,” Fiorina said, adding "
            "that the way to go after it “is to attack her track record.”\n")
    assert [q.speaker for q in quotes(text) if q.type != "indirect"] == [
        "Sherry", "Trump", "Carl Bialik", "Fiorina", "Fiorina"]  # “woman card,” Fiorina said


def test_a_quote_after_a_comma_takes_the_speech_verb_earlier_in_its_sentence():
    text = ("Mr. Biden spoke in Scranton. Mr. Trump is so reckless, the vice president said, "
            "that if his late son had enlisted, “I would have thrown my body in front of "
            "him.”\n")
    [q] = quotes(text)
    assert (q.speaker_mention, q.cue) == ("the vice president", "said")


def test_a_first_name_tells_the_gender_before_a_role_noun():
    text = ("Trump spokesman Hope Hicks confirmed the news. \"They are not affiliated with the "
            'campaign," she said.\n')
    assert [q.speaker for q in quotes(text) if q.type == "direct"] == ["Hope Hicks"]


def test_according_to_after_a_quote():
    text = ("The case was closed on Thursday.\n\n“Although there was probable cause to make an "
            "arrest, the evidence cannot prove all the elements,” according to a court "
            "document filed by state attorney Dave Aronberg.\n")
    [q] = [q for q in quotes(text) if q.type == "direct"]
    assert (q.cue, q.speaker) == ("according to", "Dave Aronberg")


def test_a_quote_over_paragraphs_takes_the_cue_after_its_closing_mark():
    text = ("“Trump says what people want to say,” Rubio said. “But presidents can’t just say "
            "anything they want.\n\n“I'm not interested in being politically correct,\" he "
            "continued.\n")
    over = [q for q in quotes(text) if len(q.segments) == 2]
    assert [(q.speaker, q.speaker_mention, q.cue) for q in over] == [
        ("Rubio", "he", "continued")]


def test_i_outside_any_quote_is_the_author():
    text = ('That night I talked about my sentence on television. "This is a big political '
            'win for me," I said.\n')
    [q] = [q for q in quotes(text) if q.type == "direct"]
    assert (q.speaker, q.speaker_mention) == ("the author", "I")


def test_the_last_speaker_before_the_mark_and_a_verb_joined_by_but():
    text = ("Bill Clinton met voters in Boston. At one point, a woman asked for a photo and "
            "Clinton said, “as long as we’re not violating any election laws.”\n\n"
            "House Republican Thomas Massie used to support Rand Paul, but now said Trump had "
            "“the opportunity and the obligation to bring us together.”\n")
    assert [q.speaker for q in quotes(text) if q.type != "indirect"] == [
        "Bill Clinton", "Thomas Massie"]


def test_a_thing_that_carries_words_speaks_them():
    text = ("Two senators wore a Donald Trump campaign hat reading, “Make Mexico Great Again "
            "Also” on Wednesday night.\n\nHer backers tried to tie Bradley to Walker, with one "
            "of her ads asking, “Is Rebecca Bradley independent enough to serve?”\n")
    assert [(q.speaker_mention, q.cue) for q in quotes(text)] == [
        ("a Donald Trump campaign hat", "reading"), ("one of her ads", "asking")]


def test_a_verb_between_two_names_does_not_describe():
    text = ("Blackwell pointed to Cruz’s organisation, noting that he has put together “what "
            "is probably the best national ground game.”\n\n"
            "Mrs. Clinton echoed the criticism, saying Mr. Trump “reminds us every day that "
            "he is not in it for the American people.”\n")
    assert [q.speaker for q in quotes(text) if q.type != "indirect"] == [
        "Blackwell", "Clinton"]


def test_a_short_fragment_with_its_own_cue_changes_the_speaker_of_the_next_quote():
    text = ("White House spokesman Josh Earnest said the plan was costly. ''It will not "
            "pass,'' Mr. Earnest said.\n\nThe tax cut plans are ''profoundly irresponsible,'' "
            "said Steve Bell, senior director of economic policy at the Bipartisan Policy "
            "Center. ''It just leaves guys like me speechless about what to do next.''\n")
    assert [(q.type, q.speaker) for q in quotes(text)][-2:] == [
        ("mixed", "Steve Bell"), ("direct", "Steve Bell")]
