"""Links an export may write: only those whose both ends are in the same file.

A record holds what the export writes (accepted items, and suggestions when asked for), but an
accepted quote may still point at a speaker mention, an addressee or a parent that is only
suggested or was rejected. Written as it is, the file would hold a link to nothing, or a
format would have to link something else in its place. Every writer therefore starts from
`resolved`: each link to an item outside the record is cut, and the cut is reported.
"""

from __future__ import annotations

from collections.abc import Callable

from ruth_annotator.model.decisions import LINKS

Report = Callable[[dict, str], None]


def resolved(record: dict, report: Report) -> dict:
    """`record` with every link to an item it does not hold removed, each removal reported."""
    entities = {e["id"] for e in record["entities"]}
    mentions = {m["id"]: m for m in record["mentions"]}
    quotes = {q["id"] for q in record["quotes"]}
    changed = False
    new_mentions = []
    for m in record["mentions"]:
        if m["entity"] and m["entity"] not in entities:
            report(m, "its entity is not in this export (not accepted); written without it")
            m = {**m, "entity": None}
            changed = True
        new_mentions.append(m)
    new_quotes = []
    for q in record["quotes"]:
        cut: dict = {}
        if q["speaker_mention"] and q["speaker_mention"] not in mentions:
            report(q, "its speaker mention is not in this export (not accepted); the speaker "
                      "link is left out")
            cut.update(speaker_mention=None, speaker=None)
        elif q["speaker"] and q["speaker"] not in entities:
            report(q, "its speaker entity is not in this export (not accepted); written "
                      "without it")
            cut["speaker"] = None
        if q["addressee"] and q["addressee"] not in entities:
            report(q, "its addressee is not in this export (not accepted); the addressee "
                      "link is left out")
            cut["addressee"] = None
        if q["parent"] and q["parent"] not in quotes:
            report(q, "the quote around it is not in this export (not accepted); written "
                      "without it")
            cut["parent"] = None
        if cut:
            q = {**q, **cut}
            changed = True
        new_quotes.append(q)
    if not changed:
        return record
    return {**record, "mentions": new_mentions, "quotes": new_quotes}


def dangling(record: dict) -> list[str]:
    """Every link in `record` whose other end is not in it (empty for a resolved record)."""
    ids = {kind: {a["id"] for a in record[f"{kind}s"]} for kind in ("mention", "quote")}
    ids["entity"] = {e["id"] for e in record["entities"]}
    return [f"{a['id']} {name} {a[name]}"
            for kind in ("mention", "quote") for a in record[f"{kind}s"]
            for name, target in LINKS[kind] if a[name] and a[name] not in ids[target]]
