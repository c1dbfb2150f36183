"""Translations: Qt's own strings and ours, for the user's language, loaded at start-up.

Our strings are marked with `tr()`; `packaging/update_translations.sh` collects them into
`resources/translations/ruth_annotator_<lang>.ts` (Qt Linguist) and compiles `.qm` files.
English is the source language, so an English user needs no file at all.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ruth_annotator.resources import resource_path

DOMAIN = "ruth_annotator"


def translations_dir() -> Path | None:
    try:
        return resource_path("translations")
    except FileNotFoundError:
        return None


def install_translator(app: QCoreApplication, locale: QLocale | None = None,
                       folder: Path | None = None) -> list[QTranslator]:
    """Install Qt's and our translators for `locale` (default: the system's); returns the
    ones that loaded (they are also kept on the app so they stay alive)."""
    locale = locale or QLocale.system()
    installed = []
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    folder = folder or translations_dir()
    ours = QTranslator(app)
    if folder is not None and ours.load(locale, DOMAIN, "_", str(folder)):
        installed.append(ours)
    for translator in installed:
        app.installTranslator(translator)
    return installed
