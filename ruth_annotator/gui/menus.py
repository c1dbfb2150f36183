"""Every menu entry, its default shortcut and tooltip, declared in one list.

To add an entry, append an `Entry` to `ENTRIES`. Its `handler` is either
`"package.module:function"` (imported when first used, called with the main window; with
`checkable=True` also with the new checked state; with `submenu=True` with the window and
the QMenu to fill each time it opens) or `"part.method"`, a method of one of the window's
parts (`window.marking`, `window.review`, …). Users can change shortcuts in the cheat
sheet (`?`); their choices are kept in the settings under "shortcuts" as {name: keys}.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ruth_annotator import config
from ruth_annotator.errors import RuthError
from ruth_annotator.gui import messages

FUNCTION_KEYS = {getattr(Qt.Key, f"Key_F{n}") for n in range(1, 13)} | {
    Qt.Key.Key_Escape, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
MENUS = ("&File", "&Edit", "&Annotate", "&Navigate", "&View", "&Team", "&Help")


@dataclass(frozen=True)
class Entry:
    name: str  # stable id, e.g. "annotate.quote"; shortcut settings use it
    menu: str  # one of MENUS
    text: str
    shortcut: str = ""
    tip: str = ""
    handler: str = ""
    group: str = ""  # entries of one group sit together; groups are divided by a line
    checkable: bool = False
    submenu: bool = False
    also: str = ""  # a second default key (Ctrl+Y for redo); dropped once keys are changed


E = Entry
ENTRIES: list[Entry] = [
    E("file.new", "&File", "&New project…", "Ctrl+N", "Create an empty project file and "
      "open it", "ruth_annotator.gui.dialogs.project_menu:new_project", "project"),
    E("file.open", "&File", "&Open project…", "Ctrl+O", "Open another project file",
      "files.open_project", "project"),
    E("file.recent", "&File", "Open &recent", "", "The projects you opened last",
      "ruth_annotator.gui.dialogs.project_menu:fill_recent_menu", "project", submenu=True),
    E("file.import", "&File", "&Import documents…", "Ctrl+I",
      "Add text files or JSONL records to this project", "files.import_documents", "project"),
    E("file.save_copy", "&File", "Save a &copy as…", "", "Write the whole project, with any "
      "unsaved work, to a new file and go on working there", "files.save_copy", "project"),
    E("file.backup", "&File", "Back &up now", "", "Copy the project into its backup folder now "
      "(copies are also made on opening and every few minutes while it changes)",
      "ruth_annotator.gui.dialogs.restore_dialog:back_up_now", "backup"),
    E("file.restore", "&File", "Restore from &backup…", "", "Put the project back to one of "
      "its backups; its current state is backed up first",
      "ruth_annotator.gui.dialogs.restore_dialog:show", "backup"),
    E("file.export", "&File", "&Export…", "Ctrl+E", "Write the annotations as a dataset: "
      "JSONL, CoNLL, spaCy, brat, … with an optional train/dev/test split",
      "ruth_annotator.gui.dialogs.export_dialog:show", "export"),
    E("file.settings", "&File", "&Settings…", "Ctrl+,", "Your name, text size, theme, the "
      "label set, suggestions and backups", "ruth_annotator.gui.dialogs.settings_dialog:show",
      "settings"),
    E("file.quit", "&File", "&Quit", "Ctrl+Q", "Close the window (everything is saved)",
      "files.quit", "quit"),
    E("edit.undo", "&Edit", "&Undo", "Ctrl+Z", "Undo the last action", "history.undo",
      "undo"),
    E("edit.redo", "&Edit", "&Redo", "Ctrl+Shift+Z", "Redo what was undone",
      "history.redo", "undo", also="Ctrl+Y"),
    E("edit.delete", "&Edit", "&Delete annotation", "Delete",
      "Delete the current annotation (or the entities selected in the panel)",
      "entity_keys.delete", "edit"),
    E("edit.find", "&Edit", "&Find in document…", "Ctrl+F", "Search this article's text",
      "navigate.find_in_document", "find"),
    E("edit.find_project", "&Edit", "Find in &project…", "Ctrl+Shift+F",
      "Search all documents: text, label:PERSON or speaker:Name", "navigate.find_in_project",
      "find"),
    E("edit.snap", "&Edit", "&Snap selections to words", "",
      "Grow a selection to whole words and trim spaces (turn off for parts of words)",
      "marking.set_snap", "options", checkable=True),
    E("annotate.quote", "&Annotate", "Direct &quote", "Q",
      "Make the selection a direct quote (quotation marks are left out)",
      "marking.quote_direct", "quote"),
    E("annotate.quote_indirect", "&Annotate", "&Indirect quote", "Shift+Q",
      "Make the selection an indirect (reported) quote", "marking.quote_indirect", "quote"),
    E("annotate.quote_mixed", "&Annotate", "&Mixed quote", "Alt+Q",
      "Make the selection a mixed quote (partly quoted, partly reported)",
      "marking.quote_mixed", "quote"),
    E("annotate.speaker", "&Annotate", "Set &speaker…", "S",
      "Choose who said the current quote: Tab cycles nearby people, typing searches",
      "links.pick_speaker", "link"),
    E("annotate.addressee", "&Annotate", "Set &addressee…", "Shift+S",
      "Choose to whom the current quote was said", "links.pick_addressee", "link"),
    E("annotate.cue", "&Annotate", "Set &cue", "C",
      "Make the selection (or the word at the cursor) the current quote's cue; with the "
      "cursor in the quote and nothing selected, pick from the speech verbs nearby",
      "links.set_cue", "link"),
    E("annotate.segment", "&Annotate", "Add quote se&gment", "G",
      "Add the selection as another segment of the current quote", "marking.add_segment",
      "link"),
    E("annotate.merge", "&Annotate", "&Merge entities", "M",
      "Merge the entities selected in the panel, or of the mentions in the selection",
      "entity_keys.merge", "entity"),
    E("annotate.split", "&Annotate", "S&plit into new entity", "Shift+M",
      "Move the selected mentions out of their entity into a new one", "entity_keys.split",
      "entity"),
    E("annotate.accept", "&Annotate", "&Accept suggestion", "A",
      "Accept the current suggestion (a quote with its speaker, cue and addressee) and go "
      "to the next undecided one", "review.accept", "decide"),
    E("annotate.reject", "&Annotate", "&Reject suggestion", "X",
      "Reject the current suggestion (it will not come back) and go to the next",
      "review.reject", "decide"),
    E("annotate.accept_all", "&Annotate", "Accept all suggestions", "Shift+A",
      "Accept every undecided suggestion in this document", "review.accept_all",
      "decide"),
    E("annotate.suggest_again", "&Annotate", "Su&ggest again", "", "Run the suggestion "
      "engine on this document again; your work and what you rejected stay as they are",
      "ruth_annotator.gui.suggesting:suggest_again", "decide"),
    E("span_edges.extend_end", "&Annotate", "Extend end by a word", "Alt+Right",
      "Move the end of the current span one word right", "span_edges.extend_end", "span"),
    E("span_edges.shrink_end", "&Annotate", "Shrink end by a word", "Alt+Left",
      "Move the end of the current span one word left", "span_edges.shrink_end", "span"),
    E("span_edges.extend_start", "&Annotate", "Extend start by a word", "Alt+Shift+Left",
      "Move the start of the current span one word left", "span_edges.extend_start", "span"),
    E("span_edges.shrink_start", "&Annotate", "Shrink start by a word", "Alt+Shift+Right",
      "Move the start of the current span one word right", "span_edges.shrink_start", "span"),
    E("navigate.next", "&Navigate", "&Next annotation", "N", "Go to the next annotation",
      "navigate.next_annotation", "annotation"),
    E("navigate.previous", "&Navigate", "&Previous annotation", "P",
      "Go to the previous annotation", "navigate.previous_annotation", "annotation"),
    E("navigate.next_suggestion", "&Navigate", "Next &undecided suggestion", "Shift+N",
      "Go to the next suggestion nobody has accepted or rejected: quotes first, in reading "
      "order, then mentions, one entity at a time", "review.next_undecided", "annotation"),
    E("navigate.next_quote", "&Navigate", "Next &quote", "J",
      "Go to the next quote in the text", "review.next_quote", "annotation"),
    E("navigate.previous_quote", "&Navigate", "Previous q&uote", "K",
      "Go to the previous quote in the text", "review.previous_quote", "annotation"),
    E("navigate.done_next", "&Navigate", "Mark &done, open next unfinished", "Ctrl+Return",
      "Mark this document done and open the next one that is not",
      "navigate.done_and_next", "document"),
    E("navigate.next_document", "&Navigate", "Next &document", "Ctrl+PgDown",
      "Open the next document in the list", "navigate.next_document", "document"),
    E("navigate.previous_document", "&Navigate", "Previous d&ocument", "Ctrl+PgUp",
      "Open the previous document in the list", "navigate.previous_document", "document"),
    E("view.theme", "&View", "&Theme", "", "Light, dark, or as the desktop",
      "ruth_annotator.gui.view_options:fill_theme_menu", "look", submenu=True),
    E("view.speaker_links", "&View", "Show every speaker &link", "Ctrl+L",
      "Draw every quote's speaker link at once (normally only the current quote's speaker "
      "is outlined)", "overview.show_links", "overview", checkable=True),
    E("view.labels", "&View", "Show labels in the te&xt", "Ctrl+Shift+L",
      "Write each mention's label on it", "overview.show_labels", "overview", checkable=True),
    E("view.zoom_in", "&View", "&Larger text", "Ctrl++", "Make the article text larger",
      "ruth_annotator.gui.view_options:zoom_in", "look"),
    E("view.zoom_out", "&View", "&Smaller text", "Ctrl+-", "Make the article text smaller",
      "ruth_annotator.gui.view_options:zoom_out", "look"),
    E("team.curate", "&Team", "&Curate this document…", "", "Compare the annotators' layers "
      "of this document side by side and build its gold layer",
      "ruth_annotator.gui.curation:show", "team"),
    E("team.agreement", "&Team", "&Agreement report…", "", "How alike the annotators' "
      "layers are: F1, κ, α and speakers, per pair, label and document",
      "ruth_annotator.gui.agreement_report:show", "team"),
    E("help.keys", "&Help", "&Keyboard shortcuts…", "?",
      "Every key at a glance; change them here", "ruth_annotator.gui.cheat_sheet:show",
      "help"),
    E("help.guide", "&Help", "&User guide", "F1", "The guide: getting started, annotation "
      "guidelines, formats, teams (works offline)",
      "ruth_annotator.gui.dialogs.help_viewer:show_guide", "help"),
    E("help.about", "&Help", "&About Ruth Annotator", "", "Versions of the app, Qt, Python "
      "and SQLite, for bug reports", "ruth_annotator.gui.dialogs.about:show", "about"),
]


def resolve(window: QMainWindow, handler: str) -> Callable:
    """The callable behind a handler string (see the module docstring). A "module:function"
    handler is imported when first used: the dialogs behind the menus are not needed to
    start, and importing them all would slow every start."""
    if ":" in handler:
        module, name = handler.split(":", 1)
        return lambda *args: getattr(importlib.import_module(module), name)(window, *args)
    part, name = handler.split(".", 1)
    return getattr(getattr(window, part), name)


def user_shortcuts() -> dict[str, str]:
    value = config.load_settings().get("shortcuts", {})
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def save_user_shortcuts(changed: dict[str, str]) -> None:
    """Keep only the shortcuts that differ from the defaults."""
    defaults = {e.name: e.shortcut for e in ENTRIES}
    settings = config.load_settings()
    settings["shortcuts"] = {k: v for k, v in changed.items() if defaults.get(k) != v}
    config.save_settings(settings)


def shortcut_of(entry: Entry, overrides: dict[str, str]) -> str:
    return overrides.get(entry.name, entry.shortcut)


def build(window: QMainWindow, entries: list[Entry] | None = None) -> dict[str, QAction]:
    """Create the menu bar: one QAction per entry, keyed by entry name."""
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    last_group: dict[str, str] = {}
    actions: dict[str, QAction] = {}
    overrides = user_shortcuts()
    for title in MENUS:
        menus[title] = bar.addMenu(title)
        menus[title].setToolTipsVisible(True)
    for entry in entries if entries is not None else ENTRIES:
        menu = menus.get(entry.menu) or menus.setdefault(entry.menu, bar.addMenu(entry.menu))
        if entry.menu in last_group and last_group[entry.menu] != entry.group:
            menu.addSeparator()
        last_group[entry.menu] = entry.group
        if entry.submenu:
            sub = menu.addMenu(entry.text)
            sub.setToolTipsVisible(True)
            fill = resolve(window, entry.handler)
            sub.aboutToShow.connect(lambda sub=sub, fill=fill: fill(sub))
            actions[entry.name] = sub.menuAction()
            continue
        action = QAction(entry.text, window)
        action.setObjectName(entry.name)
        action.setCheckable(entry.checkable)
        set_shortcut(action, entry, shortcut_of(entry, overrides))
        run = resolve(window, entry.handler)
        if entry.checkable:
            action.toggled.connect(run)
        else:
            action.triggered.connect(
                lambda _checked=False, run=run, title=entry.text: run_safely(window, title, run))
        menu.addAction(action)
        window.addAction(action)
        actions[entry.name] = action
    return actions


def run_safely(window: QMainWindow, title: str, run: Callable[[], object]) -> None:
    """Run a menu handler; a RuthError it raises (a damaged row, a refused file) is shown
    as its one line, never as a traceback."""
    try:
        run()
    except RuthError as e:
        messages.warning(window, title.replace("&", "").rstrip("…"), str(e))


def find_menu(window: QMainWindow, title: str) -> QMenu:
    """The top-level menu with this title (e.g. "&View"), to add entries at run time."""
    for action in window.menuBar().actions():
        if action.menu() is not None and action.text() == title:
            return action.menu()
    raise KeyError(title)


def keys_of(entry: Entry, keys: str) -> list[str]:
    """Every key an action answers to: its keys, and its second default key while the
    user has not changed them."""
    return [k for k in (keys, entry.also if keys == entry.shortcut else "") if k]


def shown_keys(entry: Entry, keys: str) -> str:
    """The keys as the user reads them: "Ctrl+Shift+Z, Ctrl+Y" (⌘ on macOS)."""
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(QKeySequence(k).toString(native) for k in keys_of(entry, keys))


def typed_in_text(keys: str) -> bool:
    """Whether a key would be typed in a text field or a list (a letter, a digit, Delete,
    with or without Shift): such keys act only while the article has focus, so typing in a
    panel never accepts or deletes anything."""
    sequence = QKeySequence(keys)
    if sequence.isEmpty():
        return False
    modifiers = sequence[0].keyboardModifiers()
    held = Qt.KeyboardModifier
    return not modifiers & (held.ControlModifier | held.AltModifier | held.MetaModifier) \
        and sequence[0].key() not in FUNCTION_KEYS


def set_article_keys(action: QAction) -> None:
    """Plain keys (see typed_in_text) fire only in the widgets the action is added to
    (the article); the others anywhere in the window."""
    plain = any(typed_in_text(k.toString()) for k in action.shortcuts())
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if plain
                              else Qt.ShortcutContext.WindowShortcut)


def set_shortcut(action: QAction, entry: Entry, keys: str) -> None:
    """Set an action's shortcuts and keep its tooltip and status tip in step."""
    action.setShortcuts([QKeySequence(k) for k in keys_of(entry, keys)])
    set_article_keys(action)
    shown = shown_keys(entry, keys)
    tip = entry.tip or entry.text.replace("&", "")
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.setStatusTip(tip)
