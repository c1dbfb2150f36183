"""spaCy/Prodigy-style JSONL: `text`, `tokens`, `spans` with `token_start`/`token_end`
(inclusive) and `relations` with `head`/`child` token indices and their spans.

Offsets are code points, as in spaCy. Spans must fall on token boundaries (see tokens.py);
what does not is reported and left out, with the relations that touch it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.formats import flat
from ruth_annotator.formats.jsonl import first_json_line, parsed_lines, write_json_lines
from ruth_annotator.formats.registry import STRUCTURE, ExportOptions, ExportReport, Format, register
from ruth_annotator.formats.tokens import Tokens
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.records import ParsedRecord, first_line

SUFFIXES = (".jsonl",)


def to_task(record: dict, losses: flat.Losses) -> dict:
    spans, rels = flat.export_view(record, losses, discontinuous=False, forms=False,
                                   status=False)
    text = record["text"]
    tokens = Tokens.of(text)
    out_spans: dict[str, dict] = {}
    seen: set[tuple[int, int, str]] = set()
    for s in spans:
        found = tokens.token_range(s.start, s.end)
        item = {"id": s.id, "text": text[s.start:s.end]}
        if found is None:
            losses.add(item, "does not start and end on token boundaries and is left out")
            continue
        if (s.start, s.end, s.flat_label) in seen:
            losses.add(item, "has the span and label of another span and is left out")
            continue
        seen.add((s.start, s.end, s.flat_label))
        out_spans[s.id] = {"start": s.start, "end": s.end, "token_start": found[0],
                           "token_end": found[1], "label": s.flat_label}
    relations = []
    for r in rels:
        head, child = out_spans.get(r.head), out_spans.get(r.child)
        if head is None or child is None:
            losses.add({"id": r.head, "text": ""},
                       f"{r.label} link is left out with the span it needs")
            continue
        relations.append({"head": head["token_end"], "child": child["token_end"],
                          "head_span": head, "child_span": child, "label": r.label})
    return {
        "text": text,
        "tokens": [{"text": text[s:e], "start": s, "end": e, "id": i,
                    "ws": tokens.whitespace_after(i).startswith(" ")}
                   for i, (s, e) in enumerate(tokens.spans)],
        "spans": list(out_spans.values()),
        "relations": relations,
        "answer": "accept",
        "meta": {"id": record["id"], "title": record["title"],
                 "annotator": record["annotator"]},
    }


def write(records: Iterable[dict], path: Path, options: ExportOptions,
          report: ExportReport) -> None:
    def convert(record: dict) -> tuple[dict, int, flat.Losses]:
        losses = flat.Losses(record)
        task = to_task(record, losses)
        return task, len(task["spans"]), losses

    write_json_lines(records, path, report, convert)


def _tokens(data: dict, text: str) -> list[tuple[int, int]]:
    """The task's own tokens, each checked against the text; ValueError for the first one
    that contradicts it (a task whose text was changed after tokenising)."""
    out = []
    for i, t in enumerate(flat.as_list(data.get("tokens"), "tokens")):
        if not isinstance(t, dict):
            raise ValueError(f"token {i} must be an object")
        start, end = t.get("start"), t.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) \
                or isinstance(start, bool) or isinstance(end, bool):
            raise ValueError(f"token {i} needs integer start and end")
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"token {i} {start}..{end} does not fit the text "
                             f"({len(text)} characters)")
        if "text" in t and t["text"] != text[start:end]:
            raise ValueError(f"token {i} says {t['text']!r} but the text at {start}..{end} is "
                             f"{text[start:end]!r}")
        out.append((start, end))
    return out


def _on_tokens(raw: dict, tokens: list[tuple[int, int]], start: int, end: int) -> None:
    """A span's token_start/token_end must name the tokens its offsets cover."""
    for key, index, want in (("token_start", 0, start), ("token_end", 1, end)):
        i = raw.get(key)
        if i is None or not tokens:
            continue
        if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(tokens):
            raise ValueError(f"span {start}..{end}: {key} {i!r} is not a token of the task")
        if tokens[i][index] != want:
            raise ValueError(f"span {start}..{end}: {key} {i} is the token at "
                             f"{tokens[i][0]}..{tokens[i][1]}, which does not "
                             f"{'start' if index == 0 else 'end'} at {want}")


def _span(data: object, text: str) -> tuple[int, int, str]:
    if not isinstance(data, dict):
        raise ValueError("a span must be an object")
    start, end, label = data.get("start"), data.get("end"), data.get("label")
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(label, str)) \
            or isinstance(start, bool) or isinstance(end, bool):
        raise ValueError("a span needs integer start and end and a label string")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}..{end} does not fit the text ({len(text)} characters)")
    return start, end, label


def from_task(data: object) -> ParsedRecord:
    if not isinstance(data, dict):
        raise ValueError("a line must be a JSON object")
    text = data.get("text")
    if not isinstance(text, str):
        raise ValueError('a line needs a "text" string')
    meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
    spans: list[flat.FlatSpan] = []
    key_of: dict[tuple[int, int, str], str] = {}
    rels: list[flat.Relation] = []
    tokens = _tokens(data, text)
    if data.get("answer", "accept") == "accept":
        for i, raw in enumerate(flat.as_list(data.get("spans"), "spans")):
            start, end, label = _span(raw, text)
            _on_tokens(raw, tokens, start, end)
            kind, plain = flat.kind_of_label(label)
            key = key_of.setdefault((start, end, label), f"s{i}")
            if key == f"s{i}":
                spans.append(flat.FlatSpan(key, kind, [(start, end)], plain))
        for raw in flat.as_list(data.get("relations"), "relations"):
            if not isinstance(raw, dict) or not isinstance(raw.get("label"), str):
                raise ValueError("a relation needs a label string")
            ends = []
            for side in ("head_span", "child_span"):
                found = key_of.get(_span(raw.get(side), text))
                if found is None:
                    raise ValueError(f"a relation's {side} is not among the spans")
                ends.append(found)
            rels.append(flat.Relation(raw["label"], ends[0], ends[1]))
    items = flat.items_from_view(text, spans, rels)
    uid, title, annotator = meta.get("id"), meta.get("title"), meta.get("annotator")
    doc = NewDocument(text, title if isinstance(title, str) and title else first_line(text),
                      str(uid) if uid is not None else None)
    return ParsedRecord(doc, annotator if isinstance(annotator, str) else None, None, items)


def read(path: Path) -> Iterator[ParsedRecord | InputError]:
    return parsed_lines(path, from_task)


def _detect(path: Path) -> bool:
    data = first_json_line(path, SUFFIXES)
    return data is not None and "mentions" not in data and (
        "tokens" in data or "spans" in data)


FORMAT = register(Format(
    name="prodigy",
    description="spaCy/Prodigy JSONL (tokens, spans with token_start/token_end, relations)",
    extensions=SUFFIXES,
    reader=read,
    writer=write,
    carries=STRUCTURE | {"annotators"},
    detect=_detect,
    notes="Spans that do not fall on token boundaries are left out (and reported). "
          "Status, mention forms, entity names and knowledge-base ids are not carried; "
          "tasks answered reject or ignore are imported without their spans.",
))
