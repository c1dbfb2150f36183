"""The engine's contract: proposals only, nothing over existing work, records in and out."""

from __future__ import annotations

import json
import sys

import pytest

from ruth_annotator.app.suggesting import learned_lexicon, suggest_project
from ruth_annotator.errors import OptionalDependencyError, RuthError
from ruth_annotator.model import (
    ACCEPTED,
    HUMAN,
    PROPOSED,
    REJECTED,
    SUGGESTED,
    ChangeSet,
    Entity,
    Layer,
    Mention,
    Quote,
    Span,
    edits,
)
from ruth_annotator.model.records import record_to_items
from ruth_annotator.suggest import suggest_document, suggest_record


def fresh_layer() -> Layer:
    return Layer(1, "tester")


def test_everything_is_a_proposal_and_references_resolve(sample_text):
    layer = fresh_layer()
    changes = suggest_document(sample_text, layer)
    items = changes.added_items()
    assert items and all((i.status, i.source) == (PROPOSED, SUGGESTED) for i in items)
    layer.apply(changes)
    for m in layer.mentions.values():
        assert m.entity in layer.entities
    for q in layer.quotes.values():
        assert q.speaker is None or q.speaker in layer.entities
        assert q.speaker_mention is None or q.speaker_mention in layer.mentions
        assert q.parent is None or q.parent in layer.quotes
        assert q.addressee is None or q.addressee in layer.entities
    used = {m.entity for m in layer.mentions.values()} | {
        e for q in layer.quotes.values() for e in (q.speaker, q.addressee) if e}
    assert set(layer.entities) == used


def test_running_twice_adds_nothing(sample_text):
    layer = fresh_layer()
    layer.apply(suggest_document(sample_text, layer))
    assert not suggest_document(sample_text, layer)


def test_rejected_suggestions_never_come_back(sample_text):
    layer = fresh_layer()
    layer.apply(suggest_document(sample_text, layer))
    rejected = [q.id for q in layer.quotes.values()][:3] + \
        [m.id for m in layer.mentions.values()][:5]
    layer.apply(edits.decide(layer, rejected, accept=False))
    others = [i.id for i in layer if i.id not in rejected]
    layer.apply(edits.delete_annotations(layer, others))
    assert all(i.status == REJECTED for i in layer.mentions.values())
    again = suggest_document(sample_text, layer).added_items()
    old_mentions = [m.span for m in layer.mentions.values()]
    old_segments = [s for q in layer.quotes.values() for s in q.spans]
    for item in again:
        if isinstance(item, Mention):
            assert not any(item.span.overlaps(s) for s in old_mentions)
        if isinstance(item, Quote):
            assert not any(seg.overlaps(s) for seg in item.spans for s in old_segments)
    assert len(again) > 10  # the rest is proposed again


def test_human_work_is_never_overwritten_and_is_reused(sample_text):
    layer = fresh_layer()
    start = sample_text.index("Winslet, 47")
    human = edits.add_mention(layer, sample_text, Span(start, start + 7), "PERSON")
    layer.apply(human)
    (entity,) = layer.entities.values()
    quote_start = sample_text.index("There are no scripted")
    layer.apply(edits.add_quote(layer, [Span(quote_start, quote_start + 20)]))
    before = {i.id: i for i in layer}
    changes = suggest_document(sample_text, layer)
    assert all(c.before is None for c in changes.changes)
    layer.apply(changes)
    assert all(layer.get(i) == item for i, item in before.items())
    amazing = next(q for q in layer.quotes.values()
                   if sample_text[q.start:q.end].startswith("It was really amazing"))
    assert amazing.speaker == entity.id
    assert amazing.speaker_mention in before
    assert not any(sample_text[q.start:q.end].startswith("There are no scripted")
                   for q in layer.quotes.values() if q.status == PROPOSED)


def test_suggested_quote_nests_inside_a_human_quote(sample_text):
    layer = fresh_layer()
    start = sample_text.index("He said, ‘What")
    end = sample_text.index("it worked out,") + len("it worked out,")
    layer.apply(edits.add_quote(layer, [Span(start, end)]))
    (outer,) = layer.quotes.values()
    layer.apply(suggest_document(sample_text, layer))
    children = [q for q in layer.quotes.values() if q.parent == outer.id]
    assert {sample_text[q.start:q.end] for q in children} == {
        "What about Mia?", "You have to audition her and that has to be separate to me"}


def test_suggest_record_is_lossless(sample_text):
    rejected_quote = {"id": "q-x", "type": "direct", "start": 0, "end": 12,
                      "spans": [{"start": 0, "end": 12}], "status": "rejected",
                      "source": "suggested"}
    record = {"id": "doc-1", "title": "T", "text": sample_text, "meta": {"k": 1},
              "annotator": "ann", "status": "in_progress", "extra": [1, 2],
              "entities": [], "mentions": [], "quotes": [rejected_quote]}
    out = suggest_record(json.loads(json.dumps(record)))
    assert out["extra"] == [1, 2] and out["meta"] == {"k": 1} and out["id"] == "doc-1"
    assert out["annotator"] == "ann" and out["status"] == "in_progress"
    assert any(q["id"] == "q-x" and q["status"] == "rejected" for q in out["quotes"])
    parsed = record_to_items(out)
    assert len(parsed.items) > 50
    assert json.loads(json.dumps(out)) == out
    assert suggest_record(out)["quotes"] == out["quotes"]  # nothing new the second time


def test_learned_lexicon_from_accepted_names_in_other_documents(project, sample_text):
    from ruth_annotator.model import NewDocument

    project.add_documents([NewDocument("Zorblax Quintana visited. Zorblax left.")])
    project.add_documents([NewDocument("Yesterday zorbs met Zorblax Quintana in Leeds.")])
    assert "Zorblax" not in sample_text
    # the annotator accepted the name in document 2 ...
    project.apply(ChangeSet.added("x", Entity("e-zq", "ORG", "Zorblax Quintana"),
                                  Mention("m-zq", 0, 16, "ORG", "e-zq", "name", ACCEPTED,
                                          HUMAN)), 2)
    assert learned_lexicon(project).names["Zorblax Quintana"] == "ORG"
    # ... so it is proposed, with its label, in document 3
    report = suggest_project(project, [3])
    assert report.documents == 1
    text3 = project.document(3).text
    assert [(text3[m.start:m.end], m.label) for m in project.layer(3).mentions.values()
            if "Zorblax" in text3[m.start:m.end]] == [("Zorblax Quintana", "ORG")]


def test_suggest_project_is_one_transaction(project):
    from ruth_annotator.tasks import Cancelled, Task

    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 0

    with pytest.raises(Cancelled):
        suggest_project(project, task=Task(cancelled=cancel))
    assert len(project.layer(1)) == 0
    report = suggest_project(project)
    assert report.quotes >= 11 and report.mentions > 30
    assert project.layer(1).status == "todo"  # suggestions do not start the document


def test_spacy_missing_names_what_to_install(monkeypatch, sample_text):
    from ruth_annotator.suggest import spacy_entities

    spacy_entities.load_pipeline.cache_clear()
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(OptionalDependencyError, match=r"ruth-annotator\[spacy\]"):
        suggest_document(sample_text, fresh_layer(), spacy_model="en_core_web_sm")
    spacy_entities.load_pipeline.cache_clear()


def test_spacy_pipeline_entities_are_used(tmp_path, sample_text):
    spacy = pytest.importorskip("spacy")
    from ruth_annotator.suggest import spacy_entities

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Lorraine"},
                        {"label": "FAC", "pattern": "Necker Island"}])
    nlp.to_disk(tmp_path / "pipe")
    spacy_entities.load_pipeline.cache_clear()
    layer = fresh_layer()
    layer.apply(suggest_document(sample_text, layer, spacy_model=str(tmp_path / "pipe")))
    labels = {sample_text[m.start:m.end]: m.label for m in layer.mentions.values()}
    assert labels["Lorraine"] == "ORG" and labels["Necker Island"] == "LOC"
    with pytest.raises(RuthError, match="not installed"):
        spacy_entities.load_pipeline(str(tmp_path / "no-such-pipeline"))


def test_spacy_adapter_maps_labels_and_offsets(monkeypatch, sample_text):
    """The adapter alone, with a stand-in for spaCy (a real pipeline is tested above)."""
    import types

    from ruth_annotator.suggest import spacy_entities

    class Ent:
        def __init__(self, start, end, label):
            self.start_char, self.end_char, self.label_ = start, end, label

    def load(name):
        assert name == "fake_pipeline"
        start = sample_text.index("Necker Island")
        return lambda text: types.SimpleNamespace(ents=[
            Ent(start, start + 13, "FAC"), Ent(0, 4, "CARDINAL")])

    monkeypatch.setitem(sys.modules, "spacy", types.SimpleNamespace(load=load))
    spacy_entities.load_pipeline.cache_clear()
    found = spacy_entities.spacy_mentions(sample_text, "fake_pipeline")
    assert found == [(sample_text.index("Necker Island"),
                      sample_text.index("Necker Island") + 13, "LOC")]
    spacy_entities.load_pipeline.cache_clear()


def test_engine_never_raises_on_odd_text():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from([
        "Kate", "Winslet", "said", "she", "told", "“", "”", '"', "'", "‘", "’", ",", ".",
        ":", "\n", "\n\n", "The", "star", "went", "on", "According", "to", "Dr", "Mr.",
        "I-95", "KKTV", "’s", "s'", "O'Brien", "(AP)", "—", "Q:", "A:", "LONDON,", "2023",
        "Read more:", "told him,", "of", "the", "and", "that", "é", "👍", "May", "June"])

    @settings(max_examples=150, deadline=None)
    @given(st.lists(words, max_size=80))
    def run(parts):
        text = " ".join(parts)
        record = suggest_record({"id": "x", "text": text})
        parsed = record_to_items(record)
        for item in parsed.items:
            if isinstance(item, Mention):
                assert 0 <= item.start < item.end <= len(text)
            if isinstance(item, Quote):
                assert all(0 <= s.start < s.end <= len(text) for s in item.spans)

    run()


def test_windows_line_endings_give_the_same_suggestions(sample_text):
    from .helpers import quotes

    def summary(text):
        return [(q.type, q.text.replace("\r", ""), q.speaker, q.cue, len(q.segments))
                for q in quotes(text)]

    assert summary(sample_text.replace("\n", "\r\n")) == summary(sample_text)
