"""Pre-annotating and exporting a corpus too large for one machine, with Dask.

The suggestion engine and every exporter are plain functions over JSONL records, so a Dask
bag of records spread over JSONL shards (one partition a file) runs them on as many workers
as a cluster has:

    from dask.distributed import Client
    from ruth_annotator.scale.dask_recipe import read_shards, preannotate, export_shards

    client = Client("tcp://scheduler:8786")      # or LocalCluster() on one machine
    records = read_shards("corpus/*.jsonl")      # Ruth JSONL, or plain {"text": ...} lines
    export_shards(preannotate(records), "jsonl", "suggested/")   # one part file a shard
    export_shards(read_shards("suggested/*.jsonl"), "doccano", "doccano/")

Each shard is written as the `ruth-annotator export` command writes a file (app/transfer.py),
and the records are put in the same shape and filtered the same way (accepted annotations unless
`include_suggestions`), so the part files, read in order, say what the command writes for
the same documents. Needs the `dask` extra: pip install 'ruth-annotator[dask]'.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path

from ruth_annotator.app.transfer import writable_format, write_records
from ruth_annotator.errors import InputError, OptionalDependencyError
from ruth_annotator.formats.registry import ExportOptions, ExportReport
from ruth_annotator.model import Document, Layer
from ruth_annotator.model.decisions import dataset_view
from ruth_annotator.model.records import layer_to_record, record_to_items

Record = dict


def _dask_bag():
    try:
        import dask.bag
    except ImportError:
        raise OptionalDependencyError("The Dask recipe", "dask", "dask") from None
    return dask.bag


def _parse(record: Record) -> tuple[Document, Layer]:
    try:
        parsed = record_to_items(record)
    except (KeyError, TypeError, ValueError) as e:
        detail = f"missing field {e}" if isinstance(e, KeyError) else str(e)
        raise InputError(f"a record cannot be read: {detail}") from None
    new = parsed.document
    doc = Document(0, new.uid or new.hash[:12], new.title, new.text, new.hash, new.meta)
    return doc, Layer.of(0, parsed.annotator or "", parsed.items, parsed.status or "todo")


def normalise(record: Record) -> Record:
    """Any JSONL line we can import, as the full record an export writer expects.

    A line without an id gets the first 12 characters of its text hash, the same on every
    worker and every run.
    """
    return layer_to_record(*_parse(record))


def read_shards(pattern: str | list[str]):
    """A bag of normalised records, one partition per JSONL file."""
    bag = _dask_bag()
    lines = bag.read_text(pattern, blocksize=None, encoding="utf-8")
    return lines.filter(str.strip).map(json.loads).map(normalise)


def default_suggester() -> Callable[[Record], Record]:
    from ruth_annotator.suggest import suggest_record

    return suggest_record


def preannotate(records, suggest: Callable[[Record], Record] | None = None):
    """Add the suggestion engine's proposals to every record (a lazy bag)."""
    return records.map(suggest or default_suggester()).map(normalise)


def _filtered(records: Iterable[Record], options: ExportOptions) -> list[Record]:
    """What `Project.iter_records` lets through (`model.decisions.dataset_view`)."""
    out = []
    for record in records:
        if options.annotators and record.get("annotator") not in options.annotators:
            continue
        doc, layer = _parse(record)
        out.append(layer_to_record(doc, dataset_view(layer, options.include_suggestions)))
    return out


def write_part(records: Iterable[Record], fmt_name: str, path: str,
               options: ExportOptions) -> ExportReport:
    """Write one shard as the export command writes a file (runs on a worker)."""
    return write_records(_filtered(records, options), fmt_name, Path(path), options)


def export_shards(records, fmt_name: str, folder: str | Path,
                  options: ExportOptions | None = None) -> ExportReport:
    """Write every partition as `part-00000<ext>` (a folder per part for folder formats)
    in `folder`, in parallel; returns the reports added up."""
    import dask

    options = options or ExportOptions()
    fmt = writable_format(fmt_name)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = "" if fmt.folder else (fmt.extensions[0] if fmt.extensions else ".out")
    parts = [
        dask.delayed(write_part)(part, fmt.name, str(folder / f"part-{i:05d}{suffix}"),
                                 options)
        for i, part in enumerate(records.to_delayed())
    ]
    total = ExportReport()
    for report in dask.compute(*parts):
        total.documents += report.documents
        total.annotations += report.annotations
        total.lost.extend(report.lost)
        total.files.extend(report.files)
    return total
