"""Small tools the reliability tests share: snapshots of files, annotated projects, the CLI."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

from click.testing import CliRunner

from ruth_annotator.cli import main
from ruth_annotator.model import Span, edits
from ruth_annotator.store import Project


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every entry below `folder` with its kind, bytes hash and modification time, so a
    test can show that refusing a file left everything exactly as it was."""
    out = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in dirs + files:
            path = Path(root) / name
            rel = str(path.relative_to(folder))
            if path.is_symlink():
                out[rel] = ("link", os.readlink(path))
            elif path.is_dir():
                out[rel] = ("dir",)
            else:
                data = path.read_bytes()
                out[rel] = ("file", hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns)
    return out


def dump(path: Path) -> list:
    """The whole content of a project as plain rows, to compare two states of it."""
    with Project.open(path, readonly=True) as project:
        db = project.db
        tables = ("documents", "layers", "entities", "mentions", "quotes", "labels")
        return [(t, sorted(map(tuple, db.execute(f"select * from {t}").fetchall())))
                for t in tables]


def annotate(project: Project, count: int, document_id: int = 1, label: str = "PERSON"):
    """`count` mention actions, each one ChangeSet, as the workspace writes them."""
    text = project.document(document_id).text
    layer = project.layer(document_id)
    for i in range(count):
        start = (i * 37) % (len(text) - 10)
        changes = edits.add_mention(layer, text, Span(start, start + 5), label)
        project.apply(changes, document_id)
        layer.apply(changes)
    return layer


def cli(*args) -> tuple[int, str]:
    """Run `ruth-annotator ARGS` in-process; (exit code, output with errors)."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.output


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Error:")]


@contextlib.contextmanager
def held_open(path: Path, readonly: bool = False) -> Iterator[subprocess.Popen]:
    """Another process that holds the project open (for writing, unless `readonly`) until
    the block ends; then it is killed."""
    code = textwrap.dedent(f"""
        import sys, time
        from ruth_annotator.store import Project
        p = Project.open({str(path)!r}, "other", readonly={readonly})
        print("holding", flush=True)
        time.sleep(600)
    """)
    with subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                          text=True) as proc:  # closes its pipe and reaps it
        try:
            assert proc.stdout.readline().strip() == "holding"
            yield proc
        finally:
            proc.kill()
