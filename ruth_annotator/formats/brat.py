"""brat standoff: a folder of `NAME.txt` + `NAME.ann`, and one `annotation.conf`.

Mentions are `T` lines typed by label, quotes `T` lines of type `Quote` whose discontinuous
fragments are `start end;start end`, cues `T` lines of type `Cue`; `R` lines link a quote
to its `Speaker`, `Addressee` and cue (`Quote_cue`); `A` lines hold `QuoteType`, `Form` and
`Status`; mentions of one entity share an `*\tEquiv` line.

What brat counts: characters (code points) of the exact text of the .txt, CR LF counting
two (see brat_read.py for how brat reads, and how that was checked against brat itself).
The .txt is written with its exact bytes and offsets are Ruth's own. An .ann line cannot
hold a line break, so a span that crosses one is written as fragments on either side of
it, and fragments separated by line breaks alone are joined again on reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.formats import flat, labels
from ruth_annotator.formats.brat_read import LINE_BREAKS, RELATION_TYPES, read_pair
from ruth_annotator.formats.files import atomic_output, inside, safe_name
from ruth_annotator.formats.registry import STRUCTURE, ExportOptions, ExportReport, Format, register
from ruth_annotator.model.records import ParsedRecord

_BREAK_RUN = re.compile(f"[{LINE_BREAKS}]+")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of text[start:end] between line breaks."""
    out, pos = [], start
    for m in _BREAK_RUN.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


def to_ann(record: dict, losses: flat.Losses) -> str:
    spans, rels = flat.export_view(record, losses, discontinuous=True, forms=True,
                                   status=True)
    text = record["text"]
    tid: dict[str, str] = {}
    out: list[str] = []
    attrs: list[str] = []
    for s in spans:
        parts = [p for a, b in s.fragments for p in fragments(text, a, b)]
        item = {"id": s.id, "text": text[s.start:s.end]}
        if not parts:
            losses.add(item, "holds only line breaks, which brat cannot show; left out")
            continue
        if parts[0][0] != s.start or parts[-1][1] != s.end:
            losses.add(item, "begins or ends with a line break, which brat leaves out")
        if s.kind == "quote" and any(
                b < c and not text[b:c].strip(LINE_BREAKS)
                for (_, b), (c, _) in zip(s.fragments, s.fragments[1:], strict=False)):
            losses.add(item, "segments separated only by a line break read back as one")
        t = f"T{len(tid) + 1}"
        tid[s.id] = t
        kind = {"quote": "Quote", "cue": "Cue"}.get(s.kind, s.label)
        offsets = ";".join(f"{a} {b}" for a, b in parts)
        out.append(f"{t}\t{kind} {offsets}\t{' '.join(text[a:b] for a, b in parts)}")
        if s.kind == "quote":
            attrs.append(f"QuoteType {t} {s.label}")
        if s.form and s.form != "name":
            attrs.append(f"Form {t} {s.form}")
        if s.status != "accepted":
            attrs.append(f"Status {t} {s.status}")
    groups: dict[str, list[str]] = {}
    n_rel = 0
    for r in rels:
        if r.head not in tid or r.child not in tid:
            continue
        if r.label == flat.COREF:
            groups.setdefault(r.child, [tid[r.child]]).append(tid[r.head])
        else:
            n_rel += 1
            out.append(f"R{n_rel}\t{RELATION_TYPES[r.label]} Arg1:{tid[r.head]} "
                       f"Arg2:{tid[r.child]}")
    out.extend(f"A{i}\t{a}" for i, a in enumerate(attrs, 1))
    out.extend("*\tEquiv " + " ".join(group) for group in groups.values())
    return "".join(line + "\n" for line in out)


def write(records: Iterable[dict], path: Path, options: ExportOptions,
          report: ExportReport) -> None:
    path.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    types: dict[str, None] = {}
    for record in records:
        name = safe_name(record["id"])
        if name in used:
            name = f"{name}-{safe_name(record['annotator'] or 'layer')}"
        base, n = name, 1
        while name in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name)
        losses = flat.Losses(record)
        ann = to_ann(record, losses)
        with atomic_output(inside(path, name + ".txt")) as out:
            out.write(record["text"])
        with atomic_output(inside(path, name + ".ann")) as out:
            out.write(ann)
        types.update((labels.exported(m["label"]), None) for m in record["mentions"])
        report.documents += 1
        report.annotations += len(record["mentions"]) + len(record["quotes"])
        report.take(losses)
    with atomic_output(inside(path, "annotation.conf")) as out:
        out.write(annotation_conf(list(types)))
    report.files.append(path)


def annotation_conf(labels: list[str]) -> str:
    """brat's configuration for the types, relations and attributes written."""
    return "\n".join([
        "[entities]", *labels, "Quote", "Cue", "",
        "[relations]",
        "Speaker\tArg1:Quote, Arg2:<ENTITY>",
        "Addressee\tArg1:Quote, Arg2:<ENTITY>",
        "Quote_cue\tArg1:Quote, Arg2:Cue",
        "Equiv\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "",
        "[events]", "",
        "[attributes]",
        "QuoteType\tArg:Quote, Value:" + "|".join(flat.QUOTE_LABELS),
        "Form\tArg:<ENTITY>, Value:nominal|pronoun",
        "Status\tArg:<ENTITY>, Value:proposed", "",
    ])


def read(path: Path) -> Iterator[ParsedRecord | InputError]:
    if path.is_dir():
        anns = sorted(p for p in path.rglob("*.ann") if not p.name.startswith("."))
        if not anns:
            raise InputError("holds no brat .ann files", path)
    else:
        anns = [path.with_suffix(".ann")]
    for ann in anns:
        try:
            yield read_pair(ann)
        except InputError as e:
            yield e


def _detect(path: Path) -> bool:
    if path.is_dir():
        return any(p.suffix == ".ann" for p in path.iterdir())
    return path.suffix == ".ann"


FORMAT = register(Format(
    name="brat",
    description="brat standoff folder (.txt + .ann, annotation.conf)",
    extensions=(".ann",),
    reader=read,
    writer=write,
    carries=STRUCTURE | {"status"},
    folder=True,
    detect=_detect,
    notes="Offsets are characters of the exact text (CR LF counts two, as in brat). Entity "
          "names and knowledge-base ids are not carried; spans crossing line breaks are "
          "written as fragments.",
))
