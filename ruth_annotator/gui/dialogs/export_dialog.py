"""File → Export: choose a format and what goes in, export in the background, then show
what the format could not carry (`ExportReport.lost`), so nothing is dropped silently."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.app.transfer import export_project
from ruth_annotator.errors import RuthError
from ruth_annotator.formats import registry
from ruth_annotator.formats.registry import FEATURES, ExportOptions, ExportReport, Format
from ruth_annotator.gui.dialogs.common import described
from ruth_annotator.gui.workers import TaskRun, run_task
from ruth_annotator.model.wording import plural
from ruth_annotator.store.project import Project
from ruth_annotator.tasks import Cancelled, Task


def default_output(project_path: Path, fmt: Format) -> Path:
    """Beside the project: `news-conll.conll`, or a folder `news-brat/` for folder formats."""
    stem = f"{project_path.stem}-{fmt.name}"
    suffix = "" if fmt.folder or not fmt.extensions else fmt.extensions[0]
    return project_path.with_name(stem + suffix)


def carried_text(fmt: Format) -> str:
    kept = ", ".join(sorted(fmt.carries)) or "text only"
    lost = ", ".join(sorted(FEATURES - fmt.carries))
    return f"Keeps: {kept}." + (f"\nCannot keep: {lost}." if lost else "")


class ExportDialog(QDialog):
    """Export the project at `project_path`; the work opens its own read-only connection."""

    def __init__(self, project_path: Path, annotators: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project_path = Path(project_path)
        self.report: ExportReport | None = None
        self.run: TaskRun | None = None
        self._output_edited = False
        self.setWindowTitle(self.tr("Export"))
        described(self, self.tr("Export"))
        self.formats = [f for f in registry.formats() if f.writer is not None]

        self.format = QComboBox(self)
        for fmt in self.formats:
            self.format.addItem(f"{fmt.name} — {fmt.description}", fmt.name)
        described(self.format, self.tr("Format"), self.tr("The file format to write"))
        self.about_format = QLabel(self)
        self.about_format.setWordWrap(True)
        described(self.about_format, self.tr("What the format keeps"))

        self.output = QLineEdit(self)
        described(self.output, self.tr("Output"), self.tr("The file or folder to write"))
        self.output.textEdited.connect(lambda _: setattr(self, "_output_edited", True))
        browse = QPushButton(self.tr("&Browse…"), self)
        described(browse, self.tr("Browse"), self.tr("Choose where to write"))
        browse.clicked.connect(self.browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)

        self.annotators = QListWidget(self)
        described(self.annotators, self.tr("Annotators"),
                  self.tr("Whose annotations to export (Space ticks or unticks)"))
        for name in annotators:
            item = QListWidgetItem(name, self.annotators)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.annotators.setMaximumHeight(110)
        self.annotators.itemChanged.connect(self._validate)

        self.suggestions = QCheckBox(self.tr("Include &undecided suggestions"), self)
        described(self.suggestions, self.tr("Include undecided suggestions"),
                  self.tr("Also write suggestions nobody accepted or rejected yet "
                          "(status 'proposed'); rejected ones are never written"))

        self.split = QGroupBox(self.tr("&Split into train / dev / test"), self)
        self.split.setCheckable(True)
        self.split.setChecked(False)
        described(self.split, self.tr("Split into train, dev and test"),
                  self.tr("Each document goes to one part, decided by its id and the seed, "
                          "so exporting again never moves a document"))
        split_form = QFormLayout(self.split)
        self.parts: list[QSpinBox] = []
        for name, value in (("train", 80), ("dev", 10), ("test", 10)):
            spin = QSpinBox(self.split)
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setValue(value)
            described(spin, self.tr("{part} share").format(part=name))
            spin.valueChanged.connect(self._validate)
            self.parts.append(spin)
            split_form.addRow(f"{name}:", spin)
        self.seed = QSpinBox(self.split)
        self.seed.setRange(0, 2**31 - 1)
        described(self.seed, self.tr("Seed"), self.tr("Another seed gives another split"))
        split_form.addRow(self.tr("Seed:"), self.seed)
        self.split.toggled.connect(self._validate)

        self.results = QPlainTextEdit(self)
        self.results.setReadOnly(True)
        self.results.setVisible(False)
        described(self.results, self.tr("Export results"))
        self.problem = QLabel(self)
        described(self.problem, self.tr("Problem"))

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        described(self.export_button, self.tr("Export"), self.tr("Write the export now"))
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        described(close, self.tr("Close"))
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        described(self.buttons, self.tr("Dialog buttons"))

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.about_format)
        output_label = QLabel(self.tr("&Output:"), self)
        output_label.setBuddy(self.output)  # Alt+O reaches the path field
        form.addRow(output_label, out_row)
        form.addRow(self.tr("&Annotators:"), self.annotators)
        form.addRow("", self.suggestions)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.split)
        layout.addWidget(self.problem)
        layout.addWidget(self.results)
        layout.addWidget(self.buttons)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.output.textChanged.connect(self._validate)
        self._format_changed()
        self.resize(640, self.heightForWidth(640))

    # --- choices ---------------------------------------------------------------------

    def selected_format(self) -> Format:
        return self.formats[self.format.currentIndex()]

    def _format_changed(self) -> None:
        if not self.formats:
            return
        fmt = self.selected_format()
        self.about_format.setText(carried_text(fmt) + (f"\n{fmt.notes}" if fmt.notes else ""))
        if not self._output_edited:
            self.output.setText(str(default_output(self.project_path, fmt)))
        self._validate()

    def browse(self) -> None:
        fmt = self.selected_format()
        if fmt.folder:
            path = QFileDialog.getExistingDirectory(self, self.tr("Export to folder"),
                                                    self.output.text())
        else:
            patterns = " ".join(f"*{e}" for e in fmt.extensions) or "*"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to file"),
                                                  self.output.text(),
                                                  f"{fmt.name} ({patterns})")
        if path:
            self._output_edited = True
            self.output.setText(path)

    def chosen_annotators(self) -> list[str] | None:
        """None means everyone (also annotators who appear after the dialog opened)."""
        items = [self.annotators.item(i) for i in range(self.annotators.count())]
        chosen = [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]
        return None if len(chosen) == len(items) else chosen

    def options(self) -> ExportOptions:
        split = None
        if self.split.isChecked():
            total = sum(s.value() for s in self.parts) or 1
            split = tuple(s.value() / total for s in self.parts)
        return ExportOptions(include_suggestions=self.suggestions.isChecked(),
                             annotators=self.chosen_annotators(), split=split,
                             seed=self.seed.value())

    def problem_text(self) -> str:
        if not self.formats:
            return self.tr("No format can export.")
        if not self.output.text().strip():
            return self.tr("Choose where to write the export.")
        if self.annotators.count() and self.chosen_annotators() == []:
            return self.tr("Tick at least one annotator.")
        if self.split.isChecked() and sum(s.value() for s in self.parts) != 100:
            return self.tr("The three parts must add up to 100 %.")
        return ""

    def _validate(self) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.export_button.setEnabled(not problem and self.run is None)

    # --- running ---------------------------------------------------------------------

    def start_export(self) -> None:
        if self.problem_text() or self.run is not None:
            return
        fmt, output, options = self.selected_format(), Path(self.output.text().strip()), \
            self.options()
        project_path = self.project_path

        def work(task: Task) -> ExportReport:
            with Project.open(project_path, readonly=True) as project:
                return export_project(project, fmt.name, output, options, task)

        self.export_button.setEnabled(False)
        self.results.setVisible(False)
        self.run = run_task(self, self.tr("Exporting"), work, self._done, self._failed)

    def _done(self, report: ExportReport) -> None:
        self.run = None
        self.report = report
        lines = [f"{report.written()} to {self.output.text().strip()}"]
        lines += [f"  {path}" for path in report.files]
        if report.undecided_left_out:
            lines.append(self.tr("{count} left out: tick “Include undecided suggestions” to "
                                 "write them too").format(
                count=plural(report.undecided_left_out, "undecided suggestion")))
        if report.lost:
            lines.append(self.tr("Not carried by {fmt}:").format(fmt=self.selected_format().name))
            lines += [f"  {item}" for item in report.lost]
        self.results.setPlainText("\n".join(lines))
        self.results.setVisible(True)
        self._validate()

    def _failed(self, error: BaseException) -> None:
        self.run = None
        if isinstance(error, Cancelled):
            text = self.tr("Export cancelled.")
        elif isinstance(error, RuthError):
            text = str(error)
        else:
            text = f"Export failed: {type(error).__name__}: {error}"
        self.results.setPlainText(text)
        self.results.setVisible(True)
        self._validate()


def show(window) -> None:
    """Menu handler: File → Export."""
    project = window.session.project
    ExportDialog(project.path, project.annotators(), window).exec()
