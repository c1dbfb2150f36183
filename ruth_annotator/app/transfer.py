"""Import and export as library calls: the CLI, the window and the Dask recipe call these.

An import is strict by default: the first unreadable file or broken line stops it and the
project stays as it was. With `skip_bad`, the good records go in and every problem is listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ruth_annotator.errors import InputError, ProjectError
from ruth_annotator.formats import registry
from ruth_annotator.formats.registry import ExportOptions, ExportReport
from ruth_annotator.formats.splits import SPLIT_NAMES, split_of, split_path
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.model.wording import plural
from ruth_annotator.store.project import ImportResult, Project
from ruth_annotator.tasks import NO_TASK, Task


def _records(paths: Iterable[Path], fmt_name: str | None, skip_bad: bool,
             result: ImportResult) -> Iterator[ParsedRecord]:
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise InputError("does not exist", path)
        found = FolderCount()
        for fmt, part in registry.parts(path, fmt_name):
            if fmt.reader is None:
                raise InputError(f"the {fmt.name} format can only be exported", part)
            for item in fmt.reader(part):
                if isinstance(item, registry.Skipped):
                    result.problems.append(str(item))
                elif isinstance(item, InputError):
                    if not skip_bad:
                        raise item
                    result.problems.append(str(item))
                else:
                    found.add(fmt, item)
                    yield item
        if fmt_name is None:  # a format named on purpose is taken at its word
            found.refuse_if_empty(path)


class FolderCount:
    """What a folder's files gave: a folder of an annotation format (brat, CoNLL, JSONL …)
    that gives documents but not one annotation was misread, and is an error."""

    def __init__(self) -> None:
        self.documents: dict[str, int] = {}
        self.annotations = 0

    def add(self, fmt: registry.Format, record: ParsedRecord) -> None:
        self.documents[fmt.name] = self.documents.get(fmt.name, 0) + 1
        self.annotations += len(record.items)

    def refuse_if_empty(self, path: Path) -> None:
        annotated = sorted(name for name in self.documents
                           if registry.expects_annotations(registry.get(name)))
        if path.is_dir() and annotated and not self.annotations:
            found = ", ".join(plural(self.documents[n], f"{n} document") for n in annotated)
            raise InputError(f"holds {found} but not one annotation could be read from "
                             "them; check the files, or name their format with --format "
                             "to import them as they are", path)


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


def writable_format(fmt_name: str, output: Path | None = None) -> registry.Format:
    """The format of that name, refused in one line when it can only be imported."""
    fmt = registry.get(fmt_name)
    if fmt.writer is None:
        raise InputError(f"the {fmt.name} format can only be imported", output)
    return fmt


def write_records(records: Iterable[dict], fmt_name: str, output: Path,
                  options: ExportOptions, report: ExportReport | None = None) -> ExportReport:
    """Write full records (as `Project.iter_records` gives them) with the format's writer:
    what the export command does for each file, and what each Dask worker does for a shard."""
    report = report if report is not None else ExportReport()
    writable_format(fmt_name, output).writer(records, Path(output), options, report)
    return report


def export_project(project: Project, fmt_name: str, output: Path,
                   options: ExportOptions | None = None, task: Task = NO_TASK) -> ExportReport:
    """Stream the project's records through a format's writer into `output`."""
    options = options or ExportOptions()
    fmt = writable_format(fmt_name, output)
    _check_annotators(project, options.annotators)
    report = ExportReport(undecided_left_out=undecided_left_out(project, options))
    output = Path(output)
    if options.split is None or fmt.handles_split:
        records = project.iter_records(options.include_suggestions, options.annotators,
                                       task=task)
        return write_records(records, fmt.name, output, options, report)
    # One pass a split, each restricted to its documents: constant memory, and the
    # writers stay unaware of splits.
    by_split: dict[str, list[int]] = {name: [] for name in SPLIT_NAMES}
    for doc_id, uid in project.document_uids():
        by_split[split_of(uid, options.seed, options.split)].append(doc_id)
    # progress in documents, as iter_records reports it
    total = sum(len(ids) for ids in by_split.values())
    done = 0
    for name, fraction in zip(SPLIT_NAMES, options.split, strict=True):
        if fraction <= 0:
            continue
        part = len(by_split[name])
        offset = done
        sub_task = Task(progress=lambda d, _t, o=offset: task.report(o + d, total),
                        cancelled=task.cancelled)
        records = project.iter_records(options.include_suggestions, options.annotators,
                                       by_split[name], task=sub_task)
        write_records(records, fmt.name, split_path(output, name, fmt.folder), options,
                      report)
        done += part
    return report


def _check_annotators(project: Project, wanted: list[str] | None) -> None:
    """Asking for a layer that does not exist is a mistake, not an empty dataset."""
    layers = project.annotators()
    missing = [a for a in wanted or [] if a not in layers and a != project.annotator]
    if missing:
        there = f"there are: {', '.join(layers)}" if layers else "it has no layers yet"
        raise ProjectError(f"has no layer of annotator {', '.join(map(repr, missing))} "
                           f"({there})", project.path)


def undecided_left_out(project: Project, options: ExportOptions) -> int:
    """How many undecided suggestions an export without them leaves out (0 with them)."""
    if options.include_suggestions:
        return 0
    return sum(n for layers in project.undecided(options.annotators).values()
               for kinds in layers.values() for n in kinds.values())


def open_project_with_sample(path: Path, annotator: str | None = None) -> Project:
    """Open a project; a new one starts with the sample article so the app is useful at once."""
    from ruth_annotator.resources import sample_article

    path = Path(path)
    new = not path.exists()
    project = Project.open(path, annotator, create=True)
    if new or project.document_count() == 0:
        import_paths(project, [sample_article()], "text")
    return project
