"""How good are the suggestions? Gold records against system records, as figures.

Both sides are lossless JSONL records (dicts); documents pair up by id and text, or by text
alone. Rejected items never count. Quotes: precision, recall and F1 with exact segments
(ignoring surrounding spaces and punctuation, so conventions about the comma before the
closing mark do not matter) and with overlap, overall and per type. Speakers and cues: the
share of overlap-matched quotes whose speaker is the same entity (entity ids differ
between sides, so "the same" means most of its mentions overlap the gold entity's, or the
same name, or the speaker mention lies on a gold mention of it) and whose cue overlaps the
gold cue. Entities: mention F1 with exact span and label, per label.

Direct speech is also scored piece by piece (see `quote_pieces`), which is what matters
for suggestions and the only fair measure against attribution gold that marks indirect
speech too: piece F1 exact and with overlap ≥ 0.8 (shared / union of the trimmed spans);
speaker accuracy on the overlap-matched pieces whose gold has a speaker; cue accuracy;
end-to-end F1, where a piece counts only when its span matches and its speaker is right
(or the gold names no speaker). "Speaker right": the system's speaker mention overlaps a
mention of the gold speaker (for attribution gold, the Source span), or the system's
speaker entity has a mention that does; a relative pronoun as gold speaker ("Graham, who
has vowed") stands for the phrase before it. Errors are counted by kind with examples: missed,
boundary (overlapping but under 0.8), spurious, and wrong speaker by the kind of gold
speaker (name, nominal, pronoun, list attribution such as a line "— Jane Doe, CNN").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ruth_annotator.model.annotations import Quote, Span
from ruth_annotator.model.document import text_hash
from ruth_annotator.model.layer import Layer
from ruth_annotator.model.matching import (
    EXACT,
    OVERLAP,
    covered_length,
    match,
    shared_length,
)
from ruth_annotator.model.records import record_to_items
from ruth_annotator.suggest.lexicon import Lexicon
from ruth_annotator.suggest.quote_pieces import pieces, trimmed

ALL = "all"
MIN_OVERLAP = 0.8
#: `meta.gold` of records read from attribution corpora (formats.brat_attribution).
ATTRIBUTION_GOLD = "attribution"


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
    pieces: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    piece_speakers: Accuracy = field(default_factory=Accuracy)
    piece_cues: Accuracy = field(default_factory=Accuracy)
    end_to_end: Counts = field(default_factory=Counts)
    errors: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    score_entities: bool = True

    def to_dict(self) -> dict:
        return {
            "documents": self.documents, "missing": self.missing,
            "direct_pieces": {k: v.to_dict() for k, v in self.pieces.items()},
            "direct_speakers": self.piece_speakers.to_dict(),
            "direct_cues": self.piece_cues.to_dict(),
            "end_to_end": self.end_to_end.to_dict(),
            "errors": dict(sorted(self.errors.items())),
            "examples": {k: v for k, v in sorted(self.examples.items())},
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
    return replace(quote, spans=tuple(Span(*trimmed(text, s.start, s.end))
                                      for s in quote.spans))


def evaluate_engine(gold: list[dict], lexicon: Lexicon | None = None) -> Evaluation:
    """Score fresh suggestions on the gold texts (what `evaluate --engine` reports)."""
    from ruth_annotator.suggest.engine import suggest_record

    return evaluate_records(gold, [suggest_record({"id": g.get("id"), "text": g["text"]},
                                                  lexicon) for g in gold])


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
        if (g.get("meta") or {}).get("gold") == ATTRIBUTION_GOLD:
            out.score_entities = False  # its only mentions are the sources
        compare_layers(g["text"], _layer(g), _layer(s), out,
                       str(g.get("id") or g.get("title") or out.documents))
    return out


def compare_layers(text: str, gold: Layer, system: Layer, out: Evaluation,
                   name: str = "") -> None:
    """Add one document's figures to `out`."""
    compare_pieces(text, gold, system, out, name)
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


def _speaker_spans(layer: Layer, q: Quote) -> list[Span]:
    spans = [m.span for m in layer.mentions_of(q.speaker)] if q.speaker else []
    mention = layer.mentions.get(q.speaker_mention or "")
    if mention is not None:
        spans.append(mention.span)
    return spans


_RELATIVE = frozenset(("who", "which", "that"))


def _antecedents(text: str, spans: list[Span]) -> list[Span]:
    """A relative pronoun as gold speaker ("Franklin Graham, who has vowed …") stands for
    the phrase before it: that phrase counts as the gold speaker too."""
    out = list(spans)
    for span in spans:
        if text[span.start:span.end].strip().lower() not in _RELATIVE:
            continue
        comma = text.rfind(",", max(0, span.start - 3), span.start)
        if comma < 0:
            continue
        start = max(text.rfind(c, max(0, comma - 120), comma) for c in ",.;:\n\"“”(") + 1
        if start < comma:
            out.append(Span(start, comma))
    return out


def _close_enough(a: Quote, b: Quote) -> bool:
    shared = shared_length(a.spans, b.spans)
    return shared / (covered_length(a.spans) + covered_length(b.spans) - shared) >= MIN_OVERLAP


def compare_pieces(text: str, gold: Layer, system: Layer, out: Evaluation,
                   name: str = "") -> None:
    """Add one document's direct-speech piece figures to `out` (see the module doc)."""
    gp = [p for q in gold.quotes.values() for p in pieces(text, q)]
    sp = [p for q in system.quotes.values() for p in pieces(text, q)]
    pairs = match(gp, sp, OVERLAP, _close_enough)
    for mode, found in ((EXACT, match(gp, sp, EXACT)), (OVERLAP, pairs)):
        counts = out.pieces[mode]
        counts.gold += len(gp)
        counts.system += len(sp)
        counts.matched += len(found)
    out.end_to_end.gold += len(gp)
    out.end_to_end.system += len(sp)
    matched_gold = set()
    matched_system = set()
    for g, s in pairs:
        matched_gold.add(g.id)
        matched_system.add(s.id)
        if g.cue:
            out.piece_cues.total += 1
            out.piece_cues.correct += bool(s.cue and s.cue.overlaps(g.cue))
        gold_spans = _antecedents(text, _speaker_spans(gold, g))
        if not gold_spans:
            out.end_to_end.matched += 1
            continue
        out.piece_speakers.total += 1
        system_spans = _speaker_spans(system, s)
        if any(a.overlaps(b) for a in gold_spans for b in system_spans):
            out.piece_speakers.correct += 1
            out.end_to_end.matched += 1
            continue
        kind = f"wrong speaker: {speaker_kind(text, gold_spans[-1])}"
        said = _surface(text, system, s) or "(none)"
        _error(out, kind, f"{name}: “{_short(text, g)}” gold {_said(text, gold_spans[-1])}, "
                          f"suggested {said}")
    for g in gp:
        if g.id not in matched_gold:
            near = any(shared_length(g.spans, s.spans) for s in sp)
            _error(out, "boundary" if near else "missed", f"{name}: “{_short(text, g)}”")
    for s in sp:
        if s.id not in matched_system and not any(shared_length(g.spans, s.spans) for g in gp):
            _error(out, "spurious", f"{name}: “{_short(text, s)}”")


_EXAMPLES = 8
_PRONOUNS = frozenset("he she they i we it you him her them me us".split())
_DETERMINERS = frozenset("""the a an his her their its our my your this that these those one
another some many several both all each""".split())


def speaker_kind(text: str, source: Span) -> str:
    """name, nominal, pronoun, or list (a line or dash after the quote names the speaker)."""
    surface = text[source.start:source.end].strip()
    before = text[text.rfind("\n", 0, source.start) + 1:source.start].rstrip(" \t")
    if before[-1:] in ("—", "–") or before and not before.strip("-—–"):
        return "list"
    words = surface.split()
    if not words:
        return "name"
    if surface.lower() in _PRONOUNS:
        return "pronoun"
    if words[0].lower() in _DETERMINERS or words[0][:1].islower():
        return "nominal"
    return "name"


def _error(out: Evaluation, kind: str, example: str) -> None:
    out.errors[kind] += 1
    if len(out.examples[kind]) < _EXAMPLES:
        out.examples[kind].append(example)


def _short(text: str, q: Quote, size: int = 70) -> str:
    words = " ".join(text[q.start:q.end].split())
    return words if len(words) <= size else words[:size - 1] + "…"


def _said(text: str, span: Span) -> str:
    return f"“{' '.join(text[span.start:span.end].split())}”"


def _surface(text: str, layer: Layer, q: Quote) -> str:
    mention = layer.mentions.get(q.speaker_mention or "")
    if mention is not None:
        return _said(text, mention.span)
    entity = layer.entities.get(q.speaker or "")
    return f"entity “{entity.name}”" if entity is not None else ""


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

    lines += ["", "Direct speech, piece by piece", head]
    lines += [row(f"  {EXACT}", ev.pieces[EXACT]),
              row("  overlap ≥ 0.8", ev.pieces[OVERLAP]),
              row("  end to end", ev.end_to_end),
              f"  speakers right on found pieces: {ev.piece_speakers.correct} of "
              f"{ev.piece_speakers.total} ({_percent(ev.piece_speakers.value).strip()})",
              f"  cues right on found pieces:     {ev.piece_cues.correct} of "
              f"{ev.piece_cues.total} ({_percent(ev.piece_cues.value).strip()})"]
    if ev.errors:
        lines += ["", "Errors on direct speech"]
        for kind, count in sorted(ev.errors.items(), key=lambda kv: -kv[1]):
            lines.append(f"  {kind}: {count}")
            lines += [f"      {example}" for example in ev.examples[kind][:3]]
    lines += ["", "All quotes" + head[10:]]
    lines += [row(f"  {mode}", ev.quotes[mode]) for mode in (EXACT, OVERLAP)]
    lines += [row(f"  {kind} (overlap)", c) for kind, c in sorted(ev.quote_types.items())]
    lines += ["",
              f"Speakers: {ev.speakers.correct} of {ev.speakers.total} matched quotes "
              f"right ({_percent(ev.speakers.value).strip()})",
              f"Cues:     {ev.cues.correct} of {ev.cues.total} matched quotes right "
              f"({_percent(ev.cues.value).strip()})"]
    if not ev.score_entities:
        return "\n".join(lines)
    lines += ["", "Entity mentions, exact" + head[22:]]
    labels = sorted(k for k in ev.entities if k != ALL)
    lines += [row(f"  {label}", ev.entities[label]) for label in labels]
    if ALL in ev.entities:
        lines.append(row("  all labels", ev.entities[ALL]))
    return "\n".join(lines)
