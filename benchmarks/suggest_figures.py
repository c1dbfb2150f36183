"""Suggestion speed: MB of text a second through `suggest_document`.

Two cases per size: an untouched layer (what opening a new document does) and a layer that
already holds the document's annotations (every suggestion must be checked for overlap).
No raw limit is defined for suggestion; the target is absolute.
"""

from __future__ import annotations

from benchmarks.measure import Figure, median, not_measured, size_label, timed
from benchmarks.workspace import ANNOTATOR, Workspace
from ruth_annotator.model.layer import Layer

TARGET = "≥ 1 MB/s"


def _megabytes(text: str) -> float:
    return len(text.encode("utf-8")) / 1_000_000


def suggest_figures(ws: Workspace) -> list[Figure]:
    try:
        from ruth_annotator.suggest import suggest_document
    except ImportError:
        return [not_measured("suggest", "all sizes", "suggestion engine not available",
                             TARGET)]
    figures = []
    for size, spans in ws.scale.documents:
        text, items = ws.annotated(size, spans)
        mb = _megabytes(text)
        label = size_label(size)
        for case, make in (("empty layer", lambda: Layer(1, ANNOTATOR)),
                           (f"{spans:,} spans already", lambda i=items: Layer.of(1, ANNOTATOR,
                                                                               i))):
            runs = []
            for _ in range(ws.scale.heavy_repeat):
                layer = make()
                runs.append(timed(lambda lay=layer, t=text: suggest_document(t, lay)))
            figures.append(Figure("suggest", f"{label} text, {case}", mb / median(runs),
                                  "MB/s", target=TARGET, check=lambda v, r: v >= 1))
    return figures
