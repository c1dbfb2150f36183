"""Figures of the real window (offscreen Qt): opening a document, scrolling it, annotating.

"Open" runs from choosing a document in the open window (`MainWindow.open_document`) until
the article has painted its first frame with every highlight: loading text and layer from
the project, the span index, layout and highlighting, the entity and quote panels. The raw
limit is a bare QPlainTextEdit of the article's size and font given the same text, until its
first frame. "Paint" scrolls a page at a time through the middle of the document and times
each scroll with the synchronous repaint it causes. "Act (window)" selects a word and runs
the label key's command (`Annotate.mention`): edit, undo stack, SQLite commit, view and
panel updates, and the repaint, against a bare INSERT on the same file.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from benchmarks.measure import (
    Figure,
    median,
    ms,
    not_measured,
    paired,
    percentile,
    runs_note,
    size_label,
)
from benchmarks.workspace import (
    ANNOTATOR,
    BARE_INSERT,
    Workspace,
    bare_insert,
    same_settings,
)

WIDTH, HEIGHT = 1400, 900
PAGES = 40  # page scrolls timed per run
ACT_BUDGET_S = 15  # per document size; slow actions are timed fewer times
MIN_ACTIONS = 20


def _qt():
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    class PaintWatch(QObject):
        """Counts paint events of one widget (the first frame is the first of them)."""

        def __init__(self, widget) -> None:
            super().__init__(widget)
            self.count = 0
            widget.installEventFilter(self)

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    return QApplication.instance() or QApplication([]), PaintWatch


def _until_painted(widget, action) -> float:
    """Seconds from calling `action` until `widget` has painted once more."""
    app, PaintWatch = _qt()
    watch = PaintWatch(widget)
    start = time.perf_counter()
    action()
    for _ in range(100_000):
        if watch.count:
            break
        app.processEvents()
    else:
        raise RuntimeError("the widget was never painted")
    seconds = time.perf_counter() - start
    widget.removeEventFilter(watch)
    watch.deleteLater()
    return seconds


def _dispose(widget) -> None:
    app, _ = _qt()
    widget.close()
    widget.deleteLater()
    app.processEvents()


@dataclass
class _Window:
    """The main window on the benchmark project, with the ids of its documents."""

    window: object
    note: int  # a one-line document, opened in between timed opens
    docs: dict[tuple[int, int], int]  # (size, spans) -> document id

    def open(self, doc_id: int) -> float:
        return _until_painted(self.window.view.viewport(),
                              lambda: self.window.open_document(doc_id))

    def close(self) -> None:
        project = self.window.session.project
        _dispose(self.window)
        project.close()


def _window(ws: Workspace) -> _Window:
    from ruth_annotator.gui.main_window import MainWindow
    from ruth_annotator.store import Project

    path, ids = ws.window_project()
    app, _ = _qt()
    window = MainWindow(Project.open(path, ANNOTATOR))
    window.resize(WIDTH, HEIGHT)
    window.show()
    app.processEvents()
    note = ids.pop(("note", 0))
    window.open_document(note)
    app.processEvents()
    return _Window(window, note, ids)


def _bare(text: str, like) -> tuple[object, float]:
    """A bare QPlainTextEdit of `like`'s size and font, and seconds to its first frame."""
    from PySide6.QtWidgets import QPlainTextEdit

    app, _ = _qt()
    edit = QPlainTextEdit()
    edit.setFont(like.font())
    edit.resize(like.size())
    edit.show()
    app.processEvents()
    return edit, _until_painted(edit.viewport(), lambda: edit.setPlainText(text))


def _gui_missing() -> str | None:
    try:
        import ruth_annotator.gui.main_window  # noqa: F401
    except ImportError as e:
        return f"main window not available ({e.name})"
    return None


def _case(size: int, spans: int) -> str:
    return f"{size_label(size)}, {spans:,} spans"


def open_figures(ws: Workspace) -> list[Figure]:
    size, spans = ws.scale.documents[-1]
    missing = _gui_missing()
    if missing:
        return [not_measured("open", _case(size, spans), missing, "< 1 s, ≤ 3×")]
    w = _window(ws)
    try:
        doc_id = w.docs[(size, spans)]
        text = w.window.session.project.document(doc_id).text

        def ours(_: int) -> float:
            seconds = w.open(doc_id)
            w.open(w.note)
            return seconds

        def bare(_: int) -> float:
            edit, seconds = _bare(text, w.window.view)
            _dispose(edit)
            return seconds

        times, limits = paired(ours, bare, ws.scale.heavy_repeat)
    finally:
        w.close()
    return [Figure("open", _case(size, spans), median(times), "s", median(limits),
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
    size, spans = ws.scale.documents[-1]
    case = f"{_case(size, spans)}, page down"
    missing = _gui_missing()
    if missing:
        return [not_measured("paint", case, missing, "< 16 ms")]
    w = _window(ws)
    ours: list[float] = []
    limits: list[float] = []
    try:
        doc_id = w.docs[(size, spans)]
        text = w.window.session.project.document(doc_id).text
        w.open(doc_id)
        for _ in range(ws.scale.heavy_repeat):
            ours += _scroll_times(w.window.view)
            edit, _ = _bare(text, w.window.view)
            limits += _scroll_times(edit)
            _dispose(edit)
    finally:
        w.close()
    bare = "bare QPlainTextEdit (same size, font and text), no highlights"
    return [
        Figure("paint p50", case, ms(median(ours)), "ms", ms(median(limits)), bare,
               "< 16 ms", None),
        Figure("paint p95", case, ms(percentile(ours, 95)), "ms", ms(percentile(limits, 95)),
               bare, "< 16 ms", lambda v, r: v < 16),
    ]


def _targets(text: str, count: int, taken: set[tuple[int, int]]) -> list:
    """Words without a mention yet, spread over the text: where the timed actions go."""
    from ruth_annotator.model.annotations import Span

    words = [Span(m.start(), m.end()) for m in re.finditer(r"[a-z]{4,}", text)
             if (m.start(), m.end()) not in taken]
    step = len(words) / count
    return [words[int(i * step)] for i in range(count)]


def act_figures(ws: Workspace) -> list[Figure]:
    """Select a word and press a label key, in the window, for each document size."""
    missing = _gui_missing()
    if missing:
        return [not_measured("act (window)", "all sizes", missing, "< 10 ms p95, ≤ 2×")]
    app, _ = _qt()
    w = _window(ws)
    figures = []
    try:
        session = w.window.session
        for (size, spans), doc_id in w.docs.items():
            w.open(doc_id)
            taken = {(m.start, m.end) for m in session.layer.mentions.values()}
            raw = same_settings(session.project.path)
            ours, limits = [], []
            began = time.perf_counter()
            for n, span in enumerate(_targets(session.text, ws.scale.actions, taken)):
                if time.perf_counter() - began > ACT_BUDGET_S and len(ours) >= MIN_ACTIONS:
                    break
                w.window.view.select_span(span)
                app.processEvents()
                start = time.perf_counter()
                w.window.marking.mention("MISC")
                app.processEvents()
                ours.append(time.perf_counter() - start)
                limits.append(bare_insert(raw, f"m-rawgui{doc_id}-{n:06d}", doc_id, span))
            raw.close()
            bare = BARE_INSERT
            case = _case(size, spans)
            figures += [
                Figure("act (window) p50", case, ms(median(ours)), "ms", ms(median(limits)),
                       bare, "< 10 ms p95, ≤ 2×", None),
                Figure("act (window) p95", case, ms(percentile(ours, 95)), "ms",
                       ms(percentile(limits, 95)), bare, "< 10 ms, ≤ 2×",
                       lambda v, r: v < 10 and r <= 2,
                       runs_note(ours, ws.scale.actions).replace("runs", "actions")),
            ]
    finally:
        w.close()
    return figures
