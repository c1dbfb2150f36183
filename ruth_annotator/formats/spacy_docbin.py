"""spaCy `DocBin` (`.spacy`), the training-data format of `spacy train`.

Entities go to `doc.ents` (labels, with the entity id as `kb_id`); everything that may
overlap goes to span groups: `mentions` (all mentions), `quotes` (one span a segment,
labelled with the quote type, `id` = quote id), `speakers`, `cues` and `addressees` (`id` =
the quote they belong to; an addressee is marked on its entity's first mention). Tokens
come from tokens.py, with white space kept as spaCy does, so `doc.text` is the exact
article. spaCy is an optional extra; a DocBin holds its documents in memory, so large
exports are written as several files of SHARD documents.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ruth_annotator.errors import OptionalDependencyError
from ruth_annotator.formats import flat, links
from ruth_annotator.formats.files import atomic_output
from ruth_annotator.formats.registry import STRUCTURE, ExportOptions, ExportReport, Format, register
from ruth_annotator.formats.tokens import Tokens
from ruth_annotator.model.annotations import ACCEPTED

SHARD = 5000


def _spacy():
    try:
        import spacy.tokens
        import spacy.vocab
    except ImportError:
        raise OptionalDependencyError("Exporting to spaCy", "spaCy", "spacy") from None
    return spacy


def words_and_spaces(tokens: Tokens) -> tuple[list[str], list[bool]]:
    """spaCy's words: our tokens, with white space other than one space as tokens."""
    words: list[str] = []
    spaces: list[bool] = []
    text = tokens.text
    first = tokens.spans[0][0] if tokens.spans else len(text)
    if first:
        words.append(text[:first])
        spaces.append(False)
    for i, (start, end) in enumerate(tokens.spans):
        words.append(text[start:end])
        gap = tokens.whitespace_after(i)
        spaces.append(gap.startswith(" "))
        rest = gap[1:] if gap.startswith(" ") else gap
        if rest:
            words.append(rest)
            spaces.append(False)
    return words, spaces


def to_doc(spacy, vocab, record: dict, losses: flat.Losses):
    record = links.resolved(record, losses.add)
    text = record["text"]
    words, spaces = words_and_spaces(Tokens.of(text))
    doc = spacy.tokens.Doc(vocab, words=words, spaces=spaces)
    doc.user_data.update({"id": record["id"], "title": record["title"],
                          "annotator": record["annotator"], "meta": record["meta"] or {}})

    def span(item: dict, start: int, end: int, label: str, **ids):
        found = doc.char_span(start, end, label=label, **ids)
        if found is None:
            losses.add(item, "does not start and end on token boundaries and is left out")
        return found

    by_entity: dict[str, list[dict]] = {}
    mentions, ents, taken = [], [], set()
    for m in record["mentions"]:
        by_entity.setdefault(m["entity"], []).append(m)
        if m["status"] != ACCEPTED:
            losses.document(flat.status_lost(m["status"]), items=1)
        s = span(m, m["start"], m["end"], m["label"], kb_id=m["entity"] or "", span_id=m["id"])
        if s is not None:
            mentions.append(s)
            if not taken.intersection(range(s.start, s.end)):
                ents.append(s)
                taken.update(range(s.start, s.end))
    for e in record["entities"]:
        flat.check_entity(e, by_entity.get(e["id"]), losses)
    by_id = {m["id"]: m for m in record["mentions"]}
    quotes, speakers, cues, addressees = [], [], [], []
    for q in record["quotes"]:
        if q["status"] != ACCEPTED:
            losses.document(flat.status_lost(q["status"]), items=1)
        for seg in q["spans"]:
            s = span(q, seg["start"], seg["end"], q["type"], span_id=q["id"])
            if s is not None:
                quotes.append(s)
        speaker = by_id.get(q["speaker_mention"])
        if speaker:
            s = span(speaker, speaker["start"], speaker["end"], "SPEAKER",
                     kb_id=speaker["entity"] or "", span_id=q["id"])
            if s is not None:
                speakers.append(s)
        elif q["speaker"]:
            losses.add(q, "speaker has no chosen mention to mark")
        if q["cue"]:
            s = span(q, q["cue"]["start"], q["cue"]["end"], "CUE", span_id=q["id"])
            if s is not None:
                cues.append(s)
        if q["addressee"] and by_entity.get(q["addressee"]):
            first = by_entity[q["addressee"]][0]
            s = span(first, first["start"], first["end"], "ADDRESSEE", kb_id=q["addressee"],
                     span_id=q["id"])
            if s is not None:
                addressees.append(s)
        elif q["addressee"]:
            losses.add(q, "addressee has no mention to mark")
    doc.ents = ents
    doc.spans["mentions"] = mentions
    doc.spans["quotes"] = quotes
    doc.spans["speakers"] = speakers
    doc.spans["cues"] = cues
    doc.spans["addressees"] = addressees
    return doc


@contextmanager
def _msgpack_encoders_looked_up_once() -> Iterator[None]:
    """`DocBin.add` packs seven messages a document (its user data and each span group), and
    srsly looks up its msgpack encoders for every message: every installed package's entry
    points and the whole catalogue registry, about 0.15 ms each, half the export's time.
    Nothing installs a package or registers an encoder while a file is written, so the
    answer is looked up once for the export; the messages are the same bytes."""
    try:
        from srsly.msgpack import msgpack_encoders

        found = msgpack_encoders.get_all()
    except (ImportError, AttributeError):
        yield
        return
    msgpack_encoders.get_all = lambda: dict(found)  # this instance only, for this export
    try:
        yield
    finally:
        vars(msgpack_encoders).pop("get_all", None)


def shard_path(path: Path, number: int) -> Path:
    return path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")


def write(records: Iterable[dict], path: Path, options: ExportOptions,
          report: ExportReport) -> None:
    spacy = _spacy()
    with _msgpack_encoders_looked_up_once():
        _write_shards(spacy, records, path, report)


def _write_shards(spacy, records: Iterable[dict], path: Path, report: ExportReport) -> None:
    vocab = spacy.vocab.Vocab()
    shard, number = None, 0

    def flush() -> None:
        target = shard_path(path, number)
        with atomic_output(target, "wb") as out:
            out.write(shard.to_bytes())
        report.files.append(target)

    for record in records:
        if shard is None or len(shard) >= SHARD:
            if shard is not None:
                flush()
            shard, number = spacy.tokens.DocBin(store_user_data=True), number + 1
        losses = flat.Losses(record)
        doc = to_doc(spacy, vocab, record, losses)
        shard.add(doc)
        report.documents += 1
        report.annotations += len(doc.spans["mentions"]) + len(doc.spans["quotes"])
        report.take(losses)
    if shard is None:
        shard, number = spacy.tokens.DocBin(store_user_data=True), 1
    flush()


FORMAT = register(Format(
    name="spacy",
    description="spaCy DocBin (.spacy): doc.ents, span groups for quotes, speakers, cues",
    extensions=(".spacy",),
    writer=write,
    carries=STRUCTURE | {"metadata"},
    notes="Needs the spacy extra (pip install 'ruth-annotator[spacy]'). Overlapping "
          "mentions stay out of doc.ents but are in doc.spans['mentions']. More than "
          f"{SHARD} documents are written as NAME.spacy, NAME-2.spacy, … (spaCy reads a "
          "folder of them). Spans off token boundaries, and status are not "
          "carried.",
))
