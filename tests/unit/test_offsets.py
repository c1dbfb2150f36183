"""Code points versus UTF-16 units, with emoji, flags, ZWJ sequences and combining marks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ruth_annotator.model.offsets import Utf16Index, utf16_length


def utf16_of(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


def test_measured_example():
    text = "Vote 👍 for cafe\u0301"
    index = Utf16Index(text)
    assert text.index("for") == 7 and index.to_utf16(7) == 8
    assert index.to_codepoint(8) == 7
    assert index.to_codepoint(6) == 5  # inside the emoji: rounds down to it
    assert index.length_u16 == utf16_length(text) == 17


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_conversion_matches_encoder(text):
    index = Utf16Index(text)
    for cp in range(len(text) + 1):
        u16 = utf16_of(text, cp)
        assert index.to_utf16(cp) == u16
        assert index.to_codepoint(u16) == cp
