"""The annotation keys: each turns the selection or the current annotation into one edit.

Every method computes a ChangeSet with model/edits.py and hands it to the session, which
makes it one undo step and saves it. When a key cannot apply (nothing selected, no quote),
the status bar says what to do instead of failing silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ruth_annotator import config
from ruth_annotator.gui import words
from ruth_annotator.gui.picker import Candidate
from ruth_annotator.gui.span_index import MENTION
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import (
    PROPOSED,
    REJECTED,
    Entity,
    Mention,
    Quote,
    Span,
    new_id,
)

if TYPE_CHECKING:
    from ruth_annotator.gui.main_window import MainWindow

SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
NEARBY = 800  # code points around a quote where speaker candidates are looked for


class Annotate:
    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.session = window.session
        self.view = window.view

    @property
    def layer(self):
        return self.session.layer

    @property
    def text(self) -> str:
        return self.session.text

    def _hint(self, message: str) -> None:
        self.w.statusBar().showMessage(message, 5000)

    def _selection(self, what: str) -> Span | None:
        span = self.view.selected_span()
        if span is None:
            self._hint(f"Select the text of the {what} first.")
        return span

    # --- undo, options --------------------------------------------------------------

    def undo(self) -> None:
        self.session.undo_stack.undo()

    def redo(self) -> None:
        self.session.undo_stack.redo()

    def set_snap(self, on: bool) -> None:
        self.view.snap_words = on
        settings = config.load_settings()
        settings["snap_words"] = on
        config.save_settings(settings)

    # --- mentions and quotes ----------------------------------------------------------

    def mention(self, label: str) -> None:
        span = self._selection("mention")
        if span is None or self.layer is None:
            return
        same = [self.layer.mentions[m.id] for m in self.view.marks_in(span)
                if m.kind == MENTION and (m.start, m.end) == (span.start, span.end)]
        if same and same[0].label == label:
            self.session.set_current(same[0].id)
            self._hint("That mention exists already.")
            return
        if same:
            changes = edits.update(self.layer, same[0].id, f"Relabel mention as {label}",
                                   label=label)
            self.session.apply(changes, select=same[0].id)
            return
        changes = edits.add_mention(self.layer, self.text, span, label)
        made = next(i for i in changes.added_items() if isinstance(i, Mention))
        self.session.apply(changes, select=made.id)
        self.view.place_cursor(span.end)

    def _quote(self, quote_type: str) -> None:
        span = self._selection("quote")
        if span is None or self.layer is None:
            return
        span = words.trim(self.text, span, words.QUOTE_MARKS)
        if span.end <= span.start:
            self._hint("The selection holds only quotation marks.")
            return
        changes = edits.add_quote(self.layer, [span], quote_type)
        made = next(i for i in changes.added_items() if isinstance(i, Quote))
        self.session.apply(changes, select=made.id)
        self.view.place_cursor(span.end)

    def quote_direct(self) -> None:
        self._quote("direct")

    def quote_indirect(self) -> None:
        self._quote("indirect")

    def quote_mixed(self) -> None:
        self._quote("mixed")

    def current_quote(self) -> Quote | None:
        quote = self.session.current_quote()
        if quote is None:
            self._hint("Select a quote first (click it, or pick it in the Quotes panel).")
        return quote

    def set_cue(self) -> None:
        """The selection (or the word at the cursor) becomes the cue; with the cursor in
        the quote and nothing selected, the speech verbs near it are offered instead."""
        quote = self.current_quote()
        if quote is None:
            return
        span = self.view.selected_span()
        position = self.view.cursor_position()
        if span is None and quote.start <= position <= quote.end:
            self.pick_cue(quote)
            return
        span = span or words.word_at(self.text, position)
        if span is None:
            self._hint("Select the cue word(s), such as “said”, then press C.")
            return
        self.session.apply(edits.set_cue(self.layer, quote.id, span), select=quote.id)

    def pick_cue(self, quote: Quote) -> None:
        """Offer the speech verbs near the quote, nearest first, each flashed in the text."""
        text = self.text
        found = words.cues_near(text, quote.spans, NEARBY)[:12]
        if not found:
            self._hint("No speech verb near this quote: select the cue word(s), then press C.")
            return

        def label(span: Span) -> str:
            around = " ".join(text[max(0, span.start - 40):span.end + 30].split())
            return f"{text[span.start:span.end]}    …{around}…"

        def choose(candidate: Candidate) -> None:
            if candidate.span is not None and quote.id in self.layer.quotes:
                self.session.apply(edits.set_cue(self.layer, quote.id, candidate.span),
                                   select=quote.id)

        self.w.picker.start("Cue:", [Candidate(label(s), span=s) for s in found], [], choose,
                            allow_new=False, prompt="Type to filter; Tab cycles nearby verbs",
                            hint="Enter: choose · Esc: cancel", picks_mentions=False)

    def add_segment(self) -> None:
        quote = self.current_quote()
        span = self._selection("segment") if quote else None
        if quote is None or span is None:
            return
        span = words.trim(self.text, span, words.QUOTE_MARKS)
        changes = edits.add_quote_segment(self.layer, quote.id, span)
        self.session.apply(changes, select=quote.id)

    # --- speaker and addressee ----------------------------------------------------------

    def _candidates(self, quote: Quote) -> tuple[list[Candidate], list[Candidate]]:
        """Nearby person-like mentions (closest first) and every entity by name."""
        layer, text = self.layer, self.text
        def distance(m: Mention) -> int:
            if m.end <= quote.start:
                return quote.start - m.end
            return max(0, m.start - quote.end)
        near = [m for m in layer.mentions.values()
                if m.label in SPEAKER_LABELS and m.status != REJECTED
                and distance(m) <= NEARBY and not quote.span.contains(m.span)]
        near.sort(key=distance)
        def label(m: Mention) -> str:
            entity = layer.entities.get(m.entity or "")
            who = f"{text[m.start:m.end]} → {entity.name}" if entity else text[m.start:m.end]
            around = " ".join(text[max(0, m.start - 30):m.end + 30].split())
            return f"{who}    …{around}…"

        nearby = [Candidate(label(m), mention=m.id, entity=m.entity, span=m.span)
                  for m in near[:12]]
        entities = [Candidate(e.name, entity=e.id)
                    for e in sorted(layer.entities.values(),
                                    key=lambda e: (e.label not in SPEAKER_LABELS, e.name))
                    if e.status != REJECTED]
        return nearby, entities

    def _pick(self, title: str, choose) -> None:
        quote = self.current_quote()
        if quote is None:
            return
        nearby, entities = self._candidates(quote)
        self.w.picker.start(title, nearby, entities, lambda c: choose(quote.id, c))

    def pick_speaker(self) -> None:
        self._pick("Speaker:", self.set_speaker)

    def pick_addressee(self) -> None:
        self._pick("Addressee:", self.set_addressee)

    @staticmethod
    def _new_entity(candidate: Candidate) -> Entity | None:
        return Entity(new_id("e"), "PERSON", candidate.new_name) if candidate.new_name else None

    def set_speaker(self, quote_id: str, candidate: Candidate) -> None:
        if self.layer is None or quote_id not in self.layer.quotes:
            return
        changes = edits.set_speaker(self.layer, quote_id, mention_id=candidate.mention,
                                    entity_id=candidate.entity,
                                    new_entity=self._new_entity(candidate))
        self.session.apply(changes, select=quote_id)

    def set_addressee(self, quote_id: str, candidate: Candidate) -> None:
        if self.layer is None or quote_id not in self.layer.quotes:
            return
        changes = edits.set_addressee(self.layer, quote_id, candidate.entity,
                                      new_entity=self._new_entity(candidate))
        self.session.apply(changes, select=quote_id)

    # --- entities -------------------------------------------------------------------------

    def _mentions_in_selection(self) -> list[Mention]:
        span = self.view.selected_span()
        if span is None or self.layer is None:
            return []
        return [m for m in self.layer.sorted_mentions()
                if span.contains(m.span) and m.status != REJECTED]

    def merge(self) -> None:
        ids = self.w.entities_panel.selected_entities()
        if len(ids) < 2:
            ids = list(dict.fromkeys(m.entity for m in self._mentions_in_selection()
                                     if m.entity))
        if len(ids) < 2:
            self._hint("Select two or more entities in the Entities panel (or mentions of "
                       "them in the text), then press M.")
            return
        self.session.apply(edits.merge_entities(self.layer, ids))

    def split(self) -> None:
        ids = self.w.entities_panel.selected_mentions()
        if not ids:
            ids = [m.id for m in self._mentions_in_selection()]
        if not ids and isinstance(self.layer.get(self.session.current_id or ""), Mention):
            ids = [self.session.current_id]
        if not ids:
            self._hint("Select the mentions to split off (in the panel or the text).")
            return
        first = self.layer.mentions[ids[0]]
        name = " ".join(self.text[first.start:first.end].split())
        self.session.apply(edits.split_entity(self.layer, ids, name), select=ids[0])

    def delete(self) -> None:
        ids = self.w.entities_panel.selected_ids() if self.w.entities_panel.has_focus() else []
        if not ids and self.session.current_id:
            ids = [self.session.current_id]
        if not ids:
            self._hint("Nothing to delete: select an annotation first.")
            return
        self.session.apply(edits.delete_annotations(self.layer, ids))

    # --- suggestions ------------------------------------------------------------------

    def _suggestion_here(self) -> list[str]:
        current = self.layer.get(self.session.current_id or "")
        if current is not None and current.status == PROPOSED:
            return [current.id]
        position = self.view.cursor_position()
        here = [m for m in self.layer.mentions_at(position) if m.status == PROPOSED]
        here += [q for q in self.layer.quotes_at(position) if q.status == PROPOSED]
        return [here[0].id] if here else []

    def _decide(self, accept: bool) -> None:
        ids = self._suggestion_here()
        if not ids:
            self._hint("No undecided suggestion here; Shift+N goes to the next one.")
            return
        self.session.apply(edits.decide(self.layer, ids, accept))
        self.w.navigate.next_suggestion()

    def accept(self) -> None:
        self._decide(True)

    def reject(self) -> None:
        self._decide(False)

    def accept_all(self) -> None:
        ids = edits.proposed_ids(self.layer) if self.layer else []
        if not ids:
            self._hint("No undecided suggestions in this document.")
            return
        self.session.apply(edits.decide(self.layer, ids, True))

    # --- span edges -------------------------------------------------------------------

    def _resize(self, edge: str, grow: bool) -> None:
        item = self.layer.get(self.session.current_id or "") if self.layer else None
        if isinstance(item, Mention):
            span = words.resize(self.text, item.span, edge, grow)
            changes = edits.set_mention_span(self.layer, item.id, span)
        elif isinstance(item, Quote):
            spans = list(item.spans)
            i = -1 if edge == "end" else 0
            spans[i] = words.resize(self.text, spans[i], edge, grow)
            changes = edits.update(self.layer, item.id, "Resize quote", spans=tuple(spans))
        else:
            self._hint("Select a mention or quote first (click it, or N / P).")
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
