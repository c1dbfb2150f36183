"""Attribution as news writers write it, beyond "“…,” she said": quoted words without a
speech verb, headlines, colons, inverted and interrupted cues. Each case fails without the
rule it names."""

from __future__ import annotations

from .helpers import one_quote, quotes

LEAD = "Harbour plan splits the council.\n\nThe vote on the harbour comes next week.\n\n"


def test_quoted_words_take_the_subject_of_their_sentence():
    q = one_quote(LEAD + "Mayor Lena Ortiz also regretted a climate in which neighbours "
                  "“simply stop talking to each other” over the plan.\n",
                  "simply stop talking to each other")
    assert (q.type, q.speaker, q.cue) == ("mixed", "Lena Ortiz", None)


def test_quoted_words_after_an_opening_phrase():
    q = one_quote(LEAD + "On Saturday, Ortiz issued a statement calling the harbour "
                  "\"a place that belongs to every family in town.\"\n",
                  "a place that belongs to every family in town")
    assert q.speaker == "Ortiz"


def test_an_organisation_or_a_document_speaks_its_quoted_words():
    q = one_quote(LEAD + "The harbour board released a statement on Monday, offering "
                  "“a full and sincere apology to the fishermen” for the delay.\n",
                  "a full and sincere apology to the fishermen")
    assert q.speaker_mention == "The harbour board"


def test_a_title_of_a_work_in_marks_is_not_a_quote():
    found = quotes(LEAD + "Ortiz appeared on the radio show “Morning Talk With Ben Hale” "
                   "on Friday.\n")
    assert not [q for q in found if "Morning Talk" in q.text]


def test_further_fragments_of_a_sentence_share_its_speaker():
    found = quotes(LEAD + "Councillor Sam Reyes, who has called the plan “a gift to the "
                   "developers” and “a betrayal of the town,” voted against it.\n")
    speakers = {q.text: q.speaker for q in found}
    assert speakers.get("a betrayal of the town,") == "Sam Reyes" or \
        speakers.get("a betrayal of the town") == "Sam Reyes", speakers


def test_headline_label_and_headline_verb():
    text = ("Ortiz: Harbour Plan ‘Is The Best Deal We Will Ever Get’\n\n"
            "The mayor defended the plan on Monday.\n")
    q = one_quote(text, "Is The Best Deal We Will Ever Get")
    assert q.speaker == "Ortiz"
    text = ("Lena Ortiz Says Critics ‘Have Not Read A Single Page’ Of Harbour Plan\n\n"
            "The mayor defended the plan on Monday.\n")
    q = one_quote(text, "Have Not Read A Single Page")
    assert (q.speaker, q.cue) == ("Lena Ortiz", "Says")


def test_colon_after_any_verb_names_the_speaker():
    q = one_quote(LEAD + "Ortiz said the plan was sound, to which Reyes objected: "
                  "“Nobody has seen the numbers.”\n", "Nobody has seen the numbers.")
    assert q.speaker == "Reyes"


def test_inverted_cue_before_the_quote():
    q = one_quote(LEAD + "Because the vote was moved twice, explained Sam Reyes, “the "
                  "fishermen could not be there.”\n", "the fishermen could not be there.")
    assert (q.speaker, q.cue) == ("Sam Reyes", "explained")


def test_as_someone_put_it():
    q = one_quote(LEAD + "As Sam Reyes put it, “The harbour is not for sale.”\n",
                  "The harbour is not for sale.")
    assert q.speaker == "Sam Reyes"


def test_told_after_a_quote_never_makes_the_listener_speak():
    found = quotes(LEAD + "Ortiz “is trying to rush this through before the summer,” Sam "
                   "Reyes, a councillor since 2009, told the Harbour Gazette.\n")
    assert [q.speaker for q in found if "rush this through" in q.text] == ["Sam Reyes"]


def test_a_quote_right_after_the_cue_sentence_shares_the_cue():
    found = quotes(LEAD + "“We are ready,” Ortiz said on Monday. “The money is there.”\n")
    assert [(q.speaker, q.cue) for q in found] == [("Ortiz", "said"), ("Ortiz", "said")]


def test_u_s_ends_a_sentence_before_a_pronoun():
    found = quotes(LEAD + "Reyes says the plan copies one tried in the U.S. He says the "
                   "town does not need “another harbour that nobody can afford to use.”\n")
    (q,) = [q for q in found if "nobody can afford" in q.text]
    assert q.speaker_mention == "He" and q.speaker == "Reyes"


def test_two_apostrophes_close_a_curly_quote():
    found = quotes(LEAD + "Ortiz answered with a “question’’ that silenced the room, and "
                   "Reyes said: “We will vote anyway.”\n")
    assert [q.text for q in found if q.text.startswith("question")] == []
    assert one_quote(LEAD + "Ortiz answered with a “question’’ that silenced the room, and "
                     "Reyes said: “We will vote anyway.”\n",
                     "We will vote anyway.").speaker == "Reyes"


def test_a_senator_title_is_not_an_interview_label():
    text = (LEAD + "Texas Sen. Ted Cruz and Florida Sen. Marco Rubio are in a close race.\n\n"
            "Former Gov. Jeb Bush says he is leaving the race.\n")
    assert [q.type for q in quotes(text) if q.type == "direct"] == []


def test_a_sentence_opening_word_ending_in_ing_is_not_the_speaker():
    q = one_quote(LEAD + "Continuing to explain his view, Reyes rejected the plan, saying "
                  "that the harbour \"would be empty within ten years.\"\n",
                  "would be empty within ten years")
    assert q.speaker == "Reyes"


def test_a_speaker_described_in_lower_case_is_the_person_named():
    q = one_quote(LEAD + "“The harbour is not for sale,” said former Mayor Sam Reyes of "
                  "Eastport, a fisherman for thirty years.\n", "The harbour is not for sale")
    assert q.speaker == "Sam Reyes"


def test_a_title_before_a_name_and_colon_is_no_label():
    q = one_quote(LEAD + "Another councillor, Ada Brook, wrote of Ms. Ortiz: “Her plan "
                  "is the only one on the table.”\n", "the only one on the table")
    assert q.speaker == "Ada Brook"


def test_a_narrative_paragraph_names_the_speaker_of_the_quote_opening_the_next():
    text = (LEAD + "“We will appeal,” Ortiz said on Monday.\n\n"
            "Councillor Sam Reyes also called on the board to publish its figures.\n\n"
            "“Nobody in this town has seen a single number.”\n")
    q = one_quote(text, "Nobody in this town has seen a single number.")
    assert (q.speaker, q.speaker_mention) == ("Sam Reyes", "Sam Reyes")


def test_a_participle_opening_the_sentence_is_not_the_speaker():
    q = one_quote(LEAD + "Remarking upon the mayor's \"steady hand,\" Reyes said, \"Leave the "
                  "politics aside, she has kept this harbour open.\"\n",
                  "Leave the politics aside")
    assert q.speaker == "Reyes"


def test_headline_label_about_someone_is_the_first_persons():
    text = ("Harbour Board Chair On Ortiz: ‘We Do Not Take Orders From The Mayor’\n\n"
            "Harbour Board chair Ada Brook answered Mayor Lena Ortiz on Monday.\n")
    q = one_quote(text, "We Do Not Take Orders From The Mayor")
    assert q.speaker_mention == "Harbour Board Chair" and q.speaker != "Lena Ortiz"


def test_a_dateline_is_not_the_subject():
    q = one_quote("Harbour plan splits the council.\n\n"
                  "EASTPORT, Dec. 8 (UPI) — In response to the vote, the mayor's chief "
                  "of staff rallied supporters, saying: “We have to be ready.”\n",
                  "We have to be ready.")
    assert q.speaker_mention != "EASTPORT"


def test_a_cue_right_after_the_quote_wins_over_the_clause_before_its_colon():
    q = one_quote(LEAD + "Soon after the vote, Ortiz said the board had lost its nerve: "
                  "“The harbour deserves better,” Reyes added.\n", "The harbour deserves better")
    assert (q.speaker, q.cue) == ("Reyes", "added")


def test_an_embedded_post_is_a_direct_quote_of_its_author():
    found = quotes(LEAD + '<blockquote class="post">We will win this vote, and the harbour '
                   "stays ours. https://t.co/abc123 — Lena Ortiz (@lenaortiz) June 29, 2016"
                   "</blockquote>\n\nThe board did not reply.\n")
    assert [(q.type, q.text, q.speaker, q.cue) for q in found] == [
        ("direct", "We will win this vote, and the harbour stays ours.", "Lena Ortiz", "—")]


def test_the_one_quoted_speaks_the_quote():
    q = one_quote(LEAD + "In her speech, Ortiz quoted former mayor Ada Brook: “A harbour is "
                  "a promise to the next generation.”\n", "A harbour is a promise")
    assert q.speaker == "Ada Brook"


def test_a_speaker_inside_a_subordinate_clause():
    q = one_quote(LEAD + "The clip was taken at a rally in Eastport, where the mayor said she "
                  "was \"not only here to do my job\" but to back the plan.\n",
                  "not only here to do my job")
    assert q.speaker_mention == "the mayor"


def test_the_last_clause_before_a_colon_speaks_the_quote():
    q = one_quote(LEAD + 'Ortiz said both rivals are "out of their depth," but she gave Reyes '
                  'a compliment: "He never hides what he thinks."\n', "He never hides")
    assert (q.speaker_mention, q.speaker) == ("she", "Ortiz")


def test_less_common_speech_verbs_are_cues():
    q = one_quote(LEAD + "“Nobody will be left behind,” proclaimed Reyes.\n", "Nobody will")
    assert (q.speaker, q.cue) == ("Reyes", "proclaimed")
    q = one_quote(LEAD + "“Vote it down,” opined the Eastport Gazette.\n", "Vote it down")
    assert q.cue == "opined"


def test_the_person_named_after_an_owner_speaks():
    q = one_quote(LEAD + "“The numbers do not add up,” Ortiz's chief of staff Dana Wells said "
                  "in the statement.\n", "The numbers do not add up")
    assert (q.speaker, q.cue) == ("Dana Wells", "said")


def test_this_source_speaks():
    q = one_quote(LEAD + "Members of the board soured on him long ago, the Gazette reported."
                  "\n\n“The mayor has lost the room,” this source told the Gazette.\n",
                  "The mayor has lost the room")
    assert q.speaker_mention == "this source"


def test_a_time_phrase_opening_a_sentence_is_not_its_subject():
    q = one_quote(LEAD + "Mayor Lena Ortiz spoke first.\n\nHours later, she issued a statement "
                  "calling for \"a pause to hear every fisherman in town.\"\n",
                  "a pause to hear every fisherman")
    assert (q.speaker_mention, q.speaker) == ("she", "Lena Ortiz")


def test_a_long_speaker_phrase_before_the_verb():
    q = one_quote(LEAD + "“We are not convinced,” harbour engineers Tom Hale and Dana Wells "
                  "wrote in their report.\n", "We are not convinced")
    assert (q.speaker, q.cue) == ("Tom Hale", "wrote")
    q = one_quote(LEAD + "“They want a vote,” Friends of the Harbour chair Ann Price told "
                  "the Gazette.\n", "They want a vote")
    assert (q.speaker, q.cue) == ("Ann Price", "told")


def test_a_narrative_sentence_before_a_quote_names_its_speaker():
    q = one_quote(LEAD + "The council voted on Monday. On the other side, Councillor Sam Reyes, "
                  "who chairs the finance committee, tweeted a warning. “Remember this vote "
                  "in May.”\n", "Remember this vote")
    assert q.speaker == "Sam Reyes"
    q = one_quote(LEAD + "“It is a fair plan,” said Ann Price, an engineer.\n\n"
                  "Eastport College's Dana Wells agreed. “The harbour needs dredging first.”\n",
                  "The harbour needs dredging")
    assert q.speaker == "Dana Wells"
    q = one_quote(LEAD + "The board will watch the vote closely, Wells says. “If the plan "
                  "fails, the jobs go too.”\n", "If the plan fails")
    assert (q.speaker_mention, q.cue) == ("Wells", "says")


def test_speaker_phrases_that_open_with_a_common_word_or_hold_a_clause():
    q = one_quote(LEAD + "“It is a fair plan,” New Harbour councillor Ann Price said.\n",
                  "It is a fair plan")
    assert q.speaker == "Ann Price"
    q = one_quote(LEAD + "Although the vote is close, a board member who spoke on condition "
                  "of anonymity said Wednesday, “There are talks with the unions.”\n",
                  "There are talks")
    assert q.speaker_mention == "a board member"
    q = one_quote(LEAD + "“The vote is lost,” Ann Price, the councillor who founded "
                  "harbourwatch.org wrote on Friday.\n", "The vote is lost")
    assert q.speaker == "Ann Price"


def test_a_clause_ending_in_a_dash_introduces_its_subjects_words():
    q = one_quote(LEAD + "When Ortiz finally wrapped up — “We will build this harbour "
                  "together.”\n", "We will build")
    assert q.speaker == "Ortiz"


def test_the_one_told_before_a_quote_does_not_speak():
    q = one_quote(LEAD + "Hours later, Ortiz returned the compliment, telling Reuters, “Reyes "
                  "is a fine councillor.”\n", "Reyes is a fine councillor")
    assert (q.speaker, q.cue) == ("Ortiz", "telling")


def test_the_subject_of_the_first_of_two_joined_verbs():
    q = one_quote(LEAD + "Over the years, he said, the harbour has changed – although at the "
                  "mention of the vote Ortiz laughed and admitted “the numbers were never "
                  "great, although that can change.”\n", "the numbers were never great")
    assert q.speaker == "Ortiz"


def test_words_after_someones_claim_are_theirs():
    q = one_quote(LEAD + "Mayor Lena Ortiz came under fire over her claim that the plan would "
                  "“create a thousand jobs by next summer.”\n", "create a thousand jobs")
    assert (q.speaker_mention, q.speaker) == ("her", "Lena Ortiz")


def test_a_speaker_after_an_opening_subordinator():
    q = one_quote(LEAD + "Although Ortiz told the Gazette that she wanted \"a harbour for every "
                  "family in town,\" Reyes voted for the cuts.\n", "a harbour for every family")
    assert q.speaker == "Ortiz"


def test_a_title_and_subtitle_in_marks_is_not_a_quote():
    found = quotes(LEAD + "Ortiz wrote “Harbour Lights: How a Small Town Saved Its Port” in "
                   "2010.\n")
    assert not [q for q in found if "Harbour Lights" in q.text]


def test_a_participle_belongs_to_the_clause_it_follows():
    q = one_quote(LEAD + "The first protest came during a speech at the harbour, when "
                  "protesters interrupted the mayor, shouting “no vote without us!”\n",
                  "no vote without us")
    assert (q.speaker_mention, q.cue) == ("protesters", "shouting")


def test_with_a_group_and_a_participle():
    q = one_quote(LEAD + "Unions backed the plan early, with the dockworkers union calling it "
                  "“the best deal in a generation” and others cheering.\n",
                  "the best deal in a generation")
    assert (q.speaker_mention, q.cue) == ("the dockworkers union", "calling")
    q = one_quote(LEAD + "In line with most of the council, Mayor Lena Ortiz was critical of "
                  "the plan, telling the Gazette: “The numbers do not work.”\n",
                  "The numbers do not work")
    assert q.speaker == "Lena Ortiz"


def test_more_from_a_source_introduces_its_words():
    q = one_quote(LEAD + "Signs of a shift were there all along - More from Tom Hale and Dana "
                  "Wells: “Our data show the vote moved late in the week.”\n",
                  "Our data show the vote moved")
    assert q.speaker == "Tom Hale"
    q = one_quote(LEAD + "The mayor backed the plan. From Ortiz's Facebook post: “We must move "
                  "on and build.”\n", "We must move on")
    assert (q.speaker, q.cue) == ("Ortiz", None)


def test_a_stray_comma_after_a_party_letter():
    q = one_quote(LEAD + "At a school in Eastport, ME, after winning the vote, Sen. Lena Ortiz "
                  "(D-ME), said, “We will start work in the spring.”\n", "We will start work")
    assert q.speaker == "Lena Ortiz"


def test_a_participle_after_a_clause_with_its_own_subject():
    q = one_quote(LEAD + "Councillor Sam Reyes said the plan was dead.\n\nOn Tuesday, even "
                  "as shares of Harbourco were tumbling, Ms. Ortiz wrote to investors, telling "
                  "them Harbourco was ''worth every cent of the loan.''\n",
                  "worth every cent of the loan")
    assert (q.speaker_mention, q.cue) == ("Ortiz", "telling")


def test_a_speaker_inside_a_who_clause():
    q = one_quote(LEAD + "Sam Reyes attacked the plan drawn up by the mayor, who he said was "
                  "\"out of ideas and out of time.\"\n", "out of ideas and out of time")
    assert (q.speaker_mention, q.speaker) == ("he", "Sam Reyes")


def test_proposed_is_a_cue():
    q = one_quote(LEAD + "Councillor Sam Reyes, the finance chair, proposed the town \"sell the "
                  "old pier and start again.\"\n", "sell the old pier")
    assert (q.speaker, q.cue) == ("Sam Reyes", "proposed")


def test_a_noun_phrase_never_ends_in_an_ordinal_or_a_pronoun():
    q = one_quote(LEAD + "The first four districts that vote hold few seats, while the rest "
                  "hold most and \"better reflect the town as a whole,\" Wells wrote.\n",
                  "better reflect the town")
    assert q.speaker == "Wells"
    q = one_quote(LEAD + "The move, Wells explained, took three years — an investment he "
                  "concludes has given the town “a head start on every other port.”\n",
                  "a head start on every other port")
    assert (q.speaker, q.speaker_mention != "an investment he") == ("Wells", True)


def test_a_long_possessive_description():
    q = one_quote(LEAD + "“We looked at every harbour in the region,” Eastport College's chief "
                  "human resources officer, Dana Wells, told the Gazette.\n",
                  "We looked at every harbour")
    assert q.speaker == "Dana Wells"


def test_words_inside_an_opening_subordinate_clause():
    q = one_quote(LEAD + "While Mr. Reyes, speaking for the finance committee, laid out a "
                  "vision for ''a harbour that pays for itself,'' Ms. Ortiz used her speech "
                  "to attack him.\n", "a harbour that pays for itself")
    assert q.speaker == "Reyes"


def test_a_subject_far_before_a_participle_cue():
    q = one_quote(LEAD + "Mayor Lena Ortiz, who said last week that the harbour board in a case "
                  "involving the old pier was biased against the town because of its debts and "
                  "its long record of failed plans, issued a statement Tuesday saying, ''I do "
                  "not think the board can judge this.''\n", "I do not think the board")
    assert q.speaker == "Lena Ortiz"


def test_an_opening_participle_is_not_the_subject_before_a_colon():
    q = one_quote(LEAD + "Sam Reyes spoke last.\n\nConceding that a deal would likely come “down "
                  "the line” he warned: “It is not going to happen any time soon.”\n",
                  "It is not going to happen")
    assert (q.speaker_mention, q.speaker) == ("he", "Sam Reyes")


def test_a_person_before_the_colon_when_the_subject_is_none():
    q = one_quote(LEAD + "The timing of the vote does not surprise harbour engineer Dana Wells: "
                  "“Every plan of this size moves late in the year.”\n", "Every plan of this")
    assert q.speaker == "Dana Wells"
    q = one_quote(LEAD + "Hours after the vote, a familiar voice celebrated it on the radio: "
                  "“We have won the harbour back.”\n", "We have won")
    assert q.speaker_mention == "a familiar voice"


def test_the_one_who_asks_in_the_passive():
    q = one_quote(LEAD + "Ortiz was asked by host Tom Hale, who backs the plan but has doubted "
                  "its cost, “Can the town pay for it?”\n", "Can the town pay")
    assert (q.speaker, q.cue) == ("Tom Hale", "asked")


def test_a_dateline_without_an_agency_and_initials_in_a_title():
    q = one_quote("Harbour vote.\n\nEASTPORT — Democratic U.S. Rep. Lena Ortiz on Friday "
                  "attacked the plan while praising the board as a \"safe pair of hands, not "
                  "a gamble.\"\n", "safe pair of hands")
    assert q.speaker == "Lena Ortiz"


def test_a_speaker_after_a_double_hyphen_aside():
    q = one_quote(LEAD + "Marking the end of the vote with a formal speech -- complete with "
                  "notes -- Ortiz told supporters that \"we close one chapter and we begin "
                  "another,\" and she thanked them.\n", "we close one chapter")
    assert (q.speaker, q.cue) == ("Ortiz", "told")


def test_a_described_subject_is_the_person_not_the_party():
    q = one_quote("Harbour vote.\n\nNEW YORK - Republican council candidate Dana Wells on "
                  "Saturday posted a photo of the pier bearing the words \"most costly plan "
                  "ever!\" prompting anger.\n", "most costly plan ever")
    assert q.speaker == "Dana Wells"


def test_a_speaker_right_after_a_bracket_and_a_name_with_two_of_phrases():
    q = one_quote(LEAD + "The vast majority of engineers see the plan for what it is (Dana "
                  "Wells, who drew the first plan, once said, “It happened so many times "
                  "before.”)\n", "It happened so many times")
    assert q.speaker == "Dana Wells"
    q = one_quote(LEAD + "However, as Chairman Tom Hale of the Friends of Eastport told the "
                  "Gazette (EG), “We have all waited too long.”\n", "We have all waited")
    assert q.speaker == "Tom Hale"


def test_words_in_a_reported_clause_with_their_own_cue():
    q = one_quote(LEAD + "How far this has spread is open to question. Polling shows that "
                  "''the town is not comfortable with the cost,'' said Dana Wells, the editor "
                  "of the Eastport Gazette.\n", "the town is not comfortable")
    assert (q.speaker, q.cue) == ("Dana Wells", "said")


def test_a_first_name_that_is_a_common_word():
    q = one_quote(LEAD + "\"We have to win the harbour vote,\" Will Estrada, the chairman of "
                  "the harbour board, said of the meeting.\n", "We have to win")
    assert q.speaker is not None and q.speaker.endswith("Estrada")  # names leave "Will" out


def test_cracked_and_citing():
    q = one_quote(LEAD + "During the debate, Lena Ortiz cracked, ''I'm a builder, but I'm a "
                  "builder who likes to get things done,'' and moved on.\n", "I'm a builder")
    assert (q.speaker, q.cue) == ("Lena Ortiz", "cracked")
    q = one_quote(LEAD + "On Tuesday, Gov. Tom Hale endorsed her, citing her \"long "
                  "experience,\" \"firm grasp of the harbour plan\" and her patience.\n",
                  "firm grasp of the harbour plan")
    assert q.speaker == "Tom Hale"


def test_a_participle_after_a_quote_is_no_inverted_cue():
    q = one_quote(LEAD + "Tom Hale said the members will still meet, but said, “It is time "
                  "we change how we do it,” promising the Friends of the Harbour will "
                  "return.\n", "It is time we change")
    assert q.speaker == "Tom Hale"


def test_a_closing_verb_must_end_the_sentence():
    found = quotes(LEAD + "Although the board declined to comment and aides later said the "
                   "remark was not based on the report, it showed how bitter the fight has "
                   "become.\n")
    assert not [q for q in found if q.text.startswith("Although")]


def test_a_time_between_speaker_and_verb():
    q = one_quote(LEAD + "Much of the anger was aimed at the board, which Reyes on Wednesday "
                  "called “a club for the rich and the idle.”\n", "a club for the rich")
    assert (q.speaker, q.cue) == ("Reyes", "called")


def test_labels_that_name_no_person():
    text = ("Survey of the streets.\n\nTom Hale and Dana Wells ran the survey.\n\n"
            "Hale Street: twelve homes, three shops and a chapel.\n\n"
            "Wells Road: eight homes, one shop and the old school.\n")
    assert not [q for q in quotes(text) if "homes" in q.text]


def test_a_title_case_first_line_ending_in_a_stop_is_a_headline():
    q = one_quote("Harbour Challenger Lena Ortiz: Sack Chief Tom Hale, ‘Stop Him At The Pier "
                  "Door.’\n\nTom Hale runs the harbour board. Tom Hale said nothing.\n",
                  "Stop Him At The Pier Door")
    assert q.speaker == "Lena Ortiz"


def test_the_person_a_speaker_phrase_ends_with():
    q = one_quote(LEAD + "“We expect to win the vote,” Lena Ortiz spokesman Tom Hale said.\n",
                  "We expect to win")
    assert q.speaker == "Tom Hale"
    q = one_quote(LEAD + "“We expect to win the vote,” said Tom Hale of the Lena Ortiz "
                  "campaign.\n", "We expect to win")
    assert q.speaker == "Tom Hale"


def test_a_title_inside_a_name_and_the_gender_of_the_first_name():
    text = (LEAD + "Virginia Gov. Terry Hale on Friday signed the order.\n\n"
            "\"With this order, we send a message to every town,\" he said.\n")
    q = one_quote(text, "With this order")
    assert (q.speaker_mention, q.speaker) == ("he", "Terry Hale")


def test_the_main_clause_cue_before_a_subordinate_one():
    q = one_quote(LEAD + "Mrs. Ortiz said that when Ms. Wells railed against the board from "
                  "her seat in the council, ''she is speaking for all of us.''\n",
                  "she is speaking for all of us")
    assert (q.speaker, q.cue) == ("Ortiz", "said")


def test_fragments_with_their_own_cue_lend_it_to_the_sentence():
    q = one_quote(LEAD + "Piers are “the biggest waste of money in town” and “a danger to "
                  "children,” Dana Wells, the former harbour master, proclaimed to a crowd.\n",
                  "the biggest waste of money in town")
    assert (q.speaker, q.cue) == ("Dana Wells", "proclaimed")


def test_a_possessive_s_in_an_aside_and_the_asker_in_the_passive():
    q = one_quote(LEAD + "“The harbour needs a bold plan,” Tom Hale, Reyes’ campaign manager, "
                  "said in a statement.\n", "The harbour needs a bold plan")
    assert q.speaker == "Tom Hale"
    q = one_quote(LEAD + "Ortiz was asked by radio host Tom Hale whether the plan would risk "
                  "“adding another costly burden to an already stretched town budget.”\n",
                  "adding another costly burden")
    assert (q.speaker, q.cue) == ("Tom Hale", "asked")
