"""Inter-annotator agreement: how alike two annotators' layers of the same documents are.

For every pair of annotators and every document both worked on:
- mentions: span F1, exact (same span and label) and overlapping (same label, sharing text),
  per label and over all labels;
- quotes: span F1 exact (same segments) and overlapping, whatever the type;
- quote types: Cohen's κ and Krippendorff's α (nominal) on the quotes matched by overlap;
- speakers: the share of matched quotes whose speakers are the same entity. Entity ids differ
  between annotators, so "the same" means a shared name or overlapping mentions.
Only accepted annotations count; layers with nothing accepted and not marked done (assigned
but not started, or holding suggestions only) are left out. Pooled figures add
the counts (micro); the pooled κ is the mean of the pairs' κ (Light's κ) and the pooled α
treats every matched quote of every pair as one unit.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from ruth_annotator.model import ACCEPTED, Layer, Quote, Span
from ruth_annotator.model.matching import EXACT, MODES, OVERLAP, match
from ruth_annotator.tasks import NO_TASK, Task
from ruth_annotator.team.statistics import cohen_kappa, f1, krippendorff_alpha_nominal

OVERALL = "overall"
#: The adjudicated layer: compared with the others only when asked for by name.
GOLD = "gold"


@dataclass
class SpanCounts:
    """How many spans each side has and how many were paired."""

    a: int = 0
    b: int = 0
    matched: int = 0

    def add(self, other: SpanCounts) -> None:
        self.a += other.a
        self.b += other.b
        self.matched += other.matched

    @property
    def f1(self) -> float | None:
        return f1(self.matched, self.a, self.b)

    def to_dict(self) -> dict:
        return {"a": self.a, "b": self.b, "matched": self.matched, "f1": _round(self.f1)}


def _by_mode() -> dict[str, SpanCounts]:
    return {mode: SpanCounts() for mode in MODES}


@dataclass
class Comparison:
    """Agreement of two annotators over one document, or pooled over several."""

    annotators: tuple[str, str]
    documents: list[int] = field(default_factory=list)
    #: mode -> label -> counts
    mentions: dict[str, dict[str, SpanCounts]] = field(
        default_factory=lambda: {mode: {} for mode in MODES})
    quotes: dict[str, SpanCounts] = field(default_factory=_by_mode)
    #: (type by a, type by b) for every quote pair matched by overlap
    quote_types: list[tuple[str, str]] = field(default_factory=list)
    #: whether the speakers agree, for every quote pair matched by overlap
    speakers: list[bool] = field(default_factory=list)
    #: set when this pools several pairs: their κ values, averaged (Light's κ)
    pair_kappas: list[float] | None = None

    def mention_totals(self, mode: str) -> SpanCounts:
        total = SpanCounts()
        for counts in self.mentions[mode].values():
            total.add(counts)
        return total

    def add(self, other: Comparison) -> None:
        self.documents.extend(d for d in other.documents if d not in self.documents)
        for mode in MODES:
            for label, counts in other.mentions[mode].items():
                self.mentions[mode].setdefault(label, SpanCounts()).add(counts)
            self.quotes[mode].add(other.quotes[mode])
        self.quote_types.extend(other.quote_types)
        self.speakers.extend(other.speakers)

    @property
    def kappa(self) -> float | None:
        if self.pair_kappas is not None:
            kappas = self.pair_kappas
            return sum(kappas) / len(kappas) if kappas else None
        return cohen_kappa(self.quote_types)

    @property
    def alpha(self) -> float | None:
        return krippendorff_alpha_nominal(self.quote_types)

    @property
    def speaker_agreement(self) -> float | None:
        return sum(self.speakers) / len(self.speakers) if self.speakers else None

    def labels(self) -> list[str]:
        return sorted(set().union(*(self.mentions[m] for m in MODES)))

    def to_dict(self) -> dict:
        types = self.quote_types
        return {
            "annotators": list(self.annotators),
            "documents": sorted(self.documents),
            "mentions": {
                mode: {
                    OVERALL: self.mention_totals(mode).to_dict(),
                    "by_label": {label: self.mentions[mode].get(label, SpanCounts()).to_dict()
                                 for label in self.labels()},
                }
                for mode in MODES
            },
            "quotes": {mode: self.quotes[mode].to_dict() for mode in MODES},
            "quote_types": {
                "matched": len(types),
                "agreement": _round(sum(a == b for a, b in types) / len(types)
                                    if types else None),
                "kappa": _round(self.kappa),
                "alpha": _round(self.alpha),
            },
            "speakers": {
                "matched": len(self.speakers),
                "agree": sum(self.speakers),
                "agreement": _round(self.speaker_agreement),
            },
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


# --- one document, two layers ---------------------------------------------------------


def compare_layers(a: Layer, b: Layer) -> Comparison:
    """Agreement between two layers of the same document (accepted annotations only)."""
    a, b = a.accepted(), b.accepted()
    out = Comparison((a.annotator, b.annotator), [a.document_id])
    mentions_a, mentions_b = list(a.mentions.values()), list(b.mentions.values())
    for mode in MODES:
        per_label = out.mentions[mode]
        for m in mentions_a:
            per_label.setdefault(m.label, SpanCounts()).a += 1
        for m in mentions_b:
            per_label.setdefault(m.label, SpanCounts()).b += 1
        for x, _ in match(mentions_a, mentions_b, mode, lambda x, y: x.label == y.label):
            per_label[x.label].matched += 1
    quotes_a, quotes_b = list(a.quotes.values()), list(b.quotes.values())
    for mode in MODES:
        pairs = match(quotes_a, quotes_b, mode)
        out.quotes[mode] = SpanCounts(len(quotes_a), len(quotes_b), len(pairs))
        if mode == OVERLAP:
            out.quote_types = [(x.type, y.type) for x, y in pairs]
            out.speakers = [same_speaker(speaker_keys(a, x), speaker_keys(b, y))
                            for x, y in pairs]
    return out


def speaker_keys(layer: Layer, quote: Quote) -> set:
    """What identifies a quote's speaker across annotators: its name and its mentions' spans."""
    return entity_keys(layer, quote.speaker, quote.speaker_mention)


def entity_keys(layer: Layer, entity_id: str | None, mention_id: str | None = None) -> set:
    """An entity's normalised name and the spans of its mentions (and of `mention_id`)."""
    keys: set = set()
    mention = layer.mentions.get(mention_id or "")
    if mention is not None:
        keys.add(mention.span)
        entity_id = entity_id or mention.entity
    entity = layer.entities.get(entity_id or "")
    if entity is not None and entity.name.strip():
        keys.add(" ".join(entity.name.casefold().split()))
    if entity_id:
        keys.update(m.span for m in layer.mentions_of(entity_id))
    return keys


def same_speaker(a: set, b: set) -> bool:
    """Both without a speaker, or a shared name, or mentions that overlap."""
    if not a or not b:
        return not a and not b
    if {k for k in a if isinstance(k, str)} & {k for k in b if isinstance(k, str)}:
        return True
    spans_a = [k for k in a if isinstance(k, Span)]
    return any(x.overlaps(y) for x in spans_a for y in b if isinstance(y, Span))


# --- a whole project ------------------------------------------------------------------


@dataclass
class AgreementReport:
    """Every pair pooled over its documents, every (pair, document), and all pooled."""

    annotators: list[str]
    pairs: list[Comparison]
    documents: list[Comparison]
    overall: Comparison

    def to_dict(self) -> dict:
        return {
            "annotators": self.annotators,
            "overall": self.overall.to_dict(),
            "pairs": [c.to_dict() for c in self.pairs],
            "documents": [c.to_dict() for c in self.documents],
        }


def has_work(layer: Layer) -> bool:
    """A layer a person has worked on: something accepted, or marked done. Assignment
    leaves empty 'todo' layers, and suggestions alone are nobody's judgement."""
    return layer.status == "done" or any(item.status == ACCEPTED for item in layer)


def project_agreement(project, annotators: list[str] | None = None, done_only: bool = False,
                      task: Task = NO_TASK) -> AgreementReport:
    """Compare every pair of annotators on every document both have worked on (the gold
    layer only when `annotators` names it)."""
    by_document: dict[int, list[str]] = defaultdict(list)
    for doc_id, name in project.layer_keys(annotators):
        if annotators or name != GOLD:
            by_document[doc_id].append(name)
    documents: list[Comparison] = []
    shared = [(d, names) for d, names in sorted(by_document.items()) if len(names) > 1]
    for i, (doc_id, names) in enumerate(shared, 1):
        layers = [project.layer(doc_id, name) for name in sorted(names)]
        layers = [la for la in layers
                  if has_work(la) and (not done_only or la.status == "done")]
        for a, b in combinations(layers, 2):
            documents.append(compare_layers(a, b))
        task.check()
        task.report(i, len(shared))
    pooled: dict[tuple[str, str], Comparison] = {}
    for comparison in documents:
        key = comparison.annotators
        pooled.setdefault(key, Comparison(key)).add(comparison)
    pairs = [pooled[k] for k in sorted(pooled)]
    overall = Comparison(("*", "*"), pair_kappas=[])
    for pair in pairs:
        overall.add(pair)
        if pair.kappa is not None:
            overall.pair_kappas.append(pair.kappa)
    names = sorted({n for pair in pairs for n in pair.annotators})
    return AgreementReport(names, pairs, documents, overall)


__all__ = ["EXACT", "OVERLAP", "AgreementReport", "Comparison", "SpanCounts",
           "compare_layers", "project_agreement"]
