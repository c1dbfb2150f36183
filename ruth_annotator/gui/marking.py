"""Keys that mark text: the selection becomes a mention (1 … 9) or a quote (Q, Shift+Q,
Alt+Q), or another segment of the current quote (G)."""

from __future__ import annotations

from ruth_annotator import config
from ruth_annotator.gui import words
from ruth_annotator.gui.key_part import KeyPart
from ruth_annotator.gui.span_index import MENTION
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import REJECTED, Mention, Quote


class Marking(KeyPart):
    def mention(self, label: str) -> None:
        """The selection becomes a mention of `label`; with nothing selected, the current
        mention takes that label (a suggestion's type corrected in one key)."""
        current = self.layer.get(self.session.current_id or "") if self.layer else None
        if self.view.selected_span() is None and isinstance(current, Mention):
            if current.label != label:
                self.session.apply(edits.update(
                    self.layer, current.id, f"Relabel {self.words_of(current.span)} as "
                    f"{label}", label=label), select=current.id)
            return
        span = self.selection("mention")
        if span is None or self.layer is None:
            return
        # the mentions the view draws over the selection (found by position, not by a
        # walk over the layer): the same span, or ones that cross it
        overlapping = [self.layer.mentions[m.id] for m in self.view.marks_in(span)
                       if m.kind == MENTION]
        same = [m for m in overlapping if (m.start, m.end) == (span.start, span.end)]
        if same and same[0].label == label:
            self.session.set_current(same[0].id)
            self.hint("That mention exists already.")
            return
        if same:
            changes = edits.update(self.layer, same[0].id, f"Relabel mention as {label}",
                                   label=label)
            self.session.apply(changes, select=same[0].id)
            return
        crossed = [m for m in overlapping
                   if not m.span.contains(span) and not span.contains(m.span)]
        changes = self.named(edits.add_mention(self.layer, self.text, span, label),
                             f"Add {label} mention {self.words_of(span)}")
        made = next(i for i in changes.added_items() if isinstance(i, Mention))
        self.session.apply(changes, select=made.id)
        self.view.place_cursor(span.end)
        if crossed:  # allowed (annotators disagree on spans), but never unnoticed
            names = " and ".join(f"“{self.text[m.start:m.end]}”" for m in crossed[:3])
            self.hint(f"The new mention crosses {names}: check the spans (Ctrl+Z undoes).")

    def _quote(self, quote_type: str) -> None:
        span = self.selection("quote")
        if span is None or self.layer is None:
            return
        span = words.trim(self.text, span, words.QUOTE_MARKS)
        if span.end <= span.start:
            self.hint("The selection holds only quotation marks.")
            return
        same = next((q for q in self.layer.quotes.values()
                     if q.spans == (span,) and q.status != REJECTED), None)
        if same is not None:  # as for mentions: no second copy of what is there
            if same.type == quote_type:
                self.session.set_current(same.id)
                self.hint("That quote exists already.")
            else:
                self.session.apply(edits.update(self.layer, same.id,
                                                f"Make the quote {quote_type}",
                                                type=quote_type), select=same.id)
            return
        changes = self.named(edits.add_quote(self.layer, [span], quote_type),
                             f"Add {quote_type} quote {self.words_of(span)}")
        made = next(i for i in changes.added_items() if isinstance(i, Quote))
        self.session.apply(changes, select=made.id)
        self.view.place_cursor(span.end)

    def quote_direct(self) -> None:
        self._quote("direct")

    def quote_indirect(self) -> None:
        self._quote("indirect")

    def quote_mixed(self) -> None:
        self._quote("mixed")

    def add_segment(self) -> None:
        quote = self.current_quote()
        span = self.selection("segment") if quote else None
        if quote is None or span is None:
            return
        span = words.trim(self.text, span, words.QUOTE_MARKS)
        changes = edits.add_quote_segment(self.layer, quote.id, span)
        self.session.apply(changes, select=quote.id)

    def set_snap(self, on: bool) -> None:
        """Edit ▸ Snap selections to words, remembered in the settings."""
        self.view.snap_words = on
        settings = config.load_settings()
        settings["snap_words"] = on
        config.save_settings(settings)
