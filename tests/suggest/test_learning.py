"""The engine learns from the annotator: cue verbs, titles and descriptor nouns accepted in
a project's quotes are used for its next documents."""

from __future__ import annotations

from ruth_annotator.app.suggesting import learned_lexicon, suggest_project
from ruth_annotator.model import Entity, Mention, NewDocument, Quote, Span
from ruth_annotator.store import Project
from ruth_annotator.suggest.cues import KNOWN_CUES
from ruth_annotator.suggest.lexicon import Lexicon, attribution_lexicon

from .helpers import quotes

TAUGHT = ('Sheldon Adelson, the gambling tycoon, spoke first. "Nobody will stop us," the '
          "gambling tycoon harrumphed.\n")
NEW = ('Sheldon Adelson met Donald Trump on Monday. "It was a very nice talk," the tycoon said.\n\n'
       'Dana Reyes met voters in Reno. "We will win this state in November," she '
       "harrumphed.\n")


def test_what_accepted_quotes_teach():
    lexicon = attribution_lexicon(
        [("harrumphed", "the gambling tycoon"), ("said", "Texas delegate Bill Eastland"),
         ("piped up", "Supt. Jane Roe"), ("was", "he"), ("about", "the influential US daily"),
         ("said", "Republicans across America"), ("said", "all of them")], KNOWN_CUES)
    assert lexicon.cues == {"harrumphed", "piped up"}  # not "was", "about" or "said"
    assert lexicon.roles == {"tycoon", "delegate", "daily"}  # not "across" or "all"
    assert lexicon.titles == {"Supt."}


def test_learned_cue_and_descriptor_change_the_next_document():
    before = quotes(NEW)
    assert [q.cue for q in before] == ["said", None]
    assert before[0].speaker == "the tycoon"  # a speaker of its own
    after = quotes(NEW, lexicon=Lexicon(cues=frozenset({"harrumphed"}),
                                        roles=frozenset({"tycoon"})))
    assert [q.cue for q in after] == ["said", "harrumphed"]
    assert after[1].speaker == "Dana Reyes"
    assert (after[0].speaker_mention, after[0].speaker) == ("the tycoon", "Sheldon Adelson")


def test_a_project_teaches_its_accepted_quotes(tmp_path):
    with Project.open(tmp_path / "p.ruth", "ann", create=True) as project:
        first, second = project.add_documents([NewDocument(TAUGHT, "taught"),
                                               NewDocument(NEW, "new")]).added
        start = TAUGHT.index("the gambling tycoon harrumphed")
        cue = TAUGHT.index("harrumphed")
        content = TAUGHT.index("Nobody")
        project.add_layer_items(first, "ann", [
            Entity("e1", "PERSON", "Sheldon Adelson"),
            Mention("m1", start, start + len("the gambling tycoon"), "PERSON", "e1", "nominal"),
            Quote("q1", "direct", (Span(content, content + len("Nobody will stop us,")),),
                  "e1", "m1", Span(cue, cue + len("harrumphed")))])
        lexicon = learned_lexicon(project, "ann")
        assert lexicon.cues == {"harrumphed"} and "tycoon" in lexicon.roles
        suggest_project(project, [second], "ann")
        layer = project.layer(second, "ann")
        cues = sorted(NEW[q.cue.start:q.cue.end] for q in layer.quotes.values() if q.cue)
        assert cues == ["harrumphed", "said"]


def test_a_learned_cue_attributes_partial_quotes_too():
    text = ("Harbour plan splits the council.\n\nThe vote comes next week.\n\n"
            "Outside the hall, Dana Reyes harrumphed that the plan was “a gift to the "
            "developers and nobody else” before she left.\n")
    before = [q for q in quotes(text) if q.text.startswith("a gift")]
    after = [q for q in quotes(text, lexicon=Lexicon(cues=frozenset({"harrumphed"})))
             if q.text.startswith("a gift")]
    assert [q.cue for q in before] == [None]
    assert [(q.cue, q.speaker) for q in after] == [("harrumphed", "Dana Reyes")]
