"""Lossless JSONL: export, import into an empty project, export again — same annotations."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ruth_annotator.app.transfer import export_project, import_paths
from ruth_annotator.model import Layer, NewDocument, Span, edits
from ruth_annotator.store import Project

# Text made of the characters that break offset arithmetic in annotation tools.
TRICKY = st.sampled_from([
    "a", "b", " ", "\n", "\r\n", "\t", "👍", "👩‍👩‍👧", "e\u0301", "\u200d", "שלום", "مرحبا",
    "“", "”", "‘", "’", '"', "'", "中文", "\U0001F1EC\U0001F1E7", "é", "\ufeff",
])
TEXTS = st.lists(TRICKY, min_size=2, max_size=60).map("".join).filter(lambda t: t.strip())


def spans_in(text: str):
    n = len(text)
    return st.lists(
        st.tuples(st.integers(0, n - 1), st.integers(1, n)).map(
            lambda p: Span(min(p), max(p)) if p[0] != p[1] else Span(p[0], p[0] + 1)
        ).filter(lambda s: s.end <= n and s.start < s.end),
        min_size=1, max_size=6,
    )


def annotate(layer: Layer, text: str, spans: list[Span]) -> None:
    for i, span in enumerate(spans):
        if i % 2:
            changes = edits.add_quote(layer, [span], ["direct", "indirect", "mixed"][i % 3],
                                      cue=spans[0] if i % 3 else None)
        else:
            changes = edits.add_mention(layer, text, span, ["PERSON", "ORG"][i % 4 // 2],
                                        status=["accepted", "proposed"][i % 3 % 2],
                                        source="suggested" if i % 3 else "human")
        layer.apply(changes)
    quotes = list(layer.quotes.values())
    mentions = list(layer.mentions.values())
    if quotes and mentions:
        layer.apply(edits.set_speaker(layer, quotes[0].id, mentions[0].id))
        layer.apply(edits.add_quote_segment(layer, quotes[0].id, mentions[-1].span))


def export_lines(project: Project, path) -> list[dict]:
    export_project(project, "jsonl", path, _opts())
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _opts():
    from ruth_annotator.formats.registry import ExportOptions

    return ExportOptions(include_suggestions=True)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), text=TEXTS)
def test_jsonl_round_trip(tmp_path_factory, data, text):
    folder = tmp_path_factory.mktemp("rt")
    spans = data.draw(spans_in(text))
    with Project.open(folder / "a.ruth", "ann", create=True) as first:
        first.add_documents([NewDocument(text, title="t", uid="doc-1")])
        layer = first.layer(1)
        annotate(layer, text, spans)
        first.add_layer_items(1, "ann", list(layer), "in_progress")
        out1 = export_lines(first, folder / "one.jsonl")
    with Project.open(folder / "b.ruth", "someone", create=True) as second:
        import_paths(second, [folder / "one.jsonl"])
        assert second.document(1).text == text
        out2 = export_lines(second, folder / "two.jsonl")
    assert out1 == out2
    assert out1[0]["text"] == text
    for m in out1[0]["mentions"]:
        assert m["text"] == text[m["start"]:m["end"]]


def test_sample_round_trip_through_cli_files(project, sample_text, tmp_path):
    layer = project.layer(1)
    start = sample_text.index("What about Mia?")
    layer.apply(edits.add_quote(layer, [Span(start, start + 15)], "direct"))
    project.apply(edits.add_mention(layer, sample_text, Span(0, 12), "PERSON"), 1)
    project.add_layer_items(1, "tester", list(layer.quotes.values()))
    out1 = export_lines(project, tmp_path / "1.jsonl")
    with Project.open(tmp_path / "copy.ruth", create=True) as copy:
        import_paths(copy, [tmp_path / "1.jsonl"])
        import_paths(copy, [tmp_path / "1.jsonl"])  # twice: nothing duplicated
        assert copy.stats()["annotations"]["mention"] == {"accepted": 1}
        assert export_lines(copy, tmp_path / "2.jsonl") == out1
    assert out1[0]["quotes"][0]["text"] == "What about Mia?"
