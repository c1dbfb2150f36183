"""One document-size limit for every way in, checked before anything is read, and error
messages that quote at most a short excerpt of the input, on one line whatever the file
is called, saying what is actually wrong."""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reliability.helpers import cli, dump, error_lines
from ruth_annotator.errors import EXCERPT_CHARS, MESSAGE_CHARS, RuthError
from ruth_annotator.formats.decoding import MAX_DOCUMENT_BYTES
from ruth_annotator.store import Project

ROOT = Path(__file__).resolve().parents[2]
LIMIT = f"at most {MAX_DOCUMENT_BYTES // 2**20} MB"


@pytest.fixture
def closed(project):
    project.close()
    return project.path


def refused_line(project_path, *args) -> str:
    before = dump(project_path)
    code, out = cli("import", project_path, *args)
    assert code == 1 and "Traceback" not in out, out
    [line] = error_lines(out)
    assert dump(project_path) == before
    return line


def sparse(path: Path, head: bytes, size: int) -> Path:
    """A file of `size` bytes that costs no disk: `head`, then a hole."""
    with path.open("wb") as f:
        f.write(head)
        f.truncate(size)
    return path


def test_a_huge_label_studio_file_is_refused_without_reading_it(closed, tmp_path):
    """A 1 GiB sparse Label Studio file took 2 GB of memory before it was refused. Here the
    import runs with 700 MB of address space: reading the file whole could not even
    start."""
    big = sparse(tmp_path / "tasks.json", b'[{"data": {"text": "', 2**30)
    limit = 700 * 2**20

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-m", "ruth_annotator", "import", str(closed),
                             str(big)], capture_output=True, text=True, timeout=120,
                            env=env, preexec_fn=cap)
    assert result.returncode == 1, result.stderr[-2000:]
    [line] = result.stderr.strip().splitlines()
    assert f"is 1024 MB; a file read whole may be {LIMIT}" in line, line


@pytest.mark.parametrize("name, head", [
    ("tokens.conll", b"Kate B-PERSON\n"),
    ("sub/doc.ann", b"T1\tPERSON 0 4\tKate\n"),
    ("article.txt", b"Kate said so."),
])
def test_every_file_format_has_the_same_limit(closed, tmp_path, name, head):
    path = tmp_path / "in" / name
    path.parent.mkdir(parents=True)
    sparse(path, head, MAX_DOCUMENT_BYTES + 2**20)
    if path.suffix == ".ann":
        path.with_suffix(".txt").write_text("Kate said so.", encoding="utf-8")
    line = refused_line(closed, path if path.suffix != ".ann" else tmp_path / "in")
    assert "is 51 MB; " in line and LIMIT in line, line


def test_a_json_line_has_the_limit_of_a_document(closed, tmp_path):
    """A line of up to 100 MB used to be taken (927 MB resident) while a .txt over 50 MB
    was refused."""
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write('{"text": "' + "x" * (MAX_DOCUMENT_BYTES + 2**20) + '"}\n')
    line = refused_line(closed, path)
    assert f"longer than {MAX_DOCUMENT_BYTES // 2**20} MB, the most a document may be" in line


def test_an_error_quotes_only_a_short_excerpt_of_a_huge_value(closed, tmp_path):
    """A 10 MB line used to be echoed whole into the "one line" error."""
    path = tmp_path / "huge.jsonl"
    mention = {"id": "m1", "start": 0, "end": 2, "label": "PERSON", "form": "y" * 10**7}
    path.write_text(json.dumps({"text": "An article.", "mentions": [mention]}) + "\n",
                    encoding="utf-8")
    line = refused_line(closed, path)
    assert len(line) <= len(f"Error: {path}: ") + MESSAGE_CHARS, len(line)
    assert "yyyy" in line and "y" * (EXCERPT_CHARS + 1) not in line


def test_a_file_name_with_a_newline_stays_on_one_line(closed, tmp_path):
    path = tmp_path / "two\nlines.txt"
    path.write_bytes(b"")
    code, out = cli("import", closed, path)
    assert code == 1
    [line] = [x for x in out.splitlines() if x]
    assert "two\\nlines.txt: is empty" in line


def test_messages_escape_and_cut_what_they_quote():
    error = RuthError("bad value " + repr("a\nb" * 1000), "x\ry.txt")
    assert "\n" not in str(error) and "\r" not in str(error)
    assert str(error).startswith("x\\ry.txt: bad value 'a\\nb")
    assert len(error.message) == MESSAGE_CHARS and error.message.endswith("…")
    from ruth_annotator.errors import excerpt

    assert excerpt("z" * 1000) == "z" * EXCERPT_CHARS + "…"


def label_studio_task(value: dict) -> list:
    return [{"data": {"text": "Kate Winslet spoke."},
             "annotations": [{"result": [{"id": "r1", "from_name": "label", "to_name": "text",
                                          "type": "labels", "value": value}]}]}]


@pytest.mark.parametrize("value, message", [
    ({"start": 1.5, "end": 4, "labels": ["PERSON"]},
     "region 'r1' start must be a whole number of characters, not 1.5"),
    ({"start": 9, "end": 5, "labels": ["PERSON"]}, "region 'r1' starts at 9, not before its end 5"),
    ({"end": 5, "labels": ["PERSON"]}, "region 'r1' has no start/end offsets"),
])
def test_label_studio_offsets_say_what_is_wrong(closed, tmp_path, value, message):
    """start 1.5 was "has no start/end offsets", start > end "lies outside the text"."""
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(label_studio_task(value)), encoding="utf-8")
    assert message in refused_line(closed, path)


def test_doccano_start_after_end_says_so(closed, tmp_path):
    path = tmp_path / "doccano.jsonl"
    path.write_text(json.dumps({"text": "Kate Winslet spoke.", "entities": [
        {"id": 1, "start_offset": 9, "end_offset": 5, "label": "PERSON"}]}) + "\n",
        encoding="utf-8")
    assert "starts at 9, not before its end 5" in refused_line(closed, path, "--format",
                                                                "doccano")


def test_broken_json_says_at_once(closed, tmp_path):
    """"Unterminated string starting at at column 10"."""
    path = tmp_path / "broken.jsonl"
    path.write_text('{"text": "no end', encoding="utf-8")
    line = refused_line(closed, path)
    assert "at at" not in line and "Unterminated string starting at column 10" in line


def test_a_missing_table_is_named(tmp_path):
    """A damaged schema used to be "the ? table is not as this release made it"."""
    path = tmp_path / "p.ruth"
    Project.open(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute("drop table quotes")
    conn.commit()
    conn.close()
    with pytest.raises(RuthError, match="the quotes table is missing") as caught:
        Project.open(path)
    assert "?" not in str(caught.value)
