"""The words the rules know, read from plain-text files: one folder per language.

Each `<language>/<name>.txt` holds one entry a line (entries may have spaces: "Prime
Minister", "BBC One"); `#` starts a comment line, blank lines are skipped. Speech verbs are
a table, one verb a line with its forms and tags (see `en/speech_verbs.txt`), so that one
list serves the cues of direct quotes, reported speech and the name rules. Another language
is another folder with the same file names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ruth_annotator.errors import InputError

HERE = Path(__file__).resolve().parent
FORMS = ("base", "third", "past", "ing")
#: Verb forms that carry a finite clause: "she says", "they say", "he said".
CLAUSE_FORMS = ("base", "third", "past")


@dataclass(frozen=True)
class Verb:
    base: str
    third: str
    past: str
    ing: str
    tags: frozenset[str]

    def forms(self, which: tuple[str, ...] = FORMS) -> list[str]:
        return [getattr(self, f) for f in which]


class Vocabulary:
    """The word lists of one language, each file read once."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lines: dict[str, list[str]] = {}
        self._verbs: dict[str, list[Verb]] = {}

    def lines(self, name: str) -> list[str]:
        """The entries of NAME.txt in file order."""
        if name not in self._lines:
            path = self.folder / f"{name}.txt"
            try:
                raw = path.read_text(encoding="utf-8")
            except OSError as e:
                raise InputError(f"cannot be read ({e.strerror})", path) from None
            self._lines[name] = [line.strip() for line in raw.splitlines()
                                 if line.strip() and not line.lstrip().startswith("#")]
        return self._lines[name]

    def words(self, name: str) -> frozenset[str]:
        return frozenset(self.lines(name))

    def names(self, *files: str) -> frozenset[str]:
        """Entries of gazetteers, without the _TAG that tells twins apart ("Georgia_US")."""
        return frozenset(line.split("_")[0] for name in files for line in self.lines(name))

    def pairs(self, name: str) -> dict[str, str]:
        """Tab-separated "key, value" lines."""
        out = {}
        for line in self.lines(name):
            key, _, value = line.partition("\t")
            out[key.strip()] = value.strip()
        return out

    def verbs(self, name: str = "speech_verbs") -> list[Verb]:
        """The verb table NAME.txt, parsed once (each `verb_forms` call reads it)."""
        if name not in self._verbs:
            out = []
            for line in self.lines(name):
                cells = line.split()
                if len(cells) < 4:
                    raise InputError(f"the line {line!r} needs base, -s, past and -ing forms",
                                     self.folder / f"{name}.txt")
                out.append(Verb(*cells[:4], frozenset(",".join(cells[4:]).split(",")) - {""}))
            self._verbs[name] = out
        return self._verbs[name]

    def verb_forms(self, which: tuple[str, ...] = FORMS, tag: str | None = None,
                   without: str | None = None, name: str = "speech_verbs") -> frozenset[str]:
        """Forms of the verbs of NAME.txt, those with `tag` only, those `without` a tag
        left out."""
        return frozenset(form for verb in self.verbs(name)
                         if (tag is None or tag in verb.tags)
                         and (without is None or without not in verb.tags)
                         for form in verb.forms(which))


@cache
def vocabulary(language: str = "en") -> Vocabulary:
    return Vocabulary(HERE / language)


EN = vocabulary("en")


def alternation(words: frozenset[str] | list[str], capital: bool = False) -> str:
    """A regex group matching any of the words, the longest first; with `capital`, each may
    also start with a capital ("police" or "Police"). Built as a trie ("sa(?:id|y(?:ing|s)?)"):
    the regex engine tries hundreds of verb forms one after another otherwise, at every
    place a cue may stand."""
    trie: dict = {}
    for word in words:
        for form in ({word, word[:1].upper() + word[1:]} if capital else {word}):
            node = trie
            for ch in form:
                node = node.setdefault(ch, {})
            node[""] = {}
    return "(?:" + _branches(trie) + ")"


def _branches(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _branches(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body
