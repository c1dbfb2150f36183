"""Suggestions for the open document: on their own for a document nobody has touched, and on
request (Annotate ▸ Suggest again) for any.

A document opens with an empty layer (no annotation in any status, so rejected suggestions
never return): the engine proposes entities, mentions and quotes. They arrive as ONE undo
step ("Add N suggestions"), so one Ctrl+Z removes them all. Long texts, and the spaCy
engine, are analysed in a worker thread while the annotator goes on working; the status bar
says so, with Cancel. When the analysis ends, its findings meet the layer as it is THEN:
what the annotator did meanwhile wins (nothing overlapping it is proposed) and the rest is
added. Suggest again does the same on a layer that already holds work; what was rejected
stays rejected. Settings: "suggestions_enabled" (default on), "suggestion_engine" ("rules"
or "spacy"), "spacy_model".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ruth_annotator import config
from ruth_annotator.app.session import Session
from ruth_annotator.errors import RuthError
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.layer import Layer
from ruth_annotator.tasks import NO_TASK, Task

if TYPE_CHECKING:
    from ruth_annotator.gui.workers import TaskRun
    from ruth_annotator.suggest.engine import Analysis

BACKGROUND_CHARS = 100_000  # longer texts are analysed off the UI thread
RUNNING = "Suggesting annotations…"


def engine_settings() -> tuple[bool, str | None]:
    """Whether to suggest at all, and the spaCy model to use (None: the rules alone)."""
    settings = config.load_settings()
    enabled = settings.get("suggestions_enabled", True) is not False
    model = None
    if settings.get("suggestion_engine") == "spacy":
        model = str(settings.get("spacy_model") or "en_core_web_sm")
    return enabled, model


class Suggestions(QObject):
    """The engine's runs for the open document of `session` (see the module docstring)."""

    started = Signal(str)  # a line for the status bar
    ended = Signal()

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task: TaskRun | None = None  # the run in a worker thread, if one is on
        self._request = 0  # which request a finishing run answers; older ones are dropped

    @property
    def running(self) -> bool:
        return self.task is not None

    def offer(self) -> None:
        """Suggest for the open document if its layer is empty and suggestions are on."""
        layer = self.session.layer
        if layer is None or len(layer) or self.session.read_only:
            return
        enabled, spacy_model = engine_settings()
        if enabled:
            self._start(spacy_model, again=False)

    def run_again(self) -> None:
        """Annotate ▸ Suggest again: run the engine on the open document, whatever it holds."""
        if self.session.layer is None:
            return
        if self.session.read_only:
            self.session.listener.notice("This project is open read-only: nothing can be "
                                         "changed.")
            return
        self.cancel()
        self._start(engine_settings()[1], again=True)

    def cancel(self, say: str = "") -> None:
        """Stop a run: the engine stops at its next step and nothing it found is added
        (Suggest again runs it anew)."""
        self._request += 1
        if self.task is not None:
            self.task.cancel()
            self.task = None
            self.ended.emit()
            if say:
                self.session.listener.notice(say)

    def _start(self, spacy_model: str | None, again: bool) -> None:
        try:
            from ruth_annotator.app.suggesting import learned_lexicon
            from ruth_annotator.suggest.engine import analyse_document
        except ImportError:
            return
        try:
            lexicon = learned_lexicon(self.session.project)
        except Exception:  # a lexicon is a help, never a reason to fail opening a document
            lexicon = None
        session = self.session
        text, layer = session.text, session.layer
        assert layer is not None and session.document is not None
        snapshot = Layer.of(layer.document_id, layer.annotator, list(layer), layer.status)
        self._request += 1
        request, document_id = self._request, session.document.id

        def work(task: Task = NO_TASK) -> Analysis:
            return analyse_document(text, snapshot, lexicon, spacy_model, task)

        def done(analysis: Analysis) -> None:
            if request != self._request:
                return  # cancelled, or another document or run came since
            self._ended()
            self._merge(analysis, document_id, snapshot, again)

        def failed(error: BaseException) -> None:
            if request != self._request:
                return
            self._ended()
            detail = str(error) if isinstance(error, RuthError) else \
                f"{type(error).__name__}: {error}"
            session.listener.notice(f"No suggestions: {detail}")

        if len(text) < BACKGROUND_CHARS and spacy_model is None:
            try:
                analysis = work()
            except Exception as e:  # the engine failing must not stop the document opening
                failed(e)
            else:
                done(analysis)
            return
        from ruth_annotator.gui.workers import run_task

        self.task = run_task(None, RUNNING, work, done, failed, show_progress=False)
        self.started.emit(RUNNING)

    def _ended(self) -> None:
        if self.task is not None:
            self.task = None
            self.ended.emit()

    def _merge(self, analysis: Analysis, document_id: int, snapshot: Layer,
               again: bool) -> None:
        """The findings, against the layer as it is now: the annotator's work wins."""
        from ruth_annotator.suggest.engine import proposals_for

        session = self.session
        layer = session.layer
        if layer is None or session.document is None or session.document.id != document_id:
            return
        changes = proposals_for(analysis, layer)
        meanwhile = list(layer) != list(snapshot)
        if changes:
            session.apply(ChangeSet(f"Add {len(changes.changes)} suggestions",
                                    changes.changes))
        if again and not changes:
            session.listener.notice("Suggest again: nothing new to suggest here.")
        elif changes and meanwhile and not again:
            session.listener.notice(f"{len(changes.changes)} suggestions added around what "
                                    "you annotated meanwhile.")


class SuggestionStatus(QWidget):
    """"Suggesting annotations… Cancel" in the status bar while a run is on."""

    def __init__(self, suggestions: Suggestions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestion-status")
        self.label = QLabel(RUNNING)
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop suggesting for this document (Annotate ▸ Suggest "
                                      "again runs it later)")
        self.cancel_button.clicked.connect(lambda: suggestions.cancel(
            "Suggestions cancelled; Annotate ▸ Suggest again runs them."))
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.label)
        box.addWidget(self.cancel_button)
        suggestions.started.connect(self._started)
        suggestions.ended.connect(self.hide)
        self.setVisible(suggestions.running)

    def _started(self, text: str) -> None:
        self.label.setText(text)
        self.show()


def suggest_again(window) -> None:
    """Annotate ▸ Suggest again (a menu handler)."""
    window.session.suggestions.run_again()
