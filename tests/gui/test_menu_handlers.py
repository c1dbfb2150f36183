"""Menu handlers are imported when first used (so the window starts without loading every
dialog); each must still name a real callable, which this checks up front."""

from __future__ import annotations

import importlib

from ruth_annotator.gui import menus


def test_every_menu_handler_names_a_callable(window):
    for entry in menus.ENTRIES:
        if ":" in entry.handler:
            module, name = entry.handler.split(":", 1)
            target = getattr(importlib.import_module(module), name, None)
        else:
            part, name = entry.handler.split(".", 1)
            target = getattr(getattr(window, part, None), name, None)
        assert callable(target), f"{entry.name}: {entry.handler}"
