"""sqlite-utils loaded without pandas and numpy.

sqlite-utils imports pandas and numpy whenever they are installed, only to know their column
types, which a project never stores. With the optional Hugging Face or spaCy extras installed
that cost every start of the app 0.35 s and about 130 MB of memory (see docs/benchmarks.md).
They are hidden while sqlite-utils loads and stay importable for code that needs them.
"""

from __future__ import annotations

import sys

HIDDEN = ("pandas", "numpy")


def load_sqlite_utils() -> None:
    hidden = [name for name in HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # `import name` now fails
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name) is None:
                del sys.modules[name]


load_sqlite_utils()
