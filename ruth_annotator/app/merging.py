"""Bringing annotators' project files back into the lead's project.

Documents are matched by the hash of their text, so packages made by `assign` and files an
annotator made by importing the same texts merge alike. What happens to each layer is
decided by team/merge.py; this module opens the files and writes the project, all files in
one transaction: all or nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.model import Layer, NewDocument
from ruth_annotator.model.labels import Label
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.model.wording import plural
from ruth_annotator.store import Project
from ruth_annotator.store.importing import renamed
from ruth_annotator.tasks import NO_TASK, Task
from ruth_annotator.team.merge import (
    BASE_KEY,
    LayerCopies,
    MergeReport,
    check_prefer,
    conflict_error,
    take_file_copy,
)
from ruth_annotator.team.signature import is_empty, signature


@dataclass
class _Source:
    project: Project
    #: (document id in the file, document id in the project or None, hash, title)
    documents: list[tuple[int, int | None, str, str]]


def merge_files(project: Project, paths: list[Path], add_documents: bool = False,
                prefer: str | None = None, task: Task = NO_TASK) -> MergeReport:
    """Merge annotators' files into `project` in one transaction (see the module docstring)."""
    check_prefer(prefer)
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
    documents = [(src_id, project.find_by_hash(digest), digest, title)
                 for src_id, digest, title in source.document_fingerprints()]
    foreign = [d for d in documents if d[1] is None]
    annotated = [d for d in foreign if _layers(source, d[0])]
    if (annotated or len(foreign) == len(documents)) and foreign and not add_documents:
        first = (annotated or foreign)[0][3]
        source.close()
        raise InputError(
            f"{len(annotated or foreign)} of its {plural(len(documents), 'document')} are not in "
            "the "
            f"project (first: “{first[:60]}”); nothing was merged. Merge with "
            "--add-documents to add them", source.path)
    return _Source(source, documents)


def _layers(source: Project, doc_id: int) -> list[Layer]:
    layers = [source.layer(doc_id, name) for name in source.layer_annotators(doc_id)]
    return [la for la in layers if not is_empty(la)]


def _merge(project: Project, sources: list[_Source], prefer: str | None,
           add_documents: bool, task: Task) -> MergeReport:
    report = MergeReport(files=len(sources))
    total = sum(len(s.documents) for s in sources)
    done = 0
    with project.transaction():
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
                    _merge_layer(project, source.project, src_id, layer, doc_id, digest,
                                 prefer, report)
                done += 1
                task.check()
                task.report(done, total)
        if report.conflicts:
            raise conflict_error(report, project.path)
    return report


def _merge_layer(project: Project, source: Project, src_id: int, incoming: Layer,
                 doc_id: int, digest: str, prefer: str | None, report: MergeReport) -> None:
    current = project.layer(doc_id, incoming.annotator)
    key = BASE_KEY.format(annotator=incoming.annotator, digest=digest)
    stamp = source.layer_updated_at(src_id, incoming.annotator)
    copies = LayerCopies(
        where=f"{incoming.annotator} on {project.document_name(doc_id)}",
        incoming=signature(incoming), current=signature(current),
        current_empty=is_empty(current), base=project.note(key), file_stamp=stamp,
        project_stamp=project.layer_updated_at(doc_id, incoming.annotator))
    take = take_file_copy(copies, prefer, report)
    if take is None:
        return
    if take:
        items = list(incoming)
        items = renamed(items, project.existing_ids(i.id for i in items))
        project.replace_layer(doc_id, incoming, items, stamp)
    if copies.base != copies.incoming:
        project.set_notes({key: copies.incoming})


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
    used = source.used_labels()
    extra = []
    for label in source.labels():
        if label.name in used and label.name not in names:
            key = label.key if label.key not in keys else ""
            extra.append(Label(label.name, label.color, key, label.description))
            keys.add(key)
    if extra:
        project.set_labels(have + extra)
        report.labels_added.extend(lab.name for lab in extra)
