"""Small gazetteers of organisations, works and events: broadcasters and news outlets,
photo agencies, institutions, parties, large companies; the suffixes that end an
organisation's name; the nouns that announce a title ("drama I Am Ruth"); event words.
The lists live in the vocabulary files (`vocab/en/`).
"""

from __future__ import annotations

from ruth_annotator.suggest.vocab import EN

BROADCASTERS = EN.words("broadcasters")
INSTITUTIONS = EN.words("institutions")
ORG_SUFFIXES = EN.words("org_suffixes")
# Words inside a name that make it an organisation rather than a person.
ORG_HINTS = EN.words("org_hints")
PUBLICATION_NOUNS = EN.words("publication_nouns")
# Clubs are called by their last word: "Rovers", "United", "Villa".
CLUB_NAMES = EN.words("club_names")
EVENT_NOUNS = EN.words("event_nouns")
ORG_HEADS = EN.words("org_heads")
# Nouns that introduce a title: "in family drama I Am Ruth", "the album Renaissance".
WORK_NOUNS = EN.words("work_nouns")
EVENT_NAMES = EN.words("event_names")
EVENT_SUFFIXES = EN.words("event_suffixes")
