"""Small word lists about people: titles, roles, kinship, pronouns and first names.

They decide that "Dr Jones" and "filmmaker Dominic Savage" are people, which gender a
pronoun may refer to, and which capitalised words at a sentence start are not names. The
lists live in the vocabulary files (`vocab/en/`); pronouns and determiners, which are
grammar rather than vocabulary, stay here.
"""

from __future__ import annotations

from ruth_annotator.suggest.vocab import EN


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Honorifics and offices written before a name; they are not part of the name mention.
TITLES = EN.words("titles")
TITLE_PHRASES = EN.words("title_phrases")
MALE_TITLES = EN.words("titles_male")
FEMALE_TITLES = EN.words("titles_female")


def title_gender(word: str) -> str:
    """The gender a title tells ("Mrs." a woman, "Mr." a man), or ""."""
    return "m" if word in MALE_TITLES else "f" if word in FEMALE_TITLES else ""


# Role nouns: "filmmaker Dominic Savage", "the star said". Value: gender or "".
ROLE_GENDER: dict[str, str] = {}
for _gender, _file in (("f", "roles_female"), ("m", "roles_male"), ("", "roles")):
    for _w in EN.lines(_file):
        ROLE_GENDER.setdefault(_w, _gender)
PLURAL_ROLES = EN.words("roles_plural")
# Documents that "say" things: "the report said", "a study found".
DOCUMENT_NOUNS = EN.words("document_nouns")
# Things that carry words: "a campaign hat reading “…”", "Bush's Facebook post".
MESSAGE_NOUNS = EN.words("message_nouns")
# Organisations spoken of by a common noun: "the company said".
ORG_NOUNS = EN.words("org_nouns")

SUBJECT_PRONOUNS = {"he": "m", "she": "f", "they": "p", "i": "1", "we": "1p", "it": "n"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f",
                  "hers": "f", "herself": "f", "they": "p", "them": "p", "their": "p",
                  "it": "n", "its": "n", "i": "1", "me": "1", "my": "1", "we": "1p",
                  "us": "1p", "our": "1p"}
DETERMINERS = _words("the a an his her their its our my your this that one another some "
                     "two three four several many")

# Capitalised at the start of a sentence but never a name on their own.
COMMON_CAPS = EN.words("common_caps")

FIRST_NAMES: dict[str, str] = {}
for _gender, _file in (("f", "first_names_female"), ("m", "first_names_male")):
    for _w in EN.lines(_file):
        FIRST_NAMES.setdefault(_w, _gender)


def first_name(words: list[str], titles: frozenset[str] = TITLES) -> str:
    """The first name in "Virginia Gov. Terry McAuliffe" (the word after the last title), or
    the first word."""
    after = [i + 1 for i, w in enumerate(words) if w in titles and i + 1 < len(words)]
    return words[after[-1]] if after else (words[0] if words else "")
