"""Import and export as library calls: the CLI, the window and the Dask recipe call these.

An import is strict by default: the first unreadable file or broken line stops it and the
project stays as it was. With `skip_bad`, the good records go in and every problem is listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.formats import registry
from ruth_annotator.formats.registry import ExportOptions, ExportReport
from ruth_annotator.formats.splits import SPLIT_NAMES, split_of, split_path
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store.project import ImportResult, Project
from ruth_annotator.tasks import NO_TASK, Task


def _records(paths: Iterable[Path], fmt_name: str | None, skip_bad: bool,
             result: ImportResult) -> Iterator[ParsedRecord]:
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise InputError("does not exist", path)
        fmt = registry.get(fmt_name) if fmt_name else registry.detect(path)
        if fmt.reader is None:
            raise InputError(f"the {fmt.name} format can only be exported", path)
        for item in fmt.reader(path):
            if isinstance(item, registry.Skipped):
                result.problems.append(str(item))
            elif isinstance(item, InputError):
                if not skip_bad:
                    raise item
                result.problems.append(str(item))
            else:
                yield item


def import_paths(project: Project, paths: Iterable[Path], fmt_name: str | None = None,
                 skip_bad: bool = False, task: Task = NO_TASK) -> ImportResult:
    """Import files or folders in one transaction; see the module docstring for errors."""
    paths = [Path(p) for p in paths]
    result = ImportResult()
    total = _estimate(paths)
    return project.import_records(_records(paths, fmt_name, skip_bad, result), task, total,
                                  result)


def _estimate(paths: list[Path]) -> int:
    """A cheap total for the progress bar: files in folders, lines in JSONL files."""
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file())
        elif path.suffix.lower() in (".jsonl", ".ndjson") and path.is_file():
            with path.open("rb") as f:
                total += sum(buf.count(b"\n") for buf in iter(lambda: f.read(1 << 20), b""))
        else:
            total += 1
    return total


def export_project(project: Project, fmt_name: str, output: Path,
                   options: ExportOptions | None = None, task: Task = NO_TASK) -> ExportReport:
    """Stream the project's records through a format's writer into `output`."""
    options = options or ExportOptions()
    fmt = registry.get(fmt_name)
    if fmt.writer is None:
        raise InputError(f"the {fmt.name} format can only be imported", output)
    report = ExportReport()
    output = Path(output)
    if options.split is None or fmt.handles_split:
        records = project.iter_records(options.include_suggestions, options.annotators,
                                       task=task)
        fmt.writer(records, output, options, report)
        return report
    # One pass a split, each restricted to its documents: constant memory, and the
    # writers stay unaware of splits.
    by_split: dict[str, list[int]] = {name: [] for name in SPLIT_NAMES}
    for doc_id, uid in project.document_uids():
        by_split[split_of(uid, options.seed, options.split)].append(doc_id)
    total = len(project.layer_keys(options.annotators))
    done = 0
    for name, fraction in zip(SPLIT_NAMES, options.split, strict=True):
        if fraction <= 0:
            continue
        part = len(project.layer_keys(options.annotators, by_split[name]))
        offset = done
        sub_task = Task(progress=lambda d, _t, o=offset: task.report(o + d, total),
                        cancelled=task.cancelled)
        records = project.iter_records(options.include_suggestions, options.annotators,
                                       by_split[name], task=sub_task)
        fmt.writer(records, split_path(output, name, fmt.folder), options, report)
        done += part
    return report


def open_project_with_sample(path: Path, annotator: str | None = None) -> Project:
    """Open a project; a new one starts with the sample article so the app is useful at once."""
    from ruth_annotator.resources import sample_article

    path = Path(path)
    new = not path.exists()
    project = Project.open(path, annotator, create=True)
    if new or project.document_count() == 0:
        import_paths(project, [sample_article()], "text")
    return project
