"""CoNLL-2003-style BIO files: one `token TAG` a line, a blank line after each line of the
article, `-DOCSTART- O` before each document.

`conll` tags entity mentions (PERSON, ORG …) and can be read back; `conll-quotes` tags
quote content (B-DIRECT_QUOTE …), cues (B-CUE) and speaker mentions (B-SPEAKER) for
training quote taggers, and is export only, since the file cannot say which speaker and
cue belong to which quote. BIO holds one label a token and only whole tokens (tokens.py),
so nested or overlapping spans and spans inside tokens are reported, not written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.formats import flat, labels
from ruth_annotator.formats.decoding import read_utf8
from ruth_annotator.formats.files import atomic_output
from ruth_annotator.formats.registry import ExportOptions, ExportReport, Format, register
from ruth_annotator.formats.tokens import Tokens
from ruth_annotator.model.annotations import Entity, Mention, new_id
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.edits import guess_form
from ruth_annotator.model.records import ParsedRecord, first_line

SUFFIXES = (".conll", ".iob", ".bio", ".conll03")
DOCSTART = "-DOCSTART-"
QUOTE_TAGS = {*flat.QUOTE_LABELS.values(), flat.CUE_LABEL, "SPEAKER"}


def bio_tags(tokens: Tokens, sentences: list[list[int]],
             spans: list[tuple[dict, int, int, str]], losses: flat.Losses) -> list[str]:
    """Tags for the tokens (IOB2); spans earlier in the list win where they overlap. A span
    that crosses a sentence break starts again with B- in each sentence it covers, since an
    I- must follow its B- within the sentence."""
    tags = ["O"] * len(tokens)
    sentence_of = [0] * len(tokens)
    for n, sentence in enumerate(sentences):
        for i in sentence:
            sentence_of[i] = n
    for item, start, end, label in spans:
        found = tokens.token_range(start, end)
        if found is None:
            losses.add(item, "does not start and end on token boundaries and is left out")
            continue
        first, last = found
        if any(t != "O" for t in tags[first:last + 1]):
            losses.add(item, "overlaps another span; BIO holds one label a token")
            continue
        parts = sentence_of[last] - sentence_of[first] + 1
        if parts > 1:
            losses.add(item, f"crosses a line break; written as {parts} spans, one a "
                             "sentence")
        for i in range(first, last + 1):
            begins = i == first or sentence_of[i] != sentence_of[i - 1]
            tags[i] = f"{'B' if begins else 'I'}-{label}"
    return tags


def entity_spans(record: dict, losses: flat.Losses) -> list[tuple[dict, int, int, str]]:
    losses.meta_and_sources()
    return [(m, m["start"], m["end"], losses.label(m["label"]))
            for m in sorted(record["mentions"], key=lambda m: (m["start"], -m["end"]))]


def quote_spans(record: dict, losses: flat.Losses) -> list[tuple[dict, int, int, str]]:
    losses.meta_and_sources()
    mentions = {m["id"]: m for m in record["mentions"]}
    out = []
    for q in sorted(record["quotes"], key=lambda q: (q["start"], -q["end"])):
        out.extend((q, s["start"], s["end"], flat.QUOTE_LABELS[q["type"]]) for s in q["spans"])
    for q in record["quotes"]:
        if q["cue"]:
            cue = {"id": f"{q['id']}/cue", "text": q["cue"]["text"]}  # named as the cue
            out.append((cue, q["cue"]["start"], q["cue"]["end"], flat.CUE_LABEL))
        speaker = mentions.pop(q["speaker_mention"], None)  # a speaker of two quotes: once
        if speaker:
            out.append((speaker, speaker["start"], speaker["end"], "SPEAKER"))
        elif q["speaker"] and not q["speaker_mention"]:
            losses.add(q, "speaker has no chosen mention to tag")
    return out


def _writer(pick):
    def write(records: Iterable[dict], path: Path, options: ExportOptions,
              report: ExportReport) -> None:
        with atomic_output(path) as out:
            for record in records:
                record, losses = flat.resolved_with_losses(record)
                tokens = Tokens.of(record["text"])
                spans = pick(record, losses)
                sentences = tokens.lines()
                tags = bio_tags(tokens, sentences, spans, losses)
                out.write(f"{DOCSTART} O\n\n")
                for line in sentences:
                    out.writelines(f"{tokens.text[tokens.spans[i][0]:tokens.spans[i][1]]} "
                                   f"{tags[i]}\n" for i in line)
                    out.write("\n")
                report.documents += 1
                report.annotations += sum(t.startswith("B-") for t in tags)
                report.take(losses)
        report.files.append(path)
    return write


class _Doc:
    """Tokens and tags of one document being read."""

    def __init__(self, number: int) -> None:
        self.number = number
        self.sentences: list[list[tuple[str, str, int]]] = [[]]

    def add(self, token: str, tag: str, line: int) -> None:
        self.sentences[-1].append((token, tag, line))

    def end_sentence(self) -> None:
        if self.sentences[-1]:
            self.sentences.append([])

    def empty(self) -> bool:
        return not any(self.sentences)

    def record(self, path: Path) -> ParsedRecord:
        parts: list[str] = []
        pos = 0
        spans: list[list] = []  # [start, end, label]
        open_label: str | None = None  # label of the previous token, across lines
        for s_index, sentence in enumerate(s for s in self.sentences if s):
            if s_index:
                parts.append("\n")
                pos += 1
            for t_index, (token, tag, line) in enumerate(sentence):
                if t_index:
                    parts.append(" ")
                    pos += 1
                prefix, _, label = tag.partition("-")
                if tag != "O" and (prefix not in ("B", "I") or not label):
                    raise InputError(f"line {line}: tag {tag!r} is not O, B-LABEL or I-LABEL",
                                     path)
                if label in QUOTE_TAGS:
                    raise InputError(f"line {line}: {tag} is a conll-quotes tag; quote files "
                                     "cannot be read back (they do not say which speaker "
                                     "and cue belong to which quote)", path)
                bad = labels.problem(label) if tag != "O" else None
                if bad:
                    raise InputError(f"line {line}: {bad}", path)
                if prefix == "I" and open_label == label:
                    spans[-1][1] = pos + len(token)
                elif tag != "O":
                    spans.append([pos, pos + len(token), label])
                open_label = label if tag != "O" else None
                parts.append(token)
                pos += len(token)
        text = "".join(parts)
        items: list = []
        for start, end, label in spans:
            eid = new_id("e")
            surface = text[start:end]
            items.append(Entity(eid, label, surface))
            items.append(Mention(new_id("m"), start, end, label, eid, guess_form(surface)))
        doc = NewDocument(text, first_line(text), f"{path.stem}-{self.number}",
                          origin=f"{path}:{self.number}")
        return ParsedRecord(doc, None, None, items, match_tokens=True)


def read(path: Path) -> Iterator[ParsedRecord | InputError]:
    content = read_utf8(path)
    docs = [_Doc(1)]
    for number, line in enumerate(content.splitlines(), 1):
        columns = line.split()
        if not columns:
            docs[-1].end_sentence()
        elif columns[0] == DOCSTART:
            if not docs[-1].empty():
                docs.append(_Doc(len(docs) + 1))
        elif len(columns) < 2:
            raise InputError(f"line {number}: expected “token TAG”, found {line[:40]!r}", path)
        else:
            docs[-1].add(columns[0], columns[-1], number)
    if all(d.empty() for d in docs):
        raise InputError("holds no tokens", path)
    for doc in docs:
        if not doc.empty():
            yield doc.record(path)


def _detect(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in SUFFIXES


register(Format(
    name="conll",
    description="CoNLL-2003 BIO, token and entity tag (PERSON, ORG …)",
    extensions=SUFFIXES,
    reader=read,
    writer=_writer(entity_spans),
    carries=frozenset({"mentions"}),
    detect=_detect,
    notes="Tokens only: reading back joins tokens with single spaces and lines with line "
          "breaks. Entities, quotes, nested or overlapping mentions are not carried.",
))

FORMAT = register(Format(
    name="conll-quotes",
    description="CoNLL BIO for quote taggers: quote content, CUE and SPEAKER tags",
    extensions=SUFFIXES,
    writer=_writer(quote_spans),
    carries=frozenset({"quotes", "cues", "speakers", "segments"}),
    notes="Export only. One tag a token: nested quotes and overlapping cues or speakers "
          "are reported and left out.",
))
