"""Team → Agreement report: how alike the annotators' layers are, as charts and a table.

The figures come from `team.agreement.project_agreement`, computed in the background on its
own read-only connection. The first chart compares every pair of annotators on each figure;
the second shows mention F1 per label for one pair, which is where guidelines usually need
work; the table lists every document and pair, weak figures tinted, and a double-click
opens the document in the curation window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.gui.agreement_chart import AgreementChart, Series, tint
from ruth_annotator.gui.theme import LIGHT, Theme
from ruth_annotator.gui.workers import run_task
from ruth_annotator.store.project import Project
from ruth_annotator.team.agreement import AgreementReport, Comparison, project_agreement

FIGURES = [
    ("Mentions F1, exact", lambda d: d["mentions"]["exact"]["overall"]["f1"]),
    ("Mentions F1, overlap", lambda d: d["mentions"]["overlap"]["overall"]["f1"]),
    ("Quotes F1, exact", lambda d: d["quotes"]["exact"]["f1"]),
    ("Quotes F1, overlap", lambda d: d["quotes"]["overlap"]["f1"]),
    ("Quote types κ", lambda d: d["quote_types"]["kappa"]),
    ("Quote types α", lambda d: d["quote_types"]["alpha"]),
    ("Speakers agree", lambda d: d["speakers"]["agreement"]),
]
COLUMNS = ["Document", "Annotators", *[name for name, _ in FIGURES[:4]], "κ", "Speakers"]


def pair_name(c: Comparison) -> str:
    return "All pairs" if c.annotators == ("*", "*") else " × ".join(c.annotators)


class AgreementReportDialog(QDialog):
    documentRequested = Signal(int)

    def __init__(self, project_path: Path, theme: Theme = LIGHT,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreement-report")
        self.setWindowTitle("Agreement report")
        self.setWindowFlag(Qt.WindowType.Window)
        self.project_path = Path(project_path)
        self.theme = theme
        self.report: AgreementReport | None = None
        self.titles: dict[int, str] = {}
        self.done_only = QCheckBox("Only documents marked done")
        self.done_only.toggled.connect(self.compute)
        refresh = QPushButton("Refresh")
        refresh.clicked.connect(self.compute)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.pair_chart = AgreementChart()
        self.label_chart = AgreementChart()
        for chart in (self.pair_chart, self.label_chart):
            chart.theme = theme
        self.pair_choice = QComboBox()
        self.pair_choice.currentIndexChanged.connect(self._show_labels)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.cellDoubleClicked.connect(self._open_row)
        self.table.setToolTip("Double-click a row to adjudicate that document")

        top = QHBoxLayout()
        top.addWidget(self.done_only)
        top.addStretch(1)
        top.addWidget(refresh)
        charts = QWidget()
        column = QVBoxLayout(charts)
        column.addWidget(self.summary)
        column.addWidget(self.pair_chart)
        choose = QHBoxLayout()
        choose.addWidget(QLabel("Mention F1 per label for"))
        choose.addWidget(self.pair_choice, 1)
        column.addLayout(choose)
        column.addWidget(self.label_chart)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(scroll)
        split.addWidget(self.table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.resize(900, 820)

    # --- computing --------------------------------------------------------------------

    def compute(self) -> None:
        done_only = self.done_only.isChecked()
        path = self.project_path

        def work(task):
            with Project.open(path, readonly=True) as project:
                titles = {d.id: d.title or d.uid for d in project.documents()}
                return project_agreement(project, done_only=done_only, task=task), titles

        self.summary.setText("Comparing the annotators' layers…")
        run_task(self, "Agreement report", work, lambda result: self.set_report(*result))

    def set_report(self, report: AgreementReport, titles: dict[int, str]) -> None:
        self.report, self.titles = report, titles
        if not report.pairs:
            self.summary.setText("No document has layers from two or more annotators yet. "
                                 "Merge the annotators' files first (ruth-annotator merge).")
        else:
            docs = len({d for c in report.pairs for d in c.documents})
            self.summary.setText(
                f"{len(report.annotators)} annotators ({', '.join(report.annotators)}) on "
                f"{docs} shared document(s). Below 0.67 agreement is weak, below 0.8 "
                "tentative (red and amber cells, dashed lines on bars).")
        shown = [*report.pairs, report.overall] if len(report.pairs) > 1 else report.pairs
        dicts = [c.to_dict() for c in shown]
        self.pair_chart.set_data("Agreement by annotator pair", [n for n, _ in FIGURES],
                                 [Series(pair_name(c), [f(d) for _, f in FIGURES])
                                  for c, d in zip(shown, dicts, strict=True)])
        self.pair_choice.blockSignals(True)
        self.pair_choice.clear()
        for c in shown:
            self.pair_choice.addItem(pair_name(c), c)
        self.pair_choice.blockSignals(False)
        self._show_labels()
        self._fill_table(report)

    def _show_labels(self) -> None:
        c = self.pair_choice.currentData()
        if c is None:
            self.label_chart.set_data("", [], [])
            return
        d = c.to_dict()["mentions"]
        labels = c.labels()
        self.label_chart.set_data(
            f"Mentions per label: {pair_name(c)}", labels,
            [Series(mode, [d[mode]["by_label"][lab]["f1"] for lab in labels])
             for mode in ("exact", "overlap")])

    def _fill_table(self, report: AgreementReport) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(report.documents))
        for row, c in enumerate(report.documents):
            d = c.to_dict()
            doc_id = c.documents[0]
            values = [f(d) for _, f in FIGURES[:5]]
            speakers = d["speakers"]
            cells = [self.titles.get(doc_id, str(doc_id)), " × ".join(c.annotators)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, doc_id)
                self.table.setItem(row, col, item)
            for col, value in enumerate([*values, speakers["agreement"]], 2):
                text = "n/a" if value is None else f"{value:.2f}"
                if col == len(COLUMNS) - 1 and value is not None:
                    text += f" ({speakers['agree']}/{speakers['matched']})"
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, doc_id)
                item.setData(Qt.ItemDataRole.ToolTipRole, COLUMNS[col])
                item.setBackground(tint(self.theme, value))
                item.setForeground(QColor(self.theme.text))
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    def _open_row(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.documentRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))


def show(window) -> AgreementReportDialog:
    """Menu handler: open the report for the window's project and compute it."""
    dialog = AgreementReportDialog(window.session.project.path, window.theme, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def open_document(doc_id: int) -> None:
        from ruth_annotator.gui import curation

        window.open_document(doc_id)
        curation.show(window)

    dialog.documentRequested.connect(open_document)
    dialog.show()
    dialog.compute()
    return dialog
