"""Where things live on the user's machine, and who the annotator is.

Settings shared by the CLI and the GUI live in one small JSON file in the platform's config
directory; tests point `RUTH_ANNOTATOR_HOME` at a temporary folder.
"""

from __future__ import annotations

import getpass
import json
import os
from pathlib import Path

import platformdirs

APP = "ruth-annotator"
PROJECT_SUFFIX = ".ruth"


def _home() -> Path | None:
    value = os.environ.get("RUTH_ANNOTATOR_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP, appauthor=False))


def default_project_path() -> Path:
    return data_dir() / f"sample{PROJECT_SUFFIX}"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load_settings() -> dict:
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_settings(settings: dict) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(settings, indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def default_annotator() -> str:
    """The annotator's name: $RUTH_ANNOTATOR_NAME, then settings, then the login name."""
    name = os.environ.get("RUTH_ANNOTATOR_NAME") or load_settings().get("annotator")
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = "annotator"
    return str(name)
