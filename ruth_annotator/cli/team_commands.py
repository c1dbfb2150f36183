"""Commands for teams: assignment packages, merging them back, and agreement."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from ruth_annotator.app.assigning import write_packages
from ruth_annotator.app.merging import merge_files
from ruth_annotator.cli.common import main, open_to_read, project_argument, with_progress
from ruth_annotator.errors import OptionalDependencyError
from ruth_annotator.model.wording import plural
from ruth_annotator.store import Project
from ruth_annotator.team.agreement import Comparison, project_agreement
from ruth_annotator.team.assign import plan_assignment
from ruth_annotator.team.merge import PREFER
from ruth_annotator.team.publishing import datasette_metadata


def _names(value: str | None) -> list[str] | None:
    return [a.strip() for a in value.split(",") if a.strip()] if value else None


@main.command()
@project_argument()
@click.option("--annotators", required=True, metavar="A,B,C",
              help="Who gets a package (comma-separated names).")
@click.option("--overlap", default=0.0, show_default=True, type=float,
              help="Share of the documents that several annotators get, for agreement.")
@click.option("--per-shared", default=2, show_default=True, type=int,
              help="How many annotators get each shared document.")
@click.option("--seed", default=0, show_default=True, type=int,
              help="Seed of the shuffle: the same seed gives the same packages.")
@click.option("--output-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where to write the packages (default: beside PROJECT).")
@with_progress("Writing packages")
def assign(project: Path, annotators: str, overlap: float, per_shared: int, seed: int,
           output_dir: Path | None, task) -> None:
    """Write one project file per annotator with their share of PROJECT's documents."""
    with Project.open(project) as proj:
        plan = plan_assignment(proj.document_ids(), _names(annotators) or [], overlap,
                               per_shared, seed)
        packages = write_packages(proj, plan, output_dir or project.parent, task)
    task.finish()
    for package in packages:
        click.echo(f"{package.annotator}: {plural(len(package.documents), 'document')}, "
                   f"{package.shared} shared -> {package.path}")


@main.command()
@project_argument()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--add-documents", is_flag=True,
              help="Add documents the files have and PROJECT lacks, instead of refusing.")
@click.option("--prefer", type=click.Choice(PREFER),
              help="Which copy wins a layer edited both in PROJECT and in a file since "
                   "the last merge (default: stop and name them).")
@with_progress("Merging")
def merge(project: Path, files: tuple[Path, ...], add_documents: bool, prefer: str | None,
          task) -> None:
    """Bring annotators' project FILES back into PROJECT (safe to run again)."""
    with Project.open(project) as proj:
        report = merge_files(proj, list(files), add_documents, prefer, task)
    task.finish()
    for line in report.resolved:
        click.echo(f"Conflict settled: {line}", err=True)
    click.echo(report.summary())


@main.command()
@project_argument()
@click.option("--annotators", metavar="A,B", help="Only these annotators (default: all).")
@click.option("--done-only", is_flag=True, help="Only layers marked done.")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@with_progress("Comparing")
def agree(project: Path, annotators: str | None, done_only: bool, as_json: bool,
          task) -> None:
    """Agreement between annotators: span F1, κ and α for quote types, speakers."""
    with open_to_read(project) as proj:
        report = project_agreement(proj, _names(annotators), done_only, task)
    task.finish()
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
        return
    if not report.pairs:
        click.echo("No document has layers from two or more annotators yet.")
        return
    click.echo(f"Annotators: {', '.join(report.annotators)}")
    for comparison in [*report.pairs, report.overall] if len(report.pairs) > 1 \
            else report.pairs:
        click.echo("")
        for line in describe(comparison):
            click.echo(line)
    click.echo("")
    click.echo("Per document (F1 exact/overlap; κ of quote types; speakers agreeing)")
    for c in report.documents:
        d = c.to_dict()
        click.echo(f"  doc {c.documents[0]:>5}  {' × '.join(c.annotators):24} "
                   f"mentions {_pair(d['mentions']['exact']['overall']['f1'])}/"
                   f"{_pair(d['mentions']['overlap']['overall']['f1'])}  "
                   f"quotes {_pair(d['quotes']['exact']['f1'])}/"
                   f"{_pair(d['quotes']['overlap']['f1'])}  "
                   f"κ {_pair(d['quote_types']['kappa'])}  "
                   f"speakers {d['speakers']['agree']}/{d['speakers']['matched']}")


def describe(c: Comparison) -> list[str]:
    """Lines of text for one pair (or all pairs pooled)."""
    d = c.to_dict()
    who = "All pairs" if c.annotators == ("*", "*") else " × ".join(c.annotators)
    lines = [f"{who}: {plural(len(c.documents), 'document')}",
             f"  {'':14} {'exact F1':>9} {'overlap F1':>11} {'A':>5} {'B':>5}"]
    rows = [("Mentions", d["mentions"]["exact"]["overall"], d["mentions"]["overlap"]["overall"])]
    rows += [(f"  {label}", d["mentions"]["exact"]["by_label"][label],
              d["mentions"]["overlap"]["by_label"][label]) for label in c.labels()]
    rows.append(("Quotes", d["quotes"]["exact"], d["quotes"]["overlap"]))
    for name, exact, overlap in rows:
        lines.append(f"  {name:14} {_pair(exact['f1']):>9} {_pair(overlap['f1']):>11} "
                     f"{exact['a']:>5} {exact['b']:>5}")
    types, speakers = d["quote_types"], d["speakers"]
    kappa_name = "κ (mean of pairs)" if c.pair_kappas is not None else "Cohen's κ"
    lines.append(f"  Quote types on {plural(types['matched'], 'matched quote')}: agreement "
                 f"{_pair(types['agreement'])}, {kappa_name} {_pair(types['kappa'])}, "
                 f"Krippendorff's α {_pair(types['alpha'])}")
    matched = plural(speakers["matched"], "matched quote")
    lines.append(f"  Speakers: {speakers['agree']} of {matched} "
                 f"agree ({_pair(speakers['agreement'])})")
    return lines


def _pair(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@main.command(context_settings={"ignore_unknown_options": True})
@project_argument()
@click.option("--write-metadata", type=click.Path(dir_okay=False, path_type=Path),
              help="Only write the Datasette metadata for PROJECT to this file.")
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def datasette(project: Path, write_metadata: Path | None, datasette_args: tuple[str, ...]
              ) -> None:
    """Browse PROJECT in Datasette with our canned queries (extra options go to datasette,
    e.g. --port 8002 or --open)."""
    metadata = json.dumps(datasette_metadata(project), indent=2, ensure_ascii=False)
    if write_metadata:
        write_metadata.write_text(metadata, encoding="utf-8")
        click.echo(f"Metadata for {project.name} written to {write_metadata}")
        return
    if importlib.util.find_spec("datasette") is None:
        raise OptionalDependencyError("Browsing with Datasette", "datasette", "datasette")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "metadata.json"
        path.write_text(metadata, encoding="utf-8")
        command = [sys.executable, "-m", "datasette", "serve", str(project), "--metadata",
                   str(path), *datasette_args]
        raise SystemExit(subprocess.call(command))
