"""The words one analysis works with: the vocabulary's, plus what a project taught.

Cue verbs, titles and descriptor nouns ("the lawmaker", "the tycoon") that annotators
accepted in a project's quotes join the vocabulary for its next documents (see
`Lexicon.cues`, `.titles`, `.roles`). A project's run uses one set, so the combined lists
and the cue patterns are made once for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ruth_annotator.suggest import people_words as people
from ruth_annotator.suggest.cues import CuePatterns, cue_patterns
from ruth_annotator.suggest.lexicon import Lexicon


@dataclass(frozen=True)
class Words:
    titles: frozenset[str]
    roles: dict[str, str]  # role noun -> gender ("m", "f" or "")
    cues: CuePatterns


@lru_cache(maxsize=8)
def _words(titles: frozenset[str], roles: frozenset[str], cues: frozenset[str]) -> Words:
    known_roles = dict(people.ROLE_GENDER)
    for role in roles:
        known_roles.setdefault(role, "")
    return Words(people.TITLES | titles, known_roles, cue_patterns(cues))


def words_of(lexicon: Lexicon | None) -> Words:
    if lexicon is None:
        return STANDARD
    return _words(lexicon.titles, lexicon.roles, lexicon.cues)


STANDARD = _words(frozenset(), frozenset(), frozenset())
