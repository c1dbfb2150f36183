"""The document list: status icons and "n of N done", for projects of any size.

One QAbstractListModel over the project's document summaries (which never load texts),
shown by a view with uniform rows, so 100,000 documents cost one list of small
records, not 100,000 widgets.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QProgressBar, QTreeView, QVBoxLayout, QWidget

from ruth_annotator.gui.describe import plain_tip
from ruth_annotator.model.annotations import ACCEPTED, PROPOSED
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.document import DocumentSummary

STATUS_TEXT = {"todo": "to do", "in_progress": "in progress", "done": "done"}


def status_icon(status: str, size: int = 16) -> QIcon:
    """A hollow circle (to do), half-filled (in progress) or ticked disc (done)."""
    ratio = 2
    pix = QPixmap(size * ratio, size * ratio)
    pix.setDevicePixelRatio(ratio)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = {"todo": "#8c959f", "in_progress": "#d18a00", "done": "#1a7f37"}[status]
    p.setPen(QPen(QColor(color), 1.5))
    r = size / 2 - 2
    c = QPointF(size / 2, size / 2)
    if status == "done":
        p.setBrush(QColor(color))
        p.drawEllipse(c, r, r)
        p.setPen(QPen(QColor("white"), 1.8))
        path = QPainterPath(QPointF(size * 0.3, size * 0.52))
        path.lineTo(size * 0.45, size * 0.66)
        path.lineTo(size * 0.71, size * 0.37)
        p.drawPath(path)
    else:
        p.drawEllipse(c, r, r)
        if status == "in_progress":
            p.setBrush(QColor(color))
            p.drawPie(int(c.x() - r), int(c.y() - r), int(2 * r), int(2 * r), 90 * 16, 180 * 16)
    p.end()
    return QIcon(pix)


_ROOT = QModelIndex()


class DocumentListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.docs: list[DocumentSummary] = []
        self._row: dict[int, int] = {}
        self._icons: dict[str, QIcon] = {}
        self._done = 0

    def set_documents(self, docs: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self.docs = list(docs)
        self._row = {d.id: i for i, d in enumerate(self.docs)}
        self._done = sum(1 for d in self.docs if d.status == "done")
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.docs)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        d = self.docs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return d.title or d.uid
        if role == Qt.ItemDataRole.DecorationRole:
            if d.status not in self._icons:
                self._icons[d.status] = status_icon(d.status)
            return self._icons[d.status]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{d.title or d.uid}\n{STATUS_TEXT.get(d.status, d.status)} · "
                             f"{d.length:,} characters · {d.annotations} annotation(s), "
                             f"{d.proposed} suggestion(s) undecided")
        if role == Qt.ItemDataRole.UserRole:
            return d.id
        return None

    def row_of(self, document_id: int | None) -> int | None:
        return self._row.get(document_id) if document_id is not None else None

    def update(self, document_id: int, **fields) -> None:
        row = self.row_of(document_id)
        if row is None:
            return
        old = self.docs[row]
        self.docs[row] = new = replace(old, **fields)
        self._done += (new.status == "done") - (old.status == "done")
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def count_changes(self, document_id: int, changes: ChangeSet) -> None:
        """Keep a document's counts of accepted and undecided annotations in step with an
        action on it (entities are not counted, as in the store's summary)."""
        row = self.row_of(document_id)
        if row is None:
            return
        accepted = proposed = 0
        for change in changes.changes:
            if change.kind == "entity":
                continue
            for item, sign in ((change.before, -1), (change.after, 1)):
                if item is not None:
                    accepted += sign * (item.status == ACCEPTED)
                    proposed += sign * (item.status == PROPOSED)
        if accepted or proposed:
            doc = self.docs[row]
            self.update(document_id, annotations=doc.annotations + accepted,
                        proposed=doc.proposed + proposed)

    def done_count(self) -> int:
        return self._done

    def neighbour(self, document_id: int | None, step: int) -> int | None:
        row = self.row_of(document_id)
        target = (row if row is not None else -1) + step
        return self.docs[target].id if 0 <= target < len(self.docs) else None

    def next_unfinished(self, document_id: int | None) -> int | None:
        """The first document after this one (wrapping round) that is not done."""
        start = self.row_of(document_id)
        start = -1 if start is None else start
        n = len(self.docs)
        for k in range(1, n + 1):
            d = self.docs[(start + k) % n]
            if d.status != "done" and d.id != document_id:
                return d.id
        return None


class DocumentsPanel(QWidget):
    activated = Signal(int)  # document id

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(self)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.list = QTreeView()
        self.list.setObjectName("documents")
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.list.setModel(self.model)
        for signal in (self.list.activated, self.list.clicked):
            signal.connect(lambda i: self.activated.emit(i.data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.progress)
        layout.addWidget(self.list, 1)
        self.model.modelReset.connect(self._update_progress)
        self.model.dataChanged.connect(self._update_progress)

    def set_documents(self, docs: list[DocumentSummary]) -> None:
        self.model.set_documents(docs)

    def _update_progress(self, *_args) -> None:
        total = len(self.model.docs)
        done = self.model.done_count()
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} done")

    def show_current(self, document_id: int) -> None:
        row = self.model.row_of(document_id)
        if row is not None:
            index = self.model.index(row)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
