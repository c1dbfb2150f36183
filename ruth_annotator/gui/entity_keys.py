"""Keys on entities and annotations as wholes: merge (M), split (Shift+M), delete."""

from __future__ import annotations

from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.entities_panel import EntitiesPanel
from ruth_annotator.gui.key_part import Hint, KeyPart
from ruth_annotator.gui.session import Session
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import REJECTED, Mention


class EntityKeys(KeyPart):
    def __init__(self, session: Session, view: ArticleView, panel: EntitiesPanel,
                 hint: Hint) -> None:
        super().__init__(session, view, hint)
        self.panel = panel

    def _mentions_in_selection(self) -> list[Mention]:
        span = self.view.selected_span()
        if span is None or self.layer is None:
            return []
        # the few inside the selection, then sorted as Layer.sorted_mentions sorts (not a
        # sort of every mention of the layer per key press)
        inside = [m for m in self.layer.mentions.values()
                  if span.contains(m.span) and m.status != REJECTED]
        return sorted(inside, key=lambda m: (m.start, -m.end, m.id))

    def merge(self) -> None:
        ids = self.panel.selected_entities()
        if len(ids) < 2:
            ids = list(dict.fromkeys(m.entity for m in self._mentions_in_selection()
                                     if m.entity))
        if len(ids) < 2:
            self.hint("Select two or more entities in the Entities panel (or mentions of "
                      "them in the text), then press M.")
            return
        self.session.apply(edits.merge_entities(self.layer, ids))

    def split(self) -> None:
        ids = self.panel.selected_mentions()
        if not ids:
            ids = [m.id for m in self._mentions_in_selection()]
        if not ids and isinstance(self.layer.get(self.session.current_id or ""), Mention):
            ids = [self.session.current_id]
        if not ids:
            self.hint("Select the mentions to split off (in the panel or the text).")
            return
        first = self.layer.mentions[ids[0]]
        name = " ".join(self.text[first.start:first.end].split())
        self.session.apply(edits.split_entity(self.layer, ids, name), select=ids[0])

    def delete(self) -> None:
        ids = self.panel.selected_ids() if self.panel.has_focus() else []
        if not ids and self.session.current_id:
            ids = [self.session.current_id]
        if not ids:
            self.hint("Nothing to delete: select an annotation first.")
            return
        self.session.apply(edits.delete_annotations(self.layer, ids))
