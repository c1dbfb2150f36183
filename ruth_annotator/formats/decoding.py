"""Reading text files whose encoding nobody wrote down.

News scrapes come as UTF-8, UTF-16 (with or without a byte-order mark) and Windows-1252 or
Latin-1. A detector guessing freely on a short article picks exotic code pages and produces
silent mojibake, so the order here is fixed and each guess is checked; what fits none is
refused with a message that names the file.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import unicodedata
from pathlib import Path

from ruth_annotator.errors import InputError

#: The one size limit of every way in: a document (a text file, a JSON line, a file a
#: format reads whole) larger than this is refused before it is read; news articles are
#: kilobytes, and a document in memory costs ten to twenty times its bytes.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

# Windows-1252 leaves these five bytes undefined; Latin-1 maps them to C1 controls that no
# real text contains. Their presence rules out both.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")

# A UTF-8 sequence of two to four bytes. Windows-1252 text holds one only by accident
# ("café”—" is E9 94 97); text that holds many of them is UTF-8 mixed with something else.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")

# Broken UTF-8 that Windows-1252 would read without complaint: the lead byte of é, ü, ñ …
# (C3) or of ©, °, « … (C2) cut off its continuation byte in the middle of a lowercase
# word ("Caf\xc3 au lait"); in Windows-1252 these bytes are the capitals Ã and Â, which
# never follow a lowercase letter. And a byte-order mark anywhere but at the start: text
# glued together from files in other encodings.
_CUT_SEQUENCE = re.compile(rb"[a-z][\xc2\xc3](?![\x80-\xbf])")
_INNER_BOM = re.compile(rb"(?<=.)(\xef\xbb\xbf|\xff\xfe|\xfe\xff)", re.S)

#: Western-European text has few accented letters; a higher share of bytes above 0x7F
#: among the letters means another alphabet (Cyrillic, Greek, CJK in UTF-16) read wrongly.
_MAX_ACCENTED_SHARE = 0.3


def read_text_file(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> str:
    """The file's text, exactly (no newline or Unicode normalisation), or an InputError."""
    try:
        data = read_bounded(path, max_bytes)
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path) from None
    except FileNotFoundError:
        raise InputError("does not exist", path) from None
    except PermissionError:
        raise InputError("cannot be read (permission denied)", path) from None
    return decode_bytes(data, path)


def size_error(size: int, path: Path | str, what: str = "a document",
               max_bytes: int = MAX_DOCUMENT_BYTES) -> InputError:
    """The one message for input over the limit, naming its size and the limit."""
    return InputError(f"is {_megabytes(size)}; {what} may be at most "
                      f"{_megabytes(max_bytes)} (split it, or import it as JSONL lines)", path)


def _megabytes(size: int) -> str:
    return f"{size / 2**20:.0f} MB" if size >= 2**20 else f"{size / 2**10:.0f} KB"


def read_bounded(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES,
                 what: str = "a document") -> bytes:
    """The file's bytes, refused by its size before anything is read (a 1 GiB file of
    holes costs nothing to refuse); a file that grows while it is read is cut at the
    limit and refused too."""
    with path.open("rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size > max_bytes:
            raise size_error(size, path, what, max_bytes)
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise size_error(len(data), path, what, max_bytes)
    return data


def read_utf8(path: Path) -> str:
    """A UTF-8 file of a structured format (byte-order mark allowed), or an InputError.
    Such a file is read whole, so it is held to the size of one document."""
    try:
        return read_bounded(path, what="a file read whole").decode("utf-8-sig")
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path) from None
    except OSError as e:
        raise InputError(f"cannot be read ({e.strerror})", path) from None
    except UnicodeDecodeError as e:
        raise InputError(f"is not UTF-8 (byte {e.start + 1})", path) from None


def json_problem(error: json.JSONDecodeError, *, one_line: bool = False) -> str:
    """What is wrong with broken JSON, and where ("Unterminated string starting at" ends in
    "at" in Python's own message, which made "… starting at at column 5"). For a JSON
    line, whose number the caller names, only the column. Where nothing but white space
    follows the error, the text was cut short: Python then points past the line break, at
    "line 2 column 1", so that is said instead."""
    if not error.doc[error.pos:].strip():
        return f"the {'line' if one_line else 'file'} ends before the JSON value is complete"
    what = error.msg.removesuffix(" at")
    where = f"column {error.colno}" if one_line else f"line {error.lineno} column {error.colno}"
    return f"{what} at {where}"


def decode_bytes(data: bytes, path: Path | str) -> str:
    if not data.strip():
        raise InputError("is empty" if not data else "holds only white space", path)
    text = _decode_utf16(data)
    if text is None:
        if b"\x00" in data:
            raise InputError("looks binary (it holds NUL bytes), not like text; if it is "
                             "UTF-16, save it with a byte-order mark or as UTF-8", path)
        text = _decode_utf8(data)
        if text is None:
            text = _decode_single_byte(data)
            if text is not None:
                _refuse_broken_utf8(data, path)
        elif _accidental_utf8(text):
            text = _decode_single_byte(data) or text
    if text is None:
        if _mixed(data):
            raise InputError("mixes UTF-8 with another encoding; save it as UTF-8 and import "
                             "it again", path)
        raise InputError(
            "is not text in a known encoding (tried UTF-8, UTF-16, Windows-1252, Latin-1); "
            "save it as UTF-8 and import it again",
            path,
        )
    if "\x00" in text or _control_share(text) > 0.01:
        raise InputError("looks binary (it holds NUL or control bytes), not like text", path)
    if not text.strip():
        raise InputError("holds only white space", path)
    return text


def _refuse_broken_utf8(data: bytes, path: Path | str) -> None:
    """Raise an InputError for bytes that are UTF-8 gone wrong rather than another
    encoding: read as Windows-1252 they would import as mojibake ("CafÃ au lait ÿþ")."""
    bom = _INNER_BOM.search(data)
    if bom:
        raise InputError(f"is broken text: a byte-order mark in the middle (byte "
                         f"{bom.start() + 1}); save it as UTF-8 and import it again", path)
    cut = _CUT_SEQUENCE.search(data)
    if cut:
        raise InputError(f"is broken UTF-8: byte {cut.start() + 2} starts a character that "
                         "is cut off; save it as UTF-8 and import it again", path)


def _decode_utf8(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_utf16(data: bytes) -> str | None:
    """UTF-16 by its byte-order mark, or by the zero bytes of ASCII text without one."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                return None
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    codec = None
    if odd_zero > 0.3 and even_zero < 0.05:
        codec = "utf-16-le"
    elif even_zero > 0.3 and odd_zero < 0.05:
        codec = "utf-16-be"
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_single_byte(data: bytes) -> str | None:
    """Windows-1252 (which news sites mean even when they say Latin-1), else Latin-1."""
    if _CP1252_HOLES.intersection(data) or _mixed(data):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for ch in text if ch.isalpha())
    accented = sum(1 for ch in text if ord(ch) > 0x7F and ch.isalpha())
    if accented > _MAX_ACCENTED_SHARE * max(1, letters):
        return None
    return text


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v"
    )
    return bad / max(1, len(sample))


def _mixed(data: bytes) -> bool:
    """UTF-8 sequences as common as the other bytes above 0x7F: UTF-8 mixed with another
    encoding (or UTF-8 text read as Windows-1252 once and saved again)."""
    sequences = _UTF8_SEQUENCE.findall(data)
    if len(sequences) < 2:
        return False
    high = sum(1 for b in data if b > 0x7F)
    others = high - sum(len(seq) for seq in sequences)
    return len(sequences) >= others


def _accidental_utf8(text: str) -> bool:
    """Windows-1252 bytes that happen to be valid UTF-8 decode to lone signs of another
    script glued to a Latin letter ("café”—" reads as "caf" + U+9517, "CAFÉ”" as "CAF" +
    "ɔ"): if every non-ASCII character looks like that, the text is not UTF-8."""
    found = False
    for i, ch in enumerate(text):
        if ord(ch) < 0x80:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if not (before.isascii() and before.isalpha() and after.isascii()):
            return False
        kind = unicodedata.category(ch)[0]
        if not (ord(ch) >= 0x800 and kind in "LSC" or ord(ch) >= 0x180 and kind in "LS"):
            return False
        found = True
    return found
