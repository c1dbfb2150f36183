"""Project search through the store (no SQL of its own): words in any script, case folded,
read through a second connection that cannot write."""

from __future__ import annotations

import pytest

from ruth_annotator.app.search import search
from ruth_annotator.errors import ProjectError
from ruth_annotator.model import NewDocument, Span, edits
from ruth_annotator.store import Project


def test_words_labels_and_the_reader_that_cannot_write(project, sample_text):
    project.add_documents([NewDocument("Die Straße führt zur STRASSE und zur Straße.", "De")])
    hits = search(project.path, "tester", "straße")
    assert [(h.title, h.start) for h in hits] == [("De", 4), ("De", 37)]
    assert hits[0].context == "…Die [Straße] führt zur STRASSE und zur Straße.…"
    layer = project.layer(1)
    project.apply(edits.add_mention(layer, sample_text, Span(0, 12), "PERSON"), 1)
    found = search(project.path, "tester", "label:person")
    assert [(h.document_id, h.start, h.end) for h in found] == [(1, 0, 12)]
    assert search(project.path, "someone else", "label:PERSON") == []
    with Project.open_reader(project.path, "tester") as reader:
        assert reader.readonly
        with pytest.raises(ProjectError, match="read-only"):
            reader.set_status(1, "done")
