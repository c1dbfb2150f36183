"""Suggestions for documents nobody has touched yet.

When a document opens with an empty layer (no annotation in any status, so rejected
suggestions never return), the suggestion engine proposes entities, mentions and quotes.
They arrive as ONE undo step ("Add N suggestions"): nobody has to undo them one by one, and
one Ctrl+Z removes them all. Long texts, and the spaCy engine, run in a worker thread; if
the user starts annotating before it ends, the result is dropped rather than mixed in.
Settings: "suggestions_enabled" (default on), "suggestion_engine" ("rules" or "spacy"),
"spacy_model".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ruth_annotator import config
from ruth_annotator.errors import RuthError
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.layer import Layer
from ruth_annotator.tasks import NO_TASK

if TYPE_CHECKING:
    from ruth_annotator.gui.session import Session

BACKGROUND_CHARS = 100_000  # longer texts are analysed off the UI thread


def engine_settings() -> tuple[bool, str | None]:
    """Whether to suggest at all, and the spaCy model to use (None: the rules alone)."""
    settings = config.load_settings()
    enabled = settings.get("suggestions_enabled", True) is not False
    model = None
    if settings.get("suggestion_engine") == "spacy":
        model = str(settings.get("spacy_model") or "en_core_web_sm")
    return enabled, model


def offer(session: Session) -> None:
    """Suggest for the open document if its layer is empty and suggestions are on."""
    layer, document = session.layer, session.document
    if layer is None or document is None or len(layer) or session.read_only:
        return
    if not getattr(session, "offers_suggestions", True):  # the gold layer of curation
        return
    enabled, spacy_model = engine_settings()
    if not enabled:
        return
    try:
        from ruth_annotator.app.suggesting import learned_lexicon
        from ruth_annotator.suggest import suggest_document
    except ImportError:
        return
    try:
        lexicon = learned_lexicon(session.project)
    except Exception:  # a lexicon is a help, never a reason to fail opening a document
        lexicon = None
    text = document.text
    snapshot = Layer.of(layer.document_id, layer.annotator, list(layer), layer.status)

    def work(task=NO_TASK) -> ChangeSet:
        return suggest_document(text, snapshot, lexicon, spacy_model)

    def done(changes: ChangeSet) -> None:
        still_empty = session.layer is not None and not len(session.layer)
        if session.document is None or session.document.id != document.id or not still_empty:
            if changes:
                session.notice.emit("Suggestions were skipped: you had started annotating.")
            return
        if changes:
            session.apply(ChangeSet(f"Add {len(changes.changes)} suggestions", changes.changes))

    def failed(error: BaseException) -> None:
        if isinstance(error, RuthError):
            session.notice.emit(f"No suggestions: {error}")
        else:
            session.notice.emit(f"No suggestions: {type(error).__name__}: {error}")

    if len(text) < BACKGROUND_CHARS and spacy_model is None:
        try:
            done(work())
        except Exception as e:  # the engine failing must not stop the document opening
            failed(e)
        return
    from ruth_annotator.gui.workers import run_task

    run_task(None, "Suggesting annotations", work, done, failed)
