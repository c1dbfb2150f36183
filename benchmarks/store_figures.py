"""Figures of the project file: one annotation action, import and export.

Each raw limit writes or reads the same rows in the same schema with the same pragmas
(WAL, synchronous=FULL), through a bare sqlite3 connection.
"""

from __future__ import annotations

import importlib.util
import json
import re
import time

from benchmarks.measure import (
    Figure,
    median,
    ms,
    not_measured,
    paired,
    percentile,
    runs_note,
    size_label,
    timed,
)
from benchmarks.workspace import (
    ANNOTATOR,
    BARE_INSERT,
    Workspace,
    bare_insert,
    same_settings,
)
from ruth_annotator.app.transfer import export_project, import_paths
from ruth_annotator.errors import RuthError
from ruth_annotator.formats import registry
from ruth_annotator.model.annotations import Span
from ruth_annotator.model.edits import add_mention
from ruth_annotator.store import Project

DOC_COLUMNS = ("id", "uid", "title", "text", "hash", "length", "meta", "added_at")


def _words(text: str, count: int) -> list[Span]:
    """`count` words spread evenly over the text: where the timed actions add mentions."""
    words = [Span(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]{4,}", text)]
    step = len(words) / count
    return [words[int(i * step)] for i in range(count)]


# --- act ---------------------------------------------------------------------------------

def act(ws: Workspace, size: int, spans: int) -> list[Figure]:
    """Add one mention: edit function, layer, one transaction; against a bare INSERT."""
    path = ws.annotated_project("act.ruth", size, spans)
    project = Project.open(path, ANNOTATOR)
    raw = same_settings(path)
    try:
        doc_id = project.document_ids()[0]
        text = project.document(doc_id).text
        layer = project.layer(doc_id)
        targets = _words(text, ws.scale.actions)
        ours, limits = [], []
        for n, span in enumerate(targets):
            start = time.perf_counter()
            changes = add_mention(layer, text, span, "MISC")
            layer.apply(changes)
            project.apply(changes, doc_id)
            ours.append(time.perf_counter() - start)
            limits.append(bare_insert(raw, f"m-raw{n:09d}", doc_id, span))
    finally:
        raw.close()
        project.close()
    case = f"{size_label(size)}, {spans:,} spans"
    bare = BARE_INSERT
    return [
        Figure("act p50", case, ms(median(ours)), "ms", ms(median(limits)), bare,
               "< 10 ms p95, ≤ 2×", None),
        Figure("act p95", case, ms(percentile(ours, 95)), "ms", ms(percentile(limits, 95)),
               bare, "< 10 ms, ≤ 2×", lambda v, r: v < 10 and r <= 2),
    ]


# --- import ------------------------------------------------------------------------------

def _raw_import(ws: Workspace, rows: list[tuple]) -> float:
    path = ws.empty_project("raw-import.ruth")
    conn = same_settings(path)
    marks = ", ".join("?" * len(DOC_COLUMNS))
    sql = f"insert into documents ({', '.join(DOC_COLUMNS)}) values ({marks})"

    def run() -> None:
        conn.execute("begin")
        conn.executemany(sql, rows)
        conn.execute("commit")

    try:
        return timed(run)
    finally:
        conn.close()


def import_figures(ws: Workspace) -> list[Figure]:
    """Documents a second through Project.add_documents and through a JSONL import."""
    count = ws.scale.import_docs
    docs = ws.corpus(count)
    stamp = "2024-01-01T00:00:00.000+00:00"
    rows = [(n, d.uid, d.title, d.text, d.hash, len(d.text), json.dumps(d.meta), stamp)
            for n, d in enumerate(docs, 1)]
    source = ws.path("import.jsonl")
    with source.open("w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps({"id": d.uid, "title": d.title, "text": d.text,
                                  "meta": d.meta}, ensure_ascii=False) + "\n")

    def add(_: int) -> float:
        with Project.open(ws.empty_project("import.ruth"), ANNOTATOR) as project:
            return timed(lambda: project.add_documents(docs))

    def from_file(_: int) -> float:
        with Project.open(ws.empty_project("import.ruth"), ANNOTATOR) as project:
            return timed(lambda: import_paths(project, [source], "jsonl"))

    raw_what = "executemany of the same rows into the same schema, one transaction"
    figures = []
    for case, fn in ((f"{count:,} docs, Project.add_documents", add),
                     (f"{count:,} docs, JSONL file (import_paths)", from_file)):
        ours, limits = paired(fn, lambda _: _raw_import(ws, rows), ws.scale.heavy_repeat)
        figures.append(Figure("import", case, count / median(ours), "docs/s",
                              count / median(limits), raw_what, "≤ 2×",
                              lambda v, r: r <= 2))
    return figures


# --- export ------------------------------------------------------------------------------

def _raw_export(path, output) -> tuple[float, int]:
    """Every document, mention and quote row, selected and json.dumps'd a line each."""
    conn = same_settings(path)
    count = 0

    def run() -> None:
        nonlocal count
        with output.open("w", encoding="utf-8") as out:
            for table in ("documents", "entities", "mentions", "quotes"):
                cursor = conn.execute(f"select * from {table}")
                names = [c[0] for c in cursor.description]
                for row in cursor:
                    out.write(json.dumps(dict(zip(names, row, strict=True)),
                                         ensure_ascii=False))
                    out.write("\n")
                    count += table in ("mentions", "quotes")

    try:
        return timed(run), count
    finally:
        conn.close()


def _spacy_missing() -> str | None:
    """Why the spaCy DocBin export cannot be measured here, or None when it can."""
    try:
        registry.get("spacy")
    except RuthError:
        return "no spacy format registered"
    if importlib.util.find_spec("spacy") is None:
        return "spaCy not installed"
    return None


def _export_runs(ws: Workspace, path, fmt: str) -> tuple[list[float], list[float], dict]:
    """Timed exports of `path` to `fmt` paired with the raw limit; plus what was written."""
    counts: dict = {}

    def ours(_: int) -> float:
        reports = []
        with Project.open(path, ANNOTATOR) as project:
            out = ws.path(f"export.{fmt}")
            seconds = timed(lambda: reports.append(export_project(project, fmt, out)))
        counts.update(documents=reports[0].documents, annotations=reports[0].annotations)
        return seconds

    def raw(_: int) -> float:
        seconds, counts["raw_annotations"] = _raw_export(path, ws.path("raw-export.jsonl"))
        return seconds

    times, limits = paired(ours, raw, ws.scale.heavy_repeat, EXPORT_BUDGET_S)
    counts["note"] = runs_note(times, ws.scale.heavy_repeat)
    return times, limits, counts


RAW_EXPORT = "select * of the same rows and json.dumps of each to a file"
EXPORT_BUDGET_S = 15  # per case; a slow case runs fewer times


def _spacy_floor(path) -> float:
    """Seconds spaCy itself needs for the same documents: a Doc from the same tokens and a
    DocBin of them, without any span (what no DocBin writer can go below)."""
    import spacy.tokens
    import spacy.vocab

    from ruth_annotator.formats.spacy_docbin import words_and_spaces
    from ruth_annotator.formats.tokens import Tokens

    with Project.open(path, ANNOTATOR) as project:
        texts = [r["text"] for r in project.iter_records()]

    def run() -> None:
        vocab = spacy.vocab.Vocab()
        docs = spacy.tokens.DocBin(store_user_data=True)
        for text in texts:
            words, spaces = words_and_spaces(Tokens.of(text))
            docs.add(spacy.tokens.Doc(vocab, words=words, spaces=spaces))
        docs.to_bytes()

    return timed(run)


def export_figures(ws: Workspace) -> list[Figure]:
    """Annotations a second through export_project (JSONL, and spaCy DocBin when present),
    and documents a second exporting the many-document project to JSONL."""
    formats = ["jsonl"]
    missing = _spacy_missing()
    figures = []
    if missing is None:
        formats.append("spacy")
    else:
        figures.append(not_measured("export", "spaCy DocBin", missing, "≤ 2×"))
    for fmt in formats:
        times, limits, n = _export_runs(ws, ws.export_project(), fmt)
        note = ""
        if fmt == "spacy":
            floor = n["annotations"] / _spacy_floor(ws.export_project())
            note = (f"spaCy's own floor for these documents (Doc from the same tokens, "
                    f"DocBin without spans): {floor:,.0f} ann/s")
        note = "; ".join(filter(None, (note, n["note"])))
        figures.append(Figure(
            "export", f"{n['annotations']:,} annotations, {fmt}",
            n["annotations"] / median(times), "ann/s", n["raw_annotations"] / median(limits),
            RAW_EXPORT, "≤ 2×", lambda v, r: r <= 2, note))
    times, limits, n = _export_runs(ws, ws.large_project(), "jsonl")
    figures.append(Figure(
        "export", f"{n['documents']:,}-document project, jsonl", n["documents"] / median(times),
        "docs/s", n["documents"] / median(limits), RAW_EXPORT, "≤ 2×", lambda v, r: r <= 2,
        n["note"]))
    figures.append(_export_queries(ws.large_project()))
    return figures


def _export_queries(path) -> Figure:
    """SQL statements an export runs per 1,000 documents: documents and layers are read in
    batches, so this stays a handful whatever the project's size (it was about five per
    document when each layer was read on its own)."""
    seen: list[str] = []
    with Project.open(path, ANNOTATOR) as project:
        documents = project.document_count()
        project.db.conn.set_trace_callback(seen.append)
        try:
            for _ in project.iter_records():
                pass
        finally:
            project.db.conn.set_trace_callback(None)
    return Figure("export", f"SQL statements per 1,000 documents ({documents:,}-document "
                  "project)", len(seen) * 1000 / documents, "queries", target="≤ 100",
                  check=lambda v, r: v <= 100)
