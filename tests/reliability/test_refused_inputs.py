"""Bad input through the command line: one line naming the file and the problem, exit
status 1, no traceback, and the project exactly as it was."""

from __future__ import annotations

import json
import os
import tracemalloc

import pytest

from reliability.helpers import cli, dump, error_lines
from ruth_annotator.formats import jsonl

CP1252_NEWS = ("“I love this café”—she said… It’s 5 €, not “cheap”.\r\n"
               "Zoë Brontë wrote: «Ça va», and the CAFÉ’s owner agreed.")
LATIN1_NEWS = ("Le ministre a déclaré: « nous ne partirons pas » à Zürich, à 20 °C.\n"
               "Ça coûte ½ prix © Agence.")


@pytest.fixture
def closed(project):
    project.close()
    return project.path


def refuse(project_path, file, *options) -> str:
    """Import `file`; assert the refusal is one clean line and the project unchanged."""
    before = dump(project_path)
    code, out = cli("import", project_path, file, *options)
    assert code == 1, out
    assert "Traceback" not in out
    [line] = error_lines(out)
    assert line.startswith(f"Error: {file}") and "\n" not in line
    assert dump(project_path) == before
    return line


@pytest.mark.parametrize("name, data, problem", [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "looks binary"),
    ("noise.txt", bytes(range(128, 256)) * 8, "is not text in a known encoding"),
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b" \r\n\t\n", "holds only white space"),
    ("nul.txt", b"The minister said\x00 nothing at all.", "looks binary (it holds NUL"),
    ("broken-utf8.txt", b"Caf\xc3 \x81 and \xe2\x80 more", "is not text in a known encoding"),
    ("mixed.txt", "“UTF-8 quotes” and more “quotes”".encode() + " déjà".encode("cp1252"),
     "mixes UTF-8 with another encoding"),
    ("russian-cp1251.txt", "Министр заявил, что «мы не уйдём».".encode("cp1251"),
     "is not text in a known encoding"),
])
def test_bad_text_files(closed, tmp_path, name, data, problem):
    file = tmp_path / name
    file.write_bytes(data)
    assert problem in refuse(closed, file)


@pytest.mark.parametrize("text, encoding", [
    (CP1252_NEWS, "cp1252"),
    (LATIN1_NEWS, "latin-1"),
    (CP1252_NEWS, "utf-16"),  # with a byte-order mark
    (CP1252_NEWS, "utf-16-le"),  # without one
    (CP1252_NEWS, "utf-16-be"),
    (CP1252_NEWS + " 👍🏽", "utf-8-sig"),
])
def test_news_scrapes_are_decoded_right(closed, tmp_path, text, encoding):
    file = tmp_path / "scrape.txt"
    file.write_bytes(text.encode(encoding))
    code, out = cli("import", closed, file)
    assert code == 0, out
    from ruth_annotator.store import Project

    with Project.open(closed, readonly=True) as project:
        assert project.document(project.document_ids()[-1]).text == text


def test_huge_text_file_is_refused_unread(closed, tmp_path):
    file = tmp_path / "huge.txt"
    with open(file, "wb") as f:  # 200 MB, sparse: nothing to read even if one tried
        f.truncate(200 * 2**20)
    tracemalloc.start()
    try:
        line = refuse(closed, file)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "is 200 MB; a document may be at most 50 MB" in line
    assert peak < 5 * 2**20


def test_over_long_jsonl_line_is_refused_without_holding_it(closed, tmp_path, monkeypatch):
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 2**20)
    file = tmp_path / "long.jsonl"
    with open(file, "w", encoding="utf-8") as f:
        f.write(json.dumps({"text": "A short article."}) + "\n")
        f.write('{"text": "' + "x" * (5 * 2**20) + '"}\n')
        f.write(json.dumps({"text": "Another short article."}) + "\n")
    assert "line 2: longer than 1 MB" in refuse(closed, file)
    code, out = cli("import", closed, file, "--skip-bad")
    assert code == 0 and "2 documents added" in out


def test_broken_jsonl_lines_named_and_skipped_only_on_request(closed, tmp_path):
    file = tmp_path / "mixed.jsonl"
    lines = [json.dumps({"text": "First good article."}),
             '{"text": "broken',
             json.dumps({"text": "Second good article."}),
             json.dumps({"text": "Bad span.", "mentions": [{"start": 5, "end": 99,
                                                           "label": "PERSON"}]}),
             '{"text": "half a surrogate \\ud800"}']
    file.write_bytes("\n".join(lines).encode() + b'\n{"text": "caf\xe9 in Latin-1"}\n')
    assert "line 2: broken JSON" in refuse(closed, file)
    before = len(dump(closed)[0][1])
    code, out = cli("import", closed, file, "--skip-bad")
    assert code == 0
    skipped = [line for line in out.splitlines() if line.startswith("Skipped:")]
    assert [s.split(": ")[2] for s in skipped] == ["line 2", "line 4", "line 5", "line 6"]
    assert "2 documents added" in out
    assert len(dump(closed)[0][1]) == before + 2


def test_jsonl_ids_twice_refused_and_references_outside_the_record_dropped(closed, tmp_path):
    from ruth_annotator.store import Project

    file = tmp_path / "refs.jsonl"
    mention = {"id": "m-1", "start": 0, "end": 4, "label": "PERSON", "entity": "e-elsewhere"}
    file.write_text(json.dumps({"text": "Kate said so.", "mentions": [mention, mention]})
                    + "\n", encoding="utf-8")
    assert "line 1: mention id 'm-1' appears twice" in refuse(closed, file)
    file.write_text(json.dumps({"text": "Kate said so.", "mentions": [mention]}) + "\n",
                    encoding="utf-8")
    assert cli("import", closed, file)[0] == 0
    with Project.open(closed, readonly=True) as project:
        layer = project.layer(project.document_ids()[-1], "tester")
        assert [m.entity for m in layer.mentions.values()] == [None]
    assert cli("check", closed)[0] == 0


def test_brat_offsets_not_matching_the_text(closed, tmp_path):
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "a.txt").write_text("Kate Winslet said hello.\n", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPERSON 0 12\tKate Winslet\nT2\tPERSON 5 13\tWinslet\n",
                                  encoding="utf-8")
    before = dump(closed)
    code, out = cli("import", closed, folder, "--format", "brat")
    assert code == 1 and "Traceback" not in out
    [line] = error_lines(out)
    assert "a.ann: line 2" in line and "Winslet" in line
    assert dump(closed) == before


def test_label_studio_file_from_a_newer_version(closed, tmp_path):
    file = tmp_path / "tasks.json"
    task = {"data": {"text": "Kate said hi"}, "annotations": [{"result": [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "spanlabels",
         "value": {"startOffset": 0, "endOffset": 4, "spanlabels": ["PERSON"]}}]}]}
    file.write_text(json.dumps([task]), encoding="utf-8")
    line = refuse(closed, file, "--format", "label-studio")
    assert "newer Label Studio" in line


def test_half_a_surrogate_pair_from_any_importer(closed, tmp_path):
    """JSON may escape half of a UTF-16 pair, which no file can store as text."""
    file = tmp_path / "tasks.json"
    file.write_text('[{"data": {"text": "Kate said \\ud800 hi"}}]', encoding="utf-8")
    assert "holds half of a UTF-16 surrogate pair" in refuse_any(closed, file,
                                                                 "--format", "label-studio")


def refuse_any(project_path, file, *options) -> str:
    """Like refuse(), for importers whose message names the record rather than the file."""
    before = dump(project_path)
    code, out = cli("import", project_path, file, *options)
    assert code == 1 and "Traceback" not in out
    [line] = error_lines(out)
    assert dump(project_path) == before
    return line


def test_unreadable_file(closed, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads every file")
    file = tmp_path / "secret.txt"
    file.write_text("text", encoding="utf-8")
    file.chmod(0)
    assert "permission denied" in refuse(closed, file)
