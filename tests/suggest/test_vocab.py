"""The vocabulary files: every list loads, speech verbs are one table for the whole engine,
and another language is a folder with the same files."""

from __future__ import annotations

from pathlib import Path

import pytest

from ruth_annotator.errors import InputError
from ruth_annotator.suggest import cues, names, people_words, reporting
from ruth_annotator.suggest.vocab import EN, HERE, Vocabulary

TAGS = {"that", "strict", "closing", "addressee", "listener", "manner", "noun"}


def test_every_file_loads_and_has_entries():
    files = sorted((HERE / "en").glob("*.txt"))
    assert len(files) > 30
    for path in files:
        assert EN.lines(path.stem), path.name
        assert not any(line.startswith("#") for line in EN.lines(path.stem))


def test_speech_verbs_are_one_table_with_known_tags():
    verbs = EN.verbs()
    assert len({(v.base, v.past) for v in verbs}) == len(verbs)  # spellings may differ
    for verb in verbs:
        assert verb.tags <= TAGS, verb
    # direct cues, reported speech and the name rules all read the same table
    assert reporting.REPORTING_WORDS < cues.CUE_VERBS
    assert reporting.THAT_OPTIONAL <= reporting.REPORTING_WORDS
    assert {"said", "says", "say", "saying", "reiterated"} <= cues.CUE_VERBS
    assert "sighed" in cues.CUE_VERBS and "sighed" not in reporting.REPORTING_WORDS
    assert names._CUE_AFTER.match(" reiterated") and not names._CUE_AFTER.match(" shares")
    assert {"told", "asked"} <= cues.ADDRESSEE_VERBS


def test_people_words_come_from_the_files():
    assert "Sen." in people_words.TITLES and people_words.ROLE_GENDER["actress"] == "f"
    assert people_words.FIRST_NAMES["Sam"] == "m"


def test_another_language_is_a_folder(tmp_path: Path):
    (tmp_path / "speech_verbs.txt").write_text(
        "# verbes\ndire dit a-dit disant that\n", encoding="utf-8")
    (tmp_path / "titles.txt").write_text("M.\nMme\n\n", encoding="utf-8")
    vocab = Vocabulary(tmp_path)
    assert vocab.words("titles") == {"M.", "Mme"}
    assert vocab.verb_forms(("third",), tag="that") == {"dit"}
    with pytest.raises(InputError, match="missing.txt: cannot be read"):
        vocab.lines("missing")
    (tmp_path / "bad.txt").write_text("dire dit\n", encoding="utf-8")
    with pytest.raises(InputError, match="needs base, -s, past and -ing forms"):
        vocab.verbs("bad")
