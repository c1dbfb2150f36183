"""Train/dev/test splits that do not move: a document's split depends only on its id and
the seed, so adding documents or exporting again never shuffles what was already split
(test material stays test material)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ruth_annotator.errors import RuthError

SPLIT_NAMES = ("train", "dev", "test")


def parse_split(text: str) -> tuple[float, float, float]:
    """`"0.8,0.1,0.1"` (or percentages, `"80,10,10"`) as three fractions that sum to 1."""
    try:
        parts = [float(p) for p in text.split(",")]
    except ValueError:
        raise RuthError(f"--split takes three numbers like 0.8,0.1,0.1, not {text!r}") from None
    if len(parts) != 3 or any(p < 0 for p in parts) or sum(parts) <= 0:
        raise RuthError(f"--split takes three numbers like 0.8,0.1,0.1, not {text!r}")
    total = sum(parts)
    return (parts[0] / total, parts[1] / total, parts[2] / total)


def split_of(document_id: str, seed: int, fractions: tuple[float, float, float]) -> str:
    """The split of one document: a hash of seed and id placed on the cumulative fractions."""
    digest = hashlib.sha256(f"{seed}\x00{document_id}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64
    edge = 0.0
    for name, fraction in zip(SPLIT_NAMES, fractions, strict=True):
        edge += fraction
        if point < edge:
            return name
    return next(n for n, f in zip(SPLIT_NAMES[::-1], fractions[::-1], strict=True) if f > 0)


def split_path(output: Path, name: str, folder: bool) -> Path:
    """Where one split goes: `out/train/` for folder formats, `data.train.jsonl` for files."""
    if folder:
        return output / name
    return output.with_name(f"{output.stem}.{name}{output.suffix}")
