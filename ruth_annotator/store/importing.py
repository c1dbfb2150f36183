"""Bringing documents and layers into a project in one transaction.

Texts already in the project (same hash) are not stored twice: their annotations join the
existing document. Annotation ids that clash with ids already stored are renamed, with every
reference to them, so an import never overwrites existing work.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ruth_annotator.model import Annotation, Entity, Mention, Quote, new_id
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store.rows import insert_rows

if TYPE_CHECKING:
    from ruth_annotator.store.project import ImportResult, Project

_PREFIX = {"entity": "e", "mention": "m", "quote": "q"}
BATCH = 1000


def renamed(items: list[Annotation], taken: set[str], salt: str | None = None
            ) -> list[Annotation]:
    """Give new ids to items whose ids are taken, and follow the renames in references.

    With a `salt` (the layer's document and annotator) the new id is derived from the old
    one, so importing the same file again gives the same ids and is recognised as a repeat.
    """
    def fresh(item: Annotation) -> str:
        if salt is None:
            return new_id(_PREFIX[item.kind])
        digest = hashlib.sha256(f"{salt}/{item.id}".encode()).hexdigest()[:12]
        return f"{_PREFIX[item.kind]}-{digest}"

    mapping = {i.id: fresh(i) for i in items if i.id in taken}
    if not mapping:
        return items

    def ref(value: str | None) -> str | None:
        return mapping.get(value, value) if value else value

    out: list[Annotation] = []
    for item in items:
        new_item: Annotation = replace(item, id=ref(item.id))
        if isinstance(new_item, Mention):
            new_item = replace(new_item, entity=ref(new_item.entity))
        elif isinstance(new_item, Quote):
            new_item = replace(new_item, speaker=ref(new_item.speaker),
                               speaker_mention=ref(new_item.speaker_mention),
                               addressee=ref(new_item.addressee), parent=ref(new_item.parent))
        out.append(new_item)
    return out


def import_records(project: Project, records: Iterable[ParsedRecord], task, total: int = 0,
                   result: ImportResult | None = None) -> ImportResult:
    """Store records (documents, and layers where they carry annotations) atomically."""
    from ruth_annotator.store.project import ImportResult, now

    result = result or ImportResult()
    db = project.db
    by_hash = {r[0]: r[1] for r in db.execute("select hash, id from documents")}
    uids = {r[0] for r in db.execute("select uid from documents")}
    next_id = (db.execute("select max(id) from documents").fetchone()[0] or 0) + 1
    batch: list[dict] = []
    stamp = now()

    def flush() -> None:
        if batch:
            insert_rows(db.conn, "documents", batch)
            batch.clear()

    seen = 0
    with db.atomic():
        for seen, record in enumerate(records, 1):
            doc = record.document
            digest = doc.hash
            doc_id = by_hash.get(digest)
            if doc_id is None:
                doc_id = next_id
                next_id += 1
                uid = doc.uid if doc.uid and doc.uid not in uids else str(doc_id)
                while uid in uids:
                    uid = f"{uid}-{doc_id}"
                uids.add(uid)
                by_hash[digest] = doc_id
                batch.append({
                    "id": doc_id, "uid": uid, "title": doc.title, "text": doc.text,
                    "hash": digest, "length": len(doc.text),
                    "meta": json.dumps(doc.meta, ensure_ascii=False), "added_at": stamp,
                })
                result.added.append(doc_id)
                if len(batch) >= BATCH:
                    flush()
            elif not record.items:
                result.duplicates.append(doc.origin or doc.title)
            if record.items or record.status:
                flush()
                items = record.items
                taken = project.existing_ids(i.id for i in items)
                annotator = record.annotator or project.annotator
                if taken:
                    items = _drop_identical(project, items, taken, doc_id, annotator)
                    taken = project.existing_ids(i.id for i in items)
                if taken:  # ids of another layer: derived ids, stored already on a repeat
                    items = renamed(items, taken, f"{doc_id}/{annotator}")
                    taken = project.existing_ids(i.id for i in items)
                    items = _drop_identical(project, items, taken, doc_id, annotator)
                    items = renamed(items, project.existing_ids(i.id for i in items))
                status = record.status if record.status in ("todo", "in_progress", "done") \
                    else None
                project.add_layer_items(doc_id, annotator, items, status)
                result.layers += 1
                result.annotations += sum(1 for i in items if not isinstance(i, Entity))
            if seen % 200 == 0:
                task.check()
                task.report(seen, total)
        flush()
        task.check()
    task.report(seen, total or seen)
    return result


def _drop_identical(project: Project, items: list[Annotation], taken: set[str],
                    document_id: int, annotator: str) -> list:
    """Items already stored exactly as they are in the same layer (a second import of one
    file) are skipped; the same item in another annotator's layer is a copy to keep."""
    from ruth_annotator.store.rows import TABLES, select_items

    keep = []
    for item in items:
        if item.id in taken:
            stored = select_items(project.db.conn, TABLES[item.kind],
                                  "id = ? and document_id = ? and annotator = ?",
                                  [item.id, document_id, annotator])
            if stored and stored[0] == item:
                continue
        keep.append(item)
    return keep
