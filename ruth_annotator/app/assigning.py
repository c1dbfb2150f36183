"""Writing assignment packages (the plan is team/assign.py) and reading whom one is for."""

from __future__ import annotations

import os
from pathlib import Path

from ruth_annotator.errors import ProjectError
from ruth_annotator.model import NewDocument
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store import Project
from ruth_annotator.store.opening import remove_project_files
from ruth_annotator.tasks import NO_TASK, Task
from ruth_annotator.team.assign import ASSIGNED_FROM, ASSIGNED_TO, Package, package_path


def write_packages(project: Project, plan: dict[str, list[int]], folder: Path,
                   task: Task = NO_TASK) -> list[Package]:
    """Write one package per annotator; existing files are never overwritten. The lead's
    project records the assignment as empty 'todo' layers."""
    folder = Path(folder)
    paths = {name: package_path(project.path, folder, name) for name in plan}
    for path in paths.values():
        if path.exists():
            raise ProjectError("already exists; an annotator may be working in it. "
                               "Choose another --output-dir or move it away", path)
    counts: dict[int, int] = {}
    for ids in plan.values():
        for doc_id in ids:
            counts[doc_id] = counts.get(doc_id, 0) + 1
    total = sum(len(ids) for ids in plan.values())
    done = 0
    packages = []
    for name, ids in plan.items():
        _write_package(project, name, ids, paths[name], task)
        done += len(ids)
        task.report(done, total)
        packages.append(Package(name, paths[name], ids, sum(counts[d] > 1 for d in ids)))
    project.add_todo_layers(plan)
    return packages


def assigned_annotator(project: Project) -> str | None:
    """The annotator an assignment package was made for, if any."""
    return project.note(ASSIGNED_TO) or None


def _write_package(project: Project, annotator: str, ids: list[int], path: Path,
                   task: Task) -> None:
    """Build the package under a temporary name and rename it: never half a package."""
    partial = path.with_name(f".{path.name}.part")
    remove_project_files(partial)
    package = Project.open(partial, annotator, create=True)
    try:
        package.set_labels(project.labels())
        records = []
        for doc_id in ids:
            task.check()
            doc = project.document(doc_id)
            records.append(ParsedRecord(NewDocument(doc.text, doc.title, doc.uid, doc.meta),
                                        annotator, "todo"))
        package.import_records(records)
        package.set_notes({ASSIGNED_TO: annotator, ASSIGNED_FROM: project.path.name})
        package.checkpoint()
    except BaseException:
        package.close()
        remove_project_files(partial)
        raise
    package.close()
    os.replace(partial, path)
