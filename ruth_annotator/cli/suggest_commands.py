"""Commands for suggestions: propose them in a project, and score them against gold."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click

from ruth_annotator.cli.common import (
    annotator_option,
    main,
    open_to_read,
    project_argument,
    with_progress,
)
from ruth_annotator.errors import InputError
from ruth_annotator.formats.jsonl import json_lines
from ruth_annotator.store import Project

# The suggestion engine is imported inside the commands: every `ruth-annotator` start (the
# window's too) loads this module, and the engine's patterns take a while to compile.


@main.command()
@project_argument()
@click.option("--documents", metavar="ID,…",
              help="Only these documents (ids or uids, comma separated); default: all.")
@annotator_option
@click.option("--spacy-model", metavar="NAME",
              help="Also take entities from this installed spaCy pipeline (name or folder); "
                   "default: the one chosen in Settings → Suggestions, if any.")
@click.option("--no-learning", is_flag=True,
              help="Do not propose the names accepted elsewhere in the project.")
@with_progress("Suggesting")
def suggest(project: Path, documents: str | None, annotator: str | None,
            spacy_model: str | None, no_learning: bool, task) -> None:
    """Propose quotes, speakers, cues and entities in PROJECT's documents.

    Suggestions are stored as 'proposed' in the annotator's layer; nothing that overlaps
    an existing annotation (accepted, proposed or rejected) is proposed again.
    """
    from ruth_annotator.app.suggesting import document_ids, suggest_project
    from ruth_annotator.suggest.spacy_entities import configured_model

    model = spacy_model or configured_model()
    wanted = [d.strip() for d in documents.split(",") if d.strip()] if documents else None
    with Project.open(project, annotator) as proj:
        ids = document_ids(proj, wanted)
        report = suggest_project(proj, ids, proj.annotator, task, spacy_model=model,
                                 learn=not no_learning)
    task.finish()
    click.echo(report.summary())


def _records(path: Path) -> Iterator[dict]:
    for item in json_lines(path):
        if isinstance(item, InputError):
            raise item
        number, record = item
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(f'line {number}: a record needs a "text" string', path)
        yield record


def _gold(path: Path) -> list[dict]:
    """Ruth JSONL, or attribution gold in brat standoff (a folder or one .txt/.ann pair)."""
    if path.is_dir() or path.suffix in (".ann", ".txt"):
        from ruth_annotator.formats.brat_attribution import read_attribution_gold

        return read_attribution_gold(path)
    return list(_records(path))


@main.command()
@click.argument("project", required=False,
                type=click.Path(dir_okay=False, path_type=Path, exists=True))
@click.option("--gold", required=True, type=click.Path(path_type=Path, exists=True),
              help="The right answers: Ruth JSONL, or brat attribution standoff (Source, "
                   "Cue and Content joined by events or relations), as a folder of "
                   ".txt/.ann pairs or one pair.")
@click.option("--system", type=click.Path(dir_okay=False, path_type=Path, exists=True),
              help="Ruth JSONL to score instead of PROJECT (for example another export).")
@click.option("--engine", is_flag=True,
              help="Score the engine's suggestions made afresh on the gold texts.")
@click.option("--learn-from", type=click.IntRange(min=1), metavar="N",
              help="With --engine: take the first N gold documents as accepted work (the "
                   "engine learns their cue words, speaker descriptors and titles, and "
                   "names unless the gold is brat attribution) and score the others.")
@annotator_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def evaluate(project: Path | None, gold: Path, system: Path | None, engine: bool,
             learn_from: int | None, annotator: str | None, as_json: bool) -> None:
    """Score suggestions (or any annotations) against gold annotations.

    Compares PROJECT's layer of the annotator (accepted and proposed items), the --system
    file, or the engine's own suggestions (--engine) with --gold: direct speech piece by
    piece (F1 exact and with overlap ≥ 0.8, speaker and cue accuracy, end-to-end F1, errors
    by kind with examples), all quotes (F1 per type, speaker and cue accuracy), and entity
    mention F1 per label.
    """
    from ruth_annotator.suggest.evaluate import (
        evaluate_engine,
        evaluate_records,
        format_evaluation,
    )

    if (project is not None) + (system is not None) + engine != 1:
        raise click.UsageError("give one of PROJECT, --system or --engine")
    if learn_from and not engine:
        raise click.UsageError("--learn-from goes with --engine")
    records = _gold(gold)
    if engine:
        from ruth_annotator.suggest.lexicon import records_lexicon

        lexicon = None
        if learn_from:
            if learn_from >= len(records):
                raise click.UsageError(f"--learn-from {learn_from} leaves none of the "
                                       f"{len(records)} gold documents to score")
            taught, records = records[:learn_from], records[learn_from:]
            lexicon = records_lexicon(taught, names=not any(
                (r.get("meta") or {}).get("gold") == "attribution" for r in taught))
        result = evaluate_engine(records, lexicon)
    elif system is not None:
        result = evaluate_records(records, _records(system))
    else:
        with open_to_read(project, annotator) as proj:
            found = list(proj.iter_records(include_suggestions=True,
                                           annotators=[proj.annotator]))
        result = evaluate_records(records, found)
    click.echo(json.dumps(result.to_dict(), indent=2) if as_json
               else format_evaluation(result))
