"""The main window: assembles the article, panels, menus and status bar, and wires them.

All behaviour lives in the parts (annotate, navigate, files, panels, session); this module
only connects their signals and keeps the window's own state (title, theme, layout).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator import config
from ruth_annotator.gui import describe, menus, messages, theme, window_state
from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.backups import Backups
from ruth_annotator.gui.dialogs.project_menu import install_file_drop
from ruth_annotator.gui.documents_panel import DocumentsPanel
from ruth_annotator.gui.entities_panel import EntitiesPanel, relabel
from ruth_annotator.gui.entity_keys import EntityKeys
from ruth_annotator.gui.files import Files
from ruth_annotator.gui.find_bar import FindBar
from ruth_annotator.gui.focus import FocusMarks
from ruth_annotator.gui.history import History
from ruth_annotator.gui.lifecycle import DocumentLifecycle
from ruth_annotator.gui.marking import Marking
from ruth_annotator.gui.navigate import Navigate
from ruth_annotator.gui.overview import Overview
from ruth_annotator.gui.picker import Picker
from ruth_annotator.gui.quote_links import QuoteLinks
from ruth_annotator.gui.quotes_panel import QuotesPanel
from ruth_annotator.gui.reading_place import ReadingPlace
from ruth_annotator.gui.review import Review
from ruth_annotator.gui.save_state import SaveBanner, save_text
from ruth_annotator.gui.search_panel import SearchPanel
from ruth_annotator.gui.selection import Selection
from ruth_annotator.gui.session import Session
from ruth_annotator.gui.span_edges import SpanEdges
from ruth_annotator.gui.suggesting import SuggestionStatus
from ruth_annotator.gui.workers import running_tasks
from ruth_annotator.model import edits
from ruth_annotator.model.wording import plural
from ruth_annotator.store.project import Project


class MainWindow(QMainWindow):
    def __init__(self, project: Project) -> None:
        super().__init__()
        self.setObjectName("workspace")
        self.session = Session(project, self)
        self.theme = theme.resolve(config.load_settings().get("theme", "system"))
        self.view = ArticleView()
        self.picker = Picker(self.view)  # floats over the article, at the quote
        self.find_bar = FindBar(self.view)
        self.banner = SaveBanner(self.session)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget in (self.banner, self.find_bar):
            column.addWidget(widget)
        column.addWidget(self.view, 1)
        self.setCentralWidget(central)
        self.documents_panel = DocumentsPanel(lambda: self.session.project)
        self.entities_panel = EntitiesPanel()
        self.quotes_panel = QuotesPanel()
        self.search_panel = SearchPanel()
        area = Qt.DockWidgetArea
        self.docks = {
            "documents": self._dock("Documents", self.documents_panel, area.LeftDockWidgetArea),
            "entities": self._dock("Entities", self.entities_panel, area.RightDockWidgetArea),
            "quotes": self._dock("Quotes", self.quotes_panel, area.RightDockWidgetArea),
            "search": self._dock("Search project", self.search_panel, area.BottomDockWidgetArea),
        }
        self.docks["search"].hide()
        self.status_item = QLabel()
        self.status_item.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the article
        self._build_parts()
        self.cheat_sheet = None
        self.actions: dict[str, QAction] = menus.build(self)
        self.label_actions: dict[str, QAction] = {}
        self._label_separator = None
        self._add_view_menu_docks()
        self.view.addActions(list(self.actions.values()))  # the one-key shortcuts live here
        # … and in the Entities panel, the keys on its selected rows (other letters there
        # jump to a name as it is typed)
        self.entities_panel.tree.addActions([self.actions[n] for n in (
            "annotate.merge", "annotate.split", "edit.delete")])
        self.focus_marks = FocusMarks(self.view, list(self.docks.values()),
                                      lambda: self.theme.highlight)
        self.entities_panel.add_buttons([self.actions["annotate.merge"],
                                         self.actions["annotate.split"]])
        self.view.menu_actions = [self.actions[n] for n in (
            "annotate.quote", "annotate.speaker", "annotate.cue", "annotate.accept",
            "annotate.reject", "edit.delete")]
        self.status_user = QLabel()
        self.status_save = QLabel()
        self.status_progress = QLabel()
        self.status_progress.setObjectName("review-progress")
        self.statusBar().addWidget(self.status_item, 1)
        self.statusBar().addPermanentWidget(SuggestionStatus(self.session.suggestions))
        for label in (self.status_progress, self.status_user, self.status_save):
            self.statusBar().addPermanentWidget(label)
        self._connect()
        install_file_drop(self)
        settings = config.load_settings()
        self.actions["edit.snap"].setChecked(bool(settings.get("snap_words", True)))
        self.actions["view.speaker_links"].setChecked(self.overview.links_on)
        self.actions["view.labels"].setChecked(self.overview.labels_on)
        self.view.snap_words = self.actions["edit.snap"].isChecked()
        self.view.set_zoom(int(settings.get("zoom", 0)))
        window_state.restore(self, self.docks)
        self.set_theme(settings.get("theme", "system"))
        self.start_project()
        self._save_state_changed()

    def hint(self, message: str) -> None:
        """One line in the status bar: why a key did nothing, or what an action did."""
        self.statusBar().showMessage(message, 8000)

    def _build_parts(self) -> None:
        """The parts the menus call ("part.method" handlers), each given only what it
        works on."""
        s, view, hint = self.session, self.view, self.hint
        self.backups = Backups(s)
        self.reading_place = ReadingPlace(s, view)
        self.lifecycle = DocumentLifecycle(s, self.documents_panel, self.backups, self, hint,
                                           self.reading_place)
        self.selection = Selection(s, view, self.picker, self.entities_panel,
                                   self.quotes_panel, self.status_item,
                                   self.lifecycle.open_document)
        self.history = History(s.undo_stack)
        self.marking = Marking(s, view, hint)
        self.links = QuoteLinks(s, view, self.picker, hint)
        self.entity_keys = EntityKeys(s, view, self.entities_panel, hint)
        self.review = Review(s, view, hint, self.selection.reveal, self)
        self.navigate = Navigate(s, view, self.documents_panel.model,
                                 self.lifecycle.open_document, self.selection.reveal, hint,
                                 self.find_bar, self.search_panel, self.review, self)
        self.span_edges = SpanEdges(s, view, hint)
        self.files = Files(self, s, self.lifecycle, hint, self.update_title)
        self.overview = Overview(s, view, self.colors)

    def _dock(self, title: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title.split()[0].lower()}")
        dock.setAccessibleName(f"{title} panel")
        if not widget.accessibleName():
            widget.setAccessibleName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _add_view_menu_docks(self) -> None:
        view_menu = menus.find_menu(self, "&View")
        view_menu.addSeparator()
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())

    def _connect(self) -> None:
        s = self.session
        s.documentOpened.connect(self._document_opened)
        s.changed.connect(self._changed)
        s.changed.connect(self.review.suggestions_arrived)
        s.changed.connect(self.overview.refresh)
        s.undo_stack.undoTextChanged.connect(self._name_undo)
        s.undo_stack.redoTextChanged.connect(self._name_undo)
        s.currentChanged.connect(self.selection.current_changed)
        s.statusChanged.connect(lambda doc, status: self.documents_panel.model.update(
            doc, status=status))
        s.saveStateChanged.connect(self._save_state_changed)
        s.notice.connect(self.hint)
        self.lifecycle.projectStarted.connect(self._project_started)
        self.view.clicked.connect(self.selection.clicked)
        self.view.describe = lambda pos: describe.card(s.layer, s.text, pos) if s.layer else ""
        self.view.cursorPositionChanged.connect(self.selection.show_status_item)
        self.documents_panel.activated.connect(self.open_document)
        self.entities_panel.selected.connect(self.reveal)
        self.entities_panel.model.renameRequested.connect(
            lambda eid, name: s.apply(edits.update(s.layer, eid, f"Rename to {name}",
                                                   name=name)))
        self.entities_panel.relabelRequested.connect(
            lambda ids, label: s.apply(relabel(s.layer, ids, label)))
        self.quotes_panel.selected.connect(self.reveal)
        self.quotes_panel.speakerRequested.connect(self._edit_speaker)
        self.picker.highlighted.connect(self.selection.picker_highlight)
        self.picker.closed.connect(self.view.setFocus)
        self.search_panel.hitActivated.connect(self.selection.open_hit)
        self.banner.copy_button.clicked.connect(self.files.save_copy)

    # --- project and documents (document_lifecycle does the work) ----------------------

    def start_project(self) -> None:
        self.lifecycle.start_project()

    def reload_documents(self) -> None:
        self.lifecycle.reload_documents()

    def open_project_file(self, path: Path) -> None:
        self.lifecycle.open_project_file(path)

    def open_document(self, document_id: int) -> None:
        self.lifecycle.open_document(document_id)

    def _project_started(self) -> None:
        project = self.session.project
        self.search_panel.project_path = project.path
        self.search_panel.annotator = project.annotator
        self.status_user.setText(f"Annotator: {project.annotator}")
        self._build_label_actions()
        self.update_title()

    def _edit_speaker(self, quote_id: str) -> None:
        self.session.set_current(quote_id)
        self.links.pick_speaker()

    def _build_label_actions(self) -> None:
        for action in self.label_actions.values():
            self.removeAction(action)
            action.deleteLater()
        annotate_menu = menus.find_menu(self, "&Annotate")
        first = self.actions["annotate.quote"]
        self.label_actions = {}
        for label in self.session.labels:
            action = QAction(f"Mention as {label.name}", self)
            action.setShortcut(label.key)
            menus.set_article_keys(action)
            self.view.addAction(action)
            action.setToolTip(f"Make the selection a {label.name} mention ({label.key})")
            action.setStatusTip(label.description)
            action.triggered.connect(lambda _c=False, name=label.name: self.marking.mention(name))
            annotate_menu.insertAction(first, action)
            self.addAction(action)
            self.label_actions[label.name] = action
        if self.label_actions and self._label_separator is None:
            self._label_separator = annotate_menu.insertSeparator(first)
        self.entities_panel.set_labels([label.name for label in self.session.labels])

    def colors(self) -> dict[str, str]:
        return {label.name: label.color for label in self.session.labels}

    def update_title(self) -> None:
        doc = self.session.document
        name = Path(self.session.project.path).name
        title = f"{doc.title or doc.uid} — {name}" if doc else name
        if self.session.read_only:
            title += " (read-only)"
        self.setWindowTitle(f"{title} — Ruth Annotator")

    # --- reacting to the session ---------------------------------------------------------

    def _document_opened(self) -> None:
        s = self.session
        self.view.show_document(s.text, s.layer, self.colors(), self.theme)
        self._refresh_panels()
        self.documents_panel.show_current(s.document.id)
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
        if self.picker.isVisible():
            self.picker.cancel()
        self.update_title()
        self._show_progress()
        self.overview.refresh()
        self.view.setFocus()
        self.review.start()

    def _refresh_panels(self) -> None:
        """Fill the panels from the whole layer (a document was opened)."""
        s = self.session
        self.entities_panel.refresh(s.layer, s.text, self.colors())
        self.quotes_panel.refresh(s.layer, s.text)

    def _changed(self, changes) -> None:
        """One action: every view follows its change set, so the cost is that of the
        change, not of the layer."""
        s = self.session
        self.view.apply_changes(changes)
        kinds = {c.kind for c in changes.changes}
        if kinds & {"entity", "mention"}:
            self.entities_panel.apply_changes(changes)
        if kinds & {"entity", "quote"}:
            self.quotes_panel.apply_changes(changes)
        self.documents_panel.model.count_changes(s.document.id, changes)
        self.selection.current_changed(s.current_id)
        self._show_progress()

    def _name_undo(self, _text: str = "") -> None:
        """Edit ▸ Undo / Redo and their tooltips say what they would undo or redo."""
        stack = self.session.undo_stack
        for name, verb, what in (("edit.undo", "Undo", stack.undoText()),
                                 ("edit.redo", "Redo", stack.redoText())):
            action = self.actions[name]
            words = f"{verb} {what[:1].lower()}{what[1:]}" if what else verb
            action.setText(f"&{words}")
            native = QKeySequence.SequenceFormat.NativeText
            keys = ", ".join(k.toString(native) for k in action.shortcuts())
            action.setToolTip(f"{words} ({keys})" if keys else words)
            action.setStatusTip(words)

    def _show_progress(self) -> None:
        """What is left to decide in the open document, always in sight."""
        progress = self.review.progress()
        self.status_progress.setText(progress.line() if progress else "")
        self.status_progress.setToolTip(
            f"{plural(progress.undecided_quotes, 'quote')} and "
            f"{plural(progress.undecided_mentions, 'mention')} still undecided; "
            "A accepts, X rejects, Shift+N goes to the next"
            if progress else "")

    def _save_state_changed(self) -> None:
        text, ok = save_text(self.session)
        self.status_save.setText(text)
        color = "" if ok else f"color: {self.theme.danger}; font-weight: 600;"
        self.status_save.setStyleSheet(color)

    def reveal(self, item_id: str) -> None:
        """Make an annotation current, scroll to it and flash it."""
        self.selection.reveal(item_id)

    # --- look and layout -----------------------------------------------------------------

    def set_theme(self, name: str) -> None:
        self.theme = theme.resolve(name)
        theme.apply(QApplication.instance(), self.theme)
        self.banner.set_colors(self.theme.danger, self.theme.base)
        self.quotes_panel.muted = QColor(self.theme.muted)
        self.focus_marks.restyle()
        s = self.session
        if s.layer is not None:
            scroll = self.view.verticalScrollBar().value()
            cursor = self.view.textCursor()
            self.view.show_document(s.text, s.layer, self.colors(), self.theme)
            self.view.setTextCursor(cursor)
            self.view.verticalScrollBar().setValue(scroll)
            self.selection.current_changed(s.current_id)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if not self.session.saved:
            answer = messages.question(
                self, "Unsaved work",
                f"{plural(self.session.unsaved_count, 'action')} could not be "
                "saved. Quit anyway and lose them?")
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        for task in running_tasks():
            task.cancel()
            task.wait()
        window_state.save(self)
        self.reading_place.save()
        super().closeEvent(event)
