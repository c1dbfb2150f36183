"""Assignment packages: one project file per annotator with their share of the documents.

A chosen share of the documents goes to two or more annotators so that agreement can be
measured; the rest is spread so that everyone gets about the same number. The plan depends
only on the document ids, the names, the overlap and the seed, so the same command gives
the same packages. Each package carries the project's label set and records whom it is
for; the lead's project records the assignment as empty 'todo' layers, which is what the
progress figures count. Writing the packages is app/assigning.py.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from ruth_annotator.errors import InputError

PACKAGE_SUFFIX = ".ruth"
#: Keys in a package's `project` table.
ASSIGNED_TO = "assigned_annotator"
ASSIGNED_FROM = "assigned_from"


def check_names(annotators: list[str]) -> list[str]:
    """Annotator names become file names: no empty, repeated or path-like names."""
    names = [a.strip() for a in annotators if a.strip()]
    if not names:
        raise InputError("give at least one annotator name")
    for name in names:
        if "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
            raise InputError(f"annotator name {name!r} cannot be part of a file name")
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise InputError(f"annotator {repeated[0]} is named twice")
    return names


def plan_assignment(document_ids: list[int], annotators: list[str], overlap: float = 0.0,
                    per_shared: int = 2, seed: int = 0) -> dict[str, list[int]]:
    """Which documents each annotator gets.

    round(overlap × documents) documents (at least one when overlap > 0) go to `per_shared`
    annotators each; every other document to one. Each document goes to whoever has the
    fewest so far, ties broken by a rotation, so the loads differ by at most one shared set.
    """
    names = check_names(annotators)
    if not 0 <= overlap <= 1:
        raise InputError(f"overlap must be between 0 and 1, not {overlap}")
    if overlap > 0 and not 2 <= per_shared <= len(names):
        raise InputError(f"shared documents need 2 to {len(names)} annotators each "
                         f"(asked for {per_shared}; overlap needs two or more annotators)")
    order = sorted(document_ids)
    random.Random(seed).shuffle(order)
    n_shared = max(1, round(overlap * len(order))) if overlap > 0 and order else 0
    load = dict.fromkeys(names, 0)
    plan: dict[str, list[int]] = {name: [] for name in names}
    for turn, doc_id in enumerate(order):
        k = per_shared if turn < n_shared else 1
        rank = sorted(names, key=lambda n: (load[n], (names.index(n) - turn) % len(names)))
        for name in rank[:k]:
            plan[name].append(doc_id)
            load[name] += 1
    return {name: sorted(ids) for name, ids in plan.items()}


@dataclass
class Package:
    annotator: str
    path: Path
    documents: list[int]
    shared: int


def package_path(project_path: Path, folder: Path, annotator: str) -> Path:
    return folder / f"{project_path.stem}-{annotator}{PACKAGE_SUFFIX}"
