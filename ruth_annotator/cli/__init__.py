"""The `ruth-annotator` command: thin click commands over the library functions.

Every command module adds its commands to `main`; errors a user can fix are printed as one
line and exit with status 1, never as a traceback.
"""

from __future__ import annotations

import importlib

from ruth_annotator.cli.common import main

#: Modules whose import registers their commands on `main`.
COMMAND_MODULES = ["project_commands", "team_commands", "backup_commands", "suggest_commands",
                   "desktop_commands"]

for _module in COMMAND_MODULES:
    importlib.import_module(f"ruth_annotator.cli.{_module}")

__all__ = ["main"]
