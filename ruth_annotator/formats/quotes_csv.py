"""The quotes table (CSV): one row a quote, for reading and counting in a spreadsheet.

UTF-8 with a byte-order mark, so that Excel shows accents and curly quotes correctly;
offsets are code points, as everywhere in Ruth. A quote in several segments shows them
joined by “ […] ” in `text`, and all of them in `segments` as `start-end;start-end`.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from ruth_annotator.formats.files import atomic_output
from ruth_annotator.formats.flat import resolved_with_losses
from ruth_annotator.formats.registry import ExportOptions, ExportReport, Format, register
from ruth_annotator.model.wording import plural

COLUMNS = ("document", "title", "annotator", "quote_id", "type", "status", "start", "end",
           "text", "segments", "speaker", "speaker_mention", "cue", "cue_start", "cue_end",
           "addressee", "parent")


def rows(record: dict) -> Iterable[dict]:
    names = {e["id"]: e["name"] for e in record["entities"]}
    mentions = {m["id"]: m["text"] for m in record["mentions"]}
    for q in record["quotes"]:
        cue = q["cue"] or {}
        yield {
            "document": record["id"], "title": record["title"],
            "annotator": record["annotator"], "quote_id": q["id"], "type": q["type"],
            "status": q["status"], "start": q["start"], "end": q["end"],
            "text": " […] ".join(s["text"] for s in q["spans"]),
            "segments": ";".join(f"{s['start']}-{s['end']}" for s in q["spans"]),
            "speaker": names.get(q["speaker"], ""),
            "speaker_mention": mentions.get(q["speaker_mention"], ""),
            "cue": cue.get("text", ""), "cue_start": cue.get("start", ""),
            "cue_end": cue.get("end", ""), "addressee": names.get(q["addressee"], ""),
            "parent": q["parent"] or "",
        }


def write(records: Iterable[dict], path: Path, options: ExportOptions,
          report: ExportReport) -> None:
    left_out = 0
    with atomic_output(path) as out:
        out.write("\ufeff")
        writer = csv.DictWriter(out, COLUMNS)
        writer.writeheader()
        for record in records:
            record, losses = resolved_with_losses(record)
            losses.meta_and_sources()
            report.take(losses)
            for row in rows(record):
                writer.writerow(row)
                report.annotations += 1
            speakers = {q["speaker_mention"] for q in record["quotes"]}
            left_out += sum(m["id"] not in speakers for m in record["mentions"])
            report.documents += 1
    if left_out:
        report.lost.append(f"{plural(left_out, 'mention')} that are not a quote's speaker: "
                           "a quotes table has no place for them (export jsonl or brat for "
                           "those)")
    report.files.append(path)


FORMAT = register(Format(
    name="csv",
    description="Quotes table (CSV): one row a quote with speaker, cue and offsets",
    extensions=(".csv",),
    writer=write,
    carries=frozenset({"quotes", "speakers", "cues", "addressees", "nesting", "segments",
                       "status", "annotators"}),
    notes="Export only. UTF-8 with a byte-order mark for Excel; offsets are code points. "
          "Mentions other than speakers are not in the table.",
))
