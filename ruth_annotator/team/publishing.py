"""Browsing and publishing a project with Datasette, using the metadata we ship.

A project file is plain SQLite, so Datasette serves it as it is. The shipped metadata
(`resources/datasette/metadata.json`) describes the tables and adds canned queries — quotes
by speaker, progress per annotator, disagreements, documents to adjudicate. Datasette keys
metadata by database name, which is the file name without its extension, so the metadata is
renamed to fit the project being served.
"""

from __future__ import annotations

import json
from pathlib import Path

from ruth_annotator.resources import resource_path

TEMPLATE_NAME = "project"


def datasette_metadata(project_path: Path | None = None) -> dict:
    """The shipped metadata, keyed by the name Datasette gives `project_path`."""
    data = json.loads(resource_path("datasette", "metadata.json").read_text(encoding="utf-8"))
    if project_path is not None:
        name = Path(project_path).stem
        data["databases"] = {name: data["databases"][TEMPLATE_NAME]}
    return data


def canned_queries() -> dict[str, dict]:
    """Name -> {title, description, sql} of every canned query we ship."""
    return datasette_metadata()["databases"][TEMPLATE_NAME]["queries"]
