"""Translations: the shipped .ts file lists every tr() string of the dialogs, and a compiled
translation is picked up at start-up for the user's language."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from ruth_annotator.gui.dialogs.preferences import load_preferences
from ruth_annotator.gui.dialogs.settings_dialog import SettingsDialog
from ruth_annotator.gui.i18n import install_translator

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "resources" / "translations" / "ruth_annotator_en.ts"
BIN = Path(sys.executable).parent


def messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name"), msg.findtext("source"))
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def test_shipped_ts_is_up_to_date_with_the_source(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "ruth_annotator" / "gui").rglob("*.py"))
    subprocess.run([BIN / "pyside6-lupdate", "-no-obsolete", "-locations", "none", *sources,
                    "-ts", fresh], check=True, capture_output=True)
    assert messages(fresh) == messages(SHIPPED), "run bash packaging/update_translations.sh"
    assert ("SettingsDialog", "Settings") in messages(SHIPPED)
    assert (SHIPPED.with_suffix(".qm")).is_file()


def test_a_compiled_translation_is_loaded_for_the_users_language(qtbot, tmp_path):
    ts = tmp_path / "ruth_annotator_de.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" '
        'language="de_DE"><context><name>SettingsDialog</name><message>'
        '<source>Settings</source><translation>Einstellungen</translation></message>'
        '</context></TS>\n', encoding="utf-8")
    subprocess.run([BIN / "pyside6-lrelease", "-silent", ts, "-qm",
                    tmp_path / "ruth_annotator_de.qm"], check=True)
    app = QCoreApplication.instance()
    installed = install_translator(app, QLocale("de_DE"), tmp_path)
    try:
        assert QCoreApplication.translate("SettingsDialog", "Settings") == "Einstellungen"
        dialog = SettingsDialog(load_preferences())
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Einstellungen"
    finally:
        for translator in installed:
            app.removeTranslator(translator)
    assert QCoreApplication.translate("SettingsDialog", "Settings") == "Settings"
