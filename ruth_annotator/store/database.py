"""The database engine as the rest of the application may see it: its error types and its
version, so that only the store imports sqlite3."""

from __future__ import annotations

import sqlite3

#: Any error SQLite raises (a write refused, a file taken away).
DatabaseError = sqlite3.Error
#: What SQLite raises on a damaged file (a subclass of DatabaseError).
DamagedDatabase = sqlite3.DatabaseError
VERSION = sqlite3.sqlite_version
