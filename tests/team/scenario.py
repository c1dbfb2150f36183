"""Two annotators' work on the sample article, with differences known in advance.

Alice and Bob annotate the same article. What differs (every agreement test counts on it):

mentions                 alice                    bob
  Kate Winslet (title)   PERSON                   PERSON, same span (entity named "Winslet")
  I Am Ruth (title)      WORK_OF_ART              EVENT, same span
  Mia Threapleton        PERSON 113..128          PERSON "Mia" 113..116 only
  Channel 4              ORG                      ORG, same span
  Dominic Savage         PERSON                   PERSON, same span
  Lorraine Kelly         PERSON                   —
  ITV                    —                        ORG
quotes                   alice                    bob
  "blown away"           direct, Kate             mixed, same span, Kate ("Winslet")
  He said, ‘What…        direct, Kate             direct, 5 characters shorter, Mia
  There are no…          direct, Kate             direct, same span, no speaker
  some actors … Jim T.   indirect, Kate           indirect, same span, Kate ("Winslet")
  It was really…         direct, Kate             —
  This idea of…          —                        direct, Kate ("Winslet")
"""

from __future__ import annotations

from pathlib import Path

from ruth_annotator.model import Entity, Mention, Quote, Span
from ruth_annotator.model.document import text_hash
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store import Project

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "samples" / "i_am_ruth.txt"
TEXT = SAMPLE.read_bytes().decode("utf-8")


def span(phrase: str, after: int = 0, cut: int = 0) -> Span:
    start = TEXT.index(phrase, after)
    return Span(start, start + len(phrase) - cut)


def _items(prefix: str, mentions: list[tuple[str, Span, str, str]], entities: dict[str, str],
           quotes: list[tuple[str, Span, str, str | None]]) -> list:
    items: list = [Entity(f"{prefix}-{key}", label, name) for key, (label, name) in
                   ((k, v.split(":", 1)) for k, v in entities.items())]
    for key, sp, label, entity in mentions:
        items.append(Mention(f"{prefix}-{key}", sp.start, sp.end, label, f"{prefix}-{entity}"))
    for key, sp, qtype, speaker in quotes:
        items.append(Quote(f"{prefix}-{key}", qtype, (sp,),
                           f"{prefix}-{speaker}" if speaker else None))
    return items


BLOWN = span("blown away", after=300)
HE_SAID = span("He said, ‘What about Mia?’ and I said, ‘You have to audition her and that "
               "has to be separate to me’, and it worked out,")
NO_SCRIPT = span("There are no scripted words written, it's terrifying,")
ACTORS = span("some actors had been discussed for the part of the teenaged daughter when "
              "Savage mentioned Mia, her daughter with her ex Jim Threapleton")
AMAZING = span("It was really amazing working alongside her and actually being blown away by "
               "her courage… she's very, very powerful.")
IDEA = span("This idea of mental health and how hard people are finding it to raise children "
            "in the current climate,")


def alice_items() -> list:
    return _items(
        "a",
        [("m1", span("Kate Winslet"), "PERSON", "kate"),
         ("m2", span("I Am Ruth"), "WORK_OF_ART", "ruth"),
         ("m3", span("Mia Threapleton"), "PERSON", "mia"),
         ("m4", span("Channel 4"), "ORG", "c4"),
         ("m5", span("Dominic Savage"), "PERSON", "savage"),
         ("m6", span("Lorraine Kelly"), "PERSON", "kelly")],
        {"kate": "PERSON:Kate Winslet", "ruth": "WORK_OF_ART:I Am Ruth",
         "mia": "PERSON:Mia Threapleton", "c4": "ORG:Channel 4",
         "savage": "PERSON:Dominic Savage", "kelly": "PERSON:Lorraine Kelly"},
        [("q1", BLOWN, "direct", "kate"), ("q2", HE_SAID, "direct", "kate"),
         ("q3", NO_SCRIPT, "direct", "kate"), ("q4", ACTORS, "indirect", "kate"),
         ("q5", AMAZING, "direct", "kate")],
    )


def bob_items() -> list:
    return _items(
        "b",
        [("m1", span("Kate Winslet"), "PERSON", "kate"),
         ("m2", span("I Am Ruth"), "EVENT", "ruth"),
         ("m3", span("Mia"), "PERSON", "mia"),
         ("m4", span("Channel 4"), "ORG", "c4"),
         ("m5", span("Dominic Savage"), "PERSON", "savage"),
         ("m7", span("ITV"), "ORG", "itv")],
        {"kate": "PERSON:Winslet", "ruth": "EVENT:I Am Ruth", "mia": "PERSON:Mia",
         "c4": "ORG:Channel 4", "savage": "PERSON:Dominic Savage", "itv": "ORG:ITV"},
        [("q1", BLOWN, "mixed", "kate"), ("q2", span(HE_SAID.text(TEXT), cut=5), "direct", "mia"),
         ("q3", NO_SCRIPT, "direct", None), ("q4", ACTORS, "indirect", "kate"),
         ("q6", IDEA, "direct", "kate")],
    )


def write_layer(project: Project, annotator: str, items: list, status: str = "done",
                doc_id: int | None = None) -> None:
    doc_id = doc_id or project.find_by_hash(text_hash(TEXT))
    with project.db.atomic():
        project.add_layer_items(doc_id, annotator, items, status)


def annotator_file(folder: Path, annotator: str, items: list, extra_texts: tuple = ()) -> Path:
    """An annotator's own project, made by importing the sample text (not by `assign`)."""
    from ruth_annotator.model import NewDocument

    path = folder / f"{annotator}.ruth"
    with Project.open(path, annotator, create=True) as proj:
        proj.import_records([ParsedRecord(NewDocument(t), None, None)
                             for t in (TEXT, *extra_texts)])
        write_layer(proj, annotator, items)
    return path
