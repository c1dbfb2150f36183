"""Small gazetteers of places and peoples: countries, capitals and large cities, US states,
UK nations and regions (GPE); continents, seas and regions (LOC); nationalities, religions
and political groups (NORP). Aliases make "UK", "Britain" and "United Kingdom" one entity.
The lists live in the vocabulary files (`vocab/en/`).
"""

from __future__ import annotations

from ruth_annotator.suggest.vocab import EN

GPE_NAMES = EN.names("countries", "cities", "us_states")
LOC_NAMES = EN.names("locations")
NORP_NAMES = EN.names("peoples")
ALIASES = EN.pairs("place_aliases")
# Words that end place names: "Necker Island", "River Severn" (prefix), "Hyde Park".
LOC_SUFFIXES = EN.words("place_suffixes")
LOC_PREFIXES = EN.words("place_prefixes")
GPE_SUFFIXES = EN.words("region_suffixes")
