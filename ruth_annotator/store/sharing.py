"""The rows that sharing work between project files needs: the project's own notes (merge
digests, whom a package is for), whole layers moved between files, assignment placeholders.

A mixin of `Project`, kept apart so that the team use cases (app/merging.py,
app/assigning.py) never write SQL themselves. Every write runs in
`Project.transaction()` (nested in the caller's, if any).
"""

from __future__ import annotations

from collections.abc import Iterable

from ruth_annotator.model import Annotation, Layer
from ruth_annotator.store.rows import TABLES


class SharingRows:
    """Project methods for merging, assigning and packaging (see the module docstring)."""

    # --- the project's notes (key → value) --------------------------------------------

    def note(self, key: str) -> str | None:
        """A value the project keeps for itself (a merge digest, whom a package is for)."""
        row = self.db.execute("select value from project where key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_notes(self, notes: dict[str, str]) -> None:
        """Keep these values."""
        with self.transaction():
            self.db["project"].upsert_all(
                [{"key": k, "value": v} for k, v in notes.items()], pk="key")

    # --- documents and layers as other files see them ---------------------------------

    def document_fingerprints(self) -> list[tuple[int, str, str]]:
        """(id, text hash, title) of every document, in id order."""
        return self.db.execute("select id, hash, title from documents order by id").fetchall()

    def document_name(self, document_id: int) -> str:
        """How a message names a document: its title quoted, or its uid."""
        uid, title = self.db.execute("select uid, title from documents where id = ?",
                                     [document_id]).fetchone()
        return f"“{title[:40]}”" if title else f"document {uid}"

    def layer_annotators(self, document_id: int) -> list[str]:
        """Everyone with a layer or an annotation in the document, sorted."""
        return sorted({r[0] for table in ("layers", *TABLES.values()) for r in self.db.execute(
            f"select distinct annotator from {table} where document_id = ?", [document_id])})

    def layer_updated_at(self, document_id: int, annotator: str) -> str | None:
        row = self.db.execute(
            "select updated_at from layers where document_id = ? and annotator = ?",
            [document_id, annotator]).fetchone()
        return row[0] if row else None

    def used_labels(self) -> set[str]:
        """Labels that some mention or entity carries."""
        return {r[0] for table in ("mentions", "entities")
                for r in self.db.execute(f"select distinct label from {table}")}

    def replace_layer(self, document_id: int, layer: Layer, items: Iterable[Annotation],
                      updated_at: str | None = None) -> None:
        """Put `items` in place of the annotator's layer of the document, with the layer's
        status and, when given, the time it was last changed where it came from (the ids
        must be free in this project)."""
        with self.transaction():
            for table in TABLES.values():
                self.db[table].delete_where("document_id = ? and annotator = ?",
                                            [document_id, layer.annotator])
            self.add_layer_items(document_id, layer.annotator, list(items), layer.status)
            if updated_at:
                self.db["layers"].update((document_id, layer.annotator),
                                         {"updated_at": updated_at})

    def add_todo_layers(self, plan: dict[str, list[int]]) -> None:
        """Empty 'todo' layers for each annotator's documents; existing layers stay."""
        with self.transaction():
            for name, ids in plan.items():
                self.db["layers"].insert_all(
                    ({"document_id": d, "annotator": name, "status": "todo"} for d in ids),
                    pk=("document_id", "annotator"), ignore=True)

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file, so the file alone holds everything."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
