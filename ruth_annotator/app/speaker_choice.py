"""Who may have said a quote: the candidates the speaker chooser offers, best first.

News attributes a quote close by: the name or pronoun next to the cue ("…," Savage said),
someone in the quote's paragraph or the one before, or whoever spoke the previous quote
(a run of quotes by one speaker). Those rank first; other people and organisations near
the quote follow, nearest first. Places, dates and works never speak: they are offered
only when the annotator types their name. Kept apart from the widgets so the ranking is
tested without a window and any front end can use it.
"""

from __future__ import annotations

import re

from ruth_annotator.model.annotations import REJECTED, Entity, Mention, Quote
from ruth_annotator.model.layer import Layer

SPEAKER_LABELS = ("PERSON", "ORG", "NORP")  # who can say something
NEARBY = 800  # code points around a quote where speaker candidates are looked for
BESIDE_CUE = 30  # a mention this close after the cue is its subject ("said Savage")

_SENTENCE_END = re.compile(r"[.?!][\"'’”]?\s")

# tiers, best first
NEXT_TO_CUE, PREVIOUS_SPEAKER, SAME_PARAGRAPHS, NEAR = range(4)


def distance(quote: Quote, mention: Mention) -> int:
    """Code points between a mention and the nearest edge of the quote."""
    if mention.end <= quote.start:
        return quote.start - mention.end
    return max(0, mention.start - quote.end)


def paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding `position` starts (after the previous line break)."""
    return text.rfind("\n", 0, position) + 1


def _previous_quote(layer: Layer, quote: Quote) -> Quote | None:
    before = [q for q in layer.quotes.values() if q.status != REJECTED and q.id != quote.id
              and q.start < quote.start and q.parent != quote.id and quote.parent != q.id]
    return max(before, key=lambda q: q.start, default=None)


def cue_subject(text: str, quote: Quote, mentions: list[Mention]) -> Mention | None:
    """Who the cue is said of: the first name in its clause before it ("Winslet, 47, told
    host Lorraine Kelly" → Winslet), else the nearest one just after it ("said Savage")."""
    cue = quote.cue
    if cue is None:
        return None
    ends = [e.end() for e in _SENTENCE_END.finditer(text, max(0, cue.start - 400), cue.start)]
    start = max(ends[-1] if ends else 0, text.rfind("\n", 0, cue.start) + 1,
                max((s.end for s in quote.spans if s.end <= cue.start), default=0))
    before = sorted((m for m in mentions if start <= m.start and m.end <= cue.start),
                    key=lambda m: (m.label != "PERSON", m.start))
    if before:  # a person before an organisation: "Appearing on ITV's show, Winslet said"
        return before[0]
    after = [m for m in mentions if cue.end <= m.start <= cue.end + BESIDE_CUE]
    return min(after, key=lambda m: m.start, default=None)


def _paragraphs(text: str, quote: Quote) -> tuple[int, int]:
    """Where the quote's paragraph and the one before it (blank lines skipped) start, and
    where the quote's paragraph ends."""
    here = paragraph_start(text, quote.start)
    before = paragraph_start(text, max(0, here - 1))
    while before > 0 and not text[before:here].strip():  # skip blank lines
        before = paragraph_start(text, before - 1)
    end = text.find("\n", quote.end)
    return before, len(text) if end < 0 else end


def _tier(m: Mention, previous: Quote | None, subject: Mention | None,
          paragraphs: tuple[int, int]) -> int:
    if subject is not None and m.id == subject.id:
        return NEXT_TO_CUE
    if previous is not None and m.entity and m.entity == previous.speaker:
        return PREVIOUS_SPEAKER
    if paragraphs[0] <= m.start and m.end <= paragraphs[1]:
        return SAME_PARAGRAPHS
    return NEAR


def nearby_speakers(layer: Layer, text: str, quote: Quote, limit: int = 12) -> list[Mention]:
    """People and organisations near the quote (not inside it), best first (see above);
    one row an entity, its best-placed mention."""
    previous = _previous_quote(layer, quote)
    near = [m for m in layer.mentions.values()
            if m.label in SPEAKER_LABELS and m.status != REJECTED
            and distance(quote, m) <= NEARBY
            and not any(s.contains(m.span) for s in quote.spans)]
    subject = cue_subject(text, quote, near)
    paragraphs = _paragraphs(text, quote)  # the same for every candidate
    near.sort(key=lambda m: (_tier(m, previous, subject, paragraphs),
                             distance(quote, m), m.start))
    seen: set[str] = set()
    ranked = []
    for m in near:
        if m.entity and m.entity in seen:
            continue
        seen.add(m.entity or m.id)
        ranked.append(m)
    return ranked[:limit]


def entities_by_name(layer: Layer) -> list[Entity]:
    """Every entity still standing, speaker-like labels first, then by name."""
    return sorted((e for e in layer.entities.values() if e.status != REJECTED),
                  key=lambda e: (e.label not in SPEAKER_LABELS, e.name))


def can_speak(entity: Entity) -> bool:
    """Offered without typing: people and organisations, not places, dates or works."""
    return entity.label in SPEAKER_LABELS


def context(text: str, start: int, end: int, before: int = 30, after: int = 30) -> str:
    """The words around a span on one line, for a chooser row."""
    return " ".join(text[max(0, start - before):end + after].split())
