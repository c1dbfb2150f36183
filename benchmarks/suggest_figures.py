"""Suggestion speed: MB of text a second through `suggest_document`.

Three cases per size: an untouched layer (what opening a new document does), a layer that
already holds the document's annotations (every suggestion must be checked for overlap),
and the same text on one line (news pasted without its line breaks; a rule that rereads a
whole paragraph per quote turns quadratic there).
No raw limit is defined for suggestion; the target is absolute.
"""

from __future__ import annotations

from benchmarks.measure import (
    Figure,
    median,
    not_measured,
    runs_note,
    size_label,
    timed,
    within,
)
from benchmarks.workspace import ANNOTATOR, Workspace
from ruth_annotator.model.layer import Layer

TARGET = "≥ 1 MB/s"
BUDGET_S = 10  # per case: a slow case runs fewer times rather than stall the suite


def _run(suggest, text: str, items: list) -> float:
    layer = Layer.of(1, ANNOTATOR, items)
    return timed(lambda: suggest(text, layer))


def suggest_figures(ws: Workspace) -> list[Figure]:
    try:
        from ruth_annotator.suggest import suggest_document
    except ImportError:
        return [not_measured("suggest", "all sizes", "suggestion engine not available",
                             TARGET)]
    figures = []
    for size, spans in ws.scale.documents:
        text, items = ws.annotated(size, spans)
        mb = len(text.encode("utf-8")) / 1_000_000
        # the same text as one line (offsets unchanged): a rule that looks at a whole
        # paragraph for each quote shows here as time growing with the square of the size
        one_line = text.replace("\n", " ")
        for case, body, present in (("empty layer", text, []),
                                    (f"{spans:,} spans already", text, items),
                                    ("on one line, empty layer", one_line, [])):
            runs = within(BUDGET_S, ws.scale.heavy_repeat,
                          lambda _, t=body, p=present: _run(suggest_document, t, p))
            figures.append(Figure("suggest", f"{size_label(size)} text, {case}",
                                  mb / median(runs), "MB/s", target=TARGET,
                                  check=lambda v, r: v >= 1,
                                  note=runs_note(runs, ws.scale.heavy_repeat)))
    return figures
