"""Ruth JSONL: one document and one annotator's layer a line, lossless.

Reading also takes the plain `{"text": …}` lines (with optional id, title, meta) that
corpora come in. Lines are read one at a time, so files of any size stream.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.formats import labels
from ruth_annotator.formats.decoding import MAX_DOCUMENT_BYTES, json_problem
from ruth_annotator.formats.files import atomic_output
from ruth_annotator.formats.flat import Losses, resolved_with_losses
from ruth_annotator.formats.registry import FEATURES, ExportOptions, ExportReport, Format, register
from ruth_annotator.model.records import ParsedRecord, record_to_items

SUFFIXES = (".jsonl", ".ndjson")

#: A line longer than this (a document with its annotations) is refused unread: the one
#: document limit of every way in.
MAX_LINE_BYTES = MAX_DOCUMENT_BYTES
# JSON may escape half of a UTF-16 surrogate pair ("\ud800") that is not text at all.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def parse_line(data: object, number: int, path: Path) -> ParsedRecord | InputError:
    try:
        record = record_to_items(data)
        for item in record.items:
            if item.kind in ("entity", "mention"):
                bad = labels.problem(item.label)
                if bad:
                    raise ValueError(f"{item.kind} {item.id!r}: {bad}")
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        detail = f"missing field {e}" if isinstance(e, KeyError) else str(e)
        return InputError(f"line {number}: {detail}", path)
    record.document = replace(record.document, origin=f"{path}:{number}")
    return record


def json_lines(path: Path) -> Iterator[tuple[int, object] | InputError]:
    """(line number, parsed JSON) for each non-empty line, or an InputError for a line
    that is not UTF-8 JSON; every JSON-lines format reads through this."""
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
        for number, raw in enumerate(_lines(handle), 1):
            if raw is None:
                empty = False
                yield InputError(f"line {number}: longer than {MAX_LINE_BYTES // 2**20} MB, "
                                 "the most a document may be; split the document", path)
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                empty = False
                yield InputError(f"line {number}: not UTF-8 (byte {e.start + 1})", path)
                continue
            if not line.strip():
                continue
            empty = False
            try:
                value = json.loads(line)
            except json.JSONDecodeError as e:
                yield InputError(f"line {number}: broken JSON ({json_problem(e, one_line=True)})",
                                 path)
                continue
            except RecursionError:
                yield InputError(f"line {number}: JSON nested too deeply", path)
                continue
            if _SURROGATE_ESCAPE.search(line) and not _encodable(value):
                yield InputError(f"line {number}: holds half of a UTF-16 surrogate pair "
                                 "(\\ud800-\\udfff), which is not text", path)
                continue
            yield number, value
        if empty:
            raise InputError("is empty (no JSON lines)", path)


def _lines(handle) -> Iterator[bytes | None]:
    """The file's lines, each read only up to MAX_LINE_BYTES; None for a longer line, whose
    rest is skipped without holding it in memory."""
    while True:
        raw = handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (chunk := handle.readline(1 << 20)) and not chunk.endswith(b"\n"):
                pass
            yield None
        else:
            yield raw


def _encodable(value: object) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parsed_lines(path: Path, parse: Callable[[object], ParsedRecord]
                 ) -> Iterator[ParsedRecord | InputError]:
    """Records from a JSON-lines file through `parse`, whose KeyError, TypeError and
    ValueError become InputErrors naming the line."""
    for item in json_lines(path):
        if isinstance(item, InputError):
            yield item
            continue
        number, data = item
        try:
            yield parse(data)
        except (KeyError, TypeError, ValueError) as e:
            detail = f"missing field {e}" if isinstance(e, KeyError) else str(e)
            yield InputError(f"line {number}: {detail}", path)


def first_json_line(path: Path, suffixes: tuple[str, ...] = SUFFIXES) -> dict | None:
    """The first line of a JSON-lines file as an object, for format detection."""
    if not (path.is_file() and path.suffix.lower() in suffixes):
        return None
    try:
        with path.open("rb") as f:
            data = json.loads(f.readline(1 << 22).decode("utf-8-sig"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def read(path: Path) -> Iterator[ParsedRecord | InputError]:
    for item in json_lines(path):
        yield item if isinstance(item, InputError) else parse_line(item[1], item[0], path)


def write_json_lines(records: Iterable[dict], path: Path, report: ExportReport,
                     convert: Callable[[dict], tuple[dict, int, Losses]]) -> None:
    """Stream records through `convert` (line, annotations written, what was lost) into
    one JSON object a line; every JSON-lines exporter writes through this."""
    with atomic_output(path) as out:
        for record in records:
            line, written, losses = convert(record)
            out.write(json.dumps(line, ensure_ascii=False))
            out.write("\n")
            report.documents += 1
            report.annotations += written
            report.take(losses)
    report.files.append(path)


def write_records(records: Iterable[dict], path: Path, options: ExportOptions,
                  report: ExportReport) -> None:
    def convert(record: dict) -> tuple[dict, int, Losses]:
        record, losses = resolved_with_losses(record)
        return record, len(record["mentions"]) + len(record["quotes"]), losses

    write_json_lines(records, path, report, convert)


def _detect(path: Path) -> bool:
    data = first_json_line(path)
    return data is not None and ("mentions" in data or "quotes" in data
                                 or set(data) <= {"id", "title", "text", "meta"})


FORMAT = register(Format(
    name="jsonl",
    description="Ruth JSONL, lossless: one document and annotator layer a line",
    extensions=SUFFIXES + (".json",),
    reader=read,
    writer=write_records,
    carries=FEATURES,
    detect=_detect,
))
