"""Regenerate the workspace screenshots in docs/ (light and dark theme).

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots.py

It builds a throw-away project with the sample article annotated through the model API
(entities, mentions, nested quotes with speakers and cues, a two-segment quote, and a few
undecided suggestions), opens the real window on it, selects the first quote and saves
docs/workspace-light.png and docs/workspace-dark.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def find(text: str, needle: str, nth: int = 1, after: int = 0):
    from ruth_annotator.model.annotations import Span

    pos = after - 1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return Span(pos, pos + len(needle))


def annotate_sample(project, doc_id: int = 1) -> None:
    """Annotate the sample article the way a careful annotator would."""
    from ruth_annotator.model import edits
    from ruth_annotator.model.annotations import PROPOSED, SUGGESTED, Span

    text = project.document(doc_id).text
    layer = project.layer(doc_id)

    def do(changes):
        layer.apply(changes)
        project.apply(changes, doc_id)
        return changes

    def mention(needle, label, nth=1, after=0, entity=None, **kw):
        changes = do(edits.add_mention(layer, text, find(text, needle, nth, after), label,
                                       entity=entity, **kw))
        return next(i for i in changes.added_items() if i.kind == "mention")

    def quote(start, end, kind="direct", speaker=None, cue=None, nth=1, after=0):
        span = find(text, start, nth, after)
        stop = find(text, end, 1, span.start)
        changes = do(edits.add_quote(layer, [Span(span.start, stop.end)], kind))
        q = next(i for i in changes.added_items() if i.kind == "quote")
        if speaker is not None:
            do(edits.set_speaker(layer, q.id, mention_id=speaker.id))
        if cue is not None:
            do(edits.set_cue(layer, q.id, find(text, cue[0], 1, cue[1])))
        return layer.quotes[q.id]

    kate = mention("Kate Winslet", "PERSON")
    mention("I Am Ruth", "WORK_OF_ART")
    has_said = [mention("Kate Winslet", "PERSON", n) for n in (2, 3, 4)][-1]
    mention("Mia Threapleton", "PERSON")
    mention("Channel 4", "ORG")
    mention("Mia Threapleton", "PERSON", 2)
    mention("Channel 4", "ORG", 2)
    said = find(text, "Kate Winslet has said")
    quote("she was", "first time", "mixed", speaker=has_said, cue=("has said", said.start))
    mention("Mia", "PERSON", 1, find(text, "21-year-old").end)
    mention("Dominic Savage", "PERSON")
    mention("ITV", "ORG")
    mention("Lorraine", "WORK_OF_ART", 1, find(text, "ITV's").end)
    appearing = find(text, "Winslet said some")
    win = mention("Winslet", "PERSON", 1, appearing.start)
    quote("some actors", "Jim Threapleton", "indirect", speaker=win,
          cue=("said", appearing.start))
    savage = mention("Savage", "PERSON", 1, appearing.start)
    mention("Jim Threapleton", "PERSON")
    first = find(text, "“He said")
    he = mention("He", "PERSON", 1, first.start, entity=savage.entity)
    i_ = mention("I", "PERSON", 1, find(text, "and I said").start, entity=kate.entity)
    she2 = mention("she", "PERSON", 1, find(text, "worked out").end, entity=kate.entity)
    quote("He said", "worked out,", "direct", speaker=she2,
              cue=("said", find(text, "worked out").end))
    quote("What about Mia?", "What about Mia?", speaker=he, cue=("said", first.start))
    quote("You have to audition", "separate to me", speaker=i_,
          cue=("said", find(text, "and I said").start))
    second = find(text, "“As far as performance")
    mia_she = mention("she", "PERSON", 1, find(text, "moments where").end)
    mia = layer.mentions[find_mention(layer, "Mia", text)]
    do(edits.set_mention_entity(layer, mia_she.id, mia.entity))
    quote("As far as performance", "let me do it!’", speaker=None, after=second.start)
    quote("Shut up Mum", "let me do it!", speaker=mia_she,
          cue=("go", find(text, "look at me and").start))
    told = find(text, "Winslet, 47, told")
    w47 = mention("Winslet", "PERSON", 1, told.start)
    mention("Lorraine Kelly", "PERSON")
    quote("It was really amazing", "very, very powerful.", speaker=w47,
          cue=("told", told.start))
    star = mention("The star", "PERSON", 1, told.end, entity=kate.entity)
    quote("Savage liked", "to improvise", "indirect", speaker=star, cue=("shared", told.end))
    mention("Savage", "PERSON", 1, find(text, "shared that").start, entity=savage.entity)
    she3 = mention("she", "PERSON", 1, find(text, "terrifying").end, entity=kate.entity)
    quote("There are no scripted", "terrifying,", speaker=she3,
          cue=("said", find(text, "terrifying").end))
    quote("You make it up", "vulnerability.", speaker=she3)
    mums = find(text, "Winslet, also mum")
    mention("Winslet", "PERSON", 1, mums.start)
    # Suggestions nobody has decided on yet: drawn faded and dashed in the screenshot.
    mention("Joe", "PERSON", source=SUGGESTED, status=PROPOSED)
    mention("Bear", "PERSON", source=SUGGESTED, status=PROPOSED)
    she4 = mention("she", "PERSON", 1, find(text, "current climate").end, entity=kate.entity)
    idea = find(text, "This idea of mental health")
    span = find(text, "current climate,", 1, idea.start)
    do(edits.add_quote(layer, [Span(idea.start, span.end)], "direct", speaker=she4.entity,
                       speaker_mention=she4.id, cue=find(text, "said", 1, span.end),
                       source=SUGGESTED, status=PROPOSED))
    went = find(text, "The star went on")
    star2 = mention("The star", "PERSON", 1, went.start, entity=kate.entity)
    covid = find(text, "Covid has not")
    covid_end = find(text, "missed out on.", 1, covid.start)
    angry = find(text, "They feel angry")
    angry_end = find(text, "taken from them.", 1, angry.start)
    covid_quote = do(edits.add_quote(layer, [Span(covid.start, covid_end.end),
                                             Span(angry.start, angry_end.end)], "direct",
                                     speaker=star2.entity, speaker_mention=star2.id,
                                     cue=find(text, "went on", 1, went.start)))
    assert covid_quote
    mention("Necker Island", "LOC")


def add_other_documents(project) -> None:
    """A few more articles, one done and one started, so the list shows its progress."""
    from ruth_annotator.model import edits
    from ruth_annotator.model.document import NewDocument

    project.add_documents([
        NewDocument("The minister said the plan would be published in March.", "Budget plan"),
        NewDocument("“We are ready,” the coach told reporters on Friday.", "Cup final"),
        NewDocument("Residents said the bridge had been closed since May.", "Bridge closure"),
    ])
    done = project.document(2)
    layer = project.layer(2)
    start = done.text.index("The minister")
    project.apply(edits.add_mention(layer, done.text, find(done.text, "The minister"),
                                    "PERSON"), 2)
    assert start == 0
    project.set_status(2, "done")
    started = project.document(3)
    project.apply(edits.add_mention(project.layer(3), started.text,
                                    find(started.text, "the coach"), "PERSON"), 3)


def find_mention(layer, surface: str, text: str) -> str:
    return next(m.id for m in layer.sorted_mentions() if text[m.start:m.end] == surface)


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="ruth-shots-"))
    os.environ["RUTH_ANNOTATOR_HOME"] = str(home)
    os.environ.setdefault("RUTH_ANNOTATOR_NAME", "kim")
    sys.path.insert(0, str(HERE.parent))
    from ruth_annotator.app.transfer import open_project_with_sample
    from ruth_annotator.gui.app import application
    from ruth_annotator.gui.main_window import MainWindow

    app = application()
    project = open_project_with_sample(home / "sample.ruth")
    annotate_sample(project)
    add_other_documents(project)
    window = MainWindow(project)
    window.open_document(1)
    window.resize(1400, 880)
    window.show()
    for name in ("light", "dark"):
        window.set_theme(name)
        first = next(q for q in window.session.layer.sorted_quotes()
                     if q.parent is None and q.type == "direct")
        window.reveal(first.id)
        window.view.verticalScrollBar().setValue(
            window.view.verticalScrollBar().value() + 3)
        for _ in range(20):
            app.processEvents()
        window.view._flash_timer.stop()
        window.view.flash([])
        app.processEvents()
        out = HERE / f"workspace-{name}.png"
        window.grab().save(str(out))
        print(f"saved {out}")
    window.session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
