"""Preferences and the recent-projects list live in the shared settings file."""

from __future__ import annotations

import json

from ruth_annotator import config
from ruth_annotator.gui.dialogs import recent
from ruth_annotator.gui.dialogs.preferences import (
    Preferences,
    first_start,
    load_preferences,
    mark_welcomed,
    save_preferences,
)


def test_defaults_then_saved_values_come_back():
    prefs = load_preferences()
    assert prefs.annotator == "tester"  # from RUTH_ANNOTATOR_NAME, as the CLI sees it
    assert (prefs.theme, prefs.zoom, prefs.suggestion_engine) == ("system", 0, "rules")
    prefs.theme, prefs.zoom, prefs.backup_every_minutes = "dark", -2, 30
    prefs.annotator = "ruth"
    save_preferences(prefs)
    again = Preferences.from_settings(config.load_settings())
    assert (again.theme, again.zoom, again.backup_every_minutes, again.annotator) == (
        "dark", -2, 30, "ruth")


def test_hand_edited_bad_values_fall_back_to_defaults():
    config.save_settings({"theme": "purple", "zoom": "huge", "backup_every_minutes": 0,
                          "backup_keep": 0, "suggestions_enabled": "yes",
                          "suggestion_engine": "gpt", "spacy_model": "  ", "annotator": 42})
    prefs = Preferences.from_settings(config.load_settings())
    assert prefs == Preferences()


def test_backup_interval_from_the_command_line_may_be_a_fraction():
    config.save_settings({"backup_every_minutes": 2.5})
    assert Preferences.from_settings(config.load_settings()).backup_every_minutes == 2


def test_saving_keeps_keys_owned_by_others():
    config.save_settings({"window_geometry": "abc", "recent_projects": ["/x.ruth"]})
    save_preferences(Preferences(annotator="ruth", theme="light"))
    stored = json.loads(config.settings_path().read_text())
    assert stored["window_geometry"] == "abc"
    assert stored["recent_projects"] == ["/x.ruth"]
    assert stored["theme"] == "light"


def test_empty_annotator_is_not_stored_so_the_login_name_applies():
    save_preferences(Preferences(annotator=""))
    assert "annotator" not in config.load_settings()


def test_welcome_is_shown_until_answered():
    assert first_start()
    mark_welcomed()
    assert not first_start()


def test_recent_projects_most_recent_first_deduplicated_and_bounded(tmp_path):
    paths = []
    for i in range(recent.MAX_RECENT + 3):
        p = tmp_path / f"p{i}.ruth"
        p.write_bytes(b"")
        paths.append(p)
        recent.remember_project(p)
    recent.remember_project(paths[5])
    listed = recent.recent_projects()
    assert len(listed) == recent.MAX_RECENT
    assert listed[0] == paths[5].resolve()
    assert listed[1] == paths[-1].resolve()
    assert listed.count(paths[5].resolve()) == 1


def test_recent_projects_skip_missing_files_and_can_be_forgotten(tmp_path):
    kept, gone = tmp_path / "kept.ruth", tmp_path / "gone.ruth"
    kept.write_bytes(b"")
    recent.remember_project(kept)
    recent.remember_project(gone)
    assert recent.recent_projects() == [kept.resolve()]
    recent.forget_project(kept)
    assert recent.recent_projects() == []
    recent.remember_project(kept)
    recent.clear_recent()
    assert recent.recent_projects() == []
