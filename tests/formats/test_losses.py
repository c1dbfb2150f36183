"""What a format cannot carry is reported, one line an item naming document and item; file
names made from ids stay in the export folder; a missing optional library says what to
install."""

from __future__ import annotations

import builtins

import pytest
from format_cases import Builder, write

from ruth_annotator.errors import OptionalDependencyError
from ruth_annotator.model import edits


def lost_of(fmt: str, name: str, b: Builder, tmp_path) -> list[str]:
    """The lines about single items (the builder's document metadata is one more)."""
    return [line for line in write(fmt, [b.record()], tmp_path / name).lost
            if not line.startswith("document metadata")]


def test_token_formats_report_spans_inside_tokens(tmp_path):
    b = Builder("Winslet's daughter spoke.")
    b.mention((0, 4), "PERSON")  # "Wins"
    for fmt, name in (("prodigy", "p.jsonl"), ("conll", "c.conll"), ("spacy", "s.spacy")):
        if fmt == "spacy":
            pytest.importorskip("spacy")
        lost = lost_of(fmt, name, b, tmp_path)
        assert any(line.startswith("document doc-1 (ann): mention “Wins” (PERSON): ")
                   and "token boundaries" in line for line in lost), (fmt, lost)
        assert not any("m-" in line for line in lost)  # named by text, not by id


def test_conll_reports_nested_mentions(tmp_path):
    b = Builder("The Kate Winslet Foundation gave.")
    b.mention(b.find("The Kate Winslet Foundation"), "ORG")
    b.mention(b.find("Kate Winslet"), "PERSON")
    (line,) = lost_of("conll", "c.conll", b, tmp_path)
    assert ("mention “Kate Winslet” (PERSON): overlaps another span; BIO holds one label "
            "a token") in line


def test_conll_quotes_reports_nested_quotes(tmp_path):
    b = Builder("She said “he told me ‘no way’ twice” today.")
    b.quote([b.find("he told me ‘no way’ twice")])
    b.quote([b.find("no way")])
    (line,) = lost_of("conll-quotes", "q.conll", b, tmp_path)
    assert "quote “no way” (direct): overlaps another span" in line


def test_flat_formats_report_what_they_cannot_hold(tmp_path):
    b = Builder("Kate Winslet met Mia.")
    kate = b.mention(b.find("Kate Winslet"))
    b.layer.apply(edits.update(b.layer, kate.entity, name="Kate Elizabeth Winslet",
                               kb_id="Q202765"))
    lost = lost_of("doccano", "d.jsonl", b, tmp_path)
    assert any("entity name is not carried (reads back as “Kate Winslet”)" in x for x in lost)
    assert any("knowledge-base id Q202765 is not carried" in x for x in lost)
    assert all(x.startswith("document doc-1 (ann): ") for x in lost)


@pytest.mark.parametrize("fmt,name", [("doccano", "d.jsonl"), ("prodigy", "p.jsonl"),
                                      ("spacy", "s.spacy")])
def test_a_status_not_carried_is_one_line_counting_items(tmp_path, fmt, name):
    if fmt == "spacy":
        pytest.importorskip("spacy")
    b = Builder("Kate Winslet met Mia and Ruth.")
    for who in ("Mia", "Ruth"):
        b.mention(b.find(who), status="proposed", source="suggested")
    b.quote([b.find("met Mia")], status="proposed", source="suggested")
    lost = [line for line in lost_of(fmt, name, b, tmp_path) if "status" in line]
    assert lost == ["status “proposed” is not carried (3 items in 1 document)"]


def test_conll_quotes_lists_each_loss_once(tmp_path):
    b = Builder("“No, no, never,” she said. “Yes,” she said.")
    she = b.mention(b.find("she"), "PERSON")
    b.quote([b.find("No, no, never,")], speaker=she)
    b.quote([b.find("Yes,")], speaker=she)  # one speaker of two quotes is tagged once
    b.quote([b.find("No"), b.find("never")])  # both segments inside the first quote
    lost = lost_of("conll-quotes", "q.conll", b, tmp_path)
    assert len(lost) == 1 and "quote “No, no, never” (direct): overlaps" in lost[0], lost


def test_brat_reports_quote_segments_split_only_by_a_line_break(tmp_path):
    b = Builder("“First part.\nSecond part.”")
    b.quote([b.find("First part."), b.find("Second part.")])
    (line,) = lost_of("brat", "b", b, tmp_path)
    assert "segments separated only by a line break read back as one" in line


def test_brat_file_names_never_leave_the_folder(tmp_path):
    b = Builder("Kate spoke.", uid="../../escape/../me")
    b.mention(b.find("Kate"))
    write("brat", [b.record(), b.record()], tmp_path / "out")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["annotation.conf", "escape_.._me-ann.ann", "escape_.._me-ann.txt",
                     "escape_.._me.ann", "escape_.._me.txt"]
    assert not (tmp_path / "escape").exists()


def test_spacy_missing_says_what_to_install(monkeypatch, tmp_path):
    real_import = builtins.__import__

    def no_spacy(name, *args, **kwargs):
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_spacy)
    with pytest.raises(OptionalDependencyError, match=r"pip install 'ruth-annotator\[spacy\]'"):
        write("spacy", [Builder("Text.").record()], tmp_path / "x.spacy")
    assert not (tmp_path / "x.spacy").exists()
