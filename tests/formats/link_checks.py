"""Do an exported file's links resolve within the file? One checker a format.

Each checker reads what the exporter wrote, the way the format's own tools would, and
returns one line per link that leads to nothing inside the file (and, for brat, per speaker
relation that names another mention than the quote's own speaker mention). Formats that
write no links (CoNLL, the quotes table) have nothing to resolve.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ruth_annotator.model.layer import Layer

Checker = Callable[[Path, Layer], list[str]]


def _jsonl_records(path: Path) -> list[dict]:
    files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
    return [json.loads(line) for f in files for line in f.read_text("utf-8").splitlines()
            if line.strip()]


def jsonl(path: Path, _layer: Layer) -> list[str]:
    bad = []
    for record in _jsonl_records(path):
        ids = {kind: {i["id"]: i for i in record[kind]}
               for kind in ("entities", "mentions", "quotes")}
        links = [("mentions", "entity", "entities")] + [
            ("quotes", field, target) for field, target in (
                ("speaker", "entities"), ("addressee", "entities"),
                ("speaker_mention", "mentions"), ("parent", "quotes"))]
        for kind, field, target in links:
            for item in record[kind]:
                value = item.get(field)
                if value and value not in ids[target]:
                    bad.append(f"{kind} {item['id']}.{field} -> {value}")
                elif value and item["status"] == "accepted" and \
                        ids[target][value]["status"] != "accepted":
                    bad.append(f"accepted {kind} {item['id']}.{field} -> "
                               f"{ids[target][value]['status']} {value}")
    return bad


def doccano(path: Path, _layer: Layer) -> list[str]:
    bad = []
    for record in _jsonl_records(path):
        ids = {e["id"] for e in record.get("entities", [])}
        for r in record.get("relations", []):
            bad += [f"relation {r['id']} -> {r[end]}" for end in ("from_id", "to_id")
                    if r[end] not in ids]
    return bad


def label_studio(path: Path, _layer: Layer) -> list[str]:
    bad = []
    for task in json.loads(path.read_text("utf-8")):
        for kind in ("annotations", "predictions"):
            for block in task.get(kind, []):
                ids = {r["id"] for r in block["result"] if "id" in r}
                bad += [f"{kind} relation -> {r[end]}" for r in block["result"]
                        if r["type"] == "relation" for end in ("from_id", "to_id")
                        if r[end] not in ids]
    return bad


def prodigy(path: Path, _layer: Layer) -> list[str]:
    bad = []
    for record in _jsonl_records(path):
        spans = {(s["start"], s["end"], s["label"]) for s in record.get("spans", [])}
        for r in record.get("relations", []):
            for end, token in (("head_span", "head"), ("child_span", "child")):
                s = r[end]
                if (s["start"], s["end"], s["label"]) not in spans or \
                        not s["token_start"] <= r[token] <= s["token_end"]:
                    bad.append(f"{r['label']} {end} {s['start']}..{s['end']}")
    return bad


def _brat_lines(path: Path):
    """Per .ann file: {T id: (start, end)} and its other lines."""
    for ann in path.glob("*.ann"):
        spans: dict[str, tuple[int, int]] = {}
        rest = []
        for line in ann.read_text("utf-8").splitlines():
            if line.startswith("T"):
                tid, body = line.split("\t")[:2]
                offsets = body.split(" ", 1)[1].split(";")
                spans[tid] = (int(offsets[0].split()[0]), int(offsets[-1].split()[1]))
            else:
                rest.append(line)
        yield spans, rest


def brat(path: Path, _layer: Layer) -> list[str]:
    """Relation, attribute and Equiv arguments name T lines that exist."""
    bad = []
    for spans, lines in _brat_lines(path):
        for line in lines:
            if line.startswith("R"):
                _, arg1, arg2 = line.split("\t")[1].split()
                targets = [arg1.split(":")[1], arg2.split(":")[1]]
            elif line.startswith("A"):
                targets = line.split("\t")[1].split()[1:2]
            elif line.startswith("*"):
                targets = line.split("\t")[1].split()[1:]
            else:
                continue
            bad += [f"{line.split()[0]} -> {t}" for t in targets if t not in spans]
    return bad


def speaker_relations(fmt: str, path: Path) -> list[tuple[int, tuple[int, int]]]:
    """(start of the quote, span of the mention it names) of every speaker relation."""
    out = []
    if fmt == "brat":
        for spans, lines in _brat_lines(path):
            for line in lines:
                if line.startswith("R") and line.split("\t")[1].split()[0] == "Speaker":
                    _, arg1, arg2 = line.split("\t")[1].split()
                    out.append((spans[arg1.split(":")[1]][0], spans[arg2.split(":")[1]]))
    elif fmt == "doccano":
        for record in _jsonl_records(path):
            spans = {e["id"]: (e["start_offset"], e["end_offset"]) for e in record["entities"]}
            out += [(spans[r["from_id"]][0], spans[r["to_id"]])
                    for r in record["relations"] if r["type"] == "speaker"]
    elif fmt == "label-studio":
        for task in json.loads(path.read_text("utf-8")):
            for kind in ("annotations", "predictions"):
                for block in task.get(kind, []):
                    spans = {r["id"]: (r["value"]["start"], r["value"]["end"])
                             for r in block["result"] if r["type"] == "labels"}
                    out += [(spans[r["from_id"]][0], spans[r["to_id"]])
                            for r in block["result"]
                            if r["type"] == "relation" and r["labels"] == ["speaker"]]
    elif fmt == "prodigy":
        for record in _jsonl_records(path):
            out += [(r["head_span"]["start"], (r["child_span"]["start"],
                                               r["child_span"]["end"]))
                    for r in record.get("relations", []) if r["label"] == "speaker"]
    return out


SPEAKER_FORMATS = ("brat", "doccano", "label-studio", "prodigy")


def substitutions(fmt: str, path: Path, layer: Layer) -> list[str]:
    """Speaker relations that name another mention than the quote's own speaker mention
    (`layer` is the layer as exported)."""
    mentions = {(m.start, m.end): m for m in layer.mentions.values()}
    quotes = {q.spans[0].start: q for q in layer.quotes.values()}
    bad = []
    for quote_start, named in speaker_relations(fmt, path):
        quote, chosen = quotes.get(quote_start), mentions.get(named)
        if quote is not None and (chosen is None or chosen.id != quote.speaker_mention):
            bad.append(f"{fmt}: speaker of quote {quote.id} names {named}, not its speaker "
                       f"mention {quote.speaker_mention}")
    return bad


def spacy(path: Path, _layer: Layer) -> list[str]:
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    bad = []
    for doc in DocBin().from_disk(path).get_docs(Vocab()):
        quotes = {s.id for s in doc.spans.get("quotes", [])}
        for group in ("speakers", "cues", "addressees"):
            bad += [f"{group} span {s.text!r} of a quote not written"
                    for s in doc.spans.get(group, []) if s.id not in quotes]
    return bad


def nothing(_path: Path, _layer: Layer) -> list[str]:
    return []


CHECKERS: dict[str, Checker] = {
    "jsonl": jsonl, "hf": jsonl, "doccano": doccano, "label-studio": label_studio,
    "prodigy": prodigy, "brat": brat, "spacy": spacy,
    "conll": nothing, "conll-quotes": nothing, "csv": nothing,
}
