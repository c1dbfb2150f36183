"""The decision rule: an accepted annotation never points at one that is not accepted.

The dataset is what the annotator accepted, so every link an accepted annotation holds
(a mention's entity; a quote's speaker, speaker mention, addressee and enclosing quote)
must lead to something that is accepted too, or the exported file holds links to nothing.

`keep_decisions` closes any change set under the rule, in the same change set (one undo
step), in one of two ways and never otherwise:

- **Accepting pulls in what it uses.** When a change leaves an annotation accepted and it
  points at a suggestion still undecided, that suggestion is accepted as well: accepting a
  quote accepts its speaker mention, speaker, addressee and enclosing quote; choosing a
  suggested mention as speaker accepts it.
- **Rejecting or deleting unlinks visibly.** When a change rejects, un-accepts or deletes
  something an accepted annotation points at (or an accepted annotation points at a rejected
  one), the link is cleared: the quote keeps no speaker mention, the mention no entity.
  The change set's description says what was unlinked.

Every edit in `edits.py` returns its change set through this function, so the window, the
CLI and the library obey the same rule; imports bring records into line with it too.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from ruth_annotator.model.annotations import (
    ACCEPTED,
    PROPOSED,
    REJECTED,
    Annotation,
    Quote,
)
from ruth_annotator.model.changes import Change, ChangeSet
from ruth_annotator.model.layer import Layer
from ruth_annotator.model.wording import plural

#: The fields that link an annotation to another, by kind, with the kind they point at.
LINKS: dict[str, tuple[tuple[str, str], ...]] = {
    "entity": (),
    "mention": (("entity", "entity"),),
    "quote": (("speaker", "entity"), ("speaker_mention", "mention"),
              ("addressee", "entity"), ("parent", "quote")),
}

#: How a cleared link reads in a change set's description.
_LINK_WORDS = {"entity": "entity", "speaker": "speaker", "speaker_mention": "speaker mention",
               "addressee": "addressee", "parent": "enclosing quote"}


def with_status(item: Annotation, status: str) -> Annotation:
    """`replace(item, status=status)` without re-running the checks of a value already
    checked: accepting 50,000 suggestions at once makes 50,000 of these."""
    cls = type(item)
    new = cls.__new__(cls)
    for name in cls.__slots__:
        _set(new, name, getattr(item, name))
    _set(new, "status", status)
    return new


_set = object.__setattr__
_REST: dict[type, Callable] = {}


def only_status_differs(before: Annotation, after: Annotation) -> bool:
    """Whether `after` is `before` with another status (a decision), compared in C: the
    store writes such changes as their status column alone."""
    cls = type(before)
    if type(after) is not cls or before.status == after.status:
        return False
    rest = _REST.get(cls)
    if rest is None:
        rest = _REST[cls] = operator.attrgetter(*(n for n in cls.__slots__ if n != "status"))
    return rest(before) == rest(after)


def links(item: Annotation) -> Iterator[tuple[str, str]]:
    """(field, id) of every link the item holds."""
    for name, _ in LINKS[item.kind]:
        value = getattr(item, name)
        if value:
            yield name, value


def broken_links(layer: Layer) -> list[tuple[Annotation, str, Annotation | None]]:
    """(accepted item, field, target) for each link the rule forbids: the target is missing
    (None) or not accepted. An empty list means the layer keeps the rule."""
    out = []
    for item in layer:
        if item.status != ACCEPTED:
            continue
        for name, target_id in links(item):
            target = layer.get(target_id)
            if target is None or target.status != ACCEPTED:
                out.append((item, name, target))
    return out


class _State:
    """The layer as a change set leaves it, without copying the layer."""

    def __init__(self, layer: Layer, changes: ChangeSet) -> None:
        self.layer = layer
        self.after: dict[str, Annotation | None] = {}
        self.before: dict[str, Annotation | None] = {}
        for change in changes.changes:
            self.before.setdefault(change.id, change.before)
            self.after[change.id] = change.after
        self._users: dict[str, list[str]] | None = None

    def get(self, item_id: str) -> Annotation | None:
        if item_id in self.after:
            return self.after[item_id]
        return self.layer.get(item_id)

    def set(self, item: Annotation) -> None:
        if item.id not in self.before:
            self.before[item.id] = self.layer.get(item.id)
        self.after[item.id] = item

    def users(self, target_id: str) -> list[str]:
        """Ids of items (as the layer stood) linking to `target_id`; built once, on demand."""
        if self._users is None:
            self._users = {}
            for item in self.layer:
                for _, value in links(item):
                    self._users.setdefault(value, []).append(item.id)
            for item in self.after.values():
                if item is not None:
                    for _, value in links(item):
                        self._users.setdefault(value, []).append(item.id)
        return self._users.get(target_id, [])

    def changed(self) -> list[Change]:
        return [Change(self.before[i], a) for i, a in self.after.items()
                if self.before[i] is not a and self.before[i] != a]


def keep_decisions(layer: Layer, changes: ChangeSet, *, keep_unknown: bool = False
                   ) -> ChangeSet:
    """`changes` plus what the rule needs, as one change set (each id changed once).

    A link to nothing is cleared, unless `keep_unknown` (an import: the target may be
    stored in the project already)."""
    if not changes or changes.closed:
        return changes
    state = _State(layer, changes)
    pending = list(state.after)
    accepted: list[Annotation] = []
    unlinked: list[str] = []
    while pending:
        item_id = pending.pop()
        item = state.get(item_id)
        if item is not None and item.status == ACCEPTED:
            for name, target_id in list(links(item)):
                target = state.get(target_id)
                if target is None and keep_unknown:
                    continue
                if target is None or target.status == REJECTED:
                    item = _unlink(state, item, name, unlinked)
                elif target.status == PROPOSED:
                    target = with_status(target, ACCEPTED)
                    state.set(target)
                    accepted.append(target)
                    pending.append(target.id)
            continue
        was = state.before[item_id]
        if was is not None and (item is None or item.status != was.status):
            # Deleted, or decided against: accepted items pointing at it let go.
            for user_id in state.users(item_id):
                user = state.get(user_id)
                if user is not None and user.status == ACCEPTED:
                    for name, target_id in list(links(user)):
                        if target_id == item_id:
                            user = _unlink(state, user, name, unlinked)
    closed = not keep_unknown
    if not accepted and not unlinked and len(state.after) == len(changes.changes):
        # the rule holds already (accepting all, most edits)
        return ChangeSet(changes.description, changes.changes, closed)
    return ChangeSet(_describe(changes.description, accepted, unlinked),
                     tuple(state.changed()), closed)


def _unlink(state: _State, item: Annotation, name: str, unlinked: list[str]) -> Annotation:
    """Clear one link of an accepted item; a quote without its speaker keeps no speaker
    mention either (the mention named that speaker)."""
    cleared = {name: None}
    if isinstance(item, Quote) and name == "speaker":
        cleared["speaker_mention"] = None
    if isinstance(item, Quote) and name == "parent":
        cleared["parent"] = _accepted_ancestor(state, item.parent)
    new = replace(item, **cleared)
    if new != item:
        state.set(new)
        unlinked.append(f"{item.kind} {_LINK_WORDS[name]}")
    return new


def _accepted_ancestor(state: _State, parent: str | None) -> str | None:
    """The nearest enclosing quote that is still accepted (nesting survives a rejection)."""
    seen: set[str] = set()
    while parent and parent not in seen:
        seen.add(parent)
        current = state.get(parent)
        if isinstance(current, Quote) and current.status == ACCEPTED:
            return parent
        quote = current or state.before.get(parent)  # a deleted quote: as it was
        parent = quote.parent if isinstance(quote, Quote) else None
    return None


def _describe(description: str, accepted: list[Annotation], unlinked: list[str]) -> str:
    """The description, with what the rule added in words (shown in Undo and the CLI)."""
    extra = []
    if accepted:
        extra.append(f"{plural(len(accepted), 'linked suggestion')} accepted with it")
    if unlinked:
        counts: dict[str, int] = {}
        for what in unlinked:
            counts[what] = counts.get(what, 0) + 1
        extra.append("unlinked: " + ", ".join(
            f"{plural(n, what)}" for what, n in counts.items()))
    if not extra:
        return description
    return f"{description} ({'; '.join(extra)})" if description else "; ".join(extra)


def dataset_view(layer: Layer, include_suggestions: bool = False) -> Layer:
    """The layer as an export writes it: accepted items (and undecided ones, with
    suggestions), each link to an item left out cleared, so every link in the file resolves.
    Under the rule only links of undecided items can lead to a rejected one."""
    kept = layer.visible() if include_suggestions else layer.accepted()
    out = []
    for item in kept:
        cleared = {name: None for name, target in links(item) if kept.get(target) is None}
        if cleared.get("parent", 1) is None:  # nested in a quote left out: in its parent
            cleared["parent"] = _kept_ancestor(layer, kept, item.parent)
        out.append(replace(item, **cleared) if cleared else item)
    return Layer.of(layer.document_id, layer.annotator, out, layer.status)


def _kept_ancestor(layer: Layer, kept: Layer, parent: str | None) -> str | None:
    seen: set[str] = set()
    while parent and parent not in seen and kept.get(parent) is None:
        seen.add(parent)
        quote = layer.quotes.get(parent)
        parent = quote.parent if quote is not None else None
    return parent if parent and kept.get(parent) is not None else None


def bring_into_line(layer: Layer, items: Iterable[Annotation]
                    ) -> tuple[list[Annotation], int]:
    """Imported items joining `layer`, closed under the rule: (the items to write — the
    imported ones and any stored ones the rule changes —, how many suggestions were
    accepted because an accepted annotation uses them). A link to an item neither
    imported nor stored is left as it is (`check` reports it)."""
    items = list(items)
    changes = keep_decisions(layer, ChangeSet.added("", *items), keep_unknown=True)
    was = {i.id: i.status for i in items}
    out = [c.after for c in changes.changes if c.after is not None]
    accepted = sum(1 for c in changes.changes if c.after is not None
                   and c.after.status == ACCEPTED
                   and was.get(c.id, c.before.status if c.before else ACCEPTED) != ACCEPTED)
    return out, accepted
