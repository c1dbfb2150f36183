"""A type-ahead chooser that pops up at the quote (speaker, addressee, cue).

Tab / Shift+Tab (or the arrow keys) cycle the candidates, typing filters entities by name
(or, in a chooser without entities such as the cue verbs, the candidates), Enter confirms,
Escape cancels; for a speaker, clicking a mention in the text picks it too. It floats over
the article just below (or above) the quote, never moving the text, and it is not a modal
dialog, so the text stays visible and clickable while choosing. Entities marked
`only_typed` (places, dates, works) are listed only once something is typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.model.annotations import Span

MAX_SHOWN = 200
WIDTH = 560
PEOPLE_PROMPT = "Type a name; Tab cycles nearby people"
PEOPLE_HINT = "Enter: choose · Esc: cancel · or click a mention"


@dataclass(frozen=True)
class Candidate:
    text: str
    mention: str | None = None
    entity: str | None = None
    span: Span | None = None
    new_name: str | None = None  # "create an entity with this name"
    only_typed: bool = False  # listed only when the typed text matches it


class Picker(QFrame):
    highlighted = Signal(object)  # Candidate or None
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("picker")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setAutoFillBackground(True)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit(placeholderText=PEOPLE_PROMPT)
        self.edit.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMaximumHeight(150)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.edit, 1)
        self.hint = QLabel(PEOPLE_HINT)
        self.hint.setEnabled(False)
        top.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.list)
        self._nearby: list[Candidate] = []
        self._entities: list[Candidate] = []
        self._shown: list[Candidate] = []
        self._on_pick: Callable[[Candidate], None] | None = None
        self._allow_new = False
        self.picks_mentions = True  # a click on a mention in the text chooses it
        self.edit.textChanged.connect(self._filter)
        self.edit.installEventFilter(self)
        self.list.currentRowChanged.connect(self._row_changed)
        self.list.itemClicked.connect(lambda _item: self.confirm())
        self.hide()

    def start(self, title: str, nearby: list[Candidate], entities: list[Candidate],
              on_pick: Callable[[Candidate], None], allow_new: bool = True,
              prompt: str = PEOPLE_PROMPT, hint: str = PEOPLE_HINT,
              picks_mentions: bool = True, anchor: QRect | None = None) -> None:
        """Offer candidates; `anchor` is the quote's rectangle in the parent's
        coordinates, which the chooser sits below (or above, if there is no room)."""
        self.title.setText(title)
        self.edit.setPlaceholderText(prompt)
        self.hint.setText(hint)
        self.picks_mentions = picks_mentions
        self._nearby, self._entities = nearby, entities
        self._on_pick = on_pick
        self._allow_new = allow_new
        self.edit.blockSignals(True)
        self.edit.clear()
        self.edit.blockSignals(False)
        self._filter("")
        self.place(anchor)
        self.show()
        self.raise_()
        self.edit.setFocus()

    def place(self, anchor: QRect | None) -> None:
        parent: QWidget | None = self.parentWidget()
        if parent is None:
            return
        width = min(WIDTH, parent.width() - 16)
        self.setFixedWidth(max(200, width))
        self.adjustSize()
        if anchor is None:
            anchor = QRect(parent.width() // 2, 0, 0, 0)
        x = max(8, min(anchor.left(), parent.width() - self.width() - 8))
        y = anchor.bottom() + 6
        if y + self.height() > parent.height() - 4:  # no room below: above the quote
            y = max(4, anchor.top() - self.height() - 6)
        self.move(QPoint(x, y))

    def _filter(self, typed: str) -> None:
        typed = typed.strip().lower()
        if not typed:
            near = {n.entity for n in self._nearby}  # once, not once per entity
            shown = self._nearby + [c for c in self._entities
                                    if not c.only_typed and c.entity not in near]
        else:
            hits = [c for c in self._entities or self._nearby if typed in c.text.lower()]
            hits.sort(key=lambda c: (not c.text.lower().startswith(typed), c.text.lower()))
            shown = hits
            if self._allow_new and not any(c.text.lower() == typed for c in hits):
                name = self.edit.text().strip()
                shown = shown + [Candidate(f"New person “{name}”", new_name=name)]
        self._shown = shown[:MAX_SHOWN]
        self.list.clear()
        self.list.addItems([c.text for c in self._shown])
        self.list.setCurrentRow(0 if self._shown else -1)

    def _row_changed(self, row: int) -> None:
        self.highlighted.emit(self._shown[row] if 0 <= row < len(self._shown) else None)

    @property
    def current(self) -> Candidate | None:
        row = self.list.currentRow()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def cycle(self, step: int) -> None:
        if self._shown:
            self.list.setCurrentRow((self.list.currentRow() + step) % len(self._shown))

    def confirm(self, candidate: Candidate | None = None) -> None:
        candidate = candidate or self.current
        on_pick = self._on_pick
        self.cancel()
        if candidate is not None and on_pick is not None:
            on_pick(candidate)

    def cancel(self) -> None:
        self._on_pick = None
        self.hide()
        self.highlighted.emit(None)
        self.closed.emit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if obj is self.edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Down):
                self.cycle(1)
                return True
            if key in (Qt.Key.Key_Backtab, Qt.Key.Key_Up):
                self.cycle(-1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.confirm()
                return True
            if key == Qt.Key.Key_Escape:
                self.cancel()
                return True
        return super().eventFilter(obj, event)
