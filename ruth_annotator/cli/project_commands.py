"""Commands on a project as a whole: open the GUI, import, export, stats."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ruth_annotator.cli.common import (
    annotator_option,
    main,
    open_to_read,
    project_argument,
    with_progress,
)
from ruth_annotator.model.wording import plural
from ruth_annotator.store import Project
from ruth_annotator.store.opening import remove_project_files

# The formats are imported inside the commands that use them: every start of the window
# (`ruth-annotator gui`) loads this module and needs none of them.


def open_gui(project: Path | None) -> None:
    """Start the window (imported here so that the rest of the CLI never loads Qt)."""
    from ruth_annotator.gui.app import run

    raise SystemExit(run(project))


@main.command()
@click.argument("project", required=False,
                type=click.Path(dir_okay=False, path_type=Path))
def gui(project: Path | None) -> None:
    """Open the annotation window on PROJECT (created with the sample if it is new)."""
    open_gui(project)


@main.command("import")
@project_argument(create=True)
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", metavar="NAME",
              help="Input format (detected from the files when left out).")
@click.option("--skip-bad", is_flag=True,
              help="Import the good files and lines and list the bad ones, "
                   "instead of importing nothing.")
@annotator_option
@with_progress("Importing")
def import_(project: Path, paths: tuple[Path, ...], fmt: str | None, skip_bad: bool,
            annotator: str | None, task) -> None:
    """Import articles into PROJECT (created if missing): .txt files or folders, JSONL, and
    the other formats in `ruth-annotator formats`."""
    from ruth_annotator.app.transfer import import_paths

    new = not (project.exists() or project.is_symlink())
    try:
        with Project.open(project, annotator, create=True) as proj:
            result = import_paths(proj, paths, fmt, skip_bad=skip_bad, task=task)
    except BaseException:
        # A refused import leaves nothing behind: not even the project it created.
        if new:
            remove_project_files(project)
        raise
    task.finish()
    for problem in result.problems:
        click.echo(f"Skipped: {problem}", err=True)
    click.echo(result.summary())


@main.command()
@project_argument()
@click.option("--format", "fmt", default="jsonl", show_default=True, metavar="NAME",
              help="Output format (see `ruth-annotator formats`).")
@click.option("--output", "-o", required=True, type=click.Path(path_type=Path),
              help="File (or folder, for folder formats) to write.")
@click.option("--include-suggestions", is_flag=True,
              help="Also write suggestions nobody has decided on yet (status 'proposed').")
@click.option("--annotators", metavar="A,B", help="Only these annotators' layers.")
@click.option("--split", "split", metavar="TRAIN,DEV,TEST",
              help="Write train/dev/test parts, e.g. 0.8,0.1,0.1 (a document's part "
                   "depends only on its id and --seed).")
@click.option("--seed", default=0, show_default=True, type=int,
              help="Seed of the train/dev/test assignment.")
@click.option("--no-overlap", is_flag=True,
              help="doccano: leave out spans that overlap an earlier one (and report them), "
                   "for a project with “Allow overlapping entity” off.")
@with_progress("Exporting")
def export(project: Path, fmt: str, output: Path, include_suggestions: bool,
           annotators: str | None, split: str | None, seed: int, no_overlap: bool,
           task) -> None:
    """Export PROJECT's annotations (accepted ones, unless --include-suggestions)."""
    from ruth_annotator.app.transfer import export_project
    from ruth_annotator.formats.registry import ExportOptions
    from ruth_annotator.formats.splits import parse_split

    options = ExportOptions(
        include_suggestions=include_suggestions,
        annotators=[a.strip() for a in annotators.split(",")] if annotators else None,
        split=parse_split(split) if split else None,
        seed=seed,
        no_overlap=no_overlap,
    )
    with open_to_read(project) as proj:
        report = export_project(proj, fmt, output, options, task)
    task.finish()
    for item in report.lost:
        click.echo(f"Not carried by {fmt}: {item}", err=True)
    if report.undecided_left_out:
        click.echo(f"{plural(report.undecided_left_out, 'undecided suggestion')} left out; "
                   "--include-suggestions writes them too", err=True)
    lost = len(report.lost)
    listed = (f"; {plural(lost, 'item')} the format cannot carry "
              f"{'is' if lost == 1 else 'are'} listed above") if lost else ""
    click.echo(f"{report.written()} to {output}{listed}")


@main.command()
@project_argument()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(project: Path, as_json: bool) -> None:
    """Documents, annotations by kind and status, and progress per annotator with the
    suggestions still undecided in each document."""
    with open_to_read(project) as proj:
        figures = proj.stats()
    if as_json:
        click.echo(json.dumps(figures, indent=2, sort_keys=True))
        return
    click.echo(f"Documents: {figures['documents']:,}")
    for kind, by_status in sorted(figures["annotations"].items()):
        parts = ", ".join(f"{n:,} {status}" for status, n in sorted(by_status.items()))
        click.echo(f"{KIND_WORDS[kind].capitalize()}: {parts}")
    for annotator, per in sorted(figures["annotators"].items()):
        counts = ", ".join(plural(per.get(k, 0), k) for k in ("mention", "quote", "entity"))
        click.echo(f"Annotator {annotator}: {plural(per.get('done', 0), 'document')} done; "
                   f"{counts} accepted")
        layers = figures["undecided"].get(annotator, {})
        if layers:
            totals = {k: sum(kinds.get(k, 0) for kinds in layers.values())
                      for k in ("quote", "mention", "entity")}
            counts = ", ".join(plural(n, k) for k, n in totals.items())
            click.echo(f"  undecided: {counts} in {plural(len(layers), 'document')}")
            for uid, kinds in list(layers.items())[:LISTED]:
                counts = ", ".join(plural(n, k) for k, n in sorted(kinds.items()))
                click.echo(f"    {uid}: {counts}")
            if len(layers) > LISTED:
                click.echo(f"    … and {plural(len(layers) - LISTED, 'more document')} "
                           "(--json lists them all)")


LISTED = 10  # documents listed by name under a layer's undecided counts
KIND_WORDS = {"entity": "entities", "mention": "mentions", "quote": "quotes"}


@main.command("formats")
def list_formats() -> None:
    """The formats you can import and export, and what each can carry."""
    from ruth_annotator.formats import registry

    for fmt in registry.formats():
        ways = "/".join(w for w, f in (("import", fmt.reader), ("export", fmt.writer)) if f)
        click.echo(f"{fmt.name:14} {ways:14} {fmt.description}")
