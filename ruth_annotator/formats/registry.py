"""One registry of formats: each module declares what it reads and writes and what it can
carry, and the CLI, the GUI export dialog and auto-detection all ask here.

Format modules are imported lazily so that a format whose optional library is missing
(spaCy) costs nothing until someone asks for it, and then says what to install.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ruth_annotator.errors import InputError, RuthError
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.model.wording import plural

#: Built-in format modules, in the order auto-detection tries them.
BUILTIN_MODULES = ["jsonl", "doccano", "prodigy", "label_studio", "brat", "conll", "text",
                   "spacy_docbin", "quotes_csv", "hf"]

#: What an annotation model holds; each format says which of these it can carry.
#: The structure of a layer: what every format that can hold relations carries.
STRUCTURE = frozenset({"entities", "mentions", "quotes", "speakers", "cues", "addressees",
                       "nesting", "segments"})
FEATURES = STRUCTURE | {"status", "annotators", "metadata"}


@dataclass
class ExportOptions:
    """Choices the user makes in the export dialog or on the command line."""

    include_suggestions: bool = False
    annotators: list[str] | None = None
    split: tuple[float, float, float] | None = None
    seed: int = 0
    #: Leave out spans that overlap an earlier one (doccano's default project setting
    #: drops them on import and then fails on the relations that point at them).
    no_overlap: bool = False


class Losses(Protocol):
    """What one document's export could not carry (formats/flat.py makes them)."""

    lines: list[str]
    shared: dict[str, int]  # a loss of the document as a whole -> the items it concerns


@dataclass
class ExportReport:
    """What an export wrote, and what the format could not carry (never dropped silently)."""

    documents: int = 0
    annotations: int = 0
    lost: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    undecided_left_out: int = 0  # suggestions not written (no --include-suggestions)
    # A loss that concerns whole documents is one line for the export, counting them:
    # problem -> [its line in `lost`, documents, items]. Keeps the report small at any size.
    _shared: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def take(self, losses: Losses) -> None:
        """Add what one document's export could not carry."""
        self.lost.extend(losses.lines)
        for problem, items in losses.shared.items():
            slot = self._shared.get(problem)
            if slot is None:
                slot = self._shared[problem] = [len(self.lost), 0, 0]
                self.lost.append("")
            slot[1] += 1
            slot[2] += items
            counted = f"{plural(slot[2], 'item')} " if slot[2] else ""
            self.lost[slot[0]] = f"{problem} ({counted}in {plural(slot[1], 'document')})"

    def written(self) -> str:
        """What went into the file, e.g. "1 document, 3 annotations written"."""
        return (f"{plural(self.documents, 'document')}, "
                f"{plural(self.annotations, 'annotation')} written")

    def summary(self) -> str:
        text = self.written()
        if self.lost:
            text += f"; {plural(len(self.lost), 'item')} the format cannot carry (see the report)"
        return text


@dataclass(frozen=True)
class Skipped:
    """Part of a file a reader leaves out on purpose (not an error): the import goes on
    and lists it, e.g. Label Studio predictions exported as ids only."""

    message: str
    path: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


Reader = Callable[[Path], Iterator[ParsedRecord | InputError | Skipped]]
Writer = Callable[[Iterable[dict], Path, ExportOptions, ExportReport], None]


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    extensions: tuple[str, ...] = ()
    reader: Reader | None = None
    writer: Writer | None = None
    carries: frozenset[str] = frozenset()
    folder: bool = False
    detect: Callable[[Path], bool] | None = None
    #: The writer places records in train/dev/test itself (else the pipeline writes one
    #: output per split, see formats/splits.py).
    handles_split: bool = False
    #: What the user should know before choosing it (units, losses, companions).
    notes: str = ""


_FORMATS: dict[str, Format] = {}
_loaded = False


def register(fmt: Format) -> Format:
    unknown = fmt.carries - FEATURES
    if unknown:
        raise ValueError(f"format {fmt.name} declares unknown features {sorted(unknown)}")
    _FORMATS[fmt.name] = fmt
    return fmt


def _load() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        for module in BUILTIN_MODULES:
            importlib.import_module(f"ruth_annotator.formats.{module}")


def formats() -> list[Format]:
    _load()
    return list(_FORMATS.values())


def get(name: str) -> Format:
    _load()
    try:
        return _FORMATS[name]
    except KeyError:
        names = ", ".join(sorted(_FORMATS))
        raise RuthError(f"unknown format {name!r}; choose one of: {names}") from None


def detect(path: Path) -> Format:
    """The format of a file or folder, from its detector or extension."""
    _load()
    if path.is_dir() and any(_files_below(path, (".ann",))):
        return get("brat")  # a brat corpus, its .ann files in subfolders or not
    for fmt in _FORMATS.values():
        if fmt.reader and fmt.detect and fmt.detect(path):
            return fmt
    suffix = path.suffix.lower()
    for fmt in _FORMATS.values():
        if fmt.reader and suffix in fmt.extensions:
            return fmt
    for fmt in _FORMATS.values():  # our own export-only files: say so at once
        if suffix in fmt.extensions:
            raise InputError(f"the {fmt.name} format can only be exported", path)
    raise InputError("has a format I cannot tell; name it with --format", path)


def _files_below(folder: Path, suffixes: tuple[str, ...] = ()) -> Iterator[Path]:
    """Every file below `folder` (all its subfolders), in name order, hidden ones left out;
    with `suffixes`, only files ending so."""
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_file() and (not suffixes or path.suffix.lower() in suffixes):
            yield path


def parts(path: Path, fmt_name: str | None = None) -> list[tuple[Format, Path]]:
    """What to read for an import of `path`, each with its reader's format: a file, or a
    folder read as a whole (brat, plain text), or every file below a folder that a format
    reads, at any depth. A file whose format cannot be told is left out of a folder."""
    fmt = get(fmt_name) if fmt_name else None
    if not path.is_dir():
        return [(fmt or detect(path), path)]
    if fmt is not None:
        if fmt.folder:
            return [(fmt, path)]
        found = [(fmt, f) for f in _files_below(path, fmt.extensions)]
    else:
        files = list(_files_below(path))  # one walk of the folder, sorted as it is
        if any(file.suffix.lower() == ".ann" for file in files):
            return [(get("brat"), path)]
        found = []
        for file in files:
            try:
                found.append((detect(file), file))
            except InputError:
                continue
    if not found:
        what = f"no {fmt.name} files" if fmt else "no file of a format Ruth Annotator reads"
        raise InputError(f"holds {what}", path)
    return found


#: Formats that hold documents on their own too (a JSONL line may be a bare article).
DOCUMENT_FORMATS = frozenset({"jsonl", "text"})


def expects_annotations(fmt: Format) -> bool:
    """Whether files of `fmt` exist to carry annotations (brat's .ann, CoNLL's tags …),
    so a whole folder of them that gives none was misread."""
    return bool(fmt.carries & STRUCTURE) and fmt.name not in DOCUMENT_FORMATS
