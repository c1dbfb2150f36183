"""Plain text files, one article a file (or a folder of them); the title is the first line."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.formats.decoding import read_text_file
from ruth_annotator.formats.registry import Format, register
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.records import ParsedRecord, first_line

SUFFIXES = (".txt", ".text")


def text_files(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
    )


def read(path: Path) -> Iterator[ParsedRecord | InputError]:
    """Records for one file or every text file below a folder; unreadable files are
    yielded as errors so the caller can stop or skip them."""
    files = text_files(path) if path.is_dir() else [path]
    if path.is_dir() and not files:
        raise InputError("holds no .txt files", path)
    for file in files:
        try:
            text = read_text_file(file)
        except InputError as e:
            yield e
            continue
        yield ParsedRecord(
            NewDocument(text=text, title=first_line(text), uid=file.stem,
                        meta={"source_file": file.name}, origin=str(file)),
            None, None,
        )


def _detect(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES or (path.is_dir() and bool(text_files(path)))


FORMAT = register(Format(
    name="text",
    description="Plain text articles (.txt), a file or a folder; title = first line",
    extensions=SUFFIXES,
    reader=read,
    carries=frozenset({"metadata"}),
    folder=True,
    detect=_detect,
))
