"""Team → Curate: adjudicate one document, building its gold layer from the annotators'.

Each annotator's layer is shown side by side with the gold layer, in the same article view
the workspace uses; the table below lists every place where someone annotated, with
disagreements tinted. Keys: 1…9 take that annotator's version, X says none is right, Shift+A
takes everything all agree on, N / P go to the next / previous open disagreement, Ctrl+Z /
Ctrl+Shift+Z undo and redo, Ctrl+Return marks gold done. Every decision is one undoable
step of a workspace Session on the gold layer, saved at once like any edit.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.errors import RuthError
from ruth_annotator.gui import messages
from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.curation_table import OPEN, CurationTable, state
from ruth_annotator.gui.session import Session
from ruth_annotator.gui.theme import LIGHT, Theme
from ruth_annotator.model import Layer, Span
from ruth_annotator.store.project import Project
from ruth_annotator.team.agreement import GOLD, has_work
from ruth_annotator.team.curation import accept, accept_agreed, align, reject


class GoldSession(Session):
    """The workspace session on the gold layer. Gold holds only what the lead decides, so
    opening a document never fills it with suggestions."""

    offers_suggestions = False  # read by gui/suggesting.offer

    def _suggest_if_empty(self) -> None:  # the same, for sessions that suggest themselves
        return


def annotators_of(project: Project, document_id: int, gold: str = GOLD) -> list[str]:
    """Everyone who has worked on the document (see `has_work`), gold excepted."""
    names = {name for _, name in project.layer_keys(documents=[document_id])} - {gold}
    return sorted(n for n in names if has_work(project.layer(document_id, n)))


class CurationWindow(QDialog):
    def __init__(self, project_path, document_id: int, annotators: list[str] | None = None,
                 gold: str = GOLD, colors: dict[str, str] | None = None,
                 theme: Theme = LIGHT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("curation")
        self.setWindowFlag(Qt.WindowType.Window)
        self.theme = theme
        self.session = GoldSession(Project.open(project_path, gold), self)
        project = self.session.project
        self.colors = colors or {lab.name: lab.color for lab in project.labels()}
        self.session.open_document(document_id)
        names = annotators or annotators_of(project, document_id, gold)
        self.layers: dict[str, Layer] = {n: project.layer(document_id, n) for n in names}
        self.text = self.session.text
        doc = self.session.document
        self.setWindowTitle(f"Curate “{doc.title or doc.uid}” — gold layer “{gold}”")
        self.views: dict[str, ArticleView] = {}
        row = QSplitter(Qt.Orientation.Horizontal)
        for name in [*names, gold]:
            column = QWidget()
            box = QVBoxLayout(column)
            box.setContentsMargins(2, 2, 2, 2)
            title = QLabel(f"<b>{escape(name)}</b>"  # a name from the file, not markup
                           + (" — your decisions" if name == gold else ""))
            view = ArticleView()
            view.setObjectName(f"curation-view-{name}")
            view.show_document(self.text, self.layers.get(name) or self.session.layer,
                               self.colors, theme)
            box.addWidget(title)
            box.addWidget(view, 1)
            row.addWidget(column)
            self.views[name] = view
        self.table = CurationTable()
        self.table.theme = theme
        self.table.itemSelectionChanged.connect(self._show_current)
        self.summary = QLabel()
        buttons = QHBoxLayout()
        actions = [(f"Take {name}'s ({i})", lambda _c=False, n=name: self.take(n))
                   for i, name in enumerate(names[:9], 1)]
        actions += [("None is right (X)", self.take_none),
                    ("Take all agreed (Shift+A)", self.take_agreed),
                    ("Undo (Ctrl+Z)", self.session.undo_stack.undo),
                    ("Gold done (Ctrl+Return)", self.mark_done)]
        for text, slot in actions:
            button = QPushButton(text)
            button.setAutoDefault(False)  # Return must never take a version by accident
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.edit_button = QPushButton("Edit gold in the workspace")
        self.edit_button.setAutoDefault(False)
        self.edit_button.setToolTip("Open this document's gold layer in the main window, "
                                    "with every annotation tool")
        self.edit_button.hide()
        buttons.addWidget(self.edit_button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(row)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._shortcuts(names)
        self.session.changed.connect(self._gold_changed)
        self.session.saveStateChanged.connect(self._update_summary)
        self.refresh()
        self.table.select_next(1)
        self.resize(1360, 860)

    def _shortcuts(self, names: list[str]) -> None:
        keys = {"X": self.take_none, "Shift+A": self.take_agreed,
                "N": lambda: self.table.select_next(1), "P": lambda: self.table.select_next(-1),
                "Ctrl+Z": self.session.undo_stack.undo,
                "Ctrl+Shift+Z": self.session.undo_stack.redo,
                "Ctrl+Y": self.session.undo_stack.redo, "Ctrl+Return": self.mark_done}
        for i, name in enumerate(names[:9], 1):
            keys[str(i)] = lambda n=name: self.take(n)
        for key, slot in keys.items():
            QShortcut(QKeySequence(key), self, activated=slot)

    # --- state ------------------------------------------------------------------------

    def refresh(self) -> None:
        self.groups = align(list(self.layers.values()), self.session.layer)
        self.table.fill(self.groups, self.layers, self.session.layer, self.text)
        self._update_summary()

    def _update_summary(self) -> None:
        groups = getattr(self, "groups", [])
        open_ = sum(state(g) == OPEN for g in groups)
        agreed = sum(g.agreed for g in groups)
        saved = "saved" if self.session.saved else f"NOT SAVED: {self.session.save_error}"
        self.summary.setText(
            f"{len(groups)} places annotated by {', '.join(self.layers) or 'nobody'}: "
            f"{agreed} agreed, {open_} open disagreement(s), "
            f"{sum(g.decided for g in groups)} in gold. Gold is {self.session.layer.status}, "
            f"{saved}.")

    def _gold_changed(self, changes) -> None:
        self.views[self.session.project.annotator].apply_changes(changes)
        self.refresh()

    def _show_current(self) -> None:
        group = self.table.current_group()
        if group is None:
            return
        span = Span(group.start, group.end)
        for view in self.views.values():
            view.set_search_hits([span])
            view.scroll_to(span)

    # --- decisions --------------------------------------------------------------------

    def _apply(self, changes) -> None:
        if changes.changes:
            try:
                self.session.apply(changes)
            except RuthError as e:
                messages.warning(self, "Curate", str(e))

    def take(self, annotator: str) -> None:
        group = self.table.current_group()
        if group is None or annotator not in group.versions:
            return
        self._apply(accept(self.session.layer, self.text, group, annotator,
                           self.layers[annotator]))
        self.table.select_next(1)

    def take_none(self) -> None:
        group = self.table.current_group()
        if group is not None:
            self._apply(reject(self.session.layer, group))
            self.table.select_next(1)

    def take_agreed(self) -> None:
        self._apply(accept_agreed(self.session.layer, self.text, self.groups, self.layers))

    def mark_done(self) -> None:
        self.session.set_status("done")
        self._update_summary()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.session.saved and not self.session.retry():
            messages.warning(self, "Curate", "The last decisions could not be saved: "
                                f"{self.session.save_error}")
        self.session.close()
        super().closeEvent(event)


def show(window) -> CurationWindow | None:
    """Menu handler: curate the document open in the workspace."""
    doc = window.session.document
    if doc is None:
        return None
    project = window.session.project
    if len(annotators_of(project, doc.id)) < 1:
        messages.information(window, "Curate", "Nobody has annotated this document yet. "
                                "Merge the annotators' files first (ruth-annotator merge).")
        return None
    curation = CurationWindow(project.path, doc.id, colors=window.colors(),
                              theme=window.theme, parent=window)
    curation.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    curation.edit_button.show()
    curation.edit_button.clicked.connect(lambda: edit_gold(window, curation))
    curation.show()
    return curation


def edit_gold(window, curation: CurationWindow) -> None:
    """Go on in the main window as the gold annotator, on the same document."""
    doc_id = curation.session.document.id
    path, gold = curation.session.project.path, curation.session.project.annotator
    curation.close()
    try:
        project = Project.open(path, gold)
    except RuthError as e:
        messages.warning(window, "Curate", str(e))
        return
    if window.session.use_project(project):
        window.start_project()
        window.open_document(doc_id)
