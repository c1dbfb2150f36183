"""The settings dialog: preferences to the settings file, the label set to the project."""

from __future__ import annotations

from ruth_annotator import config
from ruth_annotator.gui import messages
from ruth_annotator.gui.dialogs import label_editor as le
from ruth_annotator.gui.dialogs import settings_dialog
from ruth_annotator.gui.dialogs.label_editor import LabelSetEditor
from ruth_annotator.gui.dialogs.preferences import Preferences, load_preferences
from ruth_annotator.gui.dialogs.settings_dialog import SettingsDialog, spacy_status
from ruth_annotator.model import Span, edits
from ruth_annotator.model.labels import DEFAULT_LABELS
from ruth_annotator.store import Project


def annotate_winslet(project):
    text = project.document(1).text
    start = text.index("Kate Winslet")
    project.apply(edits.add_mention(project.layer(1), text, Span(start, start + 12), "PERSON"), 1)


def set_cell(editor, row, col, text):
    editor.table.item(row, col).setText(text)


def test_editor_reports_invalid_sets_and_tracks_renames(qtbot):
    editor = LabelSetEditor(list(DEFAULT_LABELS))
    qtbot.addWidget(editor)
    assert editor.problem() == ""
    set_cell(editor, 1, le.KEY, "1")  # ORG takes PERSON's key
    assert "key 1" in editor.problem()
    set_cell(editor, 1, le.KEY, "2")
    set_cell(editor, 0, le.NAME, "per son")  # typed names become label names
    assert editor.table.item(0, le.NAME).text() == "PER_SON"
    assert editor.renamed() == {"PERSON": "PER_SON"}
    set_cell(editor, 2, le.KEY, "q")  # Q makes a direct quote
    assert editor.table.item(2, le.KEY).text() == "Q"
    assert editor.problem() == "key Q of GPE is already Direct quote"
    config.save_settings({"shortcuts": {"annotate.quote": "Ctrl+Q"}})  # moved by the user
    assert "key Q" not in editor.problem()
    set_cell(editor, 2, le.KEY, "3")
    set_cell(editor, 2, le.COLOUR, "teal")
    assert "#RRGGBB" in editor.problem()
    assert editor.problem_label.text() == editor.problem()


def test_editor_add_move_recolour_and_defaults(qtbot):
    editor = LabelSetEditor(list(DEFAULT_LABELS[:2]))
    qtbot.addWidget(editor)
    editor.add_label()
    labels = editor.labels()
    assert [lab.name for lab in labels] == ["PERSON", "ORG", "LABEL_1"]
    assert labels[2].key == "3"  # the first free digit
    editor.table.setCurrentCell(2, le.NAME)
    editor.move(-1)
    assert [lab.name for lab in editor.labels()] == ["PERSON", "LABEL_1", "ORG"]
    editor.pick_colour = lambda current: "#123abc"
    editor.choose_colour(1)
    assert editor.labels()[1].color == "#123ABC"
    editor.reset_defaults()
    assert editor.labels() == list(DEFAULT_LABELS)
    assert editor.renamed() == {}


def test_removing_a_used_label_asks_first(qtbot):
    editor = LabelSetEditor(list(DEFAULT_LABELS[:3]), usage={"ORG": 4})
    qtbot.addWidget(editor)
    questions = []
    editor.confirm = lambda text: questions.append(text) or False
    editor.table.setCurrentCell(1, le.NAME)
    editor.remove_selected()
    assert len(editor.labels()) == 3 and "4 annotation(s)" in questions[0]
    editor.confirm = lambda text: True
    editor.remove_selected()
    assert [lab.name for lab in editor.labels()] == ["PERSON", "GPE"]
    editor.table.setCurrentCell(1, le.NAME)
    editor.remove_selected()  # unused: no question
    assert len(questions) == 1
    editor.table.setCurrentCell(0, le.NAME)
    editor.remove_selected()
    assert "at least one label" in editor.problem()


def test_dialog_saves_preferences(qtbot):
    config.save_settings({"window_geometry": "kept"})
    dialog = SettingsDialog(load_preferences())
    qtbot.addWidget(dialog)
    dialog.annotator.setText("  ruth ")
    dialog.zoom.setValue(4)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.backup.setValue(30)
    dialog.backup_keep.setValue(5)
    dialog.suggestions.setChecked(False)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = config.load_settings()
    assert Preferences.from_settings(stored) == Preferences(
        annotator="ruth", zoom=4, theme="dark", suggestions_enabled=False,
        backup_every_minutes=30, backup_keep=5)
    assert stored["window_geometry"] == "kept"


def test_empty_annotator_blocks_ok(qtbot):
    dialog = SettingsDialog(load_preferences())
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.annotator.setText(" ")
    assert not ok.isEnabled() and "annotator" in ok.toolTip()
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "annotator" not in config.load_settings()


def test_dialog_renames_labels_in_the_project(qtbot, project):
    annotate_winslet(project)
    dialog = SettingsDialog(load_preferences(), project)
    qtbot.addWidget(dialog)
    set_cell(dialog.labels_editor, 0, le.NAME, "PER")
    dialog.accept()
    assert project.labels()[0].name == "PER"
    assert {m.label for m in project.layer(1).mentions.values()} == {"PER"}
    assert {e.label for e in project.layer(1).entities.values()} == {"PER"}
    assert project.label_usage() == {"PER": 2}


def test_invalid_label_set_keeps_dialog_open(qtbot, project):
    dialog = SettingsDialog(load_preferences(), project)
    qtbot.addWidget(dialog)
    set_cell(dialog.labels_editor, 0, le.NAME, "ORG")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert project.labels() == list(DEFAULT_LABELS)


def test_read_only_project_shows_the_error_and_stays_open(qtbot, project, monkeypatch):
    path = project.path
    project.close()
    readonly = Project.open(path, readonly=True)
    shown = []
    monkeypatch.setattr(messages, "warning", lambda *a: shown.append(a[2]))
    dialog = SettingsDialog(load_preferences(), readonly)
    qtbot.addWidget(dialog)
    set_cell(dialog.labels_editor, 0, le.NAME, "PER")
    dialog.accept()
    readonly.close()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert shown and "read-only" in shown[0]


def test_spacy_engine_shows_what_to_install(qtbot, monkeypatch):
    present = set()
    monkeypatch.setattr(settings_dialog, "installed", lambda module: module in present)
    assert "pip install 'ruth-annotator[spacy]'" in spacy_status("en_core_web_sm")
    dialog = SettingsDialog(load_preferences())
    qtbot.addWidget(dialog)
    assert not dialog.spacy_model.isEnabled() and dialog.engine_status.text() == ""
    dialog.engine.setCurrentIndex(dialog.engine.findData("spacy"))
    assert dialog.spacy_model.isEnabled()
    assert "ruth-annotator[spacy]" in dialog.engine_status.text()
    present.add("spacy")
    dialog.spacy_model.setText("en_core_web_md")
    assert "python -m spacy download en_core_web_md" in dialog.engine_status.text()
    present.add("en_core_web_md")
    dialog.spacy_model.setText("en_core_web_md ")
    assert dialog.engine_status.text() == "spaCy and the model en_core_web_md are installed."
    dialog.suggestions.setChecked(False)
    assert not dialog.engine.isEnabled() and dialog.engine_status.text() == ""


def test_text_size_reads_as_points_added_to_the_default(qtbot):
    from PySide6.QtGui import QValidator

    dialog = SettingsDialog(load_preferences())
    qtbot.addWidget(dialog)
    box = dialog.zoom
    assert box.text() == "default"
    box.setValue(-3)
    assert box.text() == "\u22123 pt" and box.valueFromText(box.text()) == -3
    box.setValue(2)
    assert box.text() == "+2 pt"
    assert box.validate("abc", 0)[0] == QValidator.State.Invalid
    assert box.validate("-", 1)[0] == QValidator.State.Intermediate
    assert box.validate("99 pt", 2)[0] == QValidator.State.Intermediate  # out of range
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "5")
    box.interpretText()
    assert box.value() == 5
