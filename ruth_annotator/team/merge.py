"""Bringing annotators' project files back into the lead's project.

Documents are matched by the hash of their text, so packages made by `assign` and files an
annotator made by importing the same texts merge alike. Each annotator's layer of a document
moves as a whole (so deletions travel too), compared by content rather than by id:

- the same in both places: nothing to do (merging a file twice changes nothing);
- not in the project yet, or the project's copy untouched since the last merge of that
  layer: the file's copy is taken;
- the file's copy unchanged since the last merge, but the project's edited since: the
  project's copy is kept;
- changed in both places since the last merge: a conflict. The merge stops without writing
  anything and names the layers, unless the lead said which side wins (`prefer`).

"Since the last merge" is known from a digest of each layer stored in the project when it
was merged. The whole merge is one transaction: all files or nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ruth_annotator.errors import InputError, ProjectError
from ruth_annotator.model import Layer, NewDocument
from ruth_annotator.model.labels import Label
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store import Project
from ruth_annotator.store.importing import renamed
from ruth_annotator.store.rows import TABLES
from ruth_annotator.tasks import NO_TASK, Task
from ruth_annotator.team.signature import is_empty, signature

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
    unchanged: int = 0
    labels_added: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{len(self.added)} layer(s) added", f"{len(self.updated)} updated",
                 f"{self.unchanged} unchanged"]
        if self.kept:
            parts.append(f"{len(self.kept)} kept (edited here since the last merge)")
        if self.resolved:
            parts.append(f"{len(self.resolved)} conflict(s) settled")
        if self.documents_added:
            parts.append(f"{self.documents_added} document(s) added")
        if self.documents_skipped:
            parts.append(f"{self.documents_skipped} unannotated document(s) not in the "
                         "project skipped")
        if self.labels_added:
            parts.append(f"labels added: {', '.join(self.labels_added)}")
        return f"Merged {self.files} file(s): " + ", ".join(parts)


@dataclass
class _Source:
    project: Project
    #: (document id in the file, document id in the project or None, hash, title)
    documents: list[tuple[int, int | None, str, str]]


def merge_files(project: Project, paths: list[Path], add_documents: bool = False,
                prefer: str | None = None, task: Task = NO_TASK) -> MergeReport:
    """Merge annotators' files into `project` in one transaction (see the module docstring)."""
    if prefer is not None and prefer not in PREFER:
        raise InputError(f"--prefer must be one of {', '.join(PREFER)}, not {prefer!r}")
    sources: list[_Source] = []
    try:
        for path in paths:
            path = Path(path)
            if path.exists() and os.path.samefile(path, project.path):
                raise InputError("is the project itself; give the annotators' files", path)
            sources.append(_read(project, Project.open(path, "", readonly=True),
                                 add_documents))
        return _merge(project, sources, prefer, add_documents, task)
    finally:
        for source in sources:
            source.project.close()


def _read(project: Project, source: Project, add_documents: bool) -> _Source:
    """Match the file's documents to the project's; refuse annotated strangers."""
    documents = [
        (row[0], project.find_by_hash(row[1]), row[1], row[2])
        for row in source.db.execute("select id, hash, title from documents order by id")
    ]
    foreign = [d for d in documents if d[1] is None]
    annotated = [d for d in foreign if _layers(source, d[0])]
    if (annotated or len(foreign) == len(documents)) and foreign and not add_documents:
        first = (annotated or foreign)[0][3]
        source.close()
        raise InputError(
            f"{len(annotated or foreign)} of its {len(documents)} document(s) are not in the "
            f"project (first: “{first[:60]}”); nothing was merged. Merge with "
            "--add-documents to add them", source.path)
    return _Source(source, documents)


def _layers(source: Project, doc_id: int) -> list[Layer]:
    names = sorted({r[0] for table in ("layers", *TABLES.values()) for r in source.db.execute(
        f"select distinct annotator from {table} where document_id = ?", [doc_id])})
    layers = [source.layer(doc_id, name) for name in names]
    return [la for la in layers if not is_empty(la)]


def _merge(project: Project, sources: list[_Source], prefer: str | None,
           add_documents: bool, task: Task) -> MergeReport:
    report = MergeReport(files=len(sources))
    conflicts: list[str] = []
    total = sum(len(s.documents) for s in sources)
    done = 0
    with project.db.atomic():
        for source in sources:
            _add_labels(project, source.project, report)
            for src_id, doc_id, digest, _ in source.documents:
                layers = _layers(source.project, src_id)
                doc_id = doc_id or project.find_by_hash(digest)
                if doc_id is None:
                    if not add_documents:
                        report.documents_skipped += 1
                        continue
                    doc_id = _add_document(project, source.project, src_id, report)
                for layer in layers:
                    stamp = _updated_at(source.project, src_id, layer.annotator)
                    where = f"{layer.annotator} on {_document_name(project, doc_id)}"
                    _merge_layer(project, layer, doc_id, digest, where, stamp, prefer, report,
                                 conflicts)
                done += 1
                task.check()
                task.report(done, total)
        if conflicts:
            raise MergeConflict(
                f"{len(conflicts)} layer(s) were changed both here and in the files since "
                f"they were last merged ({'; '.join(conflicts[:3])}"
                f"{'; …' if len(conflicts) > 3 else ''}); nothing was merged. Choose a side "
                "with --prefer file, --prefer project or --prefer newer", project.path)
    return report


def _merge_layer(project: Project, incoming: Layer, doc_id: int, digest: str, where: str,
                 stamp: str | None, prefer: str | None, report: MergeReport,
                 conflicts: list[str]) -> None:
    current = project.layer(doc_id, incoming.annotator)
    new, old = signature(incoming), signature(current)
    key = BASE_KEY.format(annotator=incoming.annotator, digest=digest)
    row = project.db.execute("select value from project where key = ?", [key]).fetchone()
    base = row[0] if row else None
    take = False
    if new == old:
        report.unchanged += 1
    elif is_empty(current):
        take = True
        report.added.append(where)
    elif base == old:
        take = True
        report.updated.append(where)
    elif base == new:
        report.kept.append(where)
    elif prefer is None:
        conflicts.append(where)
        return
    else:
        here = _updated_at(project, doc_id, incoming.annotator) or ""
        take = prefer == "file" or (prefer == "newer" and (stamp or "") > here)
        report.resolved.append(f"{where}: {'file' if take else 'project'} copy kept")
    if take:
        _replace_layer(project, doc_id, incoming, stamp)
    if base != new:
        project.db["project"].upsert({"key": key, "value": new}, pk="key")


def _replace_layer(project: Project, doc_id: int, layer: Layer, stamp: str | None) -> None:
    """The file's copy replaces the project's, ids renamed where another layer uses them."""
    for table in TABLES.values():
        project.db[table].delete_where("document_id = ? and annotator = ?",
                                       [doc_id, layer.annotator])
    items = list(layer)
    items = renamed(items, project.existing_ids(i.id for i in items))
    project.add_layer_items(doc_id, layer.annotator, items, layer.status)
    if stamp:
        project.db["layers"].update((doc_id, layer.annotator), {"updated_at": stamp})


def _document_name(project: Project, doc_id: int) -> str:
    uid, title = project.db.execute("select uid, title from documents where id = ?",
                                    [doc_id]).fetchone()
    return f"“{title[:40]}”" if title else f"document {uid}"


def _updated_at(project: Project, doc_id: int, annotator: str) -> str | None:
    row = project.db.execute(
        "select updated_at from layers where document_id = ? and annotator = ?",
        [doc_id, annotator]).fetchone()
    return row[0] if row else None


def _add_document(project: Project, source: Project, src_id: int, report: MergeReport) -> int:
    doc = source.document(src_id)
    project.import_records([ParsedRecord(NewDocument(doc.text, doc.title, doc.uid, doc.meta),
                                         None, None)])
    report.documents_added += 1
    return project.find_by_hash(doc.hash) or 0


def _add_labels(project: Project, source: Project, report: MergeReport) -> None:
    """Labels the file uses that the project lacks join the project's label set."""
    have = project.labels()
    names = {lab.name for lab in have}
    keys = {lab.key for lab in have if lab.key}
    used = {r[0] for table in ("mentions", "entities")
            for r in source.db.execute(f"select distinct label from {table}")}
    extra = []
    for label in source.labels():
        if label.name in used and label.name not in names:
            key = label.key if label.key not in keys else ""
            extra.append(Label(label.name, label.color, key, label.description))
            keys.add(key)
    if extra:
        project.set_labels(have + extra)
        report.labels_added.extend(lab.name for lab in extra)
