"""Readers that do what brat and doccano themselves do with a file, step by step, for the two
tools that do not install from the package index, and writers that build files the way
brat, doccano and Label Studio write them (for importing each tool's own file).

Written from the tools' source, not copied: brat `server/src/annotation.py` (nlplab/brat
master; the same reading in v1.3), doccano `backend/data_import/pipeline/label.py`,
`labels.py`, `datasets.py` and `backend/data_export/models.py`. Label Studio's export shape
is the one its JSON export writes (1.23.2), with offsets in code points.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

# -- brat -------------------------------------------------------------------------------

#: annotation.py `__split_annotation_id`: letters (or # and letters), a number, a tail.
BRAT_ID = re.compile(r"^([A-Za-z]+|#[A-Za-z]*)([0-9]+)(.*?)$")
DISCONT_SEP = " "


class BratError(AssertionError):
    """A line brat would list among its failed lines, with brat's own message."""


@dataclass
class BratTextBound:
    id: str
    type: str
    spans: list[tuple[int, int]]
    text: str


def brat_text(txt: Path) -> str:
    """`open_textfile(name, 'r')`: codecs.open adds 'b' to the mode, so the file is decoded
    as UTF-8 (strict) without any newline translation; CR LF stays two characters."""
    return txt.read_bytes().decode("utf-8", "strict")


def brat_ann_lines(ann: Path) -> list[str]:
    """`input_file.readlines()` of a codecs reader: `str.splitlines(keepends=True)`."""
    return ann.read_bytes().decode("utf-8", "strict").splitlines(keepends=True)


def brat_document(ann: Path) -> dict:
    """Parse NAME.ann against NAME.txt as brat's TextAnnotations does; raises BratError for
    what brat reports as a failed line."""
    text = brat_text(ann.with_suffix(".txt"))
    textbounds: dict[str, BratTextBound] = {}
    relations, attributes, equivs = [], [], []
    seen: set[str] = set()
    for number, line in enumerate(brat_ann_lines(ann), 1):
        if "\t" not in line:
            raise BratError(f"line {number}: no tab (AnnotationLineSyntaxError): {line!r}")
        ident, id_tail = line.split("\t", 1)
        if ident in seen and ident != "*":
            raise BratError(f"line {number}: duplicate id {ident}")
        if ident != "*" and not BRAT_ID.match(ident):
            raise BratError(f"line {number}: invalid id {ident!r}")
        seen.add(ident)
        if "\t" in id_tail:
            delim = id_tail.index("\t")
            data, data_tail = id_tail[:delim], id_tail[delim:]
        else:
            data, data_tail = id_tail, ""
        if ident[0] == "T":
            textbounds[ident] = _brat_textbound(ident, data, data_tail, text, number)
        elif ident[0] == "R":
            kind, _, rest = data.partition(" ")
            args = [tuple(a.split(":")) for a in rest.split()]
            if len(args) != 2 or args[0][0] == args[1][0]:
                raise BratError(f"line {number}: relation must have two distinct arguments")
            relations.append((kind, args[0][1], args[1][1]))
        elif ident[0] in "AM":
            parts = data.split(" ")
            if len(parts) not in (2, 3):
                raise BratError(f"line {number}: attribute syntax")
            attributes.append(tuple(parts))
        elif ident == "*":
            kind, *members = data.split()
            equivs.append((kind, members))
        else:
            raise BratError(f"line {number}: unknown annotation prefix {ident!r}")
    ids = set(textbounds)
    for kind, a, b in relations:
        if a not in ids or b not in ids:
            raise BratError(f"relation {kind} points to a missing annotation ({a}, {b})")
    for name, target, *_ in attributes:
        if target not in ids:
            raise BratError(f"attribute {name} points to a missing annotation {target}")
    for _, members in equivs:
        if not set(members) <= ids:
            raise BratError(f"Equiv points to a missing annotation: {members}")
    return {"text": text, "textbounds": textbounds, "relations": relations,
            "attributes": attributes, "equivs": equivs}


def _brat_textbound(ident: str, data: str, data_tail: str, text: str,
                    number: int) -> BratTextBound:
    """`_split_textbound_data` and TextAnnotations `_parse_textbound_annotation`."""
    kind, rest = data.split(" ", 1)
    spans = []
    for part in rest.split(";"):
        start_str, end_str = part.split(" ", 2)
        end_str = end_str.rstrip()
        if any(c.isspace() for c in end_str):
            raise BratError(f"line {number}: Error parsing textbound (space instead of tab?)")
        spans.append((int(start_str), int(end_str)))
    seen: list[tuple[int, int]] = []
    for start, end in spans:
        if start > end or start < 0:
            raise BratError(f"line {number}: Text-bound annotation start > end or < 0")
        if end > len(text):
            raise BratError(f"line {number}: Text-bound annotation offset exceeds text length")
        for ostart, oend in seen:
            if end >= ostart and start < oend:
                raise BratError(f"line {number}: Text-bound annotation spans overlap")
        seen.append((start, end))
    spanlen = sum(end - start for start, end in spans) + (len(spans) - 1) * len(DISCONT_SEP)
    if data_tail.strip() == "" and spanlen > 0:
        raise BratError(f"line {number}: Text-bound annotation missing text")
    if data_tail[0] != "\t":
        raise BratError(f"line {number}: Text-bound annotation missing tab before text")
    if spanlen > len(data_tail) - 1:
        raise BratError(f"line {number}: Text-bound annotation text {data_tail[1:]!r} "
                        f"shorter than marked span(s) {spans}")
    shown = data_tail[1:spanlen + 1]
    tail = data_tail[spanlen + 1:]
    reftext = DISCONT_SEP.join(text[start:end] for start, end in spans)
    if shown != reftext:
        raise BratError(f"line {number}: Text-bound annotation text {shown!r} does not match "
                        f"marked span(s) {spans} text {reftext!r} in document")
    if tail != "" and not tail[0].isspace():
        raise BratError(f"line {number}: Text-bound annotation text not separated from rest "
                        "of line by space")
    return BratTextBound(ident, kind, spans, shown)


def brat_conf(path: Path) -> dict[str, set[str]]:
    """Section → names declared in annotation.conf (first tab-separated field)."""
    sections: dict[str, set[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
        elif line.strip() and not line.startswith("#") and current is not None:
            current.add(line.split("\t")[0].strip())
    return sections


def brat_folder(folder: Path) -> dict[str, dict]:
    """Every document of an export folder read as brat reads it, its types declared."""
    conf = brat_conf(folder / "annotation.conf")
    docs = {}
    for ann in sorted(folder.glob("*.ann")):
        doc = brat_document(ann)
        for tb in doc["textbounds"].values():
            assert tb.type in conf["entities"], (ann, tb.type)
        for kind, *_ in doc["relations"]:
            assert kind in conf["relations"], (ann, kind)
        for name, *_ in doc["attributes"]:
            assert name in conf["attributes"], (ann, name)
        docs[ann.stem] = doc
    return docs


def brat_ann_line(ident: str, kind: str, spans: list[tuple[int, int]], text: str) -> str:
    """A T line as brat writes it (TextBoundAnnotationWithText.__str__)."""
    offsets = ";".join(f"{start} {end}" for start, end in spans)
    shown = DISCONT_SEP.join(text[start:end] for start, end in spans)
    return f"{ident}\t{kind} {offsets}\t{shown}\n"


# -- doccano ------------------------------------------------------------------------------

class DoccanoImportError(Exception):
    """What doccano's import task dies of (a KeyError in Relations.save)."""


def doccano_import(path: Path, allow_overlapping: bool) -> list[dict]:
    """RelationExtractionDataset.save for a JSONL file: SpanLabel / RelationLabel parsing
    (labels that fail validation are dropped silently, as LabelMaker does), Spans.clean
    with the project's “Allow overlapping entity” setting, then Relations.save, whose
    `id_to_span[(from_id, example)]` raises KeyError for a relation to a dropped span."""
    examples = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        assert isinstance(row["text"], str)
        spans = [s for s in row.get("entities", []) if _doccano_span_ok(s)]
        if not allow_overlapping:
            kept, last = [], -1
            for span in sorted(spans, key=lambda s: s["start_offset"]):
                if span["start_offset"] >= last:
                    last = span["end_offset"]
                    kept.append(span)
            spans = kept
        id_to_span = {s.get("id", -1): s for s in spans}
        relations = []
        for rel in row.get("relations", []):
            assert isinstance(rel["type"], str) and rel["type"]
            try:
                relations.append((rel["type"], id_to_span[rel["from_id"]],
                                  id_to_span[rel["to_id"]]))
            except KeyError as e:
                raise DoccanoImportError(f"KeyError {e} in Relations.save") from None
        meta = {k: v for k, v in row.items() if k not in ("text", "entities", "relations")}
        examples.append({"text": row["text"], "spans": spans, "relations": relations,
                         "meta": meta})
    return examples


def _doccano_span_ok(span: dict) -> bool:
    """SpanLabel: label a non-empty string, offsets non-negative integers, start < end."""
    start, end, label = span.get("start_offset"), span.get("end_offset"), span.get("label")
    return (isinstance(label, str) and len(label) >= 1 and isinstance(start, int)
            and isinstance(end, int) and 0 <= start < end)


def doccano_shown(text: str, start: int, end: int) -> str:
    """What doccano's annotation view (v-annotator) shows between two offsets: UTF-16 units
    of the text; an offset inside a surrogate pair cannot be shown (strict decoding)."""
    units = text.encode("utf-16-le")
    return units[2 * start:2 * end].decode("utf-16-le", "strict")


def doccano_export_line(example_id: int, text: str, meta: dict, spans: list[dict],
                        relations: list[dict]) -> dict:
    """A line of doccano's relation-extraction JSONL export: the example's id and text, then
    its meta (the columns it was imported with), then ExportedSpan / ExportedRelation
    `to_dict()` with database ids."""
    return {"id": example_id, "text": text, **meta, "entities": spans, "relations": relations,
            "Comments": []}


# -- Label Studio --------------------------------------------------------------------------

def label_studio_export(tasks: list[dict], first_task_id: int = 1,
                        predictions_as_ids: bool = True) -> list[dict]:
    """Tasks as Label Studio's JSON export returns them after import: ids added, each
    annotation with its id, author and times, and (by default) predictions listed by id
    only, as its default export does."""
    out = []
    for n, task in enumerate(tasks):
        task_id = first_task_id + n
        annotations = [{
            "id": 100 + task_id * 10 + i, "completed_by": 1, "result": [
                {**r, "origin": "manual"} if r["type"] == "labels" else r
                for r in a["result"]],
            "was_cancelled": False, "ground_truth": False,
            "created_at": "2026-12-06T05:00:00.000000Z",
            "updated_at": "2026-12-06T05:00:00.000000Z", "draft_created_at": None,
            "lead_time": 12.5, "prediction": {}, "result_count": len(a["result"]),
            "unique_id": f"u-{task_id}-{i}", "import_id": None, "last_action": None,
            "bulk_created": False, "task": task_id, "project": 1, "updated_by": 1,
            "parent_prediction": None, "parent_annotation": None, "last_created_by": None,
        } for i, a in enumerate(task.get("annotations", []))]
        predictions = task.get("predictions", [])
        out.append({
            "id": task_id, "annotations": annotations, "file_upload": "tasks.json",
            "drafts": [], "predictions": ([900 + task_id] if predictions else [])
            if predictions_as_ids else [{**p, "id": 900 + task_id, "task": task_id}
                                        for p in predictions],
            "data": task["data"], "meta": {}, "created_at": "2026-12-06T04:59:00.000000Z",
            "updated_at": "2026-12-06T05:00:00.000000Z", "inner_id": task_id,
            "total_annotations": len(annotations), "cancelled_annotations": 0,
            "total_predictions": len(predictions), "comment_count": 0,
            "unresolved_comment_count": 0, "last_comment_updated_at": None, "project": 1,
            "updated_by": 1, "comment_authors": [],
        })
    return out
