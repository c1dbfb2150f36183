"""The suggestion engine: a document's text in, proposed entities, mentions and quotes out.

Steps: text units → entity mentions (learned names, rules, optional spaCy) → paired
quotation marks → direct speech with cues → reported speech → speakers resolved to
entities → proposals that respect what the layer already holds. Pure Python and pure
functions: the GUI, the CLI and a distributed runner call the same code.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.document import Document, text_hash
from ruth_annotator.model.layer import Layer
from ruth_annotator.model.records import layer_to_record, record_to_items
from ruth_annotator.suggest.direct import DirectQuotes, title_like
from ruth_annotator.suggest.drafts import QuoteDraft
from ruth_annotator.suggest.entities import Cluster, EntityTable, Found, find_entities
from ruth_annotator.suggest.headlines import headline_quotes
from ruth_annotator.suggest.indirect import IndirectQuotes
from ruth_annotator.suggest.interviews import interview_quotes
from ruth_annotator.suggest.learned_words import words_of
from ruth_annotator.suggest.lexicon import Lexicon, layer_lexicon
from ruth_annotator.suggest.marks import find_quotes, reading_view
from ruth_annotator.suggest.partial import partial_quotes
from ruth_annotator.suggest.proposals import propose
from ruth_annotator.suggest.speakers import SpeakerResolver
from ruth_annotator.suggest.text_units import Units
from ruth_annotator.suggest.tweets import post_quotes
from ruth_annotator.tasks import NO_TASK, Task


@dataclass
class Analysis:
    """What the engine found in a text, before it is compared with a layer."""

    text: str
    entities: EntityTable
    quotes: list[QuoteDraft]


def analyse(text: str, lexicon: Lexicon | None = None,
            model_mentions: list[tuple[int, int, str]] | None = None,
            task: Task = NO_TASK) -> Analysis:
    """The findings; `task` may stop it between steps (Cancelled)."""
    original, text = text, reading_view(text)
    words = words_of(lexicon)
    units = Units(text)
    table = find_entities(text, units, lexicon, model_mentions, words.titles, words.roles)
    task.check()
    marked = find_quotes(text, units)
    direct = DirectQuotes(text, units, marked, words.cues)
    drafts = direct.run()
    task.check()
    fragments = [(marked[i].start, marked[i].end) for i in direct.not_speech]
    drafts += interview_quotes(text, units, table, drafts)
    drafts += post_quotes(text, units, drafts)
    drafts += IndirectQuotes(text, units, drafts, fragments).run()
    drafts += headline_quotes(text, units, drafts, fragments)
    drafts += partial_quotes(text, units, drafts, fragments, title_like, words.cues)
    task.check()
    for start, end in direct.titles:
        if not table.within(start, end):
            name = " ".join(text[start:end].split())
            table.add(Found(start, end, "WORK_OF_ART"),
                      Cluster(f"WORK_OF_ART:{name}", "WORK_OF_ART", name))
    SpeakerResolver(text, units, table, words).resolve(drafts)
    return Analysis(original, table, drafts)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """The engine makes hundreds of thousands of small objects but no reference cycles (a
    2 MB run leaves none to collect), yet every 25% growth of the heap sets off a full
    collection over all of it: 6 of them, a fifth of the time, at 2 MB. Reference counting
    still frees everything; the collector runs again when the call ends, by which time the
    analysis is gone and only the proposals are left for it to look at."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def suggest_document(text: str, layer: Layer, lexicon: Lexicon | None = None,
                     spacy_model: str | None = None) -> ChangeSet:
    """Proposed entities, mentions and quotes for one document, as one change set.

    `lexicon`: names learned from the rest of the project (see `learned_lexicon`); the
    layer's own accepted names are always used. `spacy_model`: a spaCy pipeline's name or
    path, for its entities (needs the `spacy` extra).
    """
    return proposals_for(analyse_document(text, layer, lexicon, spacy_model), layer)


def analyse_document(text: str, layer: Layer, lexicon: Lexicon | None = None,
                     spacy_model: str | None = None, task: Task = NO_TASK) -> Analysis:
    """The slow half of `suggest_document`: what the engine finds, before it meets the
    layer. It may run in another thread while the annotator goes on changing the layer;
    `task` stops it between steps."""
    model_mentions = None
    if spacy_model:
        from ruth_annotator.suggest.spacy_entities import spacy_mentions

        model_mentions = spacy_mentions(text, spacy_model)
        task.check()
    with _cycle_collector_paused():
        return analyse(text, layer_lexicon(text, layer).merged(lexicon), model_mentions,
                       task)


def proposals_for(analysis: Analysis, layer: Layer) -> ChangeSet:
    """The quick half: what of the findings the layer, as it is now, lets in (nothing that
    overlaps an annotation in it, whatever its status; see proposals)."""
    with _cycle_collector_paused():
        return propose(analysis.text, layer, analysis.entities, analysis.quotes)


def suggest_record(record: dict, lexicon: Lexicon | None = None,
                   spacy_model: str | None = None) -> dict:
    """A lossless JSONL record in, the same record with proposed items added out.

    Everything the record carries (its other fields, rejected items) is kept, so the
    function can run on any worker of a distributed job.
    """
    parsed = record_to_items(record)
    doc = parsed.document
    layer = Layer.of(0, parsed.annotator or "", parsed.items, parsed.status or "todo")
    layer.apply(suggest_document(doc.text, layer, lexicon, spacy_model))
    full = layer_to_record(Document(0, doc.uid or "", doc.title, doc.text,
                                    text_hash(doc.text), doc.meta), layer)
    out = dict(record)
    for key in ("entities", "mentions", "quotes"):
        out[key] = full[key]
    return out
