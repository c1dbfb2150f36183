"""Find in the project: a panel with a query field and the hits of every document.

The search runs in a worker thread (see app/search.py), so a large project never
freezes the window; activating a hit opens its document at the hit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from ruth_annotator.app.search import Hit, search
from ruth_annotator.gui.workers import TaskRun, run_task
from ruth_annotator.model.wording import plural

ROLE_HIT = Qt.ItemDataRole.UserRole


class SearchPanel(QWidget):
    hitActivated = Signal(object)  # Hit

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(placeholderText="Words, label:PERSON or speaker:Name — Enter")
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel()
        self.status.setEnabled(False)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Document", "Hit"])
        self.results = QTreeView()
        self.results.setObjectName("search-results")
        self.results.setModel(self.model)
        self.results.setRootIsDecorated(False)
        self.results.setUniformRowHeights(True)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setColumnWidth(0, 160)
        self.results.activated.connect(self._activated)
        self.results.clicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.edit.returnPressed.connect(self.run)
        self.project_path = None
        self.annotator = ""
        self.running: TaskRun | None = None
        self.hits: list[Hit] = []

    def start(self) -> None:
        """Show the panel (its dock) and put the cursor in the query field."""
        dock = self.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        self.edit.setFocus()
        self.edit.selectAll()

    def run(self) -> None:
        query = self.edit.text()
        if not query.strip() or self.project_path is None:
            return
        if self.running is not None:
            self.running.cancel()
        path, annotator = self.project_path, self.annotator
        self.status.setText("Searching…")
        self.running = run_task(self, "Searching the project",
                                lambda task: search(path, annotator, query, task),
                                self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        self.running = None
        self.status.setText(f"Search failed: {error}")

    def _show(self, hits: list[Hit]) -> None:
        self.running = None
        self.hits = hits
        self.model.removeRows(0, self.model.rowCount())
        for hit in hits:
            doc = QStandardItem(hit.title or f"#{hit.document_id}")
            doc.setData(hit, ROLE_HIT)
            self.model.appendRow([doc, QStandardItem(hit.context)])
        docs = len({h.document_id for h in hits})
        self.status.setText(f"{plural(len(hits), 'hit')} in {plural(docs, 'document')}"
                            if hits else "No hits")

    def _activated(self, index) -> None:
        hit = index.siblingAtColumn(0).data(ROLE_HIT)
        if hit is not None:
            self.hitActivated.emit(hit)
