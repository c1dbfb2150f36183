"""A Hugging Face `datasets`-ready folder: JSON lines a split plus a README dataset card.

`datasets.load_dataset("json", data_dir=FOLDER)` or the card's `configs` read it. Lines are
Ruth's lossless records with `meta` as a JSON string, because Arrow needs one type a
column and article metadata differs between sources. The card lists labels, counts and
splits, gathered while the records stream past.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ruth_annotator.formats.files import atomic_output, inside
from ruth_annotator.formats.flat import resolved_with_losses
from ruth_annotator.formats.registry import FEATURES, ExportOptions, ExportReport, Format, register
from ruth_annotator.formats.splits import split_of

#: Hugging Face calls the development split "validation".
HF_SPLITS = {"train": "train", "dev": "validation", "test": "test"}


def to_line(record: dict) -> dict:
    line = dict(record)
    line["meta"] = json.dumps(record["meta"] or {}, ensure_ascii=False, sort_keys=True)
    return line


def write(records: Iterable[dict], path: Path, options: ExportOptions,
          report: ExportReport) -> None:
    path.mkdir(parents=True, exist_ok=True)
    names = ([HF_SPLITS[n] for n, f in zip(HF_SPLITS, options.split, strict=True) if f > 0]
             if options.split else ["data"])
    counts = {n: Counter() for n in names}
    with contextlib.ExitStack() as stack:
        outs = {n: stack.enter_context(atomic_output(inside(path, f"{n}.jsonl")))
                for n in names}
        for record in records:
            name = HF_SPLITS[split_of(record["id"], options.seed, options.split)] \
                if options.split else "data"
            record, losses = resolved_with_losses(record)
            report.take(losses)
            line = json.dumps(to_line(record), ensure_ascii=False) + "\n"
            outs[name].write(line)
            c = counts[name]
            c["examples"] += 1
            c["bytes"] += len(line.encode("utf-8"))
            c.update(f"mention:{m['label']}" for m in record["mentions"])
            c.update(f"quote:{q['type']}" for q in record["quotes"])
            c["entities"] += len(record["entities"])
            c["with speaker"] += sum(1 for q in record["quotes"] if q["speaker"])
            report.documents += 1
            report.annotations += len(record["mentions"]) + len(record["quotes"])
    with atomic_output(inside(path, "README.md")) as out:
        out.write(dataset_card(counts))
    report.files.extend([path / f"{n}.jsonl" for n in names] + [path / "README.md"])


def dataset_card(counts: dict[str, Counter]) -> str:
    split_of_file = {n: ("train" if n == "data" else n) for n in counts}
    labels = sorted({k.split(":", 1)[1] for c in counts.values() for k in c
                     if k.startswith("mention:")})
    lines = ["---", "pretty_name: Ruth Annotator export", "task_categories:",
             "- token-classification", "configs:", "- config_name: default", "  data_files:"]
    for name, split in split_of_file.items():
        lines += [f"  - split: {split}", f"    path: {name}.jsonl"]
    lines += ["dataset_info:", "  splits:"]
    for name, split in split_of_file.items():
        # num_bytes too: without it `datasets` warns that the card's split info is malformed
        lines += [f"  - name: {split}", f"    num_bytes: {counts[name]['bytes']}",
                  f"    num_examples: {counts[name]['examples']}"]
    lines += ["---", "", "# Ruth Annotator export", "",
              "News articles with entity mentions and quotations (speaker, cue, addressee), "
              "annotated with Ruth Annotator. Offsets are Unicode code points into `text`, "
              "end exclusive; `meta` is a JSON string.", "",
              "```python", "from datasets import load_dataset",
              'dataset = load_dataset("json", data_files={'
              + ", ".join(f'"{s}": "{n}.jsonl"' for n, s in split_of_file.items()) + "})",
              "```", "", "## Splits", "", "| split | documents | entities | quotes "
              "| with speaker |", "|---|---|---|---|---|"]
    for name, split in split_of_file.items():
        c = counts[name]
        quotes = sum(v for k, v in c.items() if k.startswith("quote:"))
        lines.append(f"| {split} | {c['examples']} | {c['entities']} | {quotes} "
                     f"| {c['with speaker']} |")
    lines += ["", "## Labels", "", "| label | mentions |", "|---|---|"]
    total = sum(counts.values(), Counter())
    lines += [f"| {label} | {total[f'mention:{label}']} |" for label in labels]
    lines += ["", "## Quote types", "", "| type | quotes |", "|---|---|"]
    lines += [f"| {t} | {total[f'quote:{t}']} |" for t in ("direct", "indirect", "mixed")]
    lines += ["", "## Fields", "",
              "`id`, `title`, `text`, `meta`, `annotator`, `status`; `entities` (id, label, "
              "name, kb_id, status, source); `mentions` (id, start, end, text, label, entity, "
              "form, status, source); `quotes` (id, type, start, end, text, spans, speaker, "
              "speaker_mention, cue, addressee, parent, status, source).", ""]
    return "\n".join(lines)


FORMAT = register(Format(
    name="hf",
    description="Hugging Face datasets folder: JSONL per split and a README card",
    writer=write,
    carries=FEATURES,
    folder=True,
    handles_split=True,
    notes="Load with datasets.load_dataset(\"json\", data_files=…) as the card shows; "
          "the dev split is named “validation”.",
))
