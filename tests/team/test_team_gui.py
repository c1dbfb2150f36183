"""The curation window and the agreement report, driven through their keys and signals."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ruth_annotator.gui.agreement_report import FIGURES, AgreementReportDialog  # noqa: E402
from ruth_annotator.gui.curation import CurationWindow, annotators_of  # noqa: E402
from ruth_annotator.gui.curation_table import AGREED, DECIDED, OPEN  # noqa: E402
from ruth_annotator.store import Project  # noqa: E402
from ruth_annotator.team.agreement import project_agreement  # noqa: E402

from .scenario import alice_items, bob_items, write_layer  # noqa: E402


@pytest.fixture
def team_project(project):
    write_layer(project, "alice", alice_items())
    write_layer(project, "bob", bob_items())
    write_layer(project, "carol", [], status="todo")
    return project


def marks(window) -> list[str]:
    return [window.table.item(r, 0).text() for r in range(window.table.rowCount())]


def stored_gold(path):
    with Project.open(path, readonly=True) as proj:
        return proj.layer(1, "gold")


def test_curation_takes_versions_with_keys_and_undoes(qtbot, team_project):
    assert annotators_of(team_project, 1) == ["alice", "bob"]  # carol has not started
    window = CurationWindow(team_project.path, 1)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.table.setFocus()
    QApplication.processEvents()
    assert set(window.views) == {"alice", "bob", "gold"}
    # 7 mention places (3 agreed) and 6 quote places (1 agreed)
    assert marks(window).count(AGREED) == 4 and marks(window).count(OPEN) == 9
    # the first open disagreement is selected, and every view shows it
    first = window.table.current_group()
    assert first is not None and not first.agreed
    qtbot.keyClick(window.table, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert marks(window).count(DECIDED) == 4
    gold = stored_gold(team_project.path)
    assert len(gold.mentions) == 3 and len(gold.quotes) == 1  # saved at once
    row = next(r for r, g in enumerate(window.table.groups)
               if window.text[g.start:g.end] == "I Am Ruth")
    window.table.selectRow(row)
    qtbot.keyClick(window.table, Qt.Key.Key_2)  # bob's version: EVENT
    assert [m.label for m in stored_gold(team_project.path).mentions.values()
            if m.start == 66] == ["EVENT"]
    assert "EVENT" in window.table.item(row, 5).text()  # the gold column
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not [m for m in stored_gold(team_project.path).mentions.values() if m.start == 66]
    qtbot.keyClick(window.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored_gold(team_project.path).status == "done"
    window.close()


def test_gold_gets_no_suggestions(qtbot, team_project):
    window = CurationWindow(team_project.path, 1)
    qtbot.addWidget(window)
    assert len(window.session.layer) == 0
    window.close()


def test_agreement_report_shows_the_figures(qtbot, team_project):
    dialog = AgreementReportDialog(team_project.path)
    qtbot.addWidget(dialog)
    report = project_agreement(team_project)
    dialog.set_report(report, {1: "I Am Ruth"})
    (series,) = dialog.pair_chart.series
    assert series.name == "alice × bob"
    assert dict(zip([n for n, _ in FIGURES], series.values, strict=True)) == {
        "Mentions F1, exact": 0.5, "Mentions F1, overlap": 0.6667,
        "Quotes F1, exact": 0.6, "Quotes F1, overlap": 0.8,
        "Quote types κ": round(5 / 9, 4), "Quote types α": round(10 / 17, 4),
        "Speakers agree": 0.5}
    assert dialog.label_chart.rows == ["EVENT", "ORG", "PERSON", "WORK_OF_ART"]
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "I Am Ruth"
    with qtbot.waitSignal(dialog.documentRequested) as signal:
        dialog.table.cellDoubleClicked.emit(0, 3)
    assert signal.args == [1]


def test_agreement_report_computes_in_the_background(qtbot, team_project):
    dialog = AgreementReportDialog(team_project.path)
    qtbot.addWidget(dialog)
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.report.annotators == ["alice", "bob"]


def test_team_menu_opens_curation_and_report(qtbot, team_project):
    from ruth_annotator.gui.main_window import MainWindow

    window = MainWindow(team_project)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    team_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Team")
    assert [a.text() for a in team_menu.actions()] == ["&Curate this document…",
                                                       "&Agreement report…"]
    window.actions["team.curate"].trigger()
    curation = window.findChild(CurationWindow)
    assert curation is not None and set(curation.layers) == {"alice", "bob"}
    curation.close()
    window.actions["team.agreement"].trigger()
    report = window.findChild(AgreementReportDialog)
    qtbot.waitUntil(lambda: report.report is not None, timeout=10_000)
    assert report.report.annotators == ["alice", "bob"]
    report.close()


def test_table_tooltips_show_article_text_as_text(qtbot):
    from ruth_annotator.gui.curation_table import CurationTable
    from ruth_annotator.gui.describe import plain_tip
    from ruth_annotator.model import Layer, Mention
    from ruth_annotator.team.curation import align

    text = "<b>Bold</b> claim by <img src=x> Ana"
    a = Layer.of(1, "a", [Mention("m1", 0, 11, "ORG")])
    b = Layer.of(1, "b", [Mention("m2", 0, 11, "PERSON")])
    table = CurationTable()
    qtbot.addWidget(table)
    table.fill(align([a, b]), {"a": a, "b": b}, Layer(1, "gold"), text)
    tip = table.item(0, 2).toolTip()
    assert "&lt;b&gt;Bold&lt;/b&gt;" in tip and "<b>" not in tip  # shown as characters
    assert tip == plain_tip("<b>Bold</b>")
