"""What merging an annotator's layer into the lead's project decides (no files, no SQL).

Each annotator's layer of a document moves as a whole (so deletions travel too), compared
by content rather than by id:

- the same in both places: nothing to do (merging a file twice changes nothing);
- not in the project yet, or the project's copy untouched since the last merge of that
  layer: the file's copy is taken;
- the file's copy unchanged since the last merge, but the project's edited since: the
  project's copy is kept;
- changed in both places since the last merge: a conflict. The merge stops without writing
  anything and names the layers, unless the lead said which side wins (`prefer`).

"Since the last merge" is known from a digest of each layer stored in the project when it
was merged. The use case that opens the files and writes the project is app/merging.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ruth_annotator.errors import InputError, ProjectError
from ruth_annotator.model.wording import plural

PREFER = ("file", "project", "newer")
BASE_KEY = "merge-base/{annotator}/{digest}"


class MergeConflict(ProjectError):
    """The same layer was edited in the project and in a file since they were last merged."""


@dataclass
class MergeReport:
    files: int = 0
    documents_added: int = 0
    documents_skipped: int = 0
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    resolved: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    unchanged: int = 0
    labels_added: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{plural(len(self.added), 'layer')} added", f"{len(self.updated)} updated",
                 f"{self.unchanged} unchanged"]
        if self.kept:
            parts.append(f"{len(self.kept)} kept (edited here since the last merge)")
        if self.resolved:
            parts.append(f"{plural(len(self.resolved), 'conflict')} settled")
        if self.documents_added:
            parts.append(f"{plural(self.documents_added, 'document')} added")
        if self.documents_skipped:
            parts.append(f"{plural(self.documents_skipped, 'unannotated document')} not in the "
                         "project skipped")
        if self.labels_added:
            parts.append(f"labels added: {', '.join(self.labels_added)}")
        return f"Merged {plural(self.files, 'file')}: " + ", ".join(parts)


def check_prefer(prefer: str | None) -> None:
    if prefer is not None and prefer not in PREFER:
        raise InputError(f"--prefer must be one of {', '.join(PREFER)}, not {prefer!r}")


@dataclass(frozen=True)
class LayerCopies:
    """The two copies of one layer, described for the decision."""

    where: str  # "alice on “Title”", for the report
    incoming: str  # signature of the file's copy
    current: str  # signature of the project's copy
    current_empty: bool
    base: str | None  # signature when last merged
    file_stamp: str | None  # when each copy was last changed
    project_stamp: str | None


def take_file_copy(copies: LayerCopies, prefer: str | None,
                   report: MergeReport) -> bool | None:
    """Whether the file's copy replaces the project's, None for an unsettled conflict;
    the outcome is noted in `report`."""
    where = copies.where
    if copies.incoming == copies.current:
        report.unchanged += 1
        return False
    if copies.current_empty:
        report.added.append(where)
        return True
    if copies.base == copies.current:
        report.updated.append(where)
        return True
    if copies.base == copies.incoming:
        report.kept.append(where)
        return False
    if prefer is None:
        report.conflicts.append(where)
        return None
    take = prefer == "file" or (
        prefer == "newer" and (copies.file_stamp or "") > (copies.project_stamp or ""))
    report.resolved.append(f"{where}: {'file' if take else 'project'} copy kept")
    return take


def conflict_error(report: MergeReport, path) -> MergeConflict:
    conflicts = report.conflicts
    return MergeConflict(
        f"{plural(len(conflicts), 'layer')} changed both here and in the files since "
        f"they were last merged ({'; '.join(conflicts[:3])}"
        f"{'; …' if len(conflicts) > 3 else ''}); nothing was merged. Choose a side "
        "with --prefer file, --prefer project or --prefer newer", path)
