"""A change set: the rows one user action adds, alters or removes.

Every edit in the app is computed as a ChangeSet by a pure function, applied to the
in-memory layer and written to the store in one transaction. Undo applies the inverse,
so undo needs no snapshots and reaches every kind of action.
"""

from __future__ import annotations

from dataclasses import dataclass

from ruth_annotator.model.annotations import Annotation


@dataclass(frozen=True, slots=True)
class Change:
    """One annotation before and after; None on one side means added or removed."""

    before: Annotation | None
    after: Annotation | None

    def __post_init__(self) -> None:
        if self.before is None and self.after is None:
            raise ValueError("a change needs a before or an after")
        if (
            self.before is not None
            and self.after is not None
            and (type(self.before) is not type(self.after) or self.before.id != self.after.id)
        ):
            raise ValueError("a change keeps the kind and id of what it changes")

    @property
    def id(self) -> str:
        return (self.after or self.before).id  # type: ignore[union-attr]

    @property
    def kind(self) -> str:
        return (self.after or self.before).kind  # type: ignore[union-attr]

    def inverse(self) -> Change:
        return Change.checked_already(self.after, self.before)

    @staticmethod
    def checked_already(before: Annotation | None, after: Annotation | None) -> Change:
        """A change whose two sides are known to fit (an inverse; a status decided on one
        value): made without the checks, 50,000 at a time for Accept all and its undo."""
        change = object.__new__(Change)
        object.__setattr__(change, "before", before)
        object.__setattr__(change, "after", after)
        return change


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """What one user action changes, with a description for the undo menu."""

    description: str
    changes: tuple[Change, ...] = ()

    def inverse(self) -> ChangeSet:
        return ChangeSet(self.description, tuple(c.inverse() for c in reversed(self.changes)))

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __add__(self, other: ChangeSet) -> ChangeSet:
        return ChangeSet(self.description, self.changes + other.changes)

    @staticmethod
    def added(description: str, *items: Annotation) -> ChangeSet:
        return ChangeSet(description, tuple(Change(None, item) for item in items))

    @staticmethod
    def removed(description: str, *items: Annotation) -> ChangeSet:
        return ChangeSet(description, tuple(Change(item, None) for item in items))

    @staticmethod
    def replaced(description: str, pairs: list[tuple[Annotation, Annotation]]) -> ChangeSet:
        return ChangeSet(description, tuple(Change(b, a) for b, a in pairs if b != a))

    def added_items(self) -> list[Annotation]:
        return [c.after for c in self.changes if c.before is None and c.after is not None]
