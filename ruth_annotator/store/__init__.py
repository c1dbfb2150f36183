"""The project file: one SQLite database per project, written through sqlite-utils."""

from ruth_annotator.store import lean_import  # noqa: F401  (first: sqlite-utils, lean)
from ruth_annotator.store.project import ImportResult, Project

__all__ = ["ImportResult", "Project"]
