"""Annotated documents for format tests, built through the model's own edit functions, and
the views that say what a format must keep."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from ruth_annotator.formats import registry
from ruth_annotator.formats.registry import ExportOptions, ExportReport
from ruth_annotator.formats.tokens import Tokens
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import Span
from ruth_annotator.model.document import Document, text_hash
from ruth_annotator.model.layer import Layer
from ruth_annotator.model.records import layer_to_record

# Words with what breaks offset arithmetic: astral emoji (2 UTF-16 units), emoji sequences,
# combining marks, right-to-left scripts, quotation marks.
WORDS = ["Kate", "Winslet", "she", "said", "told", "Mia", "the", "actor", "👍", "👨\u200d🚒",
         "🇬🇧", "cafe\u0301", "Zoë", "שלום", "مرحبا", "ﷺ", "«", "»", "“", "”", ",", ".",
         "e\u0301te\u0301", "naïve", "𝔘𝔫𝔦", "Ω", "ǅ"]
SEPARATORS = [" ", " ", " ", "\r\n", "\n", "\n\n", "  ", "\t", "\u00a0"]


class Builder:
    """A document and one annotator's layer, grown with model.edits."""

    def __init__(self, text: str, uid: str = "doc-1", annotator: str = "ann") -> None:
        self.text = text
        self.doc = Document(1, uid, "Title", text, text_hash(text), {"source": "test"})
        self.layer = Layer(1, annotator, status="in_progress")

    def __repr__(self) -> str:
        return f"Builder({self.text!r}) -> {self.record()!r}"

    def mention(self, span: tuple[int, int], label: str = "PERSON", entity: str | None = None,
                **kw):
        cs = edits.add_mention(self.layer, self.text, Span(*span), label, entity=entity, **kw)
        self.layer.apply(cs)
        return next(c.after for c in cs.changes if c.after and c.after.kind == "mention")

    def quote(self, spans: list[tuple[int, int]], quote_type: str = "direct", speaker=None,
              cue: tuple[int, int] | None = None, addressee=None, **kw):
        cs = edits.add_quote(self.layer, [Span(*s) for s in spans], quote_type,
                             speaker=speaker.entity if speaker else None,
                             speaker_mention=speaker.id if speaker else None,
                             cue=Span(*cue) if cue else None, **kw)
        self.layer.apply(cs)
        quote = next(c.after for c in cs.changes if c.after and c.after.kind == "quote"
                     and c.before is None)
        if addressee is not None:
            self.layer.apply(edits.set_addressee(self.layer, quote.id, addressee.entity))
        return quote

    def record(self) -> dict:
        return layer_to_record(self.doc, self.layer)

    def find(self, word: str, nth: int = 0) -> tuple[int, int]:
        i = -1
        for _ in range(nth + 1):
            i = self.text.index(word, i + 1)
        return i, i + len(word)


def sample_record(sample_text: str) -> dict:
    """The sample article with a quote, its speaker, cue and addressee, and mentions."""
    b = Builder(sample_text, uid="i_am_ruth")
    kate = b.mention(b.find("Kate Winslet"))
    b.mention(b.find("Mia Threapleton"))
    at = sample_text.index("Winslet, 47")
    winslet = b.mention((at, at + len("Winslet")), entity=kate.entity)
    lorraine = b.mention(b.find("Lorraine Kelly"))
    b.mention(b.find("ITV"), "ORG")
    start = sample_text.index("It was really amazing")
    end = sample_text.index("very, very powerful.") + len("very, very powerful.")
    b.quote([(start, end)], speaker=winslet, cue=b.find("told"), addressee=lorraine)
    return b.record()


def write(fmt_name: str, records: list[dict], path: Path,
          options: ExportOptions | None = None) -> ExportReport:
    report = ExportReport()
    registry.get(fmt_name).writer(iter(records), path, options or ExportOptions(), report)
    return report


def read(fmt_name: str, path: Path) -> list:
    return list(registry.get(fmt_name).reader(path))


def view(text: str, items, features: set[str]) -> dict:
    """What a format promises to keep, independent of ids: spans, labels, groups, links."""
    mentions = {i.id: i for i in items if i.kind == "mention"}
    quotes = {i.id: i for i in items if i.kind == "quote"}
    span_of = {m.id: (m.start, m.end) for m in mentions.values()}
    group = {}
    for m in mentions.values():
        group.setdefault(m.entity, set()).add((m.start, m.end))
    out: dict = {"mentions": sorted(
        (m.start, m.end, m.label)
        + ((m.form,) if "forms" in features else ())
        + ((m.status,) if "status" in features else ())
        for m in mentions.values())}
    if "entities" in features:
        out["entities"] = sorted(sorted(g) for g in group.values())
    if "quotes" in features:
        def entity_group(eid):
            return sorted(group.get(eid, ()))
        out["quotes"] = sorted(
            (tuple((s.start, s.end) for s in q.spans), q.type,
             span_of.get(q.speaker_mention), entity_group(q.speaker),
             (q.cue.start, q.cue.end) if q.cue else None, entity_group(q.addressee),
             quotes[q.parent].spans if q.parent else None)
            + ((q.status,) if "status" in features else ())
            for q in quotes.values())
    return out


def record_items(record: dict):
    from ruth_annotator.model.records import record_to_items

    return record_to_items(record).items


@st.composite
def annotated(draw, max_words: int = 24, nested: bool = True) -> Builder:
    """A random text of tricky words with mentions, entities and quotes on token bounds."""
    n = draw(st.integers(3, max_words))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=n, max_size=n))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=n, max_size=n))
    lead = draw(st.sampled_from(["", "", "\r\n", " "]))
    text = lead + "".join(w + s for w, s in zip(words, seps, strict=True))
    b = Builder(text)
    tokens = Tokens.of(text).spans
    free = list(range(len(tokens)))
    made = []
    for _ in range(draw(st.integers(0, 4))):
        if not free:
            break
        i = draw(st.sampled_from(free))
        j = min(i + draw(st.integers(0, 2)), len(tokens) - 1)
        if any(k not in free for k in range(i, j + 1)):
            continue
        for k in range(i, j + 1):
            free.remove(k)
        entity = made[draw(st.integers(0, len(made) - 1))].entity \
            if made and draw(st.booleans()) else None
        label = draw(st.sampled_from(["PERSON", "ORG", "GPE"]))
        made.append(b.mention((tokens[i][0], tokens[j][1]), label, entity=entity))
    quote_ranges = []
    if draw(st.booleans()) and len(tokens) >= 3:
        i = draw(st.integers(0, len(tokens) - 3))
        j = draw(st.integers(i + 2, len(tokens) - 1))
        quote_ranges.append((i, j))
        if nested and j - i >= 4 and draw(st.booleans()):
            quote_ranges.append((i + 1, j - 1))
    for n_quote, (i, j) in enumerate(quote_ranges):
        split = draw(st.booleans()) and j - i >= 2 and n_quote == 0
        spans = ([(tokens[i][0], tokens[i][1]), (tokens[i + 2][0], tokens[j][1])] if split
                 else [(tokens[i][0], tokens[j][1])])
        speaker = draw(st.sampled_from(made)) if made and draw(st.booleans()) else None
        addressee = draw(st.sampled_from(made)) if made and draw(st.booleans()) else None
        cue = None
        if free and draw(st.booleans()):
            k = draw(st.sampled_from(free))
            free.remove(k)  # one cue a quote, as in real articles
            cue = tokens[k]
        b.quote(spans, draw(st.sampled_from(["direct", "indirect", "mixed"])),
                speaker=speaker, cue=cue, addressee=addressee)
    return b
