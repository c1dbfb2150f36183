"""Figures of the article view (offscreen Qt): opening a document and scrolling it.

"Open" runs from the moment a document is chosen (project already open) until the article
view has painted its first frame with every highlight: loading text and layer from the
project, building the span index, laying out and highlighting the text. The raw limit is a
bare QPlainTextEdit of the same size and font given the same text, until its first frame.
"Paint" scrolls a page at a time through the dense middle of the document and times each
scroll plus the synchronous repaint it causes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from benchmarks.measure import Figure, median, ms, not_measured, paired, percentile, size_label
from benchmarks.workspace import ANNOTATOR, Workspace

WIDTH, HEIGHT = 1000, 800
PAGES = 40  # page scrolls timed per run


def _qt():
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class PaintWatch(QObject):
        """Counts paint events of one widget (the first frame is the first of them)."""

        def __init__(self, widget) -> None:
            super().__init__()
            self.count = 0
            widget.installEventFilter(self)

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    return QApplication.instance() or QApplication([]), PaintWatch


def _until_painted(app, watch) -> None:
    for _ in range(10_000):
        if watch.count:
            return
        app.processEvents()
    raise RuntimeError("the widget was never painted")


def _shown(widget, font=None):
    app, PaintWatch = _qt()
    if font is not None:
        widget.setFont(font)
    widget.resize(WIDTH, HEIGHT)
    widget.show()
    app.processEvents()
    watch = PaintWatch(widget.viewport())
    return app, watch


def _dispose(widget) -> None:
    app, _ = _qt()
    widget.close()
    widget.deleteLater()
    app.processEvents()


@dataclass
class _Opened:
    """An article view (with its session) or a bare text edit, after its first frame."""

    widget: object
    seconds: float
    session: object = None


def _open_article(project, doc_id: int) -> _Opened:
    from ruth_annotator.gui.article_view import ArticleView
    from ruth_annotator.gui.session import Session
    from ruth_annotator.gui.theme import LIGHT

    view = ArticleView()
    app, watch = _shown(view)
    session = Session(project)
    colors = {label.name: label.color for label in session.labels}
    start = time.perf_counter()
    session.open_document(doc_id)
    view.show_document(session.text, session.layer, colors, LIGHT)
    _until_painted(app, watch)
    return _Opened(view, time.perf_counter() - start, session)


def _open_bare(text: str, font) -> _Opened:
    from PySide6.QtWidgets import QPlainTextEdit

    edit = QPlainTextEdit()
    app, watch = _shown(edit, font)
    start = time.perf_counter()
    edit.setPlainText(text)
    _until_painted(app, watch)
    return _Opened(edit, time.perf_counter() - start)


def _article_font():
    from ruth_annotator.gui.article_view import ArticleView

    _qt()
    view = ArticleView()
    font = view.font()
    view.deleteLater()
    return font


def _gui_missing() -> str | None:
    try:
        import ruth_annotator.gui.article_view  # noqa: F401
        import ruth_annotator.gui.session  # noqa: F401
    except ImportError as e:
        return f"article view not available ({e.name})"
    return None


def open_figures(ws: Workspace) -> list[Figure]:
    from ruth_annotator.store import Project

    size, spans = ws.scale.documents[-1]
    case = f"{size_label(size)}, {spans:,} spans"
    missing = _gui_missing()
    if missing:
        return [not_measured("open", case, missing, "< 1 s, ≤ 3×")]
    path = ws.annotated_project("open.ruth", size, spans)
    with Project.open(path, ANNOTATOR) as project:
        doc_id = project.document_ids()[0]
        text = project.document(doc_id).text
        font = _article_font()

        def ours(_: int) -> float:
            opened = _open_article(project, doc_id)
            _dispose(opened.widget)
            return opened.seconds

        def bare(_: int) -> float:
            opened = _open_bare(text, font)
            _dispose(opened.widget)
            return opened.seconds

        times, limits = paired(ours, bare, ws.scale.heavy_repeat)
    return [Figure("open", case, median(times), "s", median(limits),
                   "bare QPlainTextEdit (same size and font): setPlainText until first paint",
                   "< 1 s, ≤ 3×", lambda v, r: v < 1 and r <= 3)]


def _scroll_times(widget) -> list[float]:
    """Page down PAGES times from 40 % of the document; each step until painted."""
    bar = widget.verticalScrollBar()
    bar.setValue(int(bar.maximum() * 0.4))
    widget.viewport().repaint()
    out = []
    for _ in range(PAGES):
        start = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        widget.viewport().repaint()
        out.append(time.perf_counter() - start)
    return out


def paint_figures(ws: Workspace) -> list[Figure]:
    from ruth_annotator.store import Project

    size, spans = ws.scale.documents[-1]
    case = f"{size_label(size)}, {spans:,} spans, page down"
    missing = _gui_missing()
    if missing:
        return [not_measured("paint", case, missing, "< 16 ms")]
    path = ws.annotated_project("paint.ruth", size, spans)
    ours: list[float] = []
    limits: list[float] = []
    with Project.open(path, ANNOTATOR) as project:
        doc_id = project.document_ids()[0]
        text = project.document(doc_id).text
        font = _article_font()
        for _ in range(ws.scale.heavy_repeat):
            opened = _open_article(project, doc_id)
            ours += _scroll_times(opened.widget)
            _dispose(opened.widget)
            opened = _open_bare(text, font)
            limits += _scroll_times(opened.widget)
            _dispose(opened.widget)
    bare = "bare QPlainTextEdit (same size, font and text), no highlights"
    return [
        Figure("paint p50", case, ms(median(ours)), "ms", ms(median(limits)), bare,
               "< 16 ms", None),
        Figure("paint p95", case, ms(percentile(ours, 95)), "ms", ms(percentile(limits, 95)),
               bare, "< 16 ms", lambda v, r: v < 16),
    ]
