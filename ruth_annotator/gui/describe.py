"""Words for annotations: the hover card, the status line and panel cells (no widgets)."""

from __future__ import annotations

from html import escape

from ruth_annotator.model.annotations import PROPOSED, SUGGESTED, Annotation, Mention, Quote
from ruth_annotator.model.layer import Layer
from ruth_annotator.model.wording import plural


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plain_tip(text: str) -> str:
    """Text from a document (a quote, a title, a name) for a tooltip, shown as the very
    characters it holds: Qt reads a tooltip as rich text when it merely looks like markup,
    so an article starting `<img src=…>` would be rendered. Escaped, with its line breaks."""
    return f"<p style='white-space:pre-wrap'>{escape(text, quote=False)}</p>"


def entity_name(layer: Layer, entity_id: str | None) -> str:
    entity = layer.entities.get(entity_id or "")
    return entity.name if entity else ""


def origin(item: Annotation) -> str:
    """"suggested, undecided" / "suggested, accepted" / "by a person"."""
    if item.source == SUGGESTED:
        return "suggested, undecided" if item.status == PROPOSED else f"suggested, {item.status}"
    return "by a person"


def line(layer: Layer, text: str, item: Annotation | None) -> str:
    """One line for the status bar."""
    if isinstance(item, Mention):
        name = entity_name(layer, item.entity)
        return (f"{item.label} mention “{short(text[item.start:item.end], 40)}” → {name}"
                f" · {item.form} · {origin(item)}")
    if isinstance(item, Quote):
        who = entity_name(layer, item.speaker) or "no speaker yet"
        cue = f" · cue “{text[item.cue.start:item.cue.end]}”" if item.cue else ""
        segments = plural(len(item.spans), "segment")
        return f"{item.type.capitalize()} quote by {who}{cue} · {segments} · {origin(item)}"
    return ""


def card(layer: Layer, text: str, position: int) -> str:
    """The hover card for a position: every mention and quote there, innermost first."""
    rows: list[str] = []
    for m in sorted(layer.mentions_at(position), key=lambda m: m.end - m.start):
        if m.status == "rejected":
            continue
        rows.append(
            f"<b>{escape(m.label)}</b> mention · {escape(m.form)}<br>"
            f"Entity: {escape(entity_name(layer, m.entity) or '—')}<br>"
            f"<span style='color:gray'>{escape(origin(m))} · {escape(layer.annotator)}</span>"
        )
    for q in layer.quotes_at(position):
        if q.status == "rejected":
            continue
        cue = escape(text[q.cue.start:q.cue.end]) if q.cue else "—"
        parent = " · nested" if q.parent else ""
        rows.append(
            f"<b>{escape(q.type.capitalize())} quote</b>{parent}<br>"
            f"Speaker: {escape(entity_name(layer, q.speaker) or '—')} · cue: {cue}<br>"
            f"<span style='color:gray'>{escape(origin(q))} · {escape(layer.annotator)}</span>"
        )
    return "<hr>".join(rows)
