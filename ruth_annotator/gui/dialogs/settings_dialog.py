"""Settings: who is annotating, how the text looks, the label set, suggestions, backups.

Preferences go to the settings file in the platform's config folder (shared with the CLI);
the label set belongs to the open project and is saved there, renames included.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ruth_annotator.errors import OptionalDependencyError, RuthError
from ruth_annotator.gui import cheat_sheet, messages
from ruth_annotator.gui.dialogs.common import described, ok_cancel
from ruth_annotator.gui.dialogs.label_editor import LabelSetEditor
from ruth_annotator.gui.dialogs.preferences import (
    BACKUP_KEEP,
    BACKUP_MINUTES,
    DEFAULT_SPACY_MODEL,
    ZOOM_STEPS,
    Preferences,
    load_preferences,
    save_preferences,
)
from ruth_annotator.store.project import Project

MINUS = "\u2212"  # a real minus sign in "−2 pt"


def installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def spacy_status(model: str) -> str:
    """One line on whether the spaCy engine can run here, with what to install if not."""
    if not installed("spacy"):
        return str(OptionalDependencyError("Suggestions with a spaCy model", "spaCy", "spacy"))
    model = model.strip()
    if Path(model).is_dir() or (model and installed(model)):
        return f"spaCy and the model {model} are installed."
    return (f"spaCy is installed but the model {model or '(none)'} is not. Install it with: "
            f"python -m spacy download {model or DEFAULT_SPACY_MODEL}")


class TextSizeBox(QSpinBox):
    """Points added to the reading size, shown as "+2 pt", "−1 pt" or "default"."""

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt override)
        return self.tr("default") if value == 0 else f"{value:+d} pt".replace("-", MINUS)

    def _number(self, text: str) -> int | None:
        if text.strip() == self.tr("default"):
            return 0
        try:
            return int(text.replace(MINUS, "-").replace("pt", "").strip())
        except ValueError:
            return None

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt override)
        return self._number(text) or 0

    def validate(self, text: str, pos: int):
        value = self._number(text)
        if value is None:
            partial = text.replace(MINUS, "-").replace("pt", "").strip() in ("", "+", "-")
            state = QValidator.State.Intermediate if partial else QValidator.State.Invalid
        elif self.minimum() <= value <= self.maximum():
            state = QValidator.State.Acceptable
        else:
            state = QValidator.State.Intermediate
        return state, text, pos


class SettingsDialog(QDialog):
    """Edits a copy of the preferences; `save()` writes them (and the project's labels)."""

    def __init__(self, prefs: Preferences, project: Project | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle(self.tr("Settings"))
        described(self, self.tr("Settings"))
        self.tabs = QTabWidget(self)
        described(self.tabs, self.tr("Settings sections"))
        self.tabs.addTab(self._general(prefs), self.tr("&General"))
        self.labels_editor: LabelSetEditor | None = None
        if project is not None:
            self.labels_editor = LabelSetEditor(project.labels(), project.label_usage(), self)
            self.labels_editor.changed.connect(self._validate)
            self.tabs.addTab(self.labels_editor, self.tr("&Labels"))
        self.tabs.addTab(self._suggestions(prefs), self.tr("S&uggestions"))
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.resize(640, 420)
        self._validate()

    def _general(self, prefs: Preferences) -> QWidget:
        page = QWidget(self)
        described(page, self.tr("General settings"))
        form = QFormLayout(page)
        self.annotator = QLineEdit(prefs.annotator, page)
        described(self.annotator, self.tr("Annotator name"),
                  self.tr("Your name in the project: your annotations are stored under it"))
        self.annotator.textChanged.connect(self._validate)
        self.zoom = TextSizeBox(page)
        self.zoom.setRange(ZOOM_STEPS.start, ZOOM_STEPS.stop - 1)
        self.zoom.setValue(prefs.zoom)
        described(self.zoom, self.tr("Text size"),
                  self.tr("Points added to the article's reading size (Ctrl++ and Ctrl+- "
                          "change it too)"))
        self.theme = QComboBox(page)
        for value, text in (("system", self.tr("Same as the desktop")),
                            ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.theme.addItem(text, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        described(self.theme, self.tr("Theme"), self.tr("Light or dark colours"))
        self.backup = QSpinBox(page)
        self.backup.setRange(BACKUP_MINUTES.start, BACKUP_MINUTES.stop - 1)
        self.backup.setSuffix(self.tr(" min"))
        self.backup.setValue(prefs.backup_every_minutes)
        described(self.backup, self.tr("Backup interval"),
                  self.tr("A backup copy of the open project is made when it changed and "
                          "the last copy is older than this"))
        self.backup_keep = QSpinBox(page)
        self.backup_keep.setRange(BACKUP_KEEP.start, BACKUP_KEEP.stop - 1)
        self.backup_keep.setSuffix(self.tr(" copies"))
        self.backup_keep.setValue(prefs.backup_keep)
        described(self.backup_keep, self.tr("Backups kept"),
                  self.tr("The oldest backups beyond this number are deleted"))
        for text, widget in ((self.tr("&Annotator name:"), self.annotator),
                             (self.tr("&Text size:"), self.zoom),
                             (self.tr("&Theme:"), self.theme),
                             (self.tr("&Backup every:"), self.backup),
                             (self.tr("&Keep:"), self.backup_keep)):
            form.addRow(text, widget)
        return page

    def add_shortcuts_tab(self, open_editor: Callable[[], None]) -> None:
        """A tab leading to the keyboard-shortcut editor (the cheat sheet), which applies
        changes to the window at once."""
        page = QWidget(self)
        described(page, self.tr("Keyboard shortcut settings"))
        text = QLabel(self.tr(
            "Every action has a key. The cheat sheet (<b>?</b>) lists them all and changes "
            "any of them; two actions can never share a key. The label keys (1–9) are set "
            "on the Labels tab."), page)
        text.setWordWrap(True)
        described(text, self.tr("About keyboard shortcuts"))
        button = QPushButton(self.tr("&Change keyboard shortcuts…"), page)
        described(button, self.tr("Change keyboard shortcuts"),
                  self.tr("Open the cheat sheet, where keys are changed"))
        button.clicked.connect(open_editor)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.tabs.insertTab(self.tabs.count() - 1, page, self.tr("&Keys"))

    def _suggestions(self, prefs: Preferences) -> QWidget:
        page = QWidget(self)
        described(page, self.tr("Suggestion settings"))
        form = QFormLayout(page)
        self.suggestions = QCheckBox(self.tr("&Suggest annotations in new documents"), page)
        self.suggestions.setChecked(prefs.suggestions_enabled)
        described(self.suggestions, self.tr("Suggestions on"),
                  self.tr("Proposed mentions and quotes appear faded until you accept them"))
        self.engine = QComboBox(page)
        self.engine.addItem(self.tr("Built-in rules (fast, no extra install)"), "rules")
        self.engine.addItem(self.tr("spaCy model"), "spacy")
        self.engine.setCurrentIndex(max(0, self.engine.findData(prefs.suggestion_engine)))
        described(self.engine, self.tr("Suggestion engine"),
                  self.tr("Which engine proposes entities and quotes"))
        self.spacy_model = QLineEdit(prefs.spacy_model, page)
        described(self.spacy_model, self.tr("spaCy model"),
                  self.tr("An installed spaCy model package or folder, e.g. en_core_web_sm"))
        self.engine_status = QLabel(page)
        self.engine_status.setWordWrap(True)
        described(self.engine_status, self.tr("Suggestion engine status"))
        for signal in (self.engine.currentIndexChanged, self.spacy_model.textChanged,
                       self.suggestions.toggled):
            signal.connect(self._update_engine)
        form.addRow(self.suggestions)
        form.addRow(self.tr("&Engine:"), self.engine)
        form.addRow(self.tr("spaCy &model:"), self.spacy_model)
        form.addRow(self.engine_status)
        self._update_engine()
        return page

    def _update_engine(self) -> None:
        on = self.suggestions.isChecked()
        spacy = self.engine.currentData() == "spacy"
        self.engine.setEnabled(on)
        self.spacy_model.setEnabled(on and spacy)
        self.engine_status.setText(spacy_status(self.spacy_model.text()) if on and spacy else "")

    # --- result ----------------------------------------------------------------------

    def preferences(self) -> Preferences:
        return Preferences(
            annotator=self.annotator.text().strip(),
            zoom=self.zoom.value(),
            theme=self.theme.currentData(),
            suggestions_enabled=self.suggestions.isChecked(),
            suggestion_engine=self.engine.currentData(),
            spacy_model=self.spacy_model.text().strip() or DEFAULT_SPACY_MODEL,
            backup_every_minutes=self.backup.value(),
            backup_keep=self.backup_keep.value(),
        )

    def problem(self) -> str:
        if not self.annotator.text().strip():
            return self.tr("The annotator name cannot be empty.")
        if self.labels_editor is not None:
            return self.labels_editor.problem()
        return ""

    def _validate(self) -> None:
        ok = self.buttons.button(self.buttons.StandardButton.Ok)
        problem = self.problem()
        ok.setEnabled(not problem)
        ok.setToolTip(problem)

    def save(self) -> None:
        """Write preferences and the label set; raises RuthError when the project refuses."""
        if self.labels_editor is not None and self.project is not None:
            labels = self.labels_editor.labels()
            if labels != self.project.labels() or self.labels_editor.renamed():
                self.project.set_labels(labels, self.labels_editor.renamed())
        save_preferences(self.preferences())

    def accept(self) -> None:
        if self.problem():
            return
        try:
            self.save()
        except RuthError as e:
            messages.warning(self, self.tr("Settings"), str(e))
            return
        super().accept()


def show(window) -> None:
    """Menu handler: Edit → Settings; applies what changed to the open window."""
    before = load_preferences()
    project = window.session.project
    labels = project.labels()
    dialog = SettingsDialog(before, project, window)
    dialog.add_shortcuts_tab(lambda: cheat_sheet.show(window))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    after = dialog.preferences()
    if after.theme != before.theme:
        window.set_theme(after.theme)
    if after.zoom != before.zoom:
        window.view.set_zoom(after.zoom)
    if after.annotator != before.annotator or project.labels() != labels:
        # A fresh session: the layer under the new name, the new label keys, and an undo
        # history that cannot bring back a label that no longer exists.
        window.open_project_file(project.path)
