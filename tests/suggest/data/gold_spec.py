"""Hand-made gold annotations of the test texts, written as readable specs.

`python tests/suggest/data/gold_spec.py` writes `gold.jsonl` from these specs (the test
suite checks that the file is up to date). Conventions (see docs/suggestions.md):
- mentions: names of every type; DATE for points in time and holidays (not durations,
  not ages); titles are not
  part of a name ("Sen. [Maria Delgado]"); pronouns and nominals only where they speak or
  are spoken to;
- direct quotes: the text between the marks; a quote over paragraphs or interrupted by its
  cue ("A," he said, "b.") is one quote with several segments; headline and scare quotes
  are not quotes;
- indirect quotes: the reported clause without "that" and the final full stop; mixed: the
  same, when it holds a quoted fragment;
- cue: the verb (or "went on", "according to", the Q/A label); speaker: the entity, with
  the mention that names it where there is one.

A mention spec is "TEXT" (unique in the text), "TEXT|CONTEXT" (TEXT inside the unique
CONTEXT), or "*TEXT" (every whole-word occurrence not already taken).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[2] / "resources" / "samples" / "i_am_ruth.txt"


def _text(name: str, folder: str = "texts") -> str:
    """The texts are fiction written for these tests (places are real, people invented)."""
    return (HERE / folder / f"{name}.txt").read_bytes().decode("utf-8")


@dataclass
class E:
    key: str
    label: str
    name: str
    mentions: list[str]


@dataclass
class Q:
    type: str
    segments: list[str]
    speaker: str | None = None
    via: str | None = None
    cue: str | None = None
    addressee: str | None = None
    parent: int | None = None


@dataclass
class Doc:
    id: str
    text: str
    entities: list[E]
    quotes: list[Q] = field(default_factory=list)


def sample_doc() -> Doc:
    return Doc("i-am-ruth", SAMPLE.read_bytes().decode("utf-8"), [
        E("kate", "PERSON", "Kate Winslet", [
            "*Kate Winslet", "*Winslet", 'she|worked out," she said', "I|and I said",
            "The star|The star also", "she|terrifying,\" she said", "she|climate,\" she said",
            "The star|The star went on"]),
        E("mia", "PERSON", "Mia Threapleton", ["*Mia Threapleton", "*Mia", "she|where she’d"]),
        E("savage", "PERSON", "Dominic Savage", ["Dominic Savage", "*Savage", "He|“He said"]),
        E("jim", "PERSON", "Jim Threapleton", ["Jim Threapleton"]),
        E("kelly", "PERSON", "Lorraine Kelly", ["Lorraine Kelly"]),
        E("show", "WORK_OF_ART", "Lorraine", ["Lorraine|ITV's Lorraine"]),
        E("itv", "ORG", "ITV", ["ITV"]),
        E("ruth", "WORK_OF_ART", "I Am Ruth", ["*I Am Ruth"]),
        E("iam", "WORK_OF_ART", "I Am", ["I Am|series I Am,"]),
        E("ch4", "ORG", "Channel 4", ["*Channel 4"]),
        E("joe", "PERSON", "Joe", ["Joe"]),
        E("bear", "PERSON", "Bear", ["Bear|and Bear"]),
        E("london", "GPE", "London", ["LONDON"]),
        E("england", "GPE", "England", ["ENGLAND"]),
        E("d1", "DATE", "later this year", ["later this year"]),
        E("d2", "DATE", "DECEMBER 01", ["DECEMBER 01"]),
        E("d3", "DATE", "this December", ["this December"]),
        E("getty", "ORG", "Getty Images", ["Getty Images"]),
        E("invision", "ORG", "Invision", ["Invision"]),
        E("ap", "ORG", "AP", ["AP|Invision/AP"]),
        E("necker", "LOC", "Necker Island", ["Necker Island"]),
    ], [
        Q("mixed", ['she was "blown away" by her daughter\'s courage when they acted opposite '
                    'each other for the first time'],
          "kate", "Kate Winslet|Kate Winslet has said", "said|has said she"),
        Q("indirect", ["some actors had been discussed for the part of the teenaged daughter "
                       "when Savage mentioned Mia, her daughter with her ex Jim Threapleton"],
          "kate", "Winslet|Winslet said some", "said|Winslet said some"),
        Q("direct", ["He said, ‘What about Mia?’ and I said, ‘You have to audition her and "
                     "that has to be separate to me’, and it worked out,"],
          "kate", 'she|worked out," she said', 'said|worked out," she said'),
        Q("direct", ["What about Mia?"], "savage", "He|“He said", "said|He said, ‘What",
          parent=2),
        Q("direct", ["You have to audition her and that has to be separate to me"],
          "kate", "I|and I said", "said|I said, ‘You", parent=2),
        Q("direct", ["As far as performance, she didn't need me at all. There are even moments "
                     "where she’d look at me and go, ‘Shut up Mum, let me do it!’"], "kate"),
        Q("direct", ["Shut up Mum, let me do it!"], "mia", "she|where she’d", "go|and go,",
          parent=5),
        Q("indirect", ["her daughter showed real courage"], "kate",
          "Kate Winslet|Kate Winslet said her", "said|Winslet said her"),
        Q("direct", ["It was really amazing working alongside her and actually being blown "
                     "away by her courage… she's very, very powerful."],
          "kate", "Winslet|Winslet, 47", "told", "kelly"),
        Q("indirect", ["Savage liked the cast to improvise"], "kate", "The star|The star also",
          "shared"),
        Q("direct", ["There are no scripted words written, it's terrifying,"], "kate",
          'she|terrifying," she said', 'said|terrifying," she said'),
        Q("direct", ["You make it up as you go along, so it was really challenging and quite an "
                     "exhausting and demanding process. What you get to see is people really "
                     "laid bare and a lot of vulnerability."], "kate"),
        Q("indirect", ["the subject matter resonated with both her and Savage, who is also a "
                       "parent"], "kate", "Winslet|Winslet, also", "said|Bear, said"),
        Q("direct", ["This idea of mental health and how hard people are finding it to raise "
                     "children in the current climate,"], "kate", 'she|climate," she said',
          'said|climate," she said'),
        Q("direct", ["Teenagers with social media and this sort of addiction to phones, and then "
                     "getting sucked into a completely unknowable world. And it separates them "
                     "at times from families and becomes very, very hard to be not only a "
                     "parent but particularly hard to be a mother."], "kate"),
        Q("direct", ["Covid has not really helped young people. I think particularly that young "
                     "generation all the way up to 16, 17 - they were missing experiences at "
                     "school, social interactions, that basic thing of walking into a room and "
                     "introducing themselves to a stranger for the first time. These are simply "
                     "things that they haven't experienced yet and missed out on.",
                     "They feel angry about it, they feel cheated, they feel frustrated about the "
                     "systems that were put in place that prevented them from being able to see "
                     "their friends. And they feel that something has absolutely been taken "
                     "from them."],
          "kate", "The star|The star went on", "went on"),
    ])


def ap_senate() -> Doc:
    return Doc("ap-senate", _text("ap-senate"), [
        E("senate", "ORG", "Senate", ["*Senate"]),
        E("dc", "GPE", "Washington", ["WASHINGTON"]),
        E("ap", "ORG", "AP", ["AP"]),
        E("thu", "DATE", "early Thursday", ["early Thursday"]),
        E("house", "ORG", "House", ["*House"]),
        E("delgado", "PERSON", "Maria Delgado", [
            "Maria Delgado", "*Delgado", 'she|speaker," she said']),
        E("rep", "NORP", "Republicans", ["Republicans"]),
        E("harlan", "PERSON", "Tom Harlan", ["Tom Harlan", "*Harlan"]),
        E("kansas", "GPE", "Kansas", ["Kansas"]),
        E("cbo", "ORG", "Congressional Budget Office", ["Congressional Budget Office"]),
        E("wh", "ORG", "White House", ["White House"]),
        E("biden", "PERSON", "Joe Biden", ["Joe Biden"]),
        E("month", "DATE", "next month", ["next month"]),
        E("flint", "GPE", "Flint", ["Flint"]),
        E("mi", "GPE", "Michigan", ["Michigan"]),
        E("jackson", "GPE", "Jackson", ["Jackson"]),
        E("ms", "GPE", "Mississippi", ["Mississippi"]),
        E("officials", "PERSON", "officials", ["officials"]),
    ], [
        Q("direct", ["This is the most important investment in clean water in a generation,"],
          "delgado", "Maria Delgado", "said|said Sen."),
        Q("direct", ["Families in my state have waited long enough."], "delgado",
          cue='said|ation," said'),
        Q("mixed", ['the bill spent "far too much on projects nobody asked for."'], "harlan",
          "Tom Harlan", "said|Kansas said"),
        Q("direct", ["We're not against clean water,"], "harlan", "Harlan|Harlan told", "told"),
        Q("direct", ["We're against waste."], "harlan", cue='told|Harlan told'),
        Q("indirect", ["the bill would add $3 billion to the deficit over 10 years"], "cbo",
          "Congressional Budget Office", "According to"),
        Q("indirect", ["President Joe Biden would sign the bill if it reached his desk"], "wh",
          "White House", "said|House said"),
        Q("indirect", ["she expected the House to take up the measure next month"], "delgado",
          "Delgado|Delgado said she", "said|Delgado said"),
        Q("direct", ["I've talked to the speaker,"], "delgado", 'she|speaker," she said',
          'said|speaker," she said'),
        Q("direct", ["He knows what's at stake."], "delgado", cue='said|r," she said'),
        Q("indirect", ["The bill includes money for lead pipe replacement in cities such as "
                       "Flint, Michigan, and Jackson, Mississippi"], "officials", "officials",
          "said|officials said"),
    ])


def guardian_choir() -> Doc:
    return Doc("guardian-choir", _text("guardian-choir"), [
        E("sheffield", "GPE", "Sheffield", ["*Sheffield"]),
        E("choir", "EVENT", "Choir of the Year", ["Choir of the Year"]),
        E("nineties", "DATE", "the ’90s", ["the ’90s"]),
        E("svv", "ORG", "Steel Valley Voices", ["Steel Valley Voices"]),
        E("rah", "LOC", "Royal Albert Hall", ["Royal Albert Hall"]),
        E("sat", "DATE", "Saturday", ["Saturday"]),
        E("sharma", "PERSON", "Priya Sharma", [
            "Priya Sharma", "*Sharma", "she|she told the Guardian", "she|she added"]),
        E("guardian", "ORG", "Guardian", ["Guardian|the Guardian."]),
        E("britain", "GPE", "Britain", ["Britain"]),
        E("reid", "PERSON", "Malcolm Reid", ["Malcolm Reid", "*Reid"]),
        E("one", "PERSON", "one of them", ["one of them"]),
        E("abbey", "LOC", "Westminster Abbey", ["Westminster Abbey"]),
        E("rotherham", "GPE", "Rotherham", ["Rotherham"]),
        E("bbc", "ORG", "BBC", ["BBC"]),
        E("dec", "DATE", "14 December", ["14 December"]),
    ], [
        Q("indirect", ["she had to pinch herself when the result was announced"], "sharma",
          "Priya Sharma", "said|Sharma, said"),
        Q("direct", ["Nobody gave us a chance,"], "sharma", "she|she told the Guardian", "told",
          "guardian"),
        Q("direct", ["We were the rank outsiders. The other choirs’ costumes alone cost more than "
                     "our whole budget.",
                     "But we had something they didn’t have, which is that every single person "
                     "in that room had a reason to be there.",
                     "Some of our members had lost people during Covid. Singing was how we got "
                     "through it."], "sharma", cue='told|e,” she told'),
        Q("mixed", ["the performance as “raw, joyful and completely fearless”"], "reid",
          "Malcolm Reid", "described"),
        Q("indirect", ["the panel had been unanimous"], "reid", "Reid|Reid, a former",
          "said|Abbey, said"),
        Q("direct", ["When they finished, I looked at my colleagues and one of them just said, "
                     "‘Well, that’s that, then.’ There was no debate."], "reid"),
        Q("direct", ["Well, that’s that, then."], "one", "one of them", "said|just said",
          parent=5),
        Q("indirect", ["the choir would use the £5,000 prize to pay for a minibus"], "sharma",
          "Sharma|Sharma, 41", "said|Rotherham, said"),
        Q("direct", ["We’ve been borrowing cars and vans for three years,"], "sharma",
          "she|she added", "added"),
        Q("direct", ["Now we can finally all travel together."], "sharma",
          cue='added|s,” she added'),
    ])


def qa_tennis() -> Doc:
    return Doc("qa-tennis", _text("qa-tennis"), [
        E("petrova", "PERSON", "Elena Petrova", [
            "*Elena Petrova", "*Petrova", "I|when I told him"]),
        E("wimbledon", "EVENT", "Wimbledon", ["*Wimbledon"]),
        E("year", "DATE", "this year", ["this year"]),
        E("bulgarian", "NORP", "Bulgarian", ["Bulgarian"]),
        E("reporter", "PERSON", "our reporter", ["our reporter"]),
        E("bellini", "PERSON", "Marco Bellini", [
            "Marco Bellini", "*Marco", "him|told him", "He|He just said"]),
        E("y2022", "DATE", "2022", ["2022"]),
        E("rome", "GPE", "Rome", ["Rome"]),
        E("physio", "PERSON", "My physio", ["My physio"]),
        E("tue", "DATE", "Tuesday", ["Tuesday"]),
    ], [
        Q("direct", ["How does it feel to be back among the best players in the world?"],
          "reporter", cue="Q|Q: How does"),
        Q("direct", ["Honestly, it feels strange. For two years I was watching matches on my "
                     "sofa, and now I'm playing them again. Some mornings I still can't believe "
                     "it."], "petrova", cue="A|A: Honestly"),
        Q("direct", ["Your coach, Marco Bellini, has said you nearly quit in 2022. Is that true?"],
          "reporter", cue="Q|Q: Your"),
        Q("indirect", ["you nearly quit in 2022"], "bellini", "Marco Bellini", "said|has said",
          parent=2),
        Q("direct", ['Marco knows me better than anyone. There was a day in Rome when I told him, '
                     '"I\'m done, I can\'t do this any more." He just said, "Sleep on it." I\'m '
                     'very glad I did.'], "petrova", cue="A|A: Marco"),
        Q("direct", ["I'm done, I can't do this any more."], "petrova", "I|when I told him",
          "told|I told him", "bellini", parent=4),
        Q("direct", ["Sleep on it."], "bellini", "He|He just said", "said|just said", parent=4),
        Q("direct", ["What has changed in your game?"], "reporter", cue="Q|Q: What"),
        Q("direct", ["I serve better. My physio always says my shoulder is stronger than before "
                     "the surgery, and I believe her."], "petrova", cue="A|A: I serve"),
        Q("indirect", ["my shoulder is stronger than before the surgery"], "physio", "My physio",
          "says|always says", parent=8),
    ])


def tabloid_lottery() -> Doc:
    return Doc("tabloid-lottery", _text("tabloid-lottery"), [
        E("ellis", "PERSON", "Margaret Ellis", [
            "Margaret Ellis", "*Ellis", "she|died,' she said",
            "She|She just said"]),
        E("hull", "GPE", "Hull", ["Hull|from Hull"]),
        E("norris", "PERSON", "Dave Norris", ["Dave Norris", "*Dave", "he|he told"]),
        E("winter", "DATE", "last winter", ["last winter"]),
        E("xmas", "DATE", "Christmas", ["Christmas"]),
        E("hdm", "ORG", "Hull Daily Mail", ["Hull Daily Mail"]),
        E("camelot", "ORG", "Camelot", ["Camelot"]),
        E("lottery", "ORG", "National Lottery", ["National Lottery"]),
        E("mon", "DATE", "Monday", ["Monday"]),
        E("spokesman", "PERSON", "A spokesman", ["A spokesman"]),
        E("australia", "GPE", "Australia", ["Australia"]),
    ], [
        Q("mixed", ["she 'couldn't think of anything better' to do with the money"], "ellis",
          "Margaret Ellis", "said|Hull, said"),
        Q("direct", ["They've looked after me since my husband died,"], "ellis",
          "she|died,' she said", "said|died,' she said"),
        Q("direct", ["When the boiler broke last winter, it was Dave from number 12 who fixed it "
                     "for nothing.", "This is my way of saying thank you."], "ellis",
                       cue="said|d,' she said"),
        Q("mixed", ["he had 'burst into tears' when she knocked on his door with the cheque"],
          "norris", "Dave Norris", "said|52, said"),
        Q("direct", ['She just said, "Merry Christmas, love," and walked off,'], "norris",
          "he|he told", "told", "hdm"),
        Q("direct", ["Merry Christmas, love,"], "ellis", "She|She just said", "said|just said",
          parent=4),
        Q("direct", ["I didn't know what to say."], "norris", cue="told|ff,' he told"),
        Q("direct", ["We're delighted for Mrs Ellis and her community."], "spokesman",
          "A spokesman", "said|spokesman said"),
    ])


def sport_rovers() -> Doc:
    return Doc("sport-rovers", _text("sport-rovers"), [
        E("harris", "PERSON", "Jack Harris", [
            "Jack Harris", "*Harris", 'he|luck, to be honest," he said']),
        E("rovers", "ORG", "Blackburn Rovers", ["Blackburn Rovers", "*Rovers"]),
        E("kane", "PERSON", "Steve Kane", ["Steve Kane", "*Kane", "the 51-year-old"]),
        E("champ", "ORG", "Championship", ["Championship"]),
        E("tue", "DATE", "Tuesday night", ["Tuesday night"]),
        E("leeds", "ORG", "Leeds United", ["Leeds United", "*Leeds"]),
        E("everton", "ORG", "Everton", ["Everton"]),
        E("summer", "DATE", "the summer", ["the summer"]),
        E("ortega", "PERSON", "Luis Ortega", ["Luis Ortega"]),
        E("oct", "DATE", "October", ["October"]),
        E("conti", "PERSON", "Andrea Conti", ["Andrea Conti"]),
    ], [
        Q("direct", ["It's a special night for everyone connected with the club,"], "kane",
          "Steve Kane", "said|said Rovers"),
        Q("direct", ["The lads showed real character after going behind. We didn't panic, we "
                     "kept playing our football, and in the end we got what we deserved."],
          "kane"),
        Q("indirect", ["Harris had been carrying an ankle injury for a fortnight"], "kane",
          "Kane|Kane said Harris", "said|Kane said Harris"),
        Q("direct", ["He's been playing through the pain,"], "kane", "the 51-year-old",
          "added"),
        Q("direct", ["I can't speak highly enough of him."], "kane", cue='added|ear-old added'),
        Q("direct", ["The first one was a bit of luck, to be honest,"], "harris",
          'he|luck, to be honest," he said', 'said|honest," he said'),
        Q("direct", ["But I'll take it."], "harris", cue='said|st," he said'),
        Q("direct", ["We have to keep our feet on the ground,",
                     "because there's a long way to go."], "harris",
          "Harris|Harris went on", "went on"),
        Q("mixed", ['his players had "switched off" for the second goal'], "conti",
          "Andrea Conti", "said|Conti said"),
    ])


def business_factory() -> Doc:
    return Doc("business-factory", _text("business-factory"), [
        E("gf", "ORG", "Greenfield Foods", [
            "*Greenfield Foods", "Greenfield Foods|spokesperson for Greenfield Foods",
            "*Greenfield", "the company|the company said",
            "the firm", "It|It said"]),
        E("bristol", "GPE", "Bristol", ["*Bristol|Bristol factory", "Bristol|in Bristol",
                                        "Bristol|Bristol's mayor"]),
        E("year", "DATE", "next year", ["next year"]),
        E("wed", "DATE", "Wednesday", ["Wednesday"]),
        E("leicester", "GPE", "Leicester", ["Leicester"]),
        E("glasgow", "GPE", "Glasgow", ["Glasgow"]),
        E("gmb", "ORG", "GMB", ["*GMB"]),
        E("okafor", "PERSON", "Sarah Okafor", ["Sarah Okafor"]),
        E("spokes", "PERSON", "A spokesperson for Greenfield Foods",
          ["A spokesperson for Greenfield Foods"]),
        E("reeves", "PERSON", "Tom Reeves", ["Tom Reeves"]),
        E("radio", "ORG", "BBC Radio Bristol", ["BBC Radio Bristol"]),
        E("london", "GPE", "London", ["London"]),
    ], [
        Q("indirect", ["Greenfield Foods is to close its factory in Bristol next year, putting "
                       "about 300 jobs at risk"], "gf", "the company|the company said",
          "said|company said"),
        Q("mixed", ['falling demand for frozen ready meals had left the site "no longer viable"'],
          "gf", "the firm", "said|firm said"),
        Q("indirect", ["staff would be offered redeployment at its plants in Leicester and "
                       "Glasgow where possible"], "gf", "It|It said", "said|It said"),
        Q("mixed", ['the decision "a hammer blow" for the area'], "gmb", "GMB|The GMB union",
          "called"),
        Q("direct", ["Many of these workers have given twenty or thirty years to this company,"],
          "okafor", "Sarah Okafor", "said|said Sarah"),
        Q("direct", ["They deserve better than a press release."], "okafor",
          cue='said|mpany," said'),
        Q("direct", ["We understand this is very difficult news for our colleagues, and we will "
                     "support them through the process."], "spokes",
          "A spokesperson for Greenfield Foods", "said|Foods said"),
        Q("mixed", ['the city council would "do everything in its power" to find a buyer for '
                    'the site'], "reeves", "Tom Reeves", "told", "radio"),
    ])


def court_cyclist() -> Doc:
    return Doc("court-cyclist", _text("court-cyclist"), [
        E("morris", "PERSON", "Daniel Morris", ["Daniel Morris", "*Morris", "him|told him"]),
        E("court", "ORG", "Newcastle Crown Court", ["Newcastle Crown Court"]),
        E("march", "DATE", "March", ["March"]),
        E("emily", "PERSON", "Emily Watts", [
            "Emily Watts", "Watts|Ms Watts's", "*Emily", "She|She used to"]),
        E("a69", "LOC", "A69", ["A69"]),
        E("hexham", "GPE", "Hexham", ["Hexham"]),
        E("aug", "DATE", "August last year", ["August last year"]),
        E("grant", "PERSON", "Helen Grant", ["Helen Grant", 'she|lapse," she said']),
        E("anne", "PERSON", "Anne", ["Anne"]),
        E("hale", "PERSON", "Richard Hale", ["Richard Hale", "the judge"]),
        E("mark", "PERSON", "Mark Watts", ["Mark Watts"]),
    ], [
        Q("indirect", ["Morris had looked at his phone 14 times in the five minutes before the "
                       "crash"], "grant", "Helen Grant", "told|Grant told"),
        Q("direct", ["This was not a momentary lapse,"], "grant", 'she|lapse," she said',
          'said|lapse," she said'),
        Q("direct", ["It was a pattern of behaviour."], "grant", cue='said|e," she said'),
        Q("direct", ["Emily was the kindest person I have ever known. The day we lost her, our "
                     "lives stopped."], "anne", "Anne", "said|Anne, said"),
        Q("mixed", ['Morris had shown "genuine remorse" but that the sentence had to reflect the '
                    'harm caused'], "hale", "Richard Hale", "said|Hale said"),
        Q("direct", ["You chose to look at a screen rather than the road,"], "hale",
          "the judge", "told|judge told", "morris"),
        Q("direct", ["A family has paid the price for that choice."], "hale",
          cue='told|e judge told'),
        Q("direct", ["She used to tell us, 'Be careful out there.' We never thought she would be "
                     "the one who needed protecting."], "mark", "Mark Watts",
          "said|Watts, said"),
        Q("direct", ["Be careful out there."], "emily", "She|She used to", "tell", parent=7),
    ])


DOCS = [sample_doc, ap_senate, guardian_choir, qa_tennis, tabloid_lottery, sport_rovers,
        business_factory, court_cyclist]


# --- held out: written and annotated after the engine was tuned, never tuned on ---------


def nyt_transit() -> Doc:
    return Doc("nyt-transit", _text("nyt-transit", "heldout"), [
        E("council", "ORG", "City Council", ["City Council"]),
        E("tue", "DATE", "Tuesday", ["Tuesday"]),
        E("one", "PERSON", "one", ["one|what one called"]),
        E("whitfield", "PERSON", "Karen Whitfield", ["Karen Whitfield", "*Whitfield"]),
        E("abrams", "PERSON", "Peter Abrams", ["Peter Abrams", "*Abrams"]),
        E("dem", "NORP", "Democrat", ["Democrat"]),
        E("queens", "GPE", "Queens", ["Queens"]),
        E("cityhall", "ORG", "City Hall", ["City Hall"]),
        E("northern", "LOC", "Northern Boulevard", ["Northern Boulevard"]),
        E("dot", "ORG", "Transportation Department", ["Transportation Department"]),
        E("nyt", "ORG", "The New York Times", ["The New York Times"]),
        E("moreno", "PERSON", "Lisa Moreno", ["Lisa Moreno"]),
        E("march", "DATE", "March", ["March"]),
        E("carter", "PERSON", "Denise Carter", ["Denise Carter"]),
        E("nineties", "DATE", "the 1990s", ["the 1990s"]),
        E("bronx", "GPE", "Bronx", ["Bronx"]),
        E("manhattan", "GPE", "Manhattan", ["Manhattan"]),
        E("june", "DATE", "June", ["June"]),
    ], [
        Q("direct", ["a war on drivers."], "one", "one|what one called", "called"),
        Q("direct", ["Every day that we wait, a bus rider in this city loses time they will "
                     "never get back,"], "whitfield", "Whitfield|Ms. Whitfield said",
          "said|Whitfield said"),
        Q("direct", ["That is not a slogan. That is arithmetic."], "whitfield",
          cue='said|itfield said'),
        Q("indirect", ["the administration had not consulted the neighborhoods that would be "
                       "most affected"], "abrams", "Peter Abrams", "said|Queens, said"),
        Q("direct", ["Nobody from City Hall knocked on a single door on Northern Boulevard,"],
          "abrams", "Abrams|Mr. Abrams said", "said|Abrams said"),
        Q("direct", ["Not one."], "abrams", cue='said|Abrams said'),
        Q("indirect", ["the program will cost $210 million over four years"], "dot",
          "Transportation Department", "estimates"),
        Q("indirect", ["the agency had held 62 public meetings since March"], "moreno",
          "Lisa Moreno", "said|Moreno, said"),
        Q("direct", ["I've heard promises like this since the 1990s,"], "carter",
          "Denise Carter", "said|said Denise"),
        Q("direct", ["I'll believe it when I see the bus."], "carter", cue='said|1990s," said'),
    ])


def bbc_flood() -> Doc:
    return Doc("bbc-flood", _text("bbc-flood", "heldout"), [
        E("residents", "PERSON", "residents", [
            "residents|residents say",
            "Residents of a Cumbrian village hit by flooding in November"]),
        E("cumbrian", "NORP", "Cumbrian", ["Cumbrian"]),
        E("nov", "DATE", "November", ["November"]),
        E("appleby", "GPE", "Appleby", ["Appleby"]),
        E("eden", "LOC", "River Eden", ["River Eden"]),
        E("patterson", "PERSON", "Sue Patterson", ["Sue Patterson", "she|she told"]),
        E("bridge", "LOC", "Bridge Street", ["Bridge Street"]),
        E("bbcnews", "ORG", "BBC News", ["BBC News"]),
        E("week1", "DATE", "next week", ["next week|saying next week",
                                          "next week|week, next week"]),
        E("england", "GPE", "England", ["England"]),
        E("greaves", "PERSON", "Tom Greaves", ["Tom Greaves"]),
        E("edc", "ORG", "Eden District Council", ["Eden District Council"]),
        E("spokesman", "PERSON", "A council spokesman", ["A council spokesman"]),
        E("ea", "ORG", "Environment Agency", ["Environment Agency"]),
        E("year", "DATE", "next year", ["next year"]),
    ], [
        Q("mixed", ["Flooded village 'forgotten' as clean-up drags on"], "residents",
          "residents|residents say", "say|residents say"),
        Q("indirect", ["they feel abandoned, six weeks after the water went down"], "residents",
          "Residents of a Cumbrian village hit by flooding in November", "say|November say"),
        Q("indirect", ["her ground floor was still being dried out"], "patterson",
          "Sue Patterson", "said|years, said"),
        Q("direct", ["We've been living upstairs since the flood,"], "patterson", "she|she told",
          "told|she told", "bbcnews"),
        Q("direct", ["The insurance company keeps saying next week, next week.",
                     "I'm 71. I don't have many next weeks to waste."], "patterson",
                       cue='told|d," she told'),
        Q("indirect", ["the community had pulled together"], "greaves", "Tom Greaves",
          "said|Greaves, said"),
        Q("direct", ["People have been amazing, bringing food, lending dehumidifiers, that kind "
                     "of thing. But you can't live on kindness forever."], "greaves"),
        Q("mixed", ['it had distributed £1.2m in emergency grants and was working with insurers '
                    '"as quickly as possible"'], "edc", "Eden District Council",
          "said|Council said"),
        Q("direct", ["We understand people's frustration and we are doing everything we can."],
          "spokesman", "A council spokesman", "added"),
        Q("indirect", ["flood defences in the town would be reviewed next year"], "ea",
          "Environment Agency", "said|Agency said"),
    ])


def science_sleep() -> Doc:
    return Doc("science-sleep", _text("science-sleep", "heldout"), [
        E("study", "MISC", "study", ["study|study finds", "a study of more than 11,000 pupils"]),
        E("journal", "ORG", "Sleep Health", ["Sleep Health"]),
        E("england", "GPE", "England", ["England"]),
        E("scotland", "GPE", "Scotland", ["Scotland"]),
        E("okoye", "PERSON", "Hannah Okoye", ["Hannah Okoye", "she|she said"]),
        E("edinburgh", "ORG", "University of Edinburgh", ["University of Edinburgh"]),
        E("parents", "PERSON", "Parents", ["Parents"]),
        E("lang", "PERSON", "Richard Lang", ["Richard Lang", 'he|week," he said', "he|But he"]),
        E("kcl", "ORG", "King's College London", ["King's College London"]),
        E("researchers", "PERSON", "The researchers", ["The researchers", "The team"]),
    ], [
        Q("indirect", ["Teenagers who use phones late at night sleep an hour less"], "study",
          "study|study finds", "finds"),
        Q("indirect", ["Teenagers who use their phones after 10pm sleep almost an hour less on "
                       "school nights than those who put them away"], "study",
          "a study of more than 11,000 pupils", "according to"),
        Q("mixed", ['the findings were "striking" but not surprising'], "okoye", "Hannah Okoye",
          "said|Edinburgh, said"),
        Q("direct", ["Parents often tell us they suspected this,"], "okoye", "she|she said",
          "said|she said"),
        Q("indirect", ["they suspected this"], "parents", "Parents", "tell", parent=3),
        Q("direct", ["What we can now show is the size of the effect, and it is large."],
          "okoye", cue='said|s," she said'),
        Q("mixed", ['so-called "revenge bedtime procrastination" – staying up late to reclaim '
                    'free time – was most common among girls'], "researchers", "The team",
          "found"),
        Q("indirect", ["the results should be taken seriously"], "lang", "Richard Lang",
          "said|study, said"),
        Q("direct", ["An hour a night adds up to a lost night every week,"], "lang",
          'he|week," he said', 'said|week," he said'),
        Q("indirect", ["the study could not prove that phones caused the lost sleep"], "lang",
          "he|But he", "cautioned"),
        Q("direct", ["It may be that teenagers who struggle to sleep reach for their phones, "
                     "rather than the other way round."], "lang"),
        Q("indirect", ["schools could help by starting lessons later"], "researchers",
          "The researchers", "said|researchers said"),
    ])


def showbiz_singer() -> Doc:
    return Doc("showbiz-singer", _text("showbiz-singer", "heldout"), [
        E("monroe", "PERSON", "Jade Monroe", [
            "*Jade Monroe", "*Monroe", "she|she wrote", "She|She added", "she|she said",
            "me|told me"]),
        E("european", "NORP", "European", ["European"]),
        E("album", "WORK_OF_ART", "Paper Hearts", ["Paper Hearts"]),
        E("y2021", "DATE", "2021", ["2021"]),
        E("instagram", "ORG", "Instagram", ["Instagram"]),
        E("sunday", "DATE", "Sunday", ["Sunday"]),
        E("year", "DATE", "next year", ["next year"]),
        E("rep", "PERSON", "Her representative", ["Her representative"]),
        E("cardiff", "GPE", "Cardiff", ["Cardiff"]),
        E("y2022", "DATE", "2022", ["2022"]),
        E("rs", "ORG", "Rolling Stone", ["Rolling Stone"]),
        E("manager", "PERSON", "My manager", ["My manager"]),
        E("paris", "GPE", "Paris", ["Paris"]),
        E("berlin", "GPE", "Berlin", ["Berlin"]),
        E("amsterdam", "GPE", "Amsterdam", ["Amsterdam"]),
        E("month", "DATE", "this month", ["this month"]),
    ], [
        Q("indirect", ["she needs time to recover from exhaustion"], "monroe",
          "Jade Monroe|Singer Jade Monroe has", "telling"),
        Q("direct", ["I have never had to write a post like this and I hate doing it,"],
          "monroe", "she|she wrote", "wrote"),
        Q("direct", ["You all know how much these shows mean to me. But my doctors have been "
                     "very clear."], "monroe", cue='wrote|t," she wrote'),
        Q("indirect", ["fans would be offered full refunds and that she hoped to reschedule the "
                       "shows next year"], "monroe", "She|She added", "added"),
        Q("mixed", ['the decision was "not taken lightly"'], "rep", "Her representative",
          "said|representative said"),
        Q("direct", ["People think it's all glamour. My manager once told me, 'Just smile and "
                     "get through it,' and for a long time that's what I did."], "monroe",
          "she|she said", "said|she said"),
        Q("direct", ["Just smile and get through it,"], "manager", "My manager", "told",
          "monroe", parent=5),
    ])


def ap_fire() -> Doc:
    return Doc("ap-fire", _text("ap-fire", "heldout"), [
        E("ohio", "GPE", "Ohio", ["Ohio|in Ohio", "Ohio|COLUMBUS, Ohio"]),
        E("columbus", "GPE", "Columbus", ["COLUMBUS", "Columbus|in Columbus",
                                          "Columbus|Columbus Fire"]),
        E("ap", "ORG", "AP", ["AP"]),
        E("sat", "DATE", "early Saturday", ["early Saturday"]),
        E("officials", "PERSON", "officials", ["officials"]),
        E("parsons", "LOC", "Parsons Avenue", ["Parsons Avenue"]),
        E("delaney", "PERSON", "Mark Delaney", ["Mark Delaney", "Delaney|Delaney told"]),
        E("police", "ORG", "police", ["police"]),
        E("neighbor", "PERSON", "A neighbor", ["A neighbor", 'she|times," she said']),
        E("redwood", "ORG", "Redwood Property Group", ["Redwood Property Group"]),
        E("ruiz", "PERSON", "Angela Ruiz", ["Angela Ruiz"]),
    ], [
        Q("indirect", ["Two people died and five others were hurt in a fire that tore through an "
                       "apartment building in Columbus early Saturday"], "officials",
          "officials", "said|officials said"),
        Q("indirect", ["Firefighters were called to the three-story building on Parsons Avenue "
                       "shortly after 2 a.m. and found flames coming from the second floor"],
          "delaney", "Mark Delaney", "said|Delaney said"),
        Q("direct", ["Crews did everything they could, but the fire spread very quickly through "
                     "the building,"], "delaney", "Delaney|Delaney told", "told"),
        Q("direct", ["We lost two people tonight."], "delaney", cue='told|Delaney told'),
        Q("indirect", ["The cause of the fire is under investigation"], "police", "police",
          "said|police said"),
        Q("indirect", ["she had complained about exposed wiring in the hallway for months"],
          "neighbor", "A neighbor", "said|safety, said"),
        Q("direct", ["I called the landlord three times,"], "neighbor", 'she|times," she said',
          'said|times," she said'),
        Q("direct", ["Nobody came."], "neighbor", cue='said|s," she said'),
        Q("direct", ["It's just heartbreaking,"], "ruiz", "Angela Ruiz", "said|said Angela"),
        Q("direct", ["There were kids in that building."], "ruiz", cue='said|aking," said'),
    ])


HELD_OUT = [nyt_transit, bbc_flood, science_sleep, showbiz_singer, ap_fire]


# --- second held-out set: written after every change above, scored once, never tuned on ---


def reuters_rates() -> Doc:
    return Doc("reuters-rates", _text("reuters-rates", "heldout2"), [
        E("boe", "ORG", "Bank of England", ["*Bank of England"]),
        E("london", "GPE", "London", ["LONDON"]),
        E("feb", "DATE", "Feb 6", ["Feb 6"]),
        E("reuters", "ORG", "Reuters", ["Reuters"]),
        E("thu", "DATE", "Thursday", ["Thursday"]),
        E("year", "DATE", "later this year", ["later this year"]),
        E("bailey", "PERSON", "Andrew Bailey", ["Andrew Bailey", "*Bailey"]),
        E("mpc", "ORG", "Monetary Policy Committee", ["Monetary Policy Committee"]),
        E("minutes", "MISC", "minutes of the meeting", ["minutes of the meeting"]),
        E("dec", "DATE", "December", ["December"]),
        E("gregory", "PERSON", "Ruth Gregory", ["Ruth Gregory"]),
        E("uk", "GPE", "UK", ["UK"]),
        E("capital", "ORG", "Capital Economics", ["Capital Economics"]),
        E("june", "DATE", "June", ["June"]),
        E("hunt", "PERSON", "Jeremy Hunt", ["Jeremy Hunt"]),
    ], [
        Q("indirect", ["inflation was falling faster than it had expected"], "boe",
          "Bank of England|The Bank of England kept", "said|but said"),
        Q("mixed", ['the central bank needed "more evidence" before it could lower borrowing '
                    'costs'], "bailey", "Andrew Bailey", "told"),
        Q("direct", ["We are not yet at the point where we can cut,"], "bailey",
          "Bailey|Bailey said", "said|Bailey said"),
        Q("direct", ["But things are moving in the right direction."], "bailey",
          cue='said|Bailey said'),
        Q("indirect", ["Two of the nine members of the Monetary Policy Committee voted for an "
                       "immediate cut"], "minutes", "minutes of the meeting",
          "showed|meeting showed"),
        Q("direct", ["The tone was clearly more dovish than in December,"], "gregory",
          "Ruth Gregory", "said|said Ruth"),
        Q("mixed", ["it showed the government's plan was \"working\""], "hunt", "Jeremy Hunt",
          "saying"),
    ])


def feature_walk() -> Doc:
    return Doc("feature-walk", _text("feature-walk", "heldout2"), [
        E("grace", "PERSON", "Grace Adeyemi", [
            "Grace Adeyemi", "*Adeyemi", "*Grace", "she|she says, laughing", "I|I told him"]),
        E("husband", "PERSON", "My husband", ["He|He kept asking", "him|told him"]),
        E("landsend", "LOC", "Land's End", ["Land's End"]),
        E("april", "DATE", "April", ["April"]),
        E("devon", "GPE", "Devon", ["Devon"]),
        E("stt", "ORG", "St Thomas' Hospital", ["St Thomas' Hospital"]),
        E("london", "GPE", "London", ["London"]),
        E("evans", "PERSON", "Paul Evans", ["Paul Evans", 'he|it," he says']),
        E("jog", "LOC", "John o' Groats", ["John o' Groats"]),
        E("june", "DATE", "2 June", ["2 June"]),
    ], [
        Q("direct", ["My husband thought I was mad,"], "grace", "she|she says, laughing",
          "says|she says"),
        Q("direct", ["He kept asking, 'What happens if you get halfway and can't go on?' I told "
                     "him I'd get the train home like anyone else.",
                     "But I never needed the train. People came out of their houses to walk "
                     "with me. In one village in Devon, the whole primary school lined the "
                     "road."], "grace", cue='says|d," she says'),
        Q("direct", ["What happens if you get halfway and can't go on?"], "husband",
          "He|He kept asking", "asking", parent=1),
        Q("indirect", ["I'd get the train home like anyone else"], "grace", "I|I told him",
          "told|I told him", "husband", parent=1),
        Q("mixed", ['she is "the most determined person I have ever met"'], "evans",
          "Paul Evans", "says|Evans, says"),
        Q("direct", ["When Grace decides to do something, she does it,"], "evans",
          'he|it," he says', 'says|it," he says'),
        Q("direct", ["We all knew she would finish."], "evans", cue='says|it," he says'),
    ])


def abc_drought() -> Doc:
    return Doc("abc-drought", _text("abc-drought", "heldout2"), [
        E("farmers", "PERSON", "Farmers in western New South Wales",
          ["Farmers in western New South Wales"]),
        E("nsw", "GPE", "New South Wales", ["New South Wales", "NSW"]),
        E("mckenzie", "PERSON", "Bill McKenzie", ["Bill McKenzie", "*McKenzie"]),
        E("dubbo", "GPE", "Dubbo", ["Dubbo"]),
        E("abc", "ORG", "ABC", ["ABC"]),
        E("xmas", "DATE", "Christmas", ["Christmas"]),
        E("bom", "ORG", "Bureau of Meteorology", ["Bureau of Meteorology"]),
        E("winter", "DATE", "winter", ["winter"]),
        E("moriarty", "PERSON", "Tara Moriarty", ["Tara Moriarty", "*Moriarty"]),
        E("june", "DATE", "June", ["June"]),
        E("nff", "ORG", "National Farmers' Federation", ["National Farmers' Federation"]),
    ], [
        Q("indirect", ["the dry spell is the worst they have seen in a decade"], "farmers",
          "Farmers in western New South Wales", "say|Wales say"),
        Q("indirect", ["his crop had failed for the second year running"], "mckenzie",
          "Bill McKenzie", "told", "abc"),
        Q("direct", ["We've had 40 millimetres since Christmas,"], "mckenzie",
          "McKenzie|Mr McKenzie said", "said|McKenzie said"),
        Q("direct", ["You can't grow anything on that."], "mckenzie", cue='said|cKenzie said'),
        Q("indirect", ["there was little chance of significant rain before winter"], "bom",
          "Bureau of Meteorology", "said|Meteorology said"),
        Q("indirect", ["the government would extend drought support until June"], "moriarty",
          "Tara Moriarty", "said|Tara Moriarty said"),
        Q("direct", ["We know how tough it is out there, and we're not going anywhere,"],
          "moriarty", "Moriarty|Ms Moriarty said", "said|Ms Moriarty said"),
    ])


def local_hiker() -> Doc:
    return Doc("local-hiker", _text("local-hiker", "heldout2"), [
        E("colorado", "GPE", "Colorado", ["Colorado"]),
        E("sanjuan", "LOC", "San Juan Mountains", ["San Juan Mountains"]),
        E("mon", "DATE", "Monday morning", ["Monday morning"]),
        E("sheriff", "ORG", "La Plata County Sheriff's Office", [
            "La Plata County Sheriff's Office", "the sheriff's office"]),
        E("hall", "PERSON", "Dennis Hall", ["Dennis Hall", "*Hall"]),
        E("fri", "DATE", "Friday", ["Friday"]),
        E("facebook", "ORG", "Facebook", ["Facebook"]),
        E("ruiz", "PERSON", "Amy Ruiz", ["Amy Ruiz", "*Ruiz"]),
        E("kktv", "ORG", "KKTV", ["KKTV"]),
        E("megan", "PERSON", "Megan", ["Megan", 'she|anyone," she said']),
        E("sat", "DATE", "Saturday", ["Saturday"]),
        E("sun", "DATE", "Sunday", ["Sunday"]),
        E("mercy", "ORG", "Mercy Hospital", ["Mercy Hospital"]),
        E("durango", "GPE", "Durango", ["Durango"]),
    ], [
        Q("indirect", ["A 64-year-old hiker who went missing in the San Juan Mountains was found "
                       "alive Monday morning"], "sheriff", "La Plata County Sheriff's Office",
          "said|Office said"),
        Q("indirect", ["Rescuers located Dennis Hall about two miles from the trailhead where his "
                       "car had been parked since Friday"], "sheriff", "the sheriff's office",
          "said|office said in"),
        Q("direct", ["He was cold and dehydrated, but he was walking and talking,"], "ruiz",
          "Amy Ruiz", "told", "kktv"),
        Q("direct", ["Honestly, that's the best outcome we could have hoped for."], "ruiz",
          cue='told|my Ruiz told'),
        Q("indirect", ["her father had hiked the area for decades"], "megan", "Megan",
          "said|Megan, said"),
        Q("direct", ["He knows those mountains better than anyone,"], "megan",
          'she|anyone," she said', 'said|anyone," she said'),
        Q("direct", ["We just kept telling ourselves he'd be OK."], "megan",
          cue='said|e," she said'),
        Q("indirect", ["searchers had been hampered by snow on Saturday and Sunday"], "ruiz",
          "Ruiz|Ruiz said", "said|Ruiz said"),
    ])


HELD_OUT_2 = [reuters_rates, feature_walk, abc_drought, local_hiker]


# --- third held-out set: written after the last change to the engine, scored once ---------


def uk_politics() -> Doc:
    return Doc("uk-politics", _text("uk-politics", "heldout3"), [
        E("starmer", "PERSON", "Keir Starmer", [
            "Starmer|Starmer under", "Keir Starmer", "the Prime Minister|told the Prime Minister",
            "The Prime Minister|The Prime Minister replied", 'he|decisions," he said']),
        E("commons", "ORG", "Commons", ["Commons"]),
        E("wed", "DATE", "Wednesday", ["Wednesday"]),
        E("labour", "ORG", "Labour", ["*Labour", "They|They said"]),
        E("foster", "PERSON", "Diane Foster", ["Diane Foster"]),
        E("jan", "DATE", "this January", ["this January"]),
        E("conservative", "NORP", "Conservative", ["Conservative"]),
        E("badenoch", "PERSON", "Kemi Badenoch", ["Kemi Badenoch", "she|she told"]),
        E("spokesman", "PERSON", "A Downing Street spokesman", ["A Downing Street spokesman"]),
        E("downing", "ORG", "Downing Street", ["Downing Street"]),
        E("reeves", "PERSON", "Rachel Reeves", ["Rachel Reeves"]),
    ], [
        Q("direct", ["Pensioners in my constituency are frightened,"], "foster", "Diane Foster",
          "told|Foster told", "starmer"),
        Q("direct", ["They want to know whether they will be able to heat their homes this "
                     "January."], "foster", cue='told|Foster told'),
        Q("mixed", ['the government had inherited "a £22bn black hole" and that difficult '
                    'choices could not be avoided'], "starmer",
          "The Prime Minister|The Prime Minister replied", "replied"),
        Q("direct", ["I didn't come into politics to make these decisions,"], "starmer",
          'he|decisions," he said', 'said|decisions," he said'),
        Q("direct", ["But I will not duck them."], "starmer", cue='said|ns," he said'),
        Q("direct", ["They said they would not raise taxes on working people. They did,"],
          "badenoch", "she|she told", "told|she told"),
        Q("indirect", ["they would not raise taxes on working people"], "labour",
          "They|They said", "said|They said they", parent=5),
        Q("mixed", ['the prime minister had "full confidence" in the Chancellor, Rachel '
                    'Reeves'], "spokesman", "A Downing Street spokesman", "said|later said"),
    ])


def tech_earnings() -> Doc:
    return Doc("tech-earnings", _text("tech-earnings", "heldout3"), [
        E("vantex", "ORG", "Vantex Semiconductor", ["Vantex Semiconductor", "*Vantex"]),
        E("thu", "DATE", "Thursday", ["Thursday"]),
        E("june", "DATE", "June", ["June"]),
        E("lseg", "ORG", "LSEG", ["LSEG"]),
        E("okonkwo", "PERSON", "Daniel Okonkwo", ["Daniel Okonkwo", "*Okonkwo"]),
        E("next", "DATE", "early next year", ["early next year"]),
        E("arizona", "GPE", "Arizona", ["Arizona"]),
        E("source", "PERSON", "a person familiar with the matter",
          ["a person familiar with the matter"]),
        E("natarajan", "PERSON", "Priya Natarajan", ["Priya Natarajan"]),
        E("ms", "ORG", "Morgan Stanley", ["Morgan Stanley"]),
    ], [
        Q("indirect", ["Revenue rose to $4.1bn in the three months to June, beating analysts' "
                       "expectations of $3.7bn"], "lseg", "LSEG", "according to|according to LSEG"),
        Q("direct", ["Demand for our data centre chips is running well ahead of supply,"],
          "okonkwo", "Daniel Okonkwo", "said|Okonkwo said on"),
        Q("direct", ["We are adding capacity as fast as we responsibly can."], "okonkwo",
          cue='said|iel Okonkwo said'),
        Q("indirect", ["the company expected supply constraints to ease early next year"],
          "okonkwo", "Okonkwo|Okonkwo said the", "said|Okonkwo said the"),
        Q("indirect", ["Vantex is in talks to open a plant in Arizona"], "source",
          "a person familiar with the matter", "according to|according to a person"),
        Q("direct", ["This was a blowout quarter,"], "natarajan", "Priya Natarajan",
          "said|said Priya"),
        Q("direct", ["The question now is whether they can keep up."], "natarajan",
          cue='said|arter," said'),
    ])


def tv_bakeoff() -> Doc:
    return Doc("tv-bakeoff", _text("tv-bakeoff", "heldout3"), [
        E("marsh", "PERSON", "Ellie Marsh", [
            "*Ellie Marsh", "*Marsh", "the 29-year-old", 'she|gentle,” she said']),
        E("show", "WORK_OF_ART", "The Great British Bake Off", [
            "Bake Off|Former Bake Off", "The Great British Bake Off"]),
        E("podcast", "WORK_OF_ART", "Cooking With Friends", ["Cooking With Friends"]),
        E("paul", "PERSON", "Paul", ["Paul"]),
        E("producer", "PERSON", "The producer", ["The producer"]),
        E("leeds", "GPE", "Leeds", ["Leeds"]),
        E("swiss", "NORP", "Swiss", ["Swiss"]),
        E("ch4", "ORG", "Channel 4", ["Channel 4"]),
        E("sep", "DATE", "September", ["September"]),
    ], [
        Q("direct", ["I cried in the tent every single week"], "marsh",
          "Ellie Marsh|star Ellie Marsh:"),
        Q("mixed", ['she cried "every single week" while filming the show'], "marsh",
          "Ellie Marsh|contestant Ellie Marsh", "revealed"),
        Q("indirect", ["the pressure of the tent was unlike anything she had experienced"],
          "marsh", "the 29-year-old", "said|29-year-old said"),
        Q("direct", ["People see the bunting and the cakes and think it’s all very gentle,"],
          "marsh", 'she|gentle,” she said', 'said|gentle,” she said'),
        Q("direct", ["It isn’t. You’ve got cameras on you, the clock is ticking, and Paul is "
                     "standing behind you.",
                     "One week my sponge collapsed and I just froze. The producer came over and "
                     "said, ‘Take a minute, it’s fine,’ and I burst into tears."], "marsh",
                       cue='said|e,” she said'),
        Q("direct", ["Take a minute, it’s fine,"], "producer", "The producer",
          "said|over and said", parent=4),
        Q("indirect", ["she still could not look at a Swiss roll"], "marsh",
          "Marsh|Marsh, who works", "joked"),
    ])


def afp_quake() -> Doc:
    return Doc("afp-quake", _text("afp-quake", "heldout3"), [
        E("turkey", "GPE", "Turkey", ["*Turkey"]),
        E("ankara", "GPE", "Ankara", ["ANKARA", "Ankara|in Ankara"]),
        E("afp", "ORG", "AFP", ["*AFP"]),
        E("tue", "DATE", "Tuesday", ["Tuesday"]),
        E("officials", "PERSON", "officials", ["officials"]),
        E("malatya", "GPE", "Malatya", ["Malatya"]),
        E("afad", "ORG", "AFAD", ["AFAD"]),
        E("yerlikaya", "PERSON", "Ali Yerlikaya", ["Ali Yerlikaya"]),
        E("trt", "ORG", "TRT", ["TRT"]),
        E("kaya", "PERSON", "Mehmet Kaya", ["Mehmet Kaya"]),
        E("wife", "PERSON", "My wife", ["My wife"]),
        E("erdogan", "PERSON", "Recep Tayyip Erdogan", ["Recep Tayyip Erdogan"]),
    ], [
        Q("indirect", ["A magnitude 6.1 earthquake struck eastern Turkey on Tuesday, killing at "
                       "least 14 people and injuring more than 200"], "officials", "officials",
          "said|officials said"),
        Q("indirect", ["The quake hit near the town of Malatya shortly before dawn"], "afad",
          "AFAD", "according to"),
        Q("direct", ["Several buildings collapsed and search teams are working in the rubble,"],
          "yerlikaya", "Ali Yerlikaya", "told|Yerlikaya told"),
        Q("direct", ["We heard a huge noise and everything started shaking,"], "kaya",
          "Mehmet Kaya", "told|told AFP", "afp"),
        Q("direct", ["My wife shouted, 'Get the children out!' We ran into the street in our "
                     "pyjamas."], "kaya", cue='told|ya, 46, told'),
        Q("direct", ["Get the children out!"], "wife", "My wife", "shouted", parent=4),
        Q("indirect", ["the government would rebuild every damaged home within a year"],
          "erdogan", "Recep Tayyip Erdogan", "said|Erdogan said"),
    ])


HELD_OUT_3 = [uk_politics, tech_earnings, tv_bakeoff, afp_quake]


# --- building the records -------------------------------------------------------------


def _unique(text: str, needle: str) -> int:
    first = text.find(needle)
    if first < 0 or text.find(needle, first + 1) >= 0:
        raise ValueError(f"{needle!r} must occur exactly once")
    return first


def _word_spans(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]


def resolve(text: str, spec: str) -> tuple[int, int]:
    target, _, context = spec.partition("|")
    if not context:
        start = _unique(text, target)
        return (start, start + len(target))
    base = _unique(text, context)
    offset = context.find(target)
    if offset < 0:
        raise ValueError(f"{target!r} is not in {context!r}")
    return (base + offset, base + offset + len(target))


def build(doc: Doc) -> dict:
    text = doc.text
    taken: dict[tuple[int, int], str] = {}
    mention_ids: dict[tuple[int, int], str] = {}
    for e in doc.entities:
        for spec in e.mentions:
            if not spec.startswith("*"):
                taken[resolve(text, spec)] = e.key
    for e in doc.entities:
        for spec in e.mentions:
            if spec.startswith("*"):
                word, _, context = spec[1:].partition("|")
                spans = [resolve(text, spec[1:])] if context else _word_spans(text, word)
                for s, t in spans:
                    if not any(s < b and a < t for a, b in taken):
                        taken[(s, t)] = e.key
    entities = [{"id": f"e-{doc.id}-{e.key}", "label": e.label, "name": e.name, "kb_id": None,
                 "status": "accepted", "source": "human"} for e in doc.entities]
    labels = {e.key: e.label for e in doc.entities}
    mentions = []
    for k, ((s, t), key) in enumerate(sorted(taken.items())):
        surface = text[s:t]
        form = "pronoun" if surface.lower() in ("he", "she", "it", "i", "him", "her", "they") \
            else "nominal" if surface.split()[0].lower() in (
                "the", "a", "an", "my", "our", "one", "officials") else "name"
        mid = f"m-{doc.id}-{k}"
        mention_ids[(s, t)] = mid
        mentions.append({"id": mid, "start": s, "end": t, "text": surface,
                         "label": labels[key], "entity": f"e-{doc.id}-{key}", "form": form,
                         "status": "accepted", "source": "human"})
    quotes = []
    for k, q in enumerate(doc.quotes):
        spans = sorted(resolve(text, seg) for seg in q.segments)
        via = mention_ids[resolve(text, q.via)] if q.via else None
        cue = resolve(text, q.cue) if q.cue else None
        quotes.append({
            "id": f"q-{doc.id}-{k}", "type": q.type, "start": spans[0][0], "end": spans[-1][1],
            "text": text[spans[0][0]:spans[-1][1]],
            "spans": [{"start": s, "end": t, "text": text[s:t]} for s, t in spans],
            "speaker": f"e-{doc.id}-{q.speaker}" if q.speaker else None,
            "speaker_mention": via,
            "cue": {"start": cue[0], "end": cue[1], "text": text[cue[0]:cue[1]]} if cue else None,
            "addressee": f"e-{doc.id}-{q.addressee}" if q.addressee else None,
            "parent": f"q-{doc.id}-{q.parent}" if q.parent is not None else None,
            "status": "accepted", "source": "human"})
    return {"id": doc.id, "title": text.splitlines()[0], "text": text, "meta": {},
            "annotator": "gold", "status": "done", "entities": entities,
            "mentions": mentions, "quotes": quotes}


FILES = {"gold.jsonl": DOCS, "heldout.jsonl": HELD_OUT, "heldout2.jsonl": HELD_OUT_2,
         "heldout3.jsonl": HELD_OUT_3}


def jsonl(docs: list) -> str:
    return "".join(json.dumps(build(make()), ensure_ascii=False) + "\n" for make in docs)


if __name__ == "__main__":
    for name, docs in FILES.items():
        (HERE / name).write_text(jsonl(docs), encoding="utf-8")
        print(f"wrote {len(docs)} records to {HERE / name}")
