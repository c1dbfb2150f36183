"""The recent-projects list behind File → Open Recent, kept in the settings file."""

from __future__ import annotations

from pathlib import Path

from ruth_annotator import config

MAX_RECENT = 10
KEY = "recent_projects"


def _stored() -> list[str]:
    value = config.load_settings().get(KEY, [])
    return [p for p in value if isinstance(p, str)] if isinstance(value, list) else []


def recent_projects() -> list[Path]:
    """Most recent first; projects that were moved or deleted are left out."""
    return [Path(p) for p in _stored() if Path(p).is_file()]


def remember_project(path: str | Path) -> None:
    """Put `path` at the top of the list (once), keeping at most MAX_RECENT entries."""
    resolved = str(Path(path).resolve())
    paths = [resolved] + [p for p in _stored() if p != resolved]
    settings = config.load_settings()
    settings[KEY] = paths[:MAX_RECENT]
    config.save_settings(settings)


def forget_project(path: str | Path) -> None:
    resolved = str(Path(path).resolve())
    settings = config.load_settings()
    settings[KEY] = [p for p in _stored() if p != resolved]
    config.save_settings(settings)


def clear_recent() -> None:
    settings = config.load_settings()
    settings[KEY] = []
    config.save_settings(settings)
