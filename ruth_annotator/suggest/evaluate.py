"""How good are the suggestions? Gold records against system records, as figures.

Both sides are lossless JSONL records (dicts); documents pair up by id and text, or by text
alone. Rejected items never count. Quotes: precision, recall and F1 with exact segments
(ignoring surrounding spaces and punctuation, so conventions about the comma before the
closing mark do not matter) and with overlap, overall and per type. Speakers and cues: the
share of overlap-matched quotes whose speaker is the same entity (entity ids differ
between sides, so "the same" means most of its mentions overlap the gold entity's, or the
same name, or the speaker mention lies on a gold mention of it) and whose cue overlaps the
gold cue. Entities: mention F1 with exact span and label, per label.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ruth_annotator.model.annotations import Quote, Span
from ruth_annotator.model.document import text_hash
from ruth_annotator.model.layer import Layer
from ruth_annotator.model.matching import EXACT, OVERLAP, match
from ruth_annotator.model.records import record_to_items

_TRIM = " \t\r\n\"“”‘’'«».,;:!?…—–-()[]"
ALL = "all"


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    matched: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched / self.system if self.system else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"gold": self.gold, "system": self.system, "matched": self.matched,
                "precision": _round(self.precision), "recall": _round(self.recall),
                "f1": _round(self.f1)}


@dataclass
class Accuracy:
    total: int = 0
    correct: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict:
        return {"total": self.total, "correct": self.correct, "accuracy": _round(self.value)}


@dataclass
class Evaluation:
    documents: int = 0
    missing: list[str] = field(default_factory=list)
    quotes: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    quote_types: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    speakers: Accuracy = field(default_factory=Accuracy)
    cues: Accuracy = field(default_factory=Accuracy)
    entities: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))

    def to_dict(self) -> dict:
        return {
            "documents": self.documents, "missing": self.missing,
            "quotes": {k: v.to_dict() for k, v in self.quotes.items()},
            "quote_types": {k: v.to_dict() for k, v in sorted(self.quote_types.items())},
            "speakers": self.speakers.to_dict(), "cues": self.cues.to_dict(),
            "entities": {k: v.to_dict() for k, v in sorted(self.entities.items())},
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _layer(record: dict) -> Layer:
    parsed = record_to_items(record)
    return Layer.of(0, parsed.annotator or "", parsed.items).visible()


def _trimmed(quote: Quote, text: str) -> Quote:
    spans = []
    for s in quote.spans:
        start, end = s.start, s.end
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        spans.append(Span(start, end))
    return replace(quote, spans=tuple(spans))


def evaluate_records(gold: Iterable[dict], system: Iterable[dict]) -> Evaluation:
    """Score system records against gold records (see the module docstring)."""
    by_id: dict[tuple[str, str], dict] = {}
    by_text: dict[str, dict] = {}
    for record in system:
        digest = text_hash(record.get("text") or "")
        by_id[(str(record.get("id")), digest)] = record
        by_text.setdefault(digest, record)
    out = Evaluation()
    for g in gold:
        digest = text_hash(g.get("text") or "")
        s = by_id.get((str(g.get("id")), digest)) or by_text.get(digest)
        out.documents += 1
        if s is None:
            out.missing.append(str(g.get("id") or g.get("title") or out.documents))
            s = {"text": g["text"]}
        compare_layers(g["text"], _layer(g), _layer(s), out)
    return out


def compare_layers(text: str, gold: Layer, system: Layer, out: Evaluation) -> None:
    """Add one document's figures to `out`."""
    gq, sq = list(gold.quotes.values()), list(system.quotes.values())
    exact = match([_trimmed(q, text) for q in gq], [_trimmed(q, text) for q in sq], EXACT)
    out.quotes[EXACT].gold += len(gq)
    out.quotes[EXACT].system += len(sq)
    out.quotes[EXACT].matched += len(exact)
    pairs = match(gq, sq, OVERLAP)
    out.quotes[OVERLAP].gold += len(gq)
    out.quotes[OVERLAP].system += len(sq)
    out.quotes[OVERLAP].matched += len(pairs)
    for kind in {q.type for q in gq + sq}:
        counts = out.quote_types[kind]
        counts.gold += sum(q.type == kind for q in gq)
        counts.system += sum(q.type == kind for q in sq)
        counts.matched += len(match([q for q in gq if q.type == kind],
                                    [q for q in sq if q.type == kind], OVERLAP))
    entity_map = _entity_map(gold, system)
    for g, s in pairs:
        if g.speaker:
            out.speakers.total += 1
            out.speakers.correct += _same_speaker(gold, g, system, s, entity_map)
        if g.cue:
            out.cues.total += 1
            out.cues.correct += bool(s.cue and s.cue.overlaps(g.cue))
    gm, sm = list(gold.mentions.values()), list(system.mentions.values())
    for m in gm:
        out.entities[m.label].gold += 1
    for m in sm:
        out.entities[m.label].system += 1
    same = match(gm, sm, EXACT, lambda a, b: a.label == b.label)
    for m, _ in same:
        out.entities[m.label].matched += 1
    everything = out.entities[ALL]
    everything.gold += len(gm)
    everything.system += len(sm)
    everything.matched += len(same)


def _entity_map(gold: Layer, system: Layer) -> dict[str, str]:
    """System entity → the gold entity most of its mentions overlap."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for x, y in match(list(gold.mentions.values()), list(system.mentions.values()), OVERLAP):
        if x.entity and y.entity:
            votes[y.entity][x.entity] += 1
    return {s: c.most_common(1)[0][0] for s, c in votes.items()}


def _same_speaker(gold: Layer, g: Quote, system: Layer, s: Quote,
                  entity_map: dict[str, str]) -> bool:
    if not s.speaker:
        return False
    if entity_map.get(s.speaker) == g.speaker:
        return True
    gold_entity, system_entity = gold.entities.get(g.speaker), system.entities.get(s.speaker)
    if gold_entity and system_entity and \
            gold_entity.name.casefold() == system_entity.name.casefold():
        return True
    mention = system.mentions.get(s.speaker_mention or "")
    return mention is not None and any(
        mention.span.overlaps(m.span) for m in gold.mentions_of(g.speaker))


def _percent(value: float | None) -> str:
    return "   –  " if value is None else f"{100 * value:5.1f}%"


def format_evaluation(ev: Evaluation) -> str:
    """The figures as a plain-text table."""
    lines = [f"Documents: {ev.documents}"]
    if ev.missing:
        lines.append(f"Missing from the system side (scored as empty): {', '.join(ev.missing)}")
    head = f"{'':22}{'gold':>6}{'system':>8}{'matched':>9}{'precision':>11}{'recall':>8}{'F1':>8}"

    def row(name: str, c: Counts) -> str:
        return (f"{name:22}{c.gold:6}{c.system:8}{c.matched:9}  {_percent(c.precision)}"
                f" {_percent(c.recall)} {_percent(c.f1)}")

    lines += ["", "Quotes" + head[6:]]
    lines += [row(f"  {mode}", ev.quotes[mode]) for mode in (EXACT, OVERLAP)]
    lines += [row(f"  {kind} (overlap)", c) for kind, c in sorted(ev.quote_types.items())]
    lines += ["",
              f"Speakers: {ev.speakers.correct} of {ev.speakers.total} matched quotes "
              f"right ({_percent(ev.speakers.value).strip()})",
              f"Cues:     {ev.cues.correct} of {ev.cues.total} matched quotes right "
              f"({_percent(ev.cues.value).strip()})", "",
              "Entity mentions, exact" + head[22:]]
    labels = sorted(k for k in ev.entities if k != ALL)
    lines += [row(f"  {label}", ev.entities[label]) for label in labels]
    if ALL in ev.entities:
        lines.append(row("  all labels", ev.entities[ALL]))
    return "\n".join(lines)
