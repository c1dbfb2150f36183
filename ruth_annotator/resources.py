"""Files shipped with the app (sample article, icons): inside the wheel they sit in
`ruth_annotator/resources`, in a source checkout in the top-level `resources/` folder."""

from __future__ import annotations

from pathlib import Path

#: The app's id on Linux desktops: the .desktop, metainfo and icon names.
DESKTOP_ID = "io.github.ruthannotator.RuthAnnotator"

_PACKAGED = Path(__file__).resolve().parent / "resources"
_CHECKOUT = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    for base in (_PACKAGED, _CHECKOUT):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"resource {'/'.join(parts)} is missing from this installation")


def sample_article() -> Path:
    return resource_path("samples", "i_am_ruth.txt")


def doc_path(*parts: str) -> Path:
    """A page of the user guide: `ruth_annotator/resources/docs` in the wheel, `docs/` in a
    checkout, so that Help works offline from any installation."""
    for base in (_PACKAGED / "docs", _CHECKOUT.parent / "docs"):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"help page {'/'.join(parts)} is missing from this installation")
