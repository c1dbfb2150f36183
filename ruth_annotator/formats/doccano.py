"""doccano JSONL: one document a line with `entities` and `relations`.

Offsets are UTF-16 units. Confirmed on doccano 1.8.4 itself, in its own annotation screen
under headless Chromium: a span drawn with the mouse over "Kate Winslet" after two emoji is
saved as 8..20 (code points would be 6..18), and our export of a document with emoji, a flag
and CR LF is drawn on the right words (tests/formats/fixtures/doccano_editor_check.py). It
agrees with the source of doccano's annotation component, v-annotator 0.1.28, where (outside
its grapheme mode, the project option “Count grapheme clusters as one character”) a span's
offsets are DOM selection offsets. An offset that falls between the two halves of a surrogate
pair is refused with the line and the offset, never rounded.

What a doccano project needs for this file: a “Sequence Labeling” project with “Use
relation labeling” on, “Allow overlapping entity” on (quotes contain their speakers, cues and
nested quotes), and “Count grapheme clusters as one character” off. With overlapping off,
doccano's import keeps, in order of start, only spans that begin after the last kept one
ends, and then fails (KeyError in `Relations.save`) on a relation to a dropped span; the
export option `no_overlap` writes that file instead, leaving out (and reporting) what such
a project would drop, with the relations that touch it. Both seen on doccano 1.8.4's own
import pipeline (tests/formats/fixtures/doccano_pipeline.py). Quotes and cues become entities
labelled DIRECT_QUOTE … and CUE; links become relations (see flat.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.formats import flat
from ruth_annotator.formats.jsonl import first_json_line, parsed_lines, write_json_lines
from ruth_annotator.formats.registry import STRUCTURE, ExportOptions, ExportReport, Format, register
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.offsets import Utf16Index
from ruth_annotator.model.records import ParsedRecord, first_line

SUFFIXES = (".jsonl",)


def without_overlap(spans: list[flat.FlatSpan], rels: list[flat.Relation], text: str,
                    losses: flat.Losses) -> tuple[list[flat.FlatSpan], list[flat.Relation]]:
    """What a doccano project without overlapping entities keeps: in order of start, a span
    that begins at or after the end of the last span kept (as its import does)."""
    kept, last_end = [], -1
    for s in sorted(spans, key=lambda s: s.start):  # stable, like doccano's sorted()
        if s.start >= last_end:
            kept.append(s)
            last_end = s.end
        else:
            losses.add({"id": s.id, "text": text[s.start:s.end]},
                       "overlaps an earlier span; left out for a doccano project without "
                       "overlapping entities")
    ids = {s.id for s in kept}
    kept_rels = []
    for r in rels:
        if r.head in ids and r.child in ids:
            kept_rels.append(r)
        else:
            losses.add({"id": r.head, "text": ""},
                       f"{r.label} link is left out with the overlapping span it needs")
    return kept, kept_rels


def to_line(record: dict, losses: flat.Losses, no_overlap: bool = False) -> dict:
    spans, rels = flat.export_view(record, losses, discontinuous=False, forms=False,
                                   status=False)
    if no_overlap:
        spans, rels = without_overlap(spans, rels, record["text"], losses)
    index = Utf16Index(record["text"])
    number = {s.id: i for i, s in enumerate(spans, 1)}
    return {
        "id": record["id"],
        "text": record["text"],
        "entities": [
            {"id": number[s.id], "label": s.flat_label,
             "start_offset": index.to_utf16(s.start), "end_offset": index.to_utf16(s.end)}
            for s in spans
        ],
        "relations": [
            {"id": i, "from_id": number[r.head], "to_id": number[r.child], "type": r.label}
            for i, r in enumerate(rels, 1)
        ],
        "title": record["title"],
        "annotator": record["annotator"],
    }


def write(records: Iterable[dict], path: Path, options: ExportOptions,
          report: ExportReport) -> None:
    def convert(record: dict) -> tuple[dict, int, flat.Losses]:
        losses = flat.Losses(record)
        line = to_line(record, losses, options.no_overlap)
        return line, len(line["entities"]), losses

    write_json_lines(records, path, report, convert)


def _int(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} must be an integer, not {value!r}")
    return value


def from_line(data: object) -> ParsedRecord:
    """One doccano line; raises ValueError (or KeyError) naming the first problem."""
    if not isinstance(data, dict):
        raise ValueError("a line must be a JSON object")
    text = data.get("text")
    if not isinstance(text, str):
        raise ValueError('a line needs a "text" string')
    index = Utf16Index(text)

    def offset(value, what: str) -> int:
        u16 = _int(value, what)
        if not 0 <= u16 <= index.length_u16:
            raise ValueError(f"{what} {u16} lies outside the text")
        position = index.to_codepoint(u16)
        if index.to_utf16(position) != u16:
            raise ValueError(f"{what} {u16} falls between the two halves of the surrogate "
                             f"pair of “{text[position]}” (UTF-16 units {u16 - 1}..{u16 + 1}); "
                             "doccano counts UTF-16 units, so the offsets were counted "
                             "some other way")
        return position

    spans: list[flat.FlatSpan] = []
    raw_entities = data.get("entities")
    if raw_entities is None and isinstance(data.get("label"), list):
        # doccano's plain sequence-labelling lines: "label": [[start, end, "LABEL"], …]
        raw_entities = [{"id": i, "start_offset": e[0], "end_offset": e[1], "label": e[2]}
                        for i, e in enumerate(data["label"]) if _triple(e)]
    for e in flat.as_list(raw_entities, "entities"):
        if not isinstance(e, dict) or not isinstance(e.get("label"), str):
            raise ValueError("each entity needs a label string")
        kind, label = flat.kind_of_label(e["label"])
        start = offset(e["start_offset"], "start_offset")
        end = offset(e["end_offset"], "end_offset")
        spans.append(flat.FlatSpan(str(e["id"]), kind, [(start, end)], label))
    rels = []
    for r in flat.as_list(data.get("relations"), "relations"):
        if not isinstance(r, dict) or not isinstance(r.get("type"), str):
            raise ValueError("each relation needs a type string")
        rels.append(flat.Relation(r["type"], str(r["from_id"]), str(r["to_id"])))
    items = flat.items_from_view(text, spans, rels)
    uid = data.get("id")
    title = data.get("title")
    annotator = data.get("annotator")
    doc = NewDocument(text, title if isinstance(title, str) and title else first_line(text),
                      str(uid) if uid is not None else None)
    return ParsedRecord(doc, annotator if isinstance(annotator, str) else None, None, items)


def _triple(e) -> bool:
    if isinstance(e, list) and len(e) == 3 and isinstance(e[2], str):
        return True
    raise ValueError(f"each label must be [start, end, \"LABEL\"], not {e!r}")


def read(path: Path) -> Iterator[ParsedRecord | InputError]:
    return parsed_lines(path, from_line)


def _detect(path: Path) -> bool:
    """A JSONL file whose first line has doccano's `entities` or `label` list."""
    data = first_json_line(path, SUFFIXES)
    if data is None or "mentions" in data or "tokens" in data:
        return False
    entities = data.get("entities")
    if isinstance(entities, list):
        return not entities or (isinstance(entities[0], dict) and "start_offset" in entities[0])
    return isinstance(data.get("label"), list)


FORMAT = register(Format(
    name="doccano",
    description="doccano JSONL (entities and relations, UTF-16 offsets)",
    extensions=SUFFIXES,
    reader=read,
    writer=write,
    carries=STRUCTURE | {"annotators"},
    detect=_detect,
    notes="Offsets count UTF-16 units, as doccano does; turn off “Count grapheme clusters "
          "as one character” and turn on “Allow overlapping entity” in the doccano project "
          "(or export with --no-overlap). Status, mention forms, entity names, "
          "knowledge-base ids and document metadata are not carried.",
))
