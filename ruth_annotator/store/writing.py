"""Write failures as one line the user can act on, with nothing half-written.

Every write runs in one transaction; when SQLite cannot finish it (disk full, file made
read-only, I/O error, another program holding the file) the transaction is rolled back and
a ProjectError says so. The GUI keeps the change in memory as unsaved and offers a retry or
a copy elsewhere: nothing may claim to be saved when it is not.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from ruth_annotator.errors import InputError, ProjectError, ProjectLockedError
from ruth_annotator.model.records import ParsedRecord

# Half of a UTF-16 surrogate pair: JSON can carry one ("\ud800"), SQLite cannot store it.
_SURROGATE = re.compile("[\ud800-\udfff]")

_REASONS = (
    ("full", "the disk is full; free some space and retry, or save a copy elsewhere"),
    ("readonly", "the file is read-only; retry once it is writable, or save a copy elsewhere"),
    ("read-only", "the file is read-only; retry once it is writable, or save a copy elsewhere"),
    ("i/o", "the disk reported an error; retry, or save a copy elsewhere"),
)


def write_failure(error: sqlite3.Error, path: Path) -> ProjectError:
    """The ProjectError that explains a failed write of `path`."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return ProjectLockedError(
            "not saved: the file is busy in another program; retry in a moment", path
        )
    for key, advice in _REASONS:
        if key in text:
            return ProjectError(f"not saved: {advice}", path)
    detail = " ".join(str(error).split())
    return ProjectError(f"not saved ({detail}); retry, or save a copy elsewhere", path)


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Translate SQLite errors raised inside the block (which rolls back) to ProjectError."""
    try:
        yield
    except sqlite3.Error as e:
        raise write_failure(e, path) from None


def text_only(records: Iterable[ParsedRecord]) -> Iterator[ParsedRecord]:
    """Pass records on, refusing one that holds a string no file can store (half of a
    surrogate pair, from any importer) with an InputError naming where it came from."""
    for record in records:
        doc = record.document
        strings = [doc.text, doc.title, doc.uid or "", record.annotator or "",
                   json.dumps(doc.meta, ensure_ascii=False)]
        strings += [value for item in record.items for value in
                    (getattr(item, f.name) for f in dataclasses.fields(item))
                    if isinstance(value, str)]
        if any(_SURROGATE.search(value) for value in strings):
            where = doc.origin or f"the record “{_SURROGATE.sub('?', doc.title)[:60]}”"
            raise InputError("holds half of a UTF-16 surrogate pair (\\ud800-\\udfff), "
                             "which is not text", where)
        yield record
