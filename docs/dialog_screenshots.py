"""Regenerate the screenshots of the welcome screen and the settings dialog in docs/.

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python docs/dialog_screenshots.py

It uses a throw-away settings folder and project (the sample article, with a few
annotations so the label set shows its use), the light theme, and saves
docs/welcome.png, docs/settings.png and docs/settings-labels.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def shoot(widget, name: str) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QApplication

    QCursor.setPos(QPoint(1390, 890))  # no hover highlight in the picture
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    path = HERE / name
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(HERE.parent)}")


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="ruth-dialog-shots-"))
    os.environ["RUTH_ANNOTATOR_HOME"] = str(home)
    os.environ.pop("RUTH_ANNOTATOR_NAME", None)
    sys.path.insert(0, str(HERE.parent))
    from ruth_annotator import config
    from ruth_annotator.app.transfer import open_project_with_sample
    from ruth_annotator.gui import theme
    from ruth_annotator.gui.app import application
    from ruth_annotator.gui.dialogs.preferences import load_preferences, save_preferences
    from ruth_annotator.gui.dialogs.settings_dialog import SettingsDialog
    from ruth_annotator.gui.dialogs.welcome import WelcomeDialog

    app = application()
    theme.apply(app, theme.LIGHT)
    config.save_settings({"annotator": "Kim Lee"})
    welcome = WelcomeDialog()
    shoot(welcome, "welcome.png")

    project = open_project_with_sample(home / "sample.ruth", "Kim Lee")
    from screenshots import annotate_sample  # the workspace screenshots' annotations

    annotate_sample(project)
    prefs = load_preferences()
    prefs.suggestion_engine = "spacy"
    save_preferences(prefs)
    dialog = SettingsDialog(load_preferences(), project)
    dialog.add_shortcuts_tab(lambda: None)  # as from the window's File menu
    dialog.resize(660, 300)
    shoot(dialog, "settings.png")
    dialog.resize(680, 480)
    dialog.tabs.setCurrentIndex(1)
    dialog.labels_editor.table.setCurrentCell(3, 1)  # LOC's colour, as if about to change it
    shoot(dialog, "settings-labels.png")
    project.close()
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    raise SystemExit(main())
