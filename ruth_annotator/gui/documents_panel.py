"""The document list: status icons and "n of N done", for projects of any size.

One QAbstractListModel over the project's document summaries (which never load texts),
read a page at a time as rows are shown, in a table of rows of one height (see
sorted_tree.RowsView): 100,000 documents cost a list of their ids, not 100,000 records,
widgets or a layout pass over every row.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from ruth_annotator.gui.describe import plain_tip
from ruth_annotator.gui.sorted_tree import RowsView
from ruth_annotator.model.annotations import ACCEPTED, PROPOSED
from ruth_annotator.model.changes import ChangeSet
from ruth_annotator.model.document import DocumentSummary
from ruth_annotator.model.wording import plural
from ruth_annotator.store.database import DatabaseError
from ruth_annotator.store.project import Project

STATUS_TEXT = {"todo": "to do", "in_progress": "in progress", "done": "done"}
PAGE = 500  # summaries read at once
KEPT_PAGES = 64  # pages held (32,000 summaries); older ones are read again when shown
_ROLES = frozenset((Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.UserRole))


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


def undecided(d: DocumentSummary) -> str:
    """"3 quotes, 12 mentions undecided", or "" when everything is decided."""
    if not d.proposed:
        return ""
    mentions = d.proposed - d.proposed_quotes
    return f"{d.proposed_quotes} quotes, {mentions} mentions undecided"


def _placeholder(document_id: int, title: str) -> DocumentSummary:
    return DocumentSummary(document_id, "", title, 0, "todo", 0, 0)


class DocumentListModel(QAbstractListModel):
    """The project's documents in id order, read a page at a time when first shown: a
    project of 100,000 documents starts with their ids only, and at most KEPT_PAGES pages
    of summaries are held (changed ones are saved first, so a page read again is right)."""

    def __init__(self, source: Callable[[], Project | None], parent=None) -> None:
        super().__init__(parent)
        self.source = source  # the open project (it changes on "Save a copy as…")
        self._ids: list[int] = []
        self._pages: OrderedDict[int, list[DocumentSummary]] = OrderedDict()
        self._icons: dict[str, QIcon] = {}
        self._done = 0

    def reload(self) -> None:
        """Read the list of documents afresh (their summaries as they are shown)."""
        project = self.source()
        self.beginResetModel()
        self._ids = project.document_ids() if project is not None else []
        self._pages.clear()
        self._done = self._count_done() if project is not None else 0
        self.endResetModel()

    def summary(self, row: int) -> DocumentSummary:
        page = row // PAGE
        docs = self._pages.get(page)
        if docs is not None:
            self._pages.move_to_end(page)
            return docs[row - page * PAGE]
        wanted = self._ids[page * PAGE:(page + 1) * PAGE]
        try:
            found = {d.id: d for d in self.source().documents(from_id=wanted[0], limit=PAGE)}
        except DatabaseError:  # the project is closed for a moment (restoring a backup)
            return _placeholder(wanted[row - page * PAGE], "…")
        # a document removed by another program since the list was read keeps its row
        docs = self._pages[page] = [found.get(i) or _placeholder(i, "(removed)")
                                    for i in wanted]
        if len(self._pages) > KEPT_PAGES:
            self._pages.popitem(last=False)
        return docs[row - page * PAGE]

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in _ROLES:
            return None
        d = self.summary(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            left = undecided(d)  # first: a narrow list cuts the end of a long title
            return f"[{left}]  {d.title or d.uid}" if left else d.title or d.uid
        if role == Qt.ItemDataRole.DecorationRole:
            if d.status not in self._icons:
                self._icons[d.status] = status_icon(d.status)
            return self._icons[d.status]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(f"{d.title or d.uid}\n{STATUS_TEXT.get(d.status, d.status)} · "
                             f"{plural(d.length, 'character')} · "
                             f"{plural(d.annotations, 'annotation')} "
                             f"accepted · {undecided(d) or 'nothing undecided'}")
        return d.id  # UserRole

    def row_of(self, document_id: int | None) -> int | None:
        if document_id is None:
            return None
        row = bisect_left(self._ids, document_id)
        return row if row < len(self._ids) and self._ids[row] == document_id else None

    def update(self, document_id: int, **fields) -> None:
        """A document changed in this window (the store has it already): its row shows it."""
        row = self.row_of(document_id)
        if row is None:
            return
        page = self._pages.get(row // PAGE)
        if page is not None:  # a page read later comes from the store, changes included
            page[row % PAGE] = replace(page[row % PAGE], **fields)
        if "status" in fields:
            self._done = self._count_done()
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def _count_done(self) -> int:
        try:
            return self.source().done_count()
        except DatabaseError:
            return self._done

    def count_changes(self, document_id: int, changes: ChangeSet) -> None:
        """Keep a document's counts of accepted and undecided annotations in step with an
        action on it (entities are not counted, as in the store's summary)."""
        row = self.row_of(document_id)
        page = self._pages.get(row // PAGE) if row is not None else None
        if page is None:
            return  # not read yet: it will be read with the action's counts
        accepted = proposed = quotes = 0
        for change in changes.changes:
            if change.kind == "entity":
                continue
            for item, sign in ((change.before, -1), (change.after, 1)):
                if item is not None:
                    accepted += sign * (item.status == ACCEPTED)
                    proposed += sign * (item.status == PROPOSED)
                    quotes += sign * (item.status == PROPOSED and change.kind == "quote")
        if accepted or proposed or quotes:
            doc = page[row % PAGE]
            self.update(document_id, annotations=doc.annotations + accepted,
                        proposed=doc.proposed + proposed,
                        proposed_quotes=doc.proposed_quotes + quotes)

    def done_count(self) -> int:
        return self._done

    def neighbour(self, document_id: int | None, step: int) -> int | None:
        row = self.row_of(document_id)
        target = (row if row is not None else -1) + step
        return self._ids[target] if 0 <= target < len(self._ids) else None

    def next_unfinished(self, document_id: int | None) -> int | None:
        """The first document after this one (wrapping round) that is not done."""
        start = self.row_of(document_id)
        start = -1 if start is None else start
        n = len(self._ids)
        for k in range(1, n + 1):
            d = self.summary((start + k) % n)
            if d.status != "done" and d.id != document_id:
                return d.id
        return None


class DocumentsPanel(QWidget):
    activated = Signal(int)  # document id

    def __init__(self, source: Callable[[], Project | None], parent=None) -> None:
        super().__init__(parent)
        self.model = DocumentListModel(source, self)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.list = RowsView()
        self.list.setObjectName("documents")
        self.list.horizontalHeader().hide()
        self.list.setEditTriggers(RowsView.EditTrigger.NoEditTriggers)
        self.list.setModel(self.model)
        for signal in (self.list.activated, self.list.clicked):
            signal.connect(lambda i: self.activated.emit(i.data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.progress)
        layout.addWidget(self.list, 1)
        self.model.modelReset.connect(self._update_progress)
        self.model.dataChanged.connect(self._update_progress)

    def reload(self) -> None:
        self.model.reload()

    def _update_progress(self, *_args) -> None:
        total = self.model.rowCount()
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
