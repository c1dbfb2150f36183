"""Long random sessions of edits keep every layer self-consistent: each reference (mention
to entity, quote to speaker, speaker mention, addressee and enclosing quote) points to an
annotation of the same layer, and spans stay inside the text. The kill stress run found a
chain of nested quotes deleted at once leaving a quote inside a deleted one; this keeps
that class of bug found in the model, without a store or a kill."""

from __future__ import annotations

import random

from reliability.kill_harness import new_project
from reliability.session_driver import Session
from ruth_annotator.model import Layer
from ruth_annotator.store import Project

SESSIONS = 150
ACTIONS = 300


def broken_references(layer: Layer, length: int) -> list[str]:
    problems = []
    for m in layer.mentions.values():
        if m.entity is not None and m.entity not in layer.entities:
            problems.append(f"mention {m.id}: entity {m.entity}")
        if not 0 <= m.start < m.end <= length:
            problems.append(f"mention {m.id}: span {m.start}..{m.end}")
    for q in layer.quotes.values():
        for field, table in (("speaker", layer.entities), ("addressee", layer.entities),
                             ("speaker_mention", layer.mentions), ("parent", layer.quotes)):
            value = getattr(q, field)
            if value is not None and value not in table:
                problems.append(f"quote {q.id}: {field} {value}")
    return problems


def test_random_edit_sessions_keep_references_inside_the_layer(tmp_path, figures):
    path = tmp_path / "model.ruth"
    new_project(path)
    actions = 0
    with Project.open(path, "driver", readonly=True) as project:
        for seed in range(SESSIONS):
            session = Session(project, random.Random(seed))
            for _ in range(ACTIONS):
                doc, action = session.next_action()
                if doc is None or (not isinstance(action, tuple) and not action):
                    continue
                session.expected_after(doc, action)  # applies it in memory
                actions += 1
                layer = session.layers[doc]
                problems = broken_references(layer, len(session.texts[doc]))
                assert problems == [], (seed, getattr(action, "description", action))
    figures.update(sessions=SESSIONS, actions=actions)
