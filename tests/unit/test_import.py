"""Importing text files and JSONL: encodings, folders, duplicates and refusals."""

from __future__ import annotations

import json

import pytest

from ruth_annotator.app.transfer import import_paths
from ruth_annotator.errors import InputError
from ruth_annotator.store import Project
from ruth_annotator.tasks import Cancelled, Task

NEWS = "Minister says “we are open” in café speech\n\nThe minister said: “We are open.”\n"


@pytest.fixture
def empty(tmp_path):
    proj = Project.open(tmp_path / "p.ruth", create=True)
    yield proj
    proj.close()


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"), ("utf-16-le", b""), ("cp1252", b""),
])
def test_encodings_decoded_right(empty, tmp_path, encoding, prefix):
    path = tmp_path / "a.txt"
    path.write_bytes(prefix + NEWS.encode(encoding))
    import_paths(empty, [path])
    assert empty.document(1).text == NEWS


def test_latin1_scrape(empty, tmp_path):
    text = "Le ministre a déclaré : « Nous sommes ouverts », à Paris.\n"
    path = tmp_path / "fr.txt"
    path.write_bytes(text.encode("latin-1"))
    import_paths(empty, [path])
    assert empty.document(1).text == text


@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"   \n\n", "only white space"),
    (b"\x00\x01\x02\x03binary\x00\x00\xff\xfe\x00", "binary"),
    (bytes(range(256)) * 4, "binary"),
    (b"abc\x81\x8d\x9d\xff\xfe\xfd", "not text in a known encoding"),
])
def test_bad_text_files_refused(empty, tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as err:
        import_paths(empty, [path])
    assert str(path) in str(err.value) and "\n" not in str(err.value)
    assert empty.document_count() == 0


def test_crlf_and_first_line_title(empty, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\r\n  Headline here \r\nBody\tline\r\n")
    import_paths(empty, [path])
    doc = empty.document(1)
    assert doc.text == "\r\n  Headline here \r\nBody\tline\r\n"
    assert doc.title == "Headline here"


def test_folder_strict_and_skip_bad(empty, tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("First article.\n", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Second article.\n", encoding="utf-8")
    (folder / "c.txt").write_bytes(b"")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    with pytest.raises(InputError, match="c.txt: is empty"):
        import_paths(empty, [folder])
    assert empty.document_count() == 0
    result = import_paths(empty, [folder], skip_bad=True)
    assert len(result.added) == 2 and len(result.problems) == 1
    assert {d.title for d in empty.documents()} == {"First article.", "Second article."}


def test_jsonl_plain_and_broken_lines(empty, tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps({"text": "One.", "id": "a1", "meta": {"url": "x"}}),
             "{broken", json.dumps({"title": "no text"}), json.dumps({"text": "Two."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: broken JSON"):
        import_paths(empty, [path])
    assert empty.document_count() == 0
    result = import_paths(empty, [path], skip_bad=True)
    assert len(result.added) == 2
    assert [p.split(": ", 1)[1] for p in result.problems] == [
        "line 2: broken JSON (Expecting property name enclosed in double quotes at column 2)",
        'line 3: a record needs a "text" string']
    doc = empty.document(1)
    assert (doc.uid, doc.meta) == ("a1", {"url": "x"})


def test_jsonl_annotation_beyond_text_refused(empty, tmp_path):
    path = tmp_path / "bad.jsonl"
    record = {"text": "Short.", "mentions": [{"id": "m1", "start": 0, "end": 99,
                                             "label": "PERSON"}]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1: mention 0..99 lies beyond the text"):
        import_paths(empty, [path])


def test_many_documents_with_progress_and_cancel(empty):
    from ruth_annotator.model import NewDocument

    docs = [NewDocument(f"Article number {i}.") for i in range(10_000)]
    seen = []
    result = empty.add_documents(docs, Task(progress=lambda d, t: seen.append(d)), len(docs))
    assert len(result.added) == 10_000 and seen[-1] == 10_000 and len(seen) > 10
    more = (NewDocument(f"More {i}.") for i in range(5000))
    with pytest.raises(Cancelled):
        empty.add_documents(more, Task(cancelled=lambda: True))
    assert empty.document_count() == 10_000  # cancelled import rolled back whole
