"""Bringing documents and layers into a project in one transaction.

Texts already in the project (same hash) are not stored twice: their annotations join the
existing document; a text rebuilt from tokens (CoNLL) joins the document with the same
tokens. Annotations the layer holds already (same span, label and links) are not added
again, so importing a file twice changes nothing. Imported annotations keep the decision
rule: the suggestions an accepted annotation uses are accepted with it. Annotation ids
that clash with ids already stored are renamed, with every reference to them, so an import
never overwrites existing work.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ruth_annotator.model import Annotation, Entity, Layer, new_id, text_hash
from ruth_annotator.model.decisions import bring_into_line, links
from ruth_annotator.model.presence import moved, not_present, without_spaces
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

    out: list[Annotation] = []
    for item in items:
        relinked = {name: mapping[value] for name, value in links(item) if value in mapping}
        if item.id in mapping:
            relinked["id"] = mapping[item.id]
        out.append(replace(item, **relinked) if relinked else item)
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

    fresh: set[tuple[int, str]] = set()  # layers begun by this import: nothing stored
    by_tokens: dict[str, int] | None = None
    seen = 0
    with db.atomic():
        for seen, record in enumerate(records, 1):
            doc = record.document
            digest = doc.hash
            doc_id = by_hash.get(digest)
            items = record.items
            if doc_id is None and record.match_tokens:  # with or without entities
                if by_tokens is None:
                    flush()
                    by_tokens = _token_index(project)
                doc_id = by_tokens.get(text_hash(without_spaces(doc.text)))
                if doc_id is not None:
                    items = moved(items, doc.text, project.document(doc_id).text)
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
                fresh.add((doc_id, record.annotator or project.annotator))
                if len(batch) >= BATCH:
                    flush()
            elif not items:
                result.duplicates.append(doc.origin or doc.title)
            if items or record.status:
                flush()
                annotator = record.annotator or project.annotator
                items = _into_layer(project, result, items, doc_id, annotator,
                                    (doc_id, annotator) in fresh)
                fresh.discard((doc_id, annotator))
                status = record.status if record.status in ("todo", "in_progress", "done") \
                    else None
                project.add_layer_items(doc_id, annotator, items, status)
                result.layers += 1
            if seen % 200 == 0:
                task.check()
                task.report(seen, total)
        flush()
        task.check()
    task.report(seen, total or seen)
    return result


def _into_layer(project: Project, result: ImportResult, items: list[Annotation],
                doc_id: int, annotator: str, fresh: bool) -> list[Annotation]:
    """The record's items as they join the layer: without those the layer holds already,
    ids that clash renamed, then brought into line with the decision rule together with
    the stored layer (a stored suggestion an imported accepted quote uses is accepted)."""
    layer = Layer(doc_id, annotator) if fresh else project.layer(doc_id, annotator)
    if not fresh:
        items, present = not_present(layer, items)
        result.present += present
    taken = project.existing_ids(i.id for i in items)
    if taken:  # ids of another layer: derived ids, the same on a repeat
        items = renamed(items, taken, f"{doc_id}/{annotator}")
        items = renamed(items, project.existing_ids(i.id for i in items))
    result.annotations += sum(1 for i in items if not isinstance(i, Entity))
    items, accepted = bring_into_line(layer, items)  # may add stored items to rewrite
    result.accepted_with += accepted
    return items


def _token_index(project: Project) -> dict[str, int]:
    """Documents by the hash of their text without whitespace (built once an import needs
    it: only for texts rebuilt from tokens that match no document exactly)."""
    return {text_hash(without_spaces(text)): doc_id
            for doc_id, text in project.db.execute("select id, text from documents")}
