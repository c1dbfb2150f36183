"""Commands that keep work safe: backup, restore, check."""

from __future__ import annotations

from pathlib import Path

import click

from ruth_annotator.cli.common import main, project_argument
from ruth_annotator.errors import RuthError
from ruth_annotator.model.wording import plural
from ruth_annotator.store import backup as backups
from ruth_annotator.store.integrity import check_project


@main.command()
@project_argument()
@click.option("--to", "target", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the copy to this file instead of the backup folder.")
def backup(project: Path, target: Path | None) -> None:
    """Copy PROJECT now (safe while the app has it open).

    Without --to, the copy goes to the project's backup folder, where the newest backups
    are kept; `ruth-annotator restore PROJECT --list` shows them.
    """
    path = backups.create_backup(project, reason="manual", target=target)
    click.echo(f"Backed up {project} to {path}")


@main.command()
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("backup_file", metavar="[BACKUP]", required=False)
@click.option("--list", "show", is_flag=True, help="List PROJECT's backups, newest first.")
def restore(project: Path, backup_file: str | None, show: bool) -> None:
    """Put PROJECT back to BACKUP (a file, or a number from --list; default: the newest).

    The backup is checked first, and the current state is itself backed up before it is
    replaced, so a restore can be undone by restoring that one.
    """
    found = backups.list_backups(project)
    if show:
        if not found:
            click.echo(f"No backups of {project} yet (folder {backups.backup_folder(project)})")
        for number, item in enumerate(found, 1):
            click.echo(f"{number:3}  {item.describe()}")
        return
    source = _choose(project, backup_file, found)
    before = backups.restore(project, source)
    click.echo(f"Restored {project} from {source}")
    if before is not None:
        click.echo(f"The state before the restore is saved as {before}")


def _choose(project: Path, choice: str | None, found: list[backups.Backup]) -> Path:
    if choice is None:
        if not found:
            raise RuthError("has no backups to restore; name a backup file", project)
        return found[0].path
    if choice.isdigit() and not Path(choice).exists():
        number = int(choice)
        if not 1 <= number <= len(found):
            raise RuthError(f"has no backup number {number} (see --list)", project)
        return found[number - 1].path
    path = Path(choice)
    if not path.is_file():
        raise RuthError("no such backup file", path)
    return path


@main.command()
@project_argument()
def check(project: Path) -> None:
    """Check PROJECT: every page of the file, and that every annotation still fits its
    document and points to annotations that exist, and that no accepted annotation points
    at one that is not accepted. Reads only; exit status 1 on problems."""
    report = check_project(project)
    if report.ok:
        click.echo(f"{project}: ok ({plural(report.documents, 'document')}, "
                   f"{plural(report.annotations, 'annotation')})")
        return
    for problem in report.problems:
        click.echo(f"{project}: {problem}", err=True)
    raise RuthError(f"{plural(len(report.problems), 'problem')} found; "
                    "'ruth-annotator restore --list' shows the backups", project)
