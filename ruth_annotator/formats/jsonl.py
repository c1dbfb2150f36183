"""Ruth JSONL: one document and one annotator's layer a line, lossless.

Reading also takes the plain `{"text": …}` lines (with optional id, title, meta) that
corpora come in. Lines are read one at a time, so files of any size stream.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.formats.files import atomic_output
from ruth_annotator.formats.registry import ExportOptions, ExportReport, Format, register
from ruth_annotator.model.records import ParsedRecord, record_to_items

SUFFIXES = (".jsonl", ".ndjson")


def parse_line(line: str, number: int, path: Path) -> ParsedRecord | InputError | None:
    if not line.strip():
        return None
    try:
        data = json.loads(line)
    except json.JSONDecodeError as e:
        return InputError(f"line {number}: broken JSON ({e.msg} at column {e.colno})", path)
    try:
        record = record_to_items(data)
    except (KeyError, TypeError, ValueError) as e:
        detail = f"missing field {e}" if isinstance(e, KeyError) else str(e)
        return InputError(f"line {number}: {detail}", path)
    record.document = replace(record.document, origin=f"{path}:{number}")
    return record


def read(path: Path) -> Iterator[ParsedRecord | InputError]:
    try:
        handle = path.open("rb")
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror})", path) from None
    with handle:
        head = handle.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
            raise InputError("is not UTF-8 JSON lines (it looks like UTF-16 or binary)", path)
        handle.seek(3 if head.startswith(b"\xef\xbb\xbf") else 0)
        empty = True
        for number, raw in enumerate(handle, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield InputError(f"line {number}: not UTF-8 (byte {e.start + 1})", path)
                continue
            parsed = parse_line(line, number, path)
            if parsed is not None:
                empty = False
                yield parsed
        if empty:
            raise InputError("is empty (no JSON lines)", path)


def write_records(records: Iterable[dict], path: Path, options: ExportOptions,
                  report: ExportReport) -> None:
    with atomic_output(path) as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
            report.documents += 1
            report.annotations += len(record["mentions"]) + len(record["quotes"])
    report.files.append(path)


def _detect(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUFFIXES


FORMAT = register(Format(
    name="jsonl",
    description="Ruth JSONL, lossless: one document and annotator layer a line",
    extensions=SUFFIXES + (".json",),
    reader=read,
    writer=write_records,
    carries=frozenset({"entities", "mentions", "quotes", "speakers", "cues", "addressees",
                       "nesting", "segments", "status", "annotators", "metadata"}),
    detect=_detect,
))
