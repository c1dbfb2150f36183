"""The user's preferences as one typed object over the shared settings file.

`config.load_settings()` holds a plain dict that the CLI reads too (the annotator name);
this module gives the GUI typed values with defaults and repairs bad ones instead of
failing on a hand-edited file. Keys it does not know (window geometry, dock layout) are
kept as they are.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from ruth_annotator import config
from ruth_annotator.gui.theme import THEMES

ENGINES = ("rules", "spacy")
#: Points added to the article's reading size (View → Larger/Smaller text moves it too).
ZOOM_STEPS = range(-6, 21)
#: Backups of the open project (store/backup.py reads the same keys).
BACKUP_MINUTES = range(1, 241)
BACKUP_KEEP = range(1, 1001)
DEFAULT_SPACY_MODEL = "en_core_web_sm"


@dataclass
class Preferences:
    annotator: str = ""
    zoom: int = 0
    theme: str = "system"
    suggestions_enabled: bool = True
    suggestion_engine: str = "rules"
    spacy_model: str = DEFAULT_SPACY_MODEL
    backup_every_minutes: int = 10
    backup_keep: int = 20

    @classmethod
    def from_settings(cls, settings: dict) -> Preferences:
        """Typed values from a settings dict; a missing or invalid value takes the default."""
        prefs = cls()
        checks = {
            "annotator": lambda v: isinstance(v, str),
            "zoom": lambda v: isinstance(v, int) and v in ZOOM_STEPS,
            "theme": lambda v: v in THEMES,
            "suggestions_enabled": lambda v: isinstance(v, bool),
            "suggestion_engine": lambda v: v in ENGINES,
            "spacy_model": lambda v: isinstance(v, str) and v.strip() != "",
            "backup_every_minutes": lambda v: isinstance(v, int) and v in BACKUP_MINUTES,
            "backup_keep": lambda v: isinstance(v, int) and v in BACKUP_KEEP,
        }
        for f in fields(cls):
            value = settings.get(f.name)
            if f.name == "backup_every_minutes" and isinstance(value, float):
                value = max(1, round(value))  # the command line may have stored 2.5
            if value is not None and checks[f.name](value):
                setattr(prefs, f.name, value)
        return prefs

    def merged_into(self, settings: dict) -> dict:
        """`settings` with these preferences written over it (other keys untouched)."""
        merged = dict(settings)
        merged.update(asdict(self))
        if not self.annotator:
            merged.pop("annotator", None)  # fall back to the login name, as the CLI does
        return merged


def load_preferences() -> Preferences:
    prefs = Preferences.from_settings(config.load_settings())
    if not prefs.annotator:
        prefs.annotator = config.default_annotator()
    return prefs


def save_preferences(prefs: Preferences) -> None:
    config.save_settings(prefs.merged_into(config.load_settings()))


def first_start() -> bool:
    """True until the user has answered the welcome screen once."""
    return not config.load_settings().get("welcomed", False)


def mark_welcomed() -> None:
    settings = config.load_settings()
    settings["welcomed"] = True
    config.save_settings(settings)
