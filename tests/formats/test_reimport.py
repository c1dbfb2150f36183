"""Importing one's own export into the project it came from adds nothing, in every format."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ruth_annotator.app.suggesting import suggest_project
from ruth_annotator.app.transfer import export_project, import_paths
from ruth_annotator.formats import registry
from ruth_annotator.model import Entity, Span, edits
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store import Project

READABLE = [f.name for f in registry.formats() if f.reader and f.writer]


def counts(project: Project) -> tuple[int, dict]:
    return project.document_count(), project.stats()["annotations"]


@pytest.fixture
def decided(project: Project) -> Project:
    """The sample article suggested, every quote accepted with A (library calls)."""
    suggest_project(project)
    doc_id = project.document_ids()[0]
    layer = project.layer(doc_id)
    for quote_id in list(layer.quotes):
        changes = edits.decide(layer, [quote_id], True)
        layer.apply(changes)
        project.apply(changes, doc_id)
    return project


def test_every_readable_format_is_covered():
    assert {"jsonl", "brat", "conll", "doccano", "label-studio", "prodigy"} <= set(READABLE)


@pytest.mark.parametrize("fmt", READABLE)
def test_reimporting_an_export_changes_no_count(decided, tmp_path, fmt):
    out = tmp_path / ("out" if registry.get(fmt).folder else f"out.{fmt}")
    export_project(decided, fmt, out)
    before = counts(decided)
    result = import_paths(decided, [out], fmt)
    assert counts(decided) == before, result.summary()
    assert result.added == [] and result.annotations == 0
    assert "already present" in result.summary()
    again = import_paths(decided, [out], fmt)
    assert counts(decided) == before and again.summary() == result.summary()


def test_an_annotation_with_another_link_is_not_present(project, sample_text):
    doc = project.document(1)
    layer = project.layer(1)
    for name in ("Kate Winslet", "Mia"):
        start = sample_text.index(name)
        changes = edits.add_mention(layer, sample_text, Span(start, start + len(name)),
                                    "PERSON")
        layer.apply(changes)
        project.apply(changes, 1)
    kate, mia = sorted(layer.mentions.values(), key=lambda m: sample_text[m.start])
    same = [replace(layer.entities[kate.entity], id="e-same"),
            replace(kate, id="m-same", entity="e-same")]
    # One entity for both spans: Kate's mention now links to something else.
    merged = [Entity("e-both", "PERSON", "Kate Winslet"),
              replace(kate, id="m-k", entity="e-both"), replace(mia, id="m-m", entity="e-both")]
    result = project.import_records([ParsedRecord(NewDocument(doc.text), None, None, same),
                                     ParsedRecord(NewDocument(doc.text), None, None, merged)])
    assert result.present == 1 and result.annotations == 2
    assert len(project.layer(1).mentions) == 4


def test_conll_joins_its_document_by_tokens(decided, tmp_path):
    out = tmp_path / "out.conll"
    export_project(decided, "conll", out)
    stored = decided.layer(1)
    decided.close()
    with Project.open(tmp_path / "fresh.ruth", create=True) as fresh:
        import_paths(fresh, [out], "conll")
        rebuilt = fresh.document(1).text
    with Project.open(decided.path) as proj:
        assert proj.document(1).text != rebuilt  # the tokens' text differs in its spaces …
        result = import_paths(proj, [out], "conll")
        assert result.added == [] and result.present > 0  # … yet it joins the document
        assert {(m.start, m.end) for m in proj.layer(1).mentions.values()} == \
            {(m.start, m.end) for m in stored.mentions.values()}


def test_conll_without_annotations_joins_its_document_by_tokens(project, tmp_path):
    """An export of suggestions only carries no entities, yet names the same document."""
    suggest_project(project)
    out = tmp_path / "out.conll"
    export_project(project, "conll", out)
    result = import_paths(project, [out], "conll")
    assert project.document_count() == 1
    assert result.added == [] and "1 duplicate skipped" in result.summary()
