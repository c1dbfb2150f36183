"""Label Studio JSON tasks: `data.text`, accepted work as `annotations`, suggestions as
`predictions`, each a `result` list of `labels` regions and `relation` results.

Label Studio counts offsets in code points, as Ruth does, although it runs in a browser.
Checked on Label Studio 1.23.2 itself, three ways: a region drawn in its own editor over a
word after two emoji is saved as 8..15 (UTF-16 units would be 10..17); a task imported with
code-point offsets is drawn on the right words; UTF-16 offsets are drawn shifted right by one
character per emoji before them. Mentions use the control `label`, quotes and cues the
control `quote`; a labelling config that matches is written beside the tasks.

Its default JSON export lists predictions as ids only (`"predictions": [1]`); those are
skipped, and the import says so. The tasks hold spans, labels and accepted-or-suggested:
document metadata and whether an accepted item was once a suggestion are reported as lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from xml.sax.saxutils import quoteattr

from ruth_annotator.errors import InputError, excerpt
from ruth_annotator.formats import flat
from ruth_annotator.formats.decoding import json_problem, read_utf8
from ruth_annotator.formats.files import atomic_output
from ruth_annotator.formats.labels import exported
from ruth_annotator.formats.registry import (
    STRUCTURE,
    ExportOptions,
    ExportReport,
    Format,
    Skipped,
    register,
)
from ruth_annotator.model.annotations import ACCEPTED, PROPOSED
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.labels import DEFAULT_LABELS
from ruth_annotator.model.records import ParsedRecord, first_line

SUFFIXES = (".json",)
KNOWN_TYPES = ("labels", "relation")


def to_task(record: dict, losses: flat.Losses) -> dict:
    spans, rels = flat.export_view(record, losses, discontinuous=False, forms=False,
                                   status=True)
    text = record["text"]
    status = {s.id: s.status for s in spans}
    results: dict[str, list] = {ACCEPTED: [], PROPOSED: []}
    for s in spans:
        results[s.status].append({
            "id": s.id, "from_name": "label" if s.kind == "mention" else "quote",
            "to_name": "text", "type": "labels",
            "value": {"start": s.start, "end": s.end,
                      "text": text[s.start:s.end], "labels": [s.flat_label]},
        })
    for r in rels:
        if status[r.head] != status[r.child]:
            losses.add({"id": r.head, "text": ""},
                       f"{r.label} link between an accepted item and a suggestion is left "
                       "out (Label Studio keeps annotations and predictions apart)")
            continue
        results[status[r.head]].append({"type": "relation", "from_id": r.head,
                                        "to_id": r.child, "direction": "right",
                                        "labels": [r.label]})
    task: dict = {
        "data": {"text": text, "ruth_id": record["id"], "title": record["title"],
                 "ruth_annotator": record["annotator"]},
        "annotations": [{"result": results[ACCEPTED], "was_cancelled": False,
                         "ground_truth": False}] if results[ACCEPTED] else [],
    }
    if results[PROPOSED]:
        task["predictions"] = [{"model_version": "ruth-annotator suggestions",
                                "result": results[PROPOSED]}]
    return task


def write(records: Iterable[dict], path: Path, options: ExportOptions,
          report: ExportReport) -> None:
    labels = {label.name: None for label in DEFAULT_LABELS}
    with atomic_output(path) as out:
        out.write("[")
        for record in records:
            losses = flat.Losses(record)
            task = to_task(record, losses)
            out.write(",\n" if report.documents else "\n")
            out.write(json.dumps(task, ensure_ascii=False))
            report.documents += 1
            report.annotations += len(record["mentions"]) + len(record["quotes"])
            report.take(losses)
            labels.update((exported(m["label"]), None) for m in record["mentions"])
        out.write("\n]\n")
    report.files.append(path)
    config = path.with_name(f"{path.stem}.label_config.xml")
    with atomic_output(config) as out:
        out.write(label_config(list(labels)))
    report.files.append(config)


def label_config(labels: list[str]) -> str:
    """A Label Studio labelling config that shows what the tasks hold."""
    def tags(values: Iterable[str], tag: str) -> str:
        return "".join(f"\n    <{tag} value={quoteattr(v)}/>" for v in values)

    return (
        "<View>\n  <Relations>" + tags(flat.RELATIONS, "Relation") + "\n  </Relations>\n"
        '  <Labels name="label" toName="text">' + tags(labels, "Label") + "\n  </Labels>\n"
        '  <Labels name="quote" toName="text">'
        + tags([*flat.QUOTE_LABELS.values(), flat.CUE_LABEL], "Label") + "\n  </Labels>\n"
        '  <Text name="text" value="$text"/>\n</View>\n'
    )


def _task_records(task: object, skipped: list[str]) -> list[ParsedRecord]:
    """The layers of one task: one per annotation, suggestions with the first. Predictions
    listed by id only are counted into `skipped`."""
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise ValueError("is not a Label Studio task (an object with \"data\")")
    data = task["data"]
    text = data.get("text")
    if not isinstance(text, str):
        strings = [v for v in data.values() if isinstance(v, str)]
        if len(strings) != 1:
            raise ValueError('its "data" has no "text" string')
        text = strings[0]
    annotations = [a for a in flat.as_list(task.get("annotations", task.get("completions")),
                                    "annotations") if not _cancelled(a)]
    predictions: list = []
    by_id: list[int] = []
    for p in flat.as_list(task.get("predictions"), "predictions"):
        (by_id if isinstance(p, int) and not isinstance(p, bool) else predictions).append(p)
    if by_id:
        skipped.append(f"{len(by_id)} prediction(s) listed by id only "
                       f"({', '.join(map(str, by_id[:5]))}{', …' if len(by_id) > 5 else ''}) "
                       "are skipped: Label Studio's default export leaves their regions out; "
                       "export with full predictions to bring them in")
    layers: list[tuple[str | None, list, list]] = []
    own = data.get("ruth_annotator") if isinstance(data.get("ruth_annotator"), str) else None
    for i, a in enumerate(annotations):
        results = _results(a)  # first: it refuses what is not an annotation object
        layers.append((own if i == 0 and own else _annotator(a), results, []))
    if predictions:
        suggested = [r for p in predictions for r in _results(p)]
        if layers:
            layers[0] = (layers[0][0], layers[0][1], suggested)
        else:
            layers.append((own, [], suggested))
    if not layers:
        layers.append((own, [], []))
    uid = data.get("ruth_id", task.get("id"))
    title = data.get("title") if isinstance(data.get("title"), str) else first_line(text)
    doc = NewDocument(text, title or first_line(text), str(uid) if uid is not None else None)
    out = []
    for annotator, accepted, proposed in layers:
        spans: list[flat.FlatSpan] = []
        rels: list[flat.Relation] = []
        for results, status in ((accepted, ACCEPTED), (proposed, PROPOSED)):
            for r in results:
                _result(r, text, status, spans, rels)
        out.append(ParsedRecord(doc, annotator, None, flat.items_from_view(text, spans, rels)))
    return out


def _result(r: object, text: str, status: str, spans: list[flat.FlatSpan],
            rels: list[flat.Relation]) -> None:
    if not isinstance(r, dict) or r.get("type") not in KNOWN_TYPES:
        kind = r.get("type") if isinstance(r, dict) else type(r).__name__
        raise ValueError(f"result type {kind!r} is not one Ruth reads (labels, relation); "
                         "written by a newer Label Studio or another labelling config?")
    if r["type"] == "relation":
        labels = r.get("labels") or []
        if not isinstance(labels, list) or len(labels) != 1 or not isinstance(labels[0], str):
            raise ValueError("a relation result needs exactly one label")
        rels.append(flat.Relation(labels[0], str(r["from_id"]), str(r["to_id"])))
        return
    value = r.get("value")
    region = f"region {excerpt(repr(r.get('id')), 40)}"
    if not isinstance(value, dict) or "start" not in value or "end" not in value:
        raise ValueError(f"{region} has no start/end offsets "
                         "(a newer Label Studio or a HyperText task?)")
    for key in ("start", "end"):
        if isinstance(value[key], bool) or not isinstance(value[key], int):
            raise ValueError(f"{region} {key} must be a whole number of characters, not "
                             f"{excerpt(repr(value[key]), 40)}")
    if value["start"] >= value["end"]:
        raise ValueError(f"{region} starts at {value['start']}, not before its end "
                         f"{value['end']}")
    labels = value.get("labels")
    if not isinstance(labels, list) or len(labels) != 1 or not isinstance(labels[0], str):
        raise ValueError(f"{region} needs exactly one label")
    start, end = value["start"], value["end"]
    inside = 0 <= start < end <= len(text)
    if not inside or ("text" in value and value["text"] != text[start:end]):
        units = text.encode("utf-16-le")
        hint = (" (these offsets count UTF-16 units, as Ruth Annotator's Label Studio "
                "exports once did; Label Studio counts characters)"
                if 0 <= start < end and
                units[2 * start:2 * end].decode("utf-16-le", "replace") == value.get("text")
                else "")
        if not inside:
            raise ValueError(f"{region} {start}..{end} lies outside the text "
                             f"({len(text)} characters){hint}")
        raise ValueError(f"{region} says {excerpt(repr(value['text']))} but the text at "
                         f"{start}..{end} is {excerpt(repr(text[start:end]))}{hint}")
    kind, label = flat.kind_of_label(labels[0])
    spans.append(flat.FlatSpan(str(r["id"]), kind, [(start, end)], label, status))


def _cancelled(a: object) -> bool:
    return isinstance(a, dict) and bool(a.get("was_cancelled"))


def _results(a: object) -> list:
    if not isinstance(a, dict):
        raise ValueError("an annotation must be an object with a \"result\" list")
    return flat.as_list(a.get("result"), "result")


def _annotator(a: dict) -> str | None:
    who = a.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    return None if who is None else str(who)


def read(path: Path) -> Iterator[ParsedRecord | InputError]:
    content = read_utf8(path)
    try:
        data = json.loads(content)
    except json.JSONDecodeError as e:
        raise InputError(f"is broken JSON ({json_problem(e)})", path) from None
    except RecursionError:
        raise InputError("holds JSON nested too deeply", path) from None
    tasks = [data] if isinstance(data, dict) and "data" in data else data
    if not isinstance(tasks, list):
        raise InputError("is not a Label Studio export: expected a JSON list of tasks "
                         "(objects with \"data\")", path)
    for number, task in enumerate(tasks, 1):
        skipped: list[str] = []
        try:
            yield from _task_records(task, skipped)
        except (KeyError, TypeError, ValueError) as e:
            detail = f"missing field {e}" if isinstance(e, KeyError) else str(e)
            yield InputError(f"task {number}: {detail}", path)
        yield from (Skipped(f"task {number}: {line}", str(path)) for line in skipped)


def _detect(path: Path) -> bool:
    if not (path.is_file() and path.suffix.lower() in SUFFIXES):
        return False
    with path.open("rb") as f:
        head = f.read(1 << 16)
    return head.lstrip().startswith((b"[", b"{")) and b'"data"' in head


FORMAT = register(Format(
    name="label-studio",
    description="Label Studio JSON tasks (labels and relation results, code-point offsets)",
    extensions=SUFFIXES,
    reader=read,
    writer=write,
    carries=STRUCTURE | {"status", "annotators"},
    detect=_detect,
    notes="Accepted annotations go to “annotations”, suggestions to “predictions”. A "
          "labelling config (NAME.label_config.xml) is written beside the tasks. Mention "
          "forms, entity names, knowledge-base ids, document metadata and whether an "
          "accepted item was a suggestion are not carried.",
))
