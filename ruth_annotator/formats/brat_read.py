"""Reading brat standoff strictly, and the offset rules that writing shares.

Offsets count the characters (code points) of the exact text of the .txt: brat's
`open_textfile` asks `codecs.open` for universal newlines, but `codecs.open` always opens
the file in binary mode, so nothing is translated and CR LF counts two. Its .ann lines are
read with `readlines()` of a codecs reader, which splits at every line boundary of
`str.splitlines`. Checked against brat itself (v1.3 on Python 2.7 and master on Python
3.10): a CR LF document whose offsets count CR LF as one is refused line by line
(“Text-bound annotation text … does not match marked span(s)”).

brat decodes the .txt as "utf8", so a UTF-8 byte-order mark is its character 0: offsets in
a pair whose .txt starts with one are one more than Ruth's (which drops the mark).

Every text-bound line is checked against the text as brat checks it (the fragments' text
joined by one space starts the text field, and what follows it is white space), so offsets
counted some other way are refused with the line that shows it, never imported shifted.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.formats import flat
from ruth_annotator.formats.decoding import read_text_file, read_utf8
from ruth_annotator.model.annotations import MENTION_FORMS, QUOTE_TYPES, STATUSES
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.records import ParsedRecord, first_line

#: Characters that end a line for brat's .ann reader (Python's str.splitlines).
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
RELATION_TYPES = {flat.SPEAKER: "Speaker", flat.ADDRESSEE: "Addressee", flat.CUE: "Quote_cue"}
_RELATION_OF = {v: k for k, v in RELATION_TYPES.items()}
_TEXTBOUND = re.compile(r"^(\S+) (\d+ \d+(?:;\d+ \d+)*)$")
_ESCAPES = {ord(c): repr(c)[1:-1] for c in LINE_BREAKS + "\t"}
_ATTRIBUTES = {"QuoteType": QUOTE_TYPES, "Form": MENTION_FORMS, "Status": STATUSES}


def parse_textbound(head: str) -> tuple[str, list[tuple[int, int]]] | None:
    """(type, fragments in the file's order) of a `T` line's "TYPE START END;START END"
    part, or None when it is not that shape."""
    m = _TEXTBOUND.match(head)
    if not m:
        return None
    return m.group(1), [(int(a), int(b)) for a, b in
                        (f.split(" ") for f in m.group(2).split(";"))]


class _Ann:
    """The lines of one .ann file, parsed."""

    def __init__(self, text: str, path: Path, bom: bool = False) -> None:
        self.text, self.path = text, path
        # brat decodes with "utf8", not "utf-8-sig": a byte-order mark is its character 0.
        self.shift = 1 if bom else 0
        self.brat = "\ufeff" * self.shift + text
        self.spans: dict[str, flat.FlatSpan] = {}
        self.rels: list[flat.Relation] = []
        self.attrs: list[tuple[int, str, str, str]] = []
        self.ids: set[str] = set()

    def fail(self, number: int, problem: str) -> InputError:
        return InputError(f"line {number}: {problem.translate(_ESCAPES)}", self.path)

    def line(self, number: int, line: str) -> None:
        ident, _, rest = line.partition("\t")
        if ident != "*" and ident in self.ids:
            raise self.fail(number, f"id {ident} is used twice")
        self.ids.add(ident)
        if ident.startswith("T"):
            self.textbound(number, ident, rest)
        elif ident.startswith("R"):
            kind, *args = rest.partition("\t")[0].split(" ")
            roles = dict(a.split(":", 1) for a in args if ":" in a)
            if len(args) != 2 or set(roles) != {"Arg1", "Arg2"}:
                raise self.fail(number, f"relation {ident} needs Arg1: and Arg2:")
            if kind in _RELATION_OF:
                self.rels.append(flat.Relation(_RELATION_OF[kind], roles["Arg1"], roles["Arg2"]))
        elif ident.startswith("A") or ident.startswith("M"):
            parts = rest.split(" ")
            if len(parts) not in (2, 3):
                raise self.fail(number, f"attribute {ident} needs a name and a target")
            if parts[0] in _ATTRIBUTES:
                self.attrs.append((number, parts[0], parts[1], parts[2] if parts[2:] else ""))
        elif ident == "*":
            members = rest.split(" ")[1:]
            if len(members) < 2:
                raise self.fail(number, "an equivalence needs two or more ids")
            self.rels.extend(flat.Relation(flat.COREF, m, members[0]) for m in members[1:])
        elif ident[:1] not in ("E", "N", "#"):
            raise self.fail(number, f"is not a brat annotation line (id {ident!r})")

    def textbound(self, number: int, ident: str, rest: str) -> None:
        head, tab, shown = rest.partition("\t")
        parsed = parse_textbound(head)
        if parsed is None or not tab:
            raise self.fail(number, f"{ident} is not “TYPE START END\\tTEXT”")
        kind, frags = parsed
        ordered = sorted(frags)  # brat takes fragments in any order, none overlapping
        for (a, b), prev in zip(ordered, [(-1, -1), *ordered], strict=False):
            if not (self.shift <= a < b <= len(self.brat)) or a < prev[1]:
                raise self.fail(number, f"{ident} offsets {a} {b} do not fit the text "
                                        f"({len(self.brat)} characters)")
        expected = " ".join(self.brat[a:b] for a, b in frags)
        rest = shown[len(expected):]
        if not shown.startswith(expected) or (rest and not rest[0].isspace()):
            hint = ""
            if "\r\n" in self.text:
                hint = (" (brat counts CR LF as two characters; were the offsets counted "
                        "with CR LF as one?)")
            raise self.fail(number, f"{ident} says “{shown.translate(_ESCAPES)}” but the "
                                    f"text at {head.partition(' ')[2]} is "
                                    f"“{expected.translate(_ESCAPES)}”"
                                    + hint)
        frags = [(a - self.shift, b - self.shift) for a, b in ordered]
        merged = [frags[0]]
        for a, b in frags[1:]:
            gap = self.text[merged[-1][1]:a]
            if gap and not gap.strip(LINE_BREAKS):
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        if kind == "Quote":
            self.spans[ident] = flat.FlatSpan(ident, "quote", merged, "direct")
        elif kind == "Cue":
            self.spans[ident] = flat.FlatSpan(ident, "cue", merged, flat.CUE_LABEL)
        else:
            self.spans[ident] = flat.FlatSpan(ident, "mention", merged, kind)

    def apply_attributes(self) -> None:
        for number, name, target, value in self.attrs:
            span = self.spans.get(target)
            if span is None:
                raise self.fail(number, f"attribute {name} points to {target}, which is "
                                        "not a text-bound annotation")
            if value not in _ATTRIBUTES[name]:
                raise self.fail(number, f"{name} {value!r} is not one of "
                                        f"{', '.join(_ATTRIBUTES[name])}")
            if name == "QuoteType":
                span.label = value
            elif name == "Form":
                span.form = value
            else:
                span.status = value


def read_pair(ann_path: Path) -> ParsedRecord:
    """The document and annotations of NAME.ann with its NAME.txt."""
    txt = ann_path.with_suffix(".txt")
    text = read_text_file(txt)
    with txt.open("rb") as f:
        bom = f.read(3) == codecs.BOM_UTF8
    content = read_utf8(ann_path)
    ann = _Ann(text, ann_path, bom)
    for number, line in enumerate(content.splitlines(), 1):
        if line.strip():
            ann.line(number, line)
    ann.apply_attributes()
    try:
        items = flat.items_from_view(text, list(ann.spans.values()), ann.rels)
    except ValueError as e:
        raise InputError(str(e), ann_path) from None
    doc = NewDocument(text, first_line(text), ann_path.stem, origin=str(ann_path))
    return ParsedRecord(doc, None, None, items)
