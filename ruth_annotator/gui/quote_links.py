"""Keys that attribute the current quote: its cue (C), speaker (S) and addressee (Shift+S).

The candidates come from app/speaker_choice.py; this module only turns them into chooser
rows and the choice into an edit.
"""

from __future__ import annotations

from PySide6.QtCore import QRect

from ruth_annotator.app import speaker_choice
from ruth_annotator.gui import words
from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.key_part import Hint, KeyPart
from ruth_annotator.gui.picker import Candidate, Picker
from ruth_annotator.gui.session import Session
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import Entity, Mention, Quote, Span, new_id

CUES_SHOWN = 12


class QuoteLinks(KeyPart):
    def __init__(self, session: Session, view: ArticleView, picker: Picker, hint: Hint) -> None:
        super().__init__(session, view, hint)
        self.picker = picker

    # --- cue --------------------------------------------------------------------------

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
            self.hint("Select the cue word(s), such as “said”, then press C.")
            return
        self.session.apply(edits.set_cue(self.layer, quote.id, span), select=quote.id)

    def pick_cue(self, quote: Quote) -> None:
        """Offer the speech verbs near the quote, nearest first, each flashed in the text."""
        text = self.text
        found = words.cues_near(text, quote.spans, speaker_choice.NEARBY)[:CUES_SHOWN]
        if not found:
            self.hint("No speech verb near this quote: select the cue word(s), then press C.")
            return

        def label(span: Span) -> str:
            around = speaker_choice.context(text, span.start, span.end, 40, 30)
            return f"{text[span.start:span.end]}    …{around}…"

        def choose(candidate: Candidate) -> None:
            if candidate.span is not None and quote.id in self.layer.quotes:
                self.session.apply(edits.set_cue(self.layer, quote.id, candidate.span),
                                   select=quote.id)

        self.picker.start("Cue:", [Candidate(label(s), span=s) for s in found], [], choose,
                          allow_new=False, prompt="Type to filter; Tab cycles nearby verbs",
                          hint="Enter: choose · Esc: cancel", picks_mentions=False,
                          anchor=self._anchor(quote))

    # --- speaker and addressee ----------------------------------------------------------

    def candidates(self, quote: Quote) -> tuple[list[Candidate], list[Candidate]]:
        """Chooser rows: the ranked nearby mentions, then every entity by name."""
        layer, text = self.layer, self.text

        def row(m: Mention) -> Candidate:
            entity = layer.entities.get(m.entity or "")
            who = f"{text[m.start:m.end]} → {entity.name}" if entity else text[m.start:m.end]
            around = speaker_choice.context(text, m.start, m.end)
            return Candidate(f"{who}    …{around}…", mention=m.id, entity=m.entity,
                             span=m.span)

        nearby = [row(m) for m in speaker_choice.nearby_speakers(layer, text, quote)]
        entities = [Candidate(e.name, entity=e.id,
                              only_typed=not speaker_choice.can_speak(e))
                    for e in speaker_choice.entities_by_name(layer)]
        return nearby, entities

    def _anchor(self, quote: Quote) -> QRect:
        """The quote's last segment on screen, in the article's coordinates."""
        rects = self.view.span_rects(quote.spans[-1])
        port = self.view.viewport()
        if not rects:
            return QRect(0, 0, port.width(), 0)
        box = rects[0].united(rects[-1]).toAlignedRect()
        return QRect(port.mapTo(self.view, box.topLeft()), box.size())

    def _pick(self, title: str, choose) -> None:
        quote = self.current_quote()
        if quote is None:
            return
        nearby, entities = self.candidates(quote)
        self.picker.start(title, nearby, entities, lambda c: choose(quote.id, c),
                          anchor=self._anchor(quote))

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
        quote = self.layer.quotes[quote_id]
        who = candidate.new_name or self.layer.entities.get(candidate.entity or "")
        who = who if isinstance(who, str) else who.name if who else "a mention"
        self.session.apply(self.named(changes, f"Set speaker of {self.words_of(quote.span)} "
                                               f"to {who}"), select=quote_id)

    def set_addressee(self, quote_id: str, candidate: Candidate) -> None:
        if self.layer is None or quote_id not in self.layer.quotes:
            return
        changes = edits.set_addressee(self.layer, quote_id, candidate.entity,
                                      new_entity=self._new_entity(candidate))
        self.session.apply(changes, select=quote_id)
