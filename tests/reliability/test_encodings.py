"""No silent wrong guess: a text file is decoded to exactly its text, or refused in one
line. Property tests over random text in each encoding news scrapes come in."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ruth_annotator.errors import InputError
from ruth_annotator.formats.decoding import _accidental_utf8, decode_bytes

WORDS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                min_size=1, max_size=9)
# What Western news text holds beyond ASCII, each a character Windows-1252 can encode.
WESTERN = st.sampled_from(list("éèêëàâäçîïôöûüùñßÉÈÀÇÔÜÑ“”‘’–—…€£°«»½©®¿¡"))
PUNCT = st.sampled_from([" ", " ", " ", ", ", ". ", "\r\n", "\n", "\t", "; ", ": ", "? "])


@st.composite
def western_text(draw):
    """Words and punctuation, with accented letters and typographic marks in and around
    the words, as Western-European news writes them."""
    parts = []
    for _ in range(draw(st.integers(1, 40))):
        word = draw(WORDS)
        if draw(st.booleans()):
            at = draw(st.integers(0, len(word)))
            word = word[:at] + draw(WESTERN) + word[at:]
        parts.append(word + draw(PUNCT))
    return "".join(parts)


PRINTABLE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn")),
                    min_size=1, max_size=60).filter(lambda t: t.strip())


def outcome(data: bytes, text: str) -> str:
    try:
        decoded = decode_bytes(data, "x.txt")
    except InputError as e:
        assert str(e).startswith("x.txt: ") and "\n" not in str(e)
        return "refused"
    return "exact" if decoded == text else "wrong"


def count(figures: dict, result: str) -> None:
    figures[result] = figures.get(result, 0) + 1


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16-le", "utf-16-be"])
@settings(max_examples=200, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=western_text())
def test_western_news_is_exact_or_refused(encoding, text, figures):
    data = text.encode(encoding)
    result = outcome(data, text)
    if result == "wrong" and encoding == "cp1252":
        # The bytes are also valid UTF-8 of a plausible text ("Ã©" and "é" are the same
        # two bytes): no reader can tell. Counted, so the figure shows how rare it is.
        utf8 = data.decode("utf-8", "strict")
        assert not _accidental_utf8(utf8)
        result = "ambiguous"
    assert result != "wrong", repr(text)
    count(figures, result)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
@settings(max_examples=200, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=PRINTABLE)
def test_unicode_with_a_known_encoding_is_exact(encoding, text, figures):
    """UTF-8 (with or without a signature) and UTF-16 with a byte-order mark are read
    exactly, except UTF-8 whose every non-ASCII character is a lone letter of another
    script glued to a Latin letter ("caf锗") — what Windows-1252 read as UTF-8 looks like —
    which is read as Windows-1252 when that reads plausibly (documented trade-off)."""
    # U+FEFF first in UTF-8 is the byte-order signature by convention, not text
    assume(not (encoding == "utf-8" and text.startswith("\ufeff")))
    result = outcome(text.encode(encoding), text)
    if result == "wrong":
        assert encoding != "utf-16" and _accidental_utf8(text), repr(text)
        result = "read as Windows-1252"
    count(figures, result)
    assert result in ("exact", "read as Windows-1252"), repr(text)


@st.composite
def text_in(draw, encoding: str) -> str:
    """Printable text made of characters `encoding` can write (drawn as its bytes)."""
    data = draw(st.binary(min_size=2, max_size=120))
    if encoding.startswith("utf-16"):
        data = data[: len(data) // 2 * 2]
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = ""
    text = "".join(ch for ch in text if ch.isprintable() or ch in "\r\n\t")
    return text if text.strip() else "x"


OTHER = ["utf-16-le", "utf-16-be", "cp1251", "latin-1", "cp1252", "mac-roman", "cp437"]


@settings(max_examples=300, deadline=None, suppress_health_check=[
    HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(case=st.sampled_from(OTHER).flatmap(lambda e: st.tuples(st.just(e), text_in(e))))
def test_any_text_in_other_encodings_is_never_garbled_silently(case, figures):
    """Any printable text in an encoding without a signature: exact, refused, or (only
    where the same bytes are plain text in UTF-8 or Windows-1252 too) ambiguous."""
    encoding, text = case
    data = text.encode(encoding)
    result = outcome(data, text)
    if result == "wrong":
        result = "ambiguous" if _readable_otherwise(data) else "wrong"
    count(figures, f"{encoding} {result}")
    assert result != "wrong", (encoding, text)


def _readable_otherwise(data: bytes) -> bool:
    """The same bytes are plain text in UTF-8 or Windows-1252 too: nothing can tell which
    one the writer meant."""
    for codec in ("utf-8", "cp1252"):
        try:
            data.decode(codec)
            return True
        except UnicodeDecodeError:
            pass
    return False


@pytest.mark.parametrize(("data", "message"), [
    (b"Caf\xc3 au lait \xff\xfe", "byte-order mark in the middle (byte 14)"),
    (b"Caf\xc3 au lait, cr\xc3\xa8me", "broken UTF-8: byte 4"),
    (b"Un caf\xc3 noir.", "broken UTF-8: byte 7"),
    (b"Prix: 12 \x80, caf\xe9 \xef\xbb\xbfet th\xe9", "byte-order mark in the middle"),
])
def test_broken_utf8_is_refused_not_read_as_windows_1252(data, message):
    """It used to import as "CafÃ au lait ÿþ"."""
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        decode_bytes(data, "x.txt")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("text", ["Café au lait “chaud” – 3 €", "Straße, São Paulo, SÃO PAULO",
                                  "Ça coûte « cher », dit-il.", "naïve Ñandú ©2024"])
def test_genuine_windows_1252_still_imports(text):
    assert decode_bytes(text.encode("cp1252"), "x.txt") == text
