"""The Qt-free session: one funnel for every change (rules, memory, disk, status, undo)."""

from __future__ import annotations

from ruth_annotator.app.session import History, Listener, Session
from ruth_annotator.model import Span, edits
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.layer import status_after_edit
from ruth_annotator.store import Project


class Heard(Listener):
    def __init__(self) -> None:
        self.events: list[tuple] = []

    def changed(self, changes: ChangeSet) -> None:
        self.events.append(("changed", changes.description))

    def status_changed(self, document_id: int, status: str) -> None:
        self.events.append(("status", document_id, status))

    def notice(self, text: str) -> None:
        self.events.append(("notice", text))


def stored(path, document_id: int = 1):
    with Project.open(path, "tester", readonly=True) as fresh:
        return fresh.layer(document_id)


def test_a_change_reaches_memory_and_disk_as_one_named_step(project, sample_text):
    heard = Heard()
    session = Session(project, heard)
    assert session.open_document(1)
    changes = edits.add_mention(session.layer, sample_text, Span(0, 4), "PERSON")
    assert session.apply(changes) and session.saved
    assert len(session.layer.mentions) == 1 and len(stored(project.path).mentions) == 1
    assert [s.name for s in session.history.done] == [changes.description]
    assert heard.events == [("changed", changes.description), ("status", 1, "in_progress")]
    assert stored(project.path).status == "in_progress"

    step = session.undo()
    assert step.name == changes.description
    assert not session.layer.mentions and not stored(project.path).mentions
    assert session.redo().name == changes.description
    assert len(stored(project.path).mentions) == 1
    assert session.undo() and session.undo() is None  # nothing more to undo


def test_the_status_rule_is_the_same_in_the_session_and_the_store(project, sample_text):
    assert [status_after_edit(s) for s in ("todo", "in_progress", "done")] == \
        ["in_progress", "in_progress", "done"]
    session = Session(project)
    session.open_document(1)
    session.set_status("done")
    session.apply(edits.add_mention(session.layer, sample_text, Span(0, 4), "PERSON"))
    assert session.layer.status == "done" == stored(project.path).status  # a correction
    layer = project.layer(1)
    project.set_status(1, "todo")
    project.apply(edits.add_mention(layer, sample_text, Span(10, 14), "ORG"), 1)
    assert project.layer(1).status == "in_progress"


def test_every_change_passes_the_decision_rules_and_undoes_as_one(project, sample_text):
    def also_tag_the_start(layer, changes: ChangeSet) -> ChangeSet:
        if any(c.after is not None and c.after.kind == "mention" and c.after.start == 0
               for c in changes.changes):
            return changes
        return changes + edits.add_mention(layer, sample_text, Span(0, 4), "PERSON")

    session = Session(project, rules=[also_tag_the_start])
    session.open_document(1)
    session.apply(edits.add_mention(session.layer, sample_text, Span(10, 14), "ORG"))
    spans = sorted((m.start, m.end) for m in session.layer.mentions.values())
    assert spans == [(0, 4), (10, 14)]
    assert sorted((m.start, m.end) for m in stored(project.path).mentions.values()) == spans
    session.undo()
    assert not session.layer.mentions and not stored(project.path).mentions
    assert len(session.history.done) == 0 and len(session.history.undone) == 1


def test_a_read_only_project_refuses_changes_and_says_why(project, sample_text):
    project.close()
    heard = Heard()
    with Project.open(project.path, "tester", readonly=True) as readonly:
        session = Session(readonly, heard, History())
        session.open_document(1)
        changes = edits.add_mention(session.layer, sample_text, Span(0, 4), "PERSON")
        assert session.apply(changes) is False
        assert not session.layer.mentions and not session.history.done
        assert heard.events == [("notice", "This project is open read-only: nothing can be "
                                           "changed.")]
        assert session.set_status("done") is False


def test_a_change_made_by_hand_obeys_the_decision_rule_too(project, sample_text):
    """Accepting a suggested quote with a change set not made by the edits still accepts
    its speaker mention (the rule of model/decisions.py runs in the funnel)."""
    from dataclasses import replace

    from ruth_annotator.model.annotations import ACCEPTED, PROPOSED
    from ruth_annotator.suggest import suggest_document

    session = Session(project)
    session.open_document(1)
    session.apply(suggest_document(sample_text, session.layer))
    quote = next(q for q in session.layer.quotes.values()
                 if q.speaker_mention and q.status == PROPOSED
                 and session.layer.mentions[q.speaker_mention].status == PROPOSED)
    session.apply(ChangeSet.replaced("Accept by hand",
                                     [(quote, replace(quote, status=ACCEPTED))]))
    assert session.layer.mentions[quote.speaker_mention].status == ACCEPTED
    assert stored(project.path).mentions[quote.speaker_mention].status == ACCEPTED
    session.undo()
    assert session.layer.mentions[quote.speaker_mention].status == PROPOSED
