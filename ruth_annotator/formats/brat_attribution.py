"""Attribution gold in brat standoff: Source, Cue and Content spans joined into quotes.

Attribution corpora (PARC-style, PolNeAR) mark who said (Source), the verb or phrase that
reports it (Cue) and what was said (Content), joined by an event
(`E1  Attribution:T4 Content:T3 Cue:T2 Source:T1`) or by relations between the Content and
the other two. Each attribution becomes one quote record: its segments are the Content's
fragments (an interrupted quote keeps its pieces), its cue the Cue, its speaker an entity
with the Source as its one mention (the corpora do not link sources that are the same
person). The type is "direct" when every fragment of the content is in quotation marks,
"mixed" when it holds one somewhere, else "indirect"; which parts are direct speech is
then the evaluation's question (it looks for the quoted pieces in every type).

A folder is searched for NAME.txt files; the gold of each is NAME.ann or, where several
annotators' files exist, NAME_<suffix>.ann: the first of them in name order is used, so
every run reads the same one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ruth_annotator.errors import InputError
from ruth_annotator.formats.brat_read import parse_textbound
from ruth_annotator.formats.decoding import read_text_file, read_utf8

_IDENT = re.compile(r"^(?:[TERAMN]\d+|#\d*|\*)$")
_MARK = re.compile("[\"“”„«»]|''|``|(?<!\\w)‘|’(?!\\w)")
ROLES = ("Source", "Cue", "Content")
#: Marks that the gold record carries so the evaluation knows what the gold is about.
ATTRIBUTION_GOLD = "attribution"


@dataclass
class _Bound:
    kind: str
    spans: list[tuple[int, int]]


@dataclass
class _Attribution:
    roles: dict[str, str] = field(default_factory=dict)


def _fail(path: Path, number: int, problem: str) -> InputError:
    return InputError(f"line {number}: {problem}", path)


def _parse(ann: str, text: str, path: Path) -> tuple[dict[str, _Bound], list[_Attribution]]:
    # Offsets count the exact text, CR LF as two, as brat does (see brat_read.py).
    bounds: dict[str, _Bound] = {}
    events: list[_Attribution] = []
    relations: list[tuple[int, str, str]] = []
    for number, line in enumerate(ann.splitlines(), 1):
        if not line.strip():
            continue
        ident, _, rest = line.partition("\t")
        if not _IDENT.match(ident):
            continue  # the shown text of the line before went on over a line break
        if ident.startswith("T"):
            head = rest.partition("\t")[0]
            parsed = parse_textbound(head)
            if parsed is None:
                raise _fail(path, number, f"{ident} is not “TYPE START END\\tTEXT”")
            kind, frags = parsed
            if any(not 0 <= a <= b <= len(text) for a, b in frags):
                raise _fail(path, number, f"{ident} offsets {head.partition(' ')[2]} lie "
                                          f"beyond the text ({len(text)} characters)")
            bounds[ident] = _Bound(kind, frags)
        elif ident.startswith("E"):
            args = rest.split()
            roles = dict(a.split(":", 1) for a in args[1:] if ":" in a)
            events.append(_Attribution({r.rstrip("0123456789"): t for r, t in roles.items()}))
        elif ident.startswith("R"):
            args = rest.partition("\t")[0].split()
            ends = [a.split(":", 1)[1] for a in args[1:] if ":" in a]
            if len(ends) != 2:
                raise _fail(path, number, f"relation {ident} needs Arg1: and Arg2:")
            relations.append((number, *ends))
    by_content: dict[str, _Attribution] = {}
    for number, a, b in relations:
        for one, other in ((a, b), (b, a)):
            kinds = (bounds.get(one), bounds.get(other))
            if None in kinds:
                raise _fail(path, number, f"relation points to {one if kinds[0] is None else other}"
                                          ", which is not a text-bound annotation")
            if kinds[0].kind == "Content" and kinds[1].kind in ROLES:
                item = by_content.setdefault(one, _Attribution({"Content": one}))
                item.roles[kinds[1].kind] = other
    return bounds, events + list(by_content.values())


def attribution_record(text: str, ann: str, path: Path, uid: str) -> dict:
    """One document's text and attribution gold as a lossless JSONL record."""
    bounds, attributions = _parse(ann, text, path)
    entities: list[dict] = []
    mentions: list[dict] = []
    quotes: list[dict] = []
    mention_of: dict[tuple[int, int], int] = {}
    for n, item in enumerate(attributions, 1):
        content = bounds.get(item.roles.get("Content", ""))
        if content is None or content.kind != "Content":
            continue
        segments = [(a, b) for a, b in content.spans if b > a]
        if not segments:
            continue
        quote = {"id": f"q{n}", "spans": [{"start": a, "end": b} for a, b in segments],
                 "type": _quote_type(text, segments),
                 "speaker": None, "speaker_mention": None, "cue": None}
        cue = bounds.get(item.roles.get("Cue", ""))
        if cue is not None:
            quote["cue"] = {"start": cue.spans[0][0], "end": cue.spans[-1][1]}
        source = bounds.get(item.roles.get("Source", ""))
        if source is not None:
            span = (source.spans[0][0], source.spans[-1][1])
            if span not in mention_of:
                entity = f"e{len(entities) + 1}"
                entities.append({"id": entity, "name": " ".join(text[span[0]:span[1]].split()),
                                 "label": "PERSON"})
                mentions.append({"id": f"m{len(mentions) + 1}", "start": span[0],
                                 "end": span[1], "label": "PERSON", "entity": entity,
                                 "form": _form(text[span[0]:span[1]])})
                mention_of[span] = len(mentions) - 1
            mention = mentions[mention_of[span]]
            quote["speaker"], quote["speaker_mention"] = mention["entity"], mention["id"]
        quotes.append(quote)
    return {"id": uid, "text": text, "entities": entities, "mentions": mentions,
            "quotes": quotes, "meta": {"gold": ATTRIBUTION_GOLD}}


_OPENING = re.compile("[\"“„«‘]|''|``")
_CLOSING = re.compile("[\"”»’]|''")
_EDGE = " \t\r\n.,;:!?…—–-"


def _quote_type(text: str, segments: list[tuple[int, int]]) -> str:
    """direct: every segment is in quotation marks (the marks inside it or right outside);
    mixed: a mark somewhere in the content; indirect: none."""
    if not any(_MARK.search(text, max(0, a - 2), min(len(text), b + 2)) for a, b in segments):
        return "indirect"
    for a, b in segments:
        while a < b and text[a] in _EDGE:
            a += 1
        while b > a and text[b - 1] in _EDGE:
            b -= 1
        head = text[max(0, a - 2):a + 2]
        tail = text[max(0, b - 2):b + 2]
        if not (_OPENING.search(head) and _CLOSING.search(tail)):
            return "mixed"
    return "direct"


_PRONOUNS = frozenset("he she they i we it you him her them me us who which that".split())
_DETERMINERS = frozenset("""the a an his her their its our my your this that these those one
another some many several both all each""".split())


def _form(surface: str) -> str:
    """pronoun ("he"), nominal ("the Republican lawmaker", "officials") or name."""
    words = surface.split()
    if not words or surface.strip().lower() in _PRONOUNS:
        return "pronoun"
    if words[0].lower() in _DETERMINERS or words[0][:1].islower():
        return "nominal"
    return "name"


def read_attribution_pair(txt: Path, ann: Path) -> dict:
    """The record of one NAME.txt with its .ann file."""
    return attribution_record(read_text_file(txt), read_utf8(ann), ann, txt.stem)


def gold_files(folder: Path) -> list[tuple[Path, Path]]:
    """(text, annotation) pairs under `folder`, one annotation file per text (see above)."""
    exact: dict[str, Path] = {}
    suffixed: dict[str, Path] = {}
    for ann in sorted(folder.rglob("*.ann"), key=lambda p: p.name):
        exact.setdefault(ann.stem, ann)
        suffixed.setdefault(ann.stem.rpartition("_")[0], ann)
    pairs = []
    for txt in sorted(folder.rglob("*.txt"), key=lambda p: p.name):
        found = exact.get(txt.stem) or suffixed.get(txt.stem)
        if found is not None:
            pairs.append((txt, found))
    return pairs


def read_attribution_gold(path: Path) -> list[dict]:
    """Records from a folder of .txt/.ann pairs, or from one .ann or .txt of a pair."""
    if not path.exists():
        raise InputError("does not exist", path)
    if path.is_dir():
        pairs = gold_files(path)
        if not pairs:
            raise InputError("holds no NAME.txt with a NAME.ann (or NAME_*.ann)", path)
        return [read_attribution_pair(t, a) for t, a in pairs]
    if path.suffix == ".ann":
        txt = path.with_suffix(".txt")
        if not txt.exists():  # NAME_<annotator>.ann beside NAME.txt
            txt = path.with_name(path.stem.rpartition("_")[0] + ".txt")
        return [read_attribution_pair(txt, path)]
    pairs = [p for p in gold_files(path.parent) if p[0] == path]
    if not pairs:
        raise InputError("has no .ann file beside it", path)
    return [read_attribution_pair(*pairs[0])]
