"""Accept all (Shift+A) and its undo on a layer of undecided suggestions.

`edits.decide` on every undecided item closes the change set under the decision rule
(model/decisions.py); the figure times that, applying it to the layer, and applying its
inverse (undo); the saved figure adds both transactions of `Project.apply`. The raw limit
does the least any accept-all must: a new value with the status changed for each item, put
in a dict, and back (in memory); an `UPDATE … SET status` of the same rows and back (saved).
"""

from __future__ import annotations

from dataclasses import replace

from benchmarks.measure import Figure, median, runs_note, timed, within
from benchmarks.workspace import ANNOTATOR, Workspace, same_settings
from ruth_annotator.model.annotations import ACCEPTED, PROPOSED, SUGGESTED
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.edits import decide, proposed_ids
from ruth_annotator.model.layer import Layer
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store import Project

TARGET = "< 1 s with undo"


def _suggested(ws: Workspace, count: int) -> tuple[str, list]:
    """A text with about `count` items (entities, mentions, quotes), all undecided."""
    text, items = ws.annotated(40 * count, count)
    return text, [replace(i, status=PROPOSED, source=SUGGESTED) for i in items]


def accept_all_figures(ws: Workspace) -> list[Figure]:
    count = 50_000 if ws.scale.name == "full" else 2_000
    text, items = _suggested(ws, count)
    case = f"{len(items):,} undecided items"

    def ours(_: int) -> float:
        layer = Layer.of(1, ANNOTATOR, items)

        def run() -> None:
            changes = decide(layer, proposed_ids(layer), True)
            layer.apply(changes)
            layer.apply(changes.inverse())
        return timed(run)

    def raw(_: int) -> float:
        table = {i.id: i for i in items}

        def run() -> None:
            before = dict(table)
            table.update({k: replace(v, status=ACCEPTED) for k, v in before.items()})
            table.update(before)
        return timed(run)

    runs = ws.scale.repeat
    mine = within(20, runs, ours)
    limits = [raw(i) for i in range(len(mine))]
    figures = [Figure("accept all", case + ", in memory", median(mine), "s", median(limits),
                      "a status change per item in a dict, and back", TARGET,
                      lambda v, _r: v < 1, runs_note(mine, runs))]

    path = ws.path("accept.ruth")
    with Project.open(path, ANNOTATOR, create=True) as project:
        doc_id = project.import_records([ParsedRecord(NewDocument(text, "accept"), ANNOTATOR,
                                                      "in_progress", items)]).added[0]
    project = Project.open(path, ANNOTATOR)
    raw_conn = same_settings(path)
    try:
        def saved(_: int) -> float:
            layer = project.layer(doc_id)

            def run() -> None:
                changes = decide(layer, proposed_ids(layer), True)
                layer.apply(changes)
                project.apply(changes, doc_id)
                layer.apply(changes.inverse())
                project.apply(changes.inverse(), doc_id)
            return timed(run)

        def bare(_: int) -> float:
            def run() -> None:
                for status in (ACCEPTED, PROPOSED):
                    raw_conn.execute("begin")
                    for table in ("entities", "mentions", "quotes"):
                        raw_conn.execute(f"update {table} set status = ? where document_id = ?",
                                         (status, doc_id))
                    raw_conn.execute("commit")
            return timed(run)

        heavy = ws.scale.heavy_repeat
        mine = within(30, heavy, saved)
        limits = [bare(i) for i in range(len(mine))]
    finally:
        raw_conn.close()
        project.close()
    figures.append(Figure("accept all", case + ", saved", median(mine), "s", median(limits),
                          "UPDATE … SET status of the same rows, and back", TARGET,
                          lambda v, _r: v < 1, runs_note(mine, heavy)))
    return figures
