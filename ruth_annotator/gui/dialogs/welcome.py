"""The first start: ask the annotator's name, then how to begin.

The choices are the sample article (the default project, created with it), an existing
project, a new project, or articles to import into the default project. The dialog only
decides; the app opens the project and runs the import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator import config
from ruth_annotator.gui.dialogs.common import described
from ruth_annotator.gui.dialogs.preferences import (
    first_start,
    load_preferences,
    mark_welcomed,
    save_preferences,
)
from ruth_annotator.resources import resource_path

PROJECT_FILTER = "Ruth Annotator projects (*.ruth)"
IMPORT_FILTER = "Articles (*.txt *.text *.jsonl *.ndjson *.json);;All files (*)"


@dataclass(frozen=True)
class StartChoice:
    """What to open first, and what to import into it once it is open."""

    kind: str  # "sample", "open", "new" or "import"
    project: Path
    imports: tuple[Path, ...] = field(default=())


def with_suffix(path: Path) -> Path:
    return path if path.suffix == config.PROJECT_SUFFIX else path.with_name(
        path.name + config.PROJECT_SUFFIX)


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: StartChoice | None = None
        #: File choosers; tests replace them. Each returns None / [] when cancelled.
        self.ask_open_project: Callable[[], Path | None] = self._ask_open_project
        self.ask_new_project: Callable[[], Path | None] = self._ask_new_project
        self.ask_import_files: Callable[[], list[Path]] = self._ask_import_files

        self.setWindowTitle(self.tr("Welcome to Ruth Annotator"))
        described(self, self.tr("Welcome to Ruth Annotator"))
        icon = QLabel(self)
        icon.setPixmap(QPixmap(str(resource_path("icons", "png", "ruth-annotator-64.png"))))
        described(icon, self.tr("Ruth Annotator icon"))
        intro = QLabel(self.tr(
            "<h2>Welcome to Ruth Annotator</h2>"
            "<p>Mark the people and organisations in news articles, the quotations, who "
            "said them and how. Everything you do is saved at once; there is no Save "
            "button.</p>"), self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        described(intro, self.tr("Introduction"))

        self.name = QLineEdit(load_preferences().annotator, self)
        described(self.name, self.tr("Your name"),
                  self.tr("Your annotations are stored under this name; change it later "
                          "in Settings"))
        form = QFormLayout()
        form.addRow(self.tr("Your &name:"), self.name)

        self.buttons: dict[str, QCommandLinkButton] = {}
        for kind, text, detail in (
            ("sample", self.tr("Try the &sample article"),
             self.tr("A short news story about Kate Winslet, ready to annotate")),
            ("open", self.tr("&Open a project…"), self.tr("A .ruth file you or a colleague made")),
            ("new", self.tr("Start a ne&w project…"), self.tr("An empty project file")),
            ("import", self.tr("&Import articles…"),
             self.tr("Text files or JSONL records, added to your default project")),
        ):
            button = QCommandLinkButton(text, detail, self)
            described(button, text.replace("&", "").rstrip("…"), detail)
            button.clicked.connect(lambda _=False, kind=kind: self.choose(kind))
            self.buttons[kind] = button
        self.buttons["sample"].setDefault(True)

        self.problem = QLabel(self)
        described(self.problem, self.tr("Problem"))
        self.name.textChanged.connect(self._name_changed)

        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(intro, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addSpacing(8)
        for button in self.buttons.values():
            layout.addWidget(button)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.resize(560, self.heightForWidth(560))  # wrapped text fits, no empty band below

    def _name_changed(self) -> None:
        ok = bool(self.name.text().strip())
        for button in self.buttons.values():
            button.setEnabled(ok)
        self.problem.setText("" if ok else self.tr("Please enter your name first."))

    def choose(self, kind: str) -> None:
        """Act on one of the four buttons; a cancelled file chooser keeps the dialog open."""
        if not self.name.text().strip():
            return
        default = config.default_project_path()
        if kind == "sample":
            choice = StartChoice("sample", default)
        elif kind == "open":
            path = self.ask_open_project()
            choice = StartChoice("open", path) if path else None
        elif kind == "new":
            path = self.ask_new_project()
            choice = StartChoice("new", with_suffix(path)) if path else None
        else:
            files = self.ask_import_files()
            choice = StartChoice("import", default, tuple(files)) if files else None
        if choice is None:
            return
        self.choice = choice
        self._remember()
        self.accept()

    def _remember(self) -> None:
        prefs = load_preferences()
        prefs.annotator = self.name.text().strip()
        save_preferences(prefs)
        mark_welcomed()

    def _ask_open_project(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "",
                                              PROJECT_FILTER)
        return Path(path) if path else None

    def _ask_new_project(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New project"),
                                              str(Path.home() / "annotations.ruth"),
                                              PROJECT_FILTER)
        return Path(path) if path else None

    def _ask_import_files(self) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import articles"), "",
                                                IMPORT_FILTER)
        return [Path(p) for p in paths]


def ask_start(parent: QWidget | None = None) -> StartChoice | None:
    """Show the welcome screen; None when the user closed it without choosing."""
    dialog = WelcomeDialog(parent)
    dialog.exec()
    if dialog.choice is None:
        mark_welcomed()  # closing it means "not now"; the guide is in the Help menu
    return dialog.choice


def first_start_choice(project_path: Path | None) -> StartChoice | None:
    """On the very first start, when no project was named, ask how to begin."""
    if project_path is not None or not first_start():
        return None
    return ask_start()
