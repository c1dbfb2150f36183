"""Counts in words, for every message a person reads."""

from __future__ import annotations


def plural(count: int, noun: str) -> str:
    """'1 entity', '2 entities', '3 quotes': counts in words, never 'quote(s)'."""
    if count == 1:
        return f"1 {noun}"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return f"{count:,} {noun[:-1]}ies"
    return f"{count:,} {noun}es" if noun.endswith(("s", "sh", "ch", "x")) else \
        f"{count:,} {noun}s"


def short(text: str, limit: int = 30) -> str:
    """`text` on one line (whitespace runs as one space), cut to `limit` characters with an
    ellipsis: how a change set's description quotes a name or a surface."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
