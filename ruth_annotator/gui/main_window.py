"""The main window: assembles the article, panels, menus and status bar, and wires them.

All behaviour lives in the parts (annotate, navigate, files, panels, session); this module
only connects their signals and keeps the window's own state (title, theme, layout).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
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
from ruth_annotator.errors import RuthError
from ruth_annotator.gui import describe, menus, messages, theme, window_state
from ruth_annotator.gui.annotate import Annotate
from ruth_annotator.gui.article_view import ArticleView
from ruth_annotator.gui.backups import Backups
from ruth_annotator.gui.dialogs import recent
from ruth_annotator.gui.dialogs.project_menu import install_file_drop
from ruth_annotator.gui.documents_panel import DocumentsPanel
from ruth_annotator.gui.entities_panel import EntitiesPanel, relabel
from ruth_annotator.gui.files import Files
from ruth_annotator.gui.find_bar import FindBar
from ruth_annotator.gui.navigate import Navigate
from ruth_annotator.gui.opening import as_assigned_annotator, open_project
from ruth_annotator.gui.picker import Picker
from ruth_annotator.gui.quotes_panel import QuotesPanel
from ruth_annotator.gui.save_state import SaveBanner, save_text
from ruth_annotator.gui.search_panel import SearchPanel
from ruth_annotator.gui.selection import Selection
from ruth_annotator.gui.session import Session
from ruth_annotator.gui.suggesting import SuggestionStatus
from ruth_annotator.gui.workers import running_tasks
from ruth_annotator.model import edits
from ruth_annotator.store.project import Project


class MainWindow(QMainWindow):
    def __init__(self, project: Project) -> None:
        super().__init__()
        self.setObjectName("workspace")
        self.session = Session(project, self)
        self.theme = theme.resolve(config.load_settings().get("theme", "system"))
        self.view = ArticleView()
        self.picker = Picker()
        self.find_bar = FindBar(self.view)
        self.banner = SaveBanner(self.session)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget in (self.banner, self.picker, self.find_bar):
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
        self.annotate = Annotate(self)
        self.navigate = Navigate(self)
        self.files = Files(self)
        self.selection = Selection(self)
        self.backups = Backups(self.session)
        self.cheat_sheet = None
        self.actions: dict[str, QAction] = menus.build(self)
        self.label_actions: dict[str, QAction] = {}
        self._label_separator = None
        self._add_view_menu_docks()
        self.entities_panel.add_buttons([self.actions["annotate.merge"],
                                         self.actions["annotate.split"]])
        self.view.menu_actions = [self.actions[n] for n in (
            "annotate.quote", "annotate.speaker", "annotate.cue", "annotate.accept",
            "annotate.reject", "edit.delete")]
        self.status_item = QLabel()
        self.status_item.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the article
        self.status_user = QLabel()
        self.status_save = QLabel()
        self.statusBar().addWidget(self.status_item, 1)
        self.statusBar().addPermanentWidget(SuggestionStatus(self.session.suggestions))
        for label in (self.status_user, self.status_save):
            self.statusBar().addPermanentWidget(label)
        self._connect()
        install_file_drop(self)
        settings = config.load_settings()
        self.actions["edit.snap"].setChecked(bool(settings.get("snap_words", True)))
        self.view.snap_words = self.actions["edit.snap"].isChecked()
        self.view.set_zoom(int(settings.get("zoom", 0)))
        window_state.restore(self, self.docks)
        self.set_theme(settings.get("theme", "system"))
        self.start_project()
        self._save_state_changed()

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
        s.currentChanged.connect(self.selection.current_changed)
        s.statusChanged.connect(lambda doc, status: self.documents_panel.model.update(
            doc, status=status))
        s.saveStateChanged.connect(self._save_state_changed)
        s.notice.connect(lambda message: self.statusBar().showMessage(message, 8000))
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
        self.quotes_panel.speakerRequested.connect(self.selection.edit_speaker)
        self.picker.highlighted.connect(self.selection.picker_highlight)
        self.picker.closed.connect(self.view.setFocus)
        self.search_panel.hitActivated.connect(self.selection.open_hit)
        self.banner.copy_button.clicked.connect(self.files.save_copy)

    # --- project and documents -----------------------------------------------------------

    def start_project(self) -> None:
        """Fill the document list, label keys and open the last (or first) document."""
        project = self.session.project
        recent.remember_project(project.path)
        self.search_panel.project_path = project.path
        self.search_panel.annotator = project.annotator
        self.status_user.setText(f"Annotator: {project.annotator}")
        self._build_label_actions()
        self.reload_documents()
        self.backups.on_open()
        last = config.load_settings().get("last_documents", {}).get(str(project.path))
        model = self.documents_panel.model
        first = last if model.row_of(last) is not None else model.next_unfinished(None)
        first = first if first is not None else model.neighbour(None, 1)
        if first is not None:
            self.open_document(first)
        self.update_title()

    def reload_documents(self) -> None:
        self.documents_panel.reload()

    def open_project_file(self, path: Path) -> None:
        try:
            project = as_assigned_annotator(open_project(path, self), self)
        except RuthError as e:
            messages.warning(self, "Open project", str(e))
            return
        if not self.session.use_project(project):
            messages.warning(self, "Open project", "Your last actions are not saved yet; "
                                "retry or save a copy first.")
            return
        self.start_project()

    def open_document(self, document_id: int) -> None:
        doc = self.session.document
        if doc is not None and doc.id == document_id:
            return
        try:
            opened = self.session.open_document(document_id)
        except RuthError as e:  # a damaged row: say so in one line, keep the window
            messages.warning(self, "Open document", str(e))
            return
        if not opened:
            self.statusBar().showMessage("Your last actions are not saved yet: retry or save "
                                         "a copy before opening another document.", 8000)
            return
        settings = config.load_settings()
        settings.setdefault("last_documents", {})[str(self.session.project.path)] = document_id
        config.save_settings(settings)

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
            action.setToolTip(f"Make the selection a {label.name} mention ({label.key})")
            action.setStatusTip(label.description)
            action.triggered.connect(lambda _c=False, name=label.name: self.annotate.mention(name))
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
        self.view.setFocus()

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
                self, "Unsaved work", f"{self.session.unsaved_count} action(s) could not be "
                "saved. Quit anyway and lose them?")
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        for task in running_tasks():
            task.cancel()
            task.wait()
        window_state.save(self)
        super().closeEvent(event)
