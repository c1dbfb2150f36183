"""Reading text files whose encoding nobody wrote down.

News scrapes come as UTF-8, UTF-16 (with or without a byte-order mark) and Windows-1252 or
Latin-1. A detector guessing freely on a short article picks exotic code pages and produces
silent mojibake, so the order here is fixed and each guess is checked; what fits none is
refused with a message that names the file.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ruth_annotator.errors import InputError

#: A single document larger than this is refused; news articles are kilobytes.
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

# Windows-1252 leaves these five bytes undefined; Latin-1 maps them to C1 controls that no
# real text contains. Their presence rules out both.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")


def read_text_file(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> str:
    """The file's text, exactly (no newline or Unicode normalisation), or an InputError."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(
                f"is {size / 1e6:.0f} MB; a document may be at most {max_bytes / 1e6:.0f} MB "
                "(split it, or import it as JSONL lines)",
                path,
            )
        data = path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path) from None
    except FileNotFoundError:
        raise InputError("does not exist", path) from None
    except PermissionError:
        raise InputError("cannot be read (permission denied)", path) from None
    return decode_bytes(data, path)


def decode_bytes(data: bytes, path: Path | str) -> str:
    if not data.strip():
        raise InputError("is empty" if not data else "holds only white space", path)
    text = _decode_utf16(data)
    if text is None:
        if b"\x00" in data:
            raise InputError("looks binary (it holds NUL bytes), not like text", path)
        text = _decode_utf8(data) or _decode_single_byte(data)
    if text is None:
        raise InputError(
            "is not text in a known encoding (tried UTF-8, UTF-16, Windows-1252, Latin-1)",
            path,
        )
    if "\x00" in text or _control_share(text) > 0.01:
        raise InputError("looks binary (it holds NUL or control bytes), not like text", path)
    if not text.strip():
        raise InputError("holds only white space", path)
    return text


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
    if _CP1252_HOLES.intersection(data):
        return None
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if _mojibake_share(text) > 0.02:
        return None
    return text


def _control_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v"
    )
    return bad / max(1, len(sample))


def _mojibake_share(text: str) -> float:
    """Share of letters that are symbols a cp1252 text almost never holds in a row."""
    odd = sum(1 for a, b in zip(text, text[1:], strict=False)
              if ord(a) > 0x7F and ord(b) > 0x7F and not (a.isalpha() and b.isalpha()))
    return odd / max(1, len(text))
