"""Documents keep their exact text, and annotations their exact offsets, through the store,
a reopening and a JSONL export and import: CRLF, tabs, zero-width joiners, emoji with skin
tones, combining marks, right-to-left scripts, astral characters, and random Unicode."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reliability.helpers import cli
from ruth_annotator.app.transfer import export_project, import_paths
from ruth_annotator.model import NewDocument, Span, edits
from ruth_annotator.store import Project

TRICKY = ("Line one\r\nLine two\twith a tab; family 👨\u200d👩\u200d👧 and 👍🏽; "
          "combining e\u0301 and n\u0303; Arabic مرحبا بالعالم and Hebrew שלום; "
          "a BOM-like \ufeff inside, NBSP\u00a0, ZWNJ\u200c, LRM\u200e; flags 🇬🇧; 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.\r\n")

PIECES = ["\r\n", "\t", "\u200d", "👍🏽", "e\u0301", "مرحبا", "שלום", "👨\u200d👩\u200d👧",
          "\ufeff", "𝔘", "\u00a0", " ", "Kate", "“", "”"]


def spans_of(text: str, needles: list[str]) -> list[Span]:
    return [Span(text.index(n), text.index(n) + len(n)) for n in needles]


def round_trip(text: str, spans: list[Span], folder: Path) -> tuple[str, list, str, list]:
    """Store `text` with a mention on each span and a quote over the first, reopen it, and
    export and import it as JSONL; returns what each side holds."""
    first = folder / "first.ruth"
    with Project.open(first, "tester", create=True) as project:
        doc = project.add_documents([NewDocument(text, title="t")]).added[0]
        layer = project.layer(doc)
        for span in spans:
            changes = edits.add_mention(layer, text, span, "PERSON")
            project.apply(changes, doc)
            layer.apply(changes)
        if spans:
            changes = edits.add_quote(layer, [spans[0]], "direct")
            project.apply(changes, doc)
            layer.apply(changes)
        expected = sorted(map(repr, layer))
    with Project.open(first, "tester", readonly=True) as project:
        stored_text = project.document(doc).text
        assert sorted(map(repr, project.layer(doc))) == expected
        export_project(project, "jsonl", folder / "out.jsonl")
    second = folder / "second.ruth"
    with Project.open(second, "tester", create=True) as project:
        import_paths(project, [folder / "out.jsonl"], "jsonl")
        doc2 = project.document_ids()[-1]
        back = project.document(doc2).text
        layer2 = project.layer(doc2)
        mentions = sorted((m.start, m.end, back[m.start:m.end]) for m in layer2.mentions.values())
        quotes = sorted((q.start, q.end) for q in layer2.quotes.values())
    original = sorted((s.start, s.end, text[s.start:s.end]) for s in spans)
    return stored_text, original, back, mentions + quotes


def test_tricky_text_through_store_and_jsonl(tmp_path):
    spans = spans_of(TRICKY, ["👨\u200d👩\u200d👧", "e\u0301", "مرحبا بالعالم", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                              "\r\nLine two\twith"])
    stored, original, back, annotations = round_trip(TRICKY, spans, tmp_path)
    assert stored == TRICKY and back == TRICKY
    assert [a for a in annotations if len(a) == 3] == original
    assert [a for a in annotations if len(a) == 2] == [(spans[0].start, spans[0].end)]


def test_tricky_text_file_keeps_every_byte(tmp_path):
    """A UTF-8 .txt import keeps CR LF, the BOM-like character inside, everything."""
    file = tmp_path / "tricky.txt"
    file.write_bytes(TRICKY.encode("utf-8"))
    project = tmp_path / "p.ruth"
    assert cli("import", project, file)[0] == 0
    assert cli("export", project, "-o", tmp_path / "out.jsonl")[0] == 0
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert record["text"] == TRICKY


TEXTS = st.lists(st.one_of(st.sampled_from(PIECES),
                           st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)),
                 min_size=1, max_size=30).map("".join).filter(lambda t: len(t) >= 2)


@st.composite
def text_and_spans(draw):
    text = draw(TEXTS)
    count = draw(st.integers(0, 5))
    spans = []
    for _ in range(count):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        spans.append(Span(start, end))
    return text, spans


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(case=text_and_spans())
def test_random_unicode_and_spans_survive(case, figures):
    text, spans = case
    with tempfile.TemporaryDirectory() as tmp:
        stored, original, back, annotations = round_trip(text, spans, Path(tmp))
    assert stored == text and back == text
    assert [a for a in annotations if len(a) == 3] == original
    for key, value in (("examples", 1), ("characters", len(text)), ("spans", len(spans))):
        figures[key] = figures.get(key, 0) + value
