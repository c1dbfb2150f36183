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
