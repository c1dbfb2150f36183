"""The export dialog runs the pipeline in the background and reports what was lost."""

from __future__ import annotations

import json

import pytest

from ruth_annotator.formats import registry
from ruth_annotator.formats.registry import Format
from ruth_annotator.gui.dialogs.export_dialog import ExportDialog, carried_text, default_output
from ruth_annotator.model import Span, edits
from ruth_annotator.store import Project


@pytest.fixture
def annotated(project):
    """The sample project with one mention by 'tester' and one by 'other'."""
    text = project.document(1).text
    start = text.index("Kate Winslet")
    project.apply(edits.add_mention(project.layer(1), text, Span(start, start + 12), "PERSON"), 1)
    other = project.layer(1, "other")
    start = text.index("Channel 4")
    project.apply(edits.add_mention(other, text, Span(start, start + 9), "ORG"), 1, "other")
    path = project.path
    project.close()
    return path


def open_dialog(qtbot, path):
    with Project.open(path, readonly=True) as p:
        annotators = p.annotators()
    dialog = ExportDialog(path, annotators)
    qtbot.addWidget(dialog)
    return dialog


def run_export(qtbot, dialog):
    dialog.start_export()
    assert dialog.run is not None
    qtbot.waitUntil(lambda: dialog.run is None, timeout=20_000)


def test_exports_chosen_annotators_in_the_background(qtbot, annotated, tmp_path):
    dialog = open_dialog(qtbot, annotated)
    assert dialog.selected_format().name == "jsonl"
    assert dialog.output.text() == str(annotated.with_name("test-jsonl.jsonl"))
    out = tmp_path / "out.jsonl"
    dialog.output.setText(str(out))
    assert dialog.chosen_annotators() is None
    dialog.annotators.item([dialog.annotators.item(i).text()
                            for i in range(2)].index("other")).setCheckState(
        dialog.annotators.item(0).checkState().Unchecked)
    assert dialog.chosen_annotators() == ["tester"]
    run_export(qtbot, dialog)
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["annotator"] for r in records] == ["tester"]
    assert [m["text"] for m in records[0]["mentions"]] == ["Kate Winslet"]
    assert dialog.report.documents == 1
    assert "1 document," in dialog.results.toPlainText()


def test_nothing_ticked_or_bad_split_disables_export(qtbot, annotated):
    dialog = open_dialog(qtbot, annotated)
    for i in range(dialog.annotators.count()):
        dialog.annotators.item(i).setCheckState(dialog.annotators.item(i).checkState().Unchecked)
    assert not dialog.export_button.isEnabled()
    assert "annotator" in dialog.problem.text()
    dialog.annotators.item(0).setCheckState(dialog.annotators.item(0).checkState().Checked)
    dialog.split.setChecked(True)
    dialog.parts[0].setValue(50)
    assert "100" in dialog.problem.text() and not dialog.export_button.isEnabled()
    dialog.parts[0].setValue(80)
    assert dialog.export_button.isEnabled()
    dialog.seed.setValue(7)
    options = dialog.options()
    assert options.split == pytest.approx((0.8, 0.1, 0.1)) and options.seed == 7


def test_split_export_writes_one_file_per_part(qtbot, annotated, tmp_path):
    dialog = open_dialog(qtbot, annotated)
    dialog.output.setText(str(tmp_path / "data.jsonl"))
    dialog.split.setChecked(True)
    for spin, value in zip(dialog.parts, (100, 0, 0), strict=True):
        spin.setValue(value)
    run_export(qtbot, dialog)
    assert dialog.report is not None, dialog.results.toPlainText()
    assert len((tmp_path / "data.train.jsonl").read_text().splitlines()) == 2


def test_shows_what_the_format_cannot_carry(qtbot, annotated, tmp_path, monkeypatch):
    def writer(records, path, options, report):
        for record in records:
            report.documents += 1
            report.lost += [f"quote {q['id']}" for q in record["quotes"]]
            report.lost += [f"mention {m['id']}" for m in record["mentions"]]
        path.write_text("x")

    fmt = Format("mentions-only", "Test format", (".txt",), writer=writer,
                 carries=frozenset({"mentions"}))
    monkeypatch.setitem(registry._FORMATS, fmt.name, fmt)
    assert "Cannot keep:" in carried_text(fmt) and "quotes" in carried_text(fmt)
    assert default_output(annotated, fmt).name == "test-mentions-only.txt"
    dialog = open_dialog(qtbot, annotated)
    dialog.format.setCurrentIndex(dialog.format.findData("mentions-only"))
    assert "Cannot keep:" in dialog.about_format.text()
    assert dialog.output.text().endswith("test-mentions-only.txt")
    dialog.output.setText(str(tmp_path / "x.txt"))
    run_export(qtbot, dialog)
    shown = dialog.results.toPlainText()
    assert "Not carried by mentions-only:" in shown
    assert shown.count("  mention m-") == 2


def test_errors_are_shown_in_the_dialog(qtbot, annotated, tmp_path):
    dialog = open_dialog(qtbot, annotated)
    blocker = tmp_path / "file"
    blocker.write_text("")
    dialog.output.setText(str(blocker / "out.jsonl"))  # a file where a folder should be
    run_export(qtbot, dialog)
    assert dialog.report is None
    assert str(blocker) in dialog.results.toPlainText()
    assert dialog.export_button.isEnabled()


def test_says_how_many_undecided_suggestions_it_left_out(qtbot, project, tmp_path):
    from ruth_annotator.app.suggesting import suggest_project

    proposed = suggest_project(project)
    left = proposed.quotes + proposed.mentions + proposed.entities
    path = project.path
    project.close()
    dialog = open_dialog(qtbot, path)
    dialog.output.setText(str(tmp_path / "out.jsonl"))
    run_export(qtbot, dialog)
    assert dialog.report.undecided_left_out == left > 0
    assert (f"{left} undecided suggestions left out: tick “Include undecided suggestions”"
            in dialog.results.toPlainText())
