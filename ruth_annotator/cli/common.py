"""The click group, shared options, progress bars and the one-line error handling."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path

import click

from ruth_annotator import __version__
from ruth_annotator.errors import ProjectLockedError, RuthError
from ruth_annotator.store import Project
from ruth_annotator.store.database import DamagedDatabase
from ruth_annotator.store.locking import declare_role
from ruth_annotator.tasks import Cancelled, Task

#: What SQLite (or Python reading from it) says about a damaged file.
DAMAGE_SIGNS = ("malformed", "not a database", "Could not decode to UTF-8")


class RuthGroup(click.Group):
    """Turns RuthError (and Ctrl+C) into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):
        declare_role("command")
        try:
            return super().invoke(ctx)
        except ProjectLockedError as e:
            click.echo(f"Error: {held_by_window(e, ctx.invoked_subcommand) or e}", err=True)
            sys.exit(1)
        except RuthError as e:
            click.echo(f"Error: {e}", err=True)
            sys.exit(1)
        except (Cancelled, KeyboardInterrupt):
            click.echo("Cancelled; nothing was changed.", err=True)
            sys.exit(130)
        except DamagedDatabase as e:  # damage that the check on opening cannot see
            if not any(sign in str(e) for sign in DAMAGE_SIGNS):
                raise
            click.echo(f"Error: the project file is damaged ({' '.join(str(e).split())}); "
                       "run 'ruth-annotator check PROJECT' and restore a backup", err=True)
            sys.exit(1)


#: Where the window does what a command would, for the refusal while it holds the project.
IN_THE_WINDOW = {"suggest": "Annotate ▸ Suggest again", "import": "File ▸ Import documents…",
                 "restore": "File ▸ Restore from backup…"}


def held_by_window(error: ProjectLockedError, command: str | None) -> str | None:
    """The refusal when a window holds the project: who, that nothing changed, what to do."""
    if error.pid is None or error.holder not in ("window", None):  # None: an older holder
        return None
    there = IN_THE_WINDOW.get(command or "")
    instead = f", or use {there} in that window" if there else ""
    return (f"{error.path}: is open in a Ruth Annotator window (pid {error.pid}), which "
            f"keeps it for itself while it is open; nothing was changed. Close the project "
            f"there (File ▸ Quit) and run the command again{instead}")


@click.group(cls=RuthGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="ruth-annotator")
@click.pass_context
def main(ctx: click.Context) -> None:
    """Ruth Annotator: annotate entities, quotations and speakers in news articles.

    With no command, opens the annotation window on your default project, which is
    created with a sample article on the first start.
    """
    if ctx.invoked_subcommand is None:
        from ruth_annotator.cli.project_commands import open_gui

        open_gui(None)


def open_to_read(path: Path, annotator: str | None = None) -> Project:
    """Open for a command that only reads (export, stats, …): read-only when a window or
    another command holds the file, so it works beside them."""
    try:
        return Project.open(path, annotator)
    except ProjectLockedError as e:
        if e.pid is None:
            raise
        return Project.open(path, annotator, readonly=True)


def project_argument(create: bool = False) -> Callable:
    """The PROJECT argument every command takes (a `.ruth` SQLite file)."""
    return click.argument(
        "project",
        type=click.Path(dir_okay=False, path_type=Path, exists=not create),
    )


def annotator_option(f: Callable) -> Callable:
    return click.option(
        "--annotator", metavar="NAME",
        help="Whose layer to read or write (default: your annotator name).",
    )(f)


def progress_task(label: str) -> tuple[Task, Callable[[], None]]:
    """A Task that draws a click progress bar on stderr; call the second value to finish."""
    state: dict = {"bar": None, "done": 0}

    def progress(done: int, total: int) -> None:
        if total <= 0:
            return
        if state["bar"] is None and done >= total == state.get("completed"):
            return  # the end told again after the bar reached it: no second bar
        if state["bar"] is None:
            state["bar"] = click.progressbar(length=total, label=label, file=sys.stderr,
                                             show_pos=True)
            state["bar"].__enter__()
        bar = state["bar"]
        step = min(done, total) - state["done"]
        if step > 0:
            bar.update(step)
            state["done"] += step
        if done >= total:
            finish()
            state["completed"] = total

    def finish() -> None:
        if state["bar"] is not None:
            state["bar"].__exit__(None, None, None)  # ends the bar's line
            state["bar"] = None
            state["done"] = 0
            state["completed"] = None

    return Task(progress=progress, finished=finish), finish


def with_progress(label: str):
    """Decorator: pass a progress Task as `task` and close the bar however the call ends.

    A command calls `task.finish()` before printing its result, so the result starts on a
    line of its own."""
    def decorate(f: Callable) -> Callable:
        @functools.wraps(f)
        def wrapper(*args, **kwargs):
            task, finish = progress_task(label)
            try:
                return f(*args, task=task, **kwargs)
            finally:
                finish()
        return wrapper
    return decorate
