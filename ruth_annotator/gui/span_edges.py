"""Alt+arrows: move an edge of the current mention or quote by a word."""

from __future__ import annotations

from ruth_annotator.gui import words
from ruth_annotator.gui.key_part import KeyPart
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import Mention, Quote


class SpanEdges(KeyPart):
    def _resize(self, edge: str, grow: bool) -> None:
        item = self.layer.get(self.session.current_id or "") if self.layer else None
        if isinstance(item, Mention):
            span = words.resize(self.text, item.span, edge, grow)
            changes = edits.set_mention_span(self.layer, item.id, span)
        elif isinstance(item, Quote):
            spans = list(item.spans)
            i = -1 if edge == "end" else 0
            # quotation marks stay outside the content, whichever edge moves
            spans[i] = words.trim(self.text, words.resize(self.text, spans[i], edge, grow),
                                  words.QUOTE_MARKS)
            if spans[i].end <= spans[i].start:
                self.hint("A quote cannot shrink to nothing.")
                return
            changes = edits.update(self.layer, item.id, "Resize quote", spans=tuple(spans))
        else:
            self.hint("Select a mention or quote first (click it, or N / P).")
            return
        self.session.apply(changes, select=item.id)

    def extend_end(self) -> None:
        self._resize("end", True)

    def shrink_end(self) -> None:
        self._resize("end", False)

    def extend_start(self) -> None:
        self._resize("start", True)

    def shrink_start(self) -> None:
        self._resize("start", False)
