"""Exports stream: writers consume records one at a time, so memory does not grow with the
number of documents (measured with tracemalloc, never with timings)."""

from __future__ import annotations

import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from format_cases import Builder, write


def small_records(n: int) -> Iterator[dict]:
    b = Builder("Kate Winslet told Lorraine: “It was amazing 👍.”\r\nShe went on.")
    kate = b.mention(b.find("Kate Winslet"))
    lorraine = b.mention(b.find("Lorraine"))
    b.mention(b.find("She"), entity=kate.entity)
    b.quote([b.find("It was amazing 👍.")], speaker=kate, cue=b.find("told"),
            addressee=lorraine)
    base = b.record()
    for i in range(n):
        record = dict(base)
        record["id"] = f"doc-{i:06d}"
        yield record


def peak_bytes(fmt: str, name: str, n: int) -> tuple[int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        tracemalloc.start()
        try:
            report = write(fmt, small_records(n), Path(tmp) / name)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert report.documents == n
    return peak, len(report.lost)


def test_100000_documents_export_in_constant_memory():
    small, _ = peak_bytes("csv", "quotes.csv", 10_000)
    peak, lost = peak_bytes("csv", "quotes.csv", 100_000)
    assert peak < small + 500_000, f"{small / 1e6:.2f} MB → {peak / 1e6:.2f} MB"
    assert peak < 5_000_000, f"peak {peak / 1e6:.1f} MB for 100,000 documents"
    # one summary line about mentions outside the table, one counting the documents whose
    # metadata the table cannot hold: the report does not grow with the documents
    assert lost == 2


@pytest.mark.parametrize("fmt,name", [
    ("jsonl", "a.jsonl"), ("doccano", "d.jsonl"), ("prodigy", "p.jsonl"),
    ("label-studio", "t.json"), ("conll", "c.conll"), ("conll-quotes", "q.conll"),
    ("hf", "hf"),
])
def test_memory_does_not_grow_with_documents(fmt, name):
    small, _ = peak_bytes(fmt, name, 500)
    large, _ = peak_bytes(fmt, name, 5_000)
    assert large < small + 500_000, f"{small / 1e6:.2f} MB → {large / 1e6:.2f} MB"


def test_brat_memory_does_not_grow_with_documents():
    small, _ = peak_bytes("brat", "b", 100)
    large, _ = peak_bytes("brat", "b", 1_000)
    # brat keeps the set of file names written (a few dozen bytes a document).
    assert large < small + 1_000 * 200, f"{small / 1e6:.2f} MB → {large / 1e6:.2f} MB"


def test_spacy_writes_bounded_shards(monkeypatch, tmp_path):
    pytest.importorskip("spacy")
    from ruth_annotator.formats import spacy_docbin

    monkeypatch.setattr(spacy_docbin, "SHARD", 50)
    report = write("spacy", small_records(120), tmp_path / "train.spacy")
    assert [p.name for p in report.files] == ["train.spacy", "train-2.spacy", "train-3.spacy"]
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("en").vocab
    counts = [len(list(DocBin().from_disk(p).get_docs(vocab))) for p in report.files]
    assert counts == [50, 50, 20]
