"""What the command line says about decisions: check, export, stats, import, progress."""

from __future__ import annotations

import io
import json
import sys

import pytest
from click.testing import CliRunner

from ruth_annotator.cli import main
from ruth_annotator.cli.common import progress_task
from ruth_annotator.model import ACCEPTED, PROPOSED, SUGGESTED, Entity, Mention, Quote, Span
from ruth_annotator.model.document import NewDocument
from ruth_annotator.model.records import ParsedRecord
from ruth_annotator.store import Project


def cli(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def quote_and_speaker(text: str, quote_status: str, mention_status: str) -> list:
    kate = text.index("Kate Winslet")
    said = text.index("There are no scripted words")
    return [
        Entity("e-kate", "PERSON", "Kate Winslet", status=mention_status, source=SUGGESTED),
        Mention("m-kate", kate, kate + 12, "PERSON", "e-kate", status=mention_status,
                source=SUGGESTED),
        Quote("q-1", "direct", (Span(said, said + 27),), "e-kate", "m-kate",
              status=quote_status, source=SUGGESTED),
    ]


@pytest.fixture
def broken(tmp_path, sample_text):
    """A project whose accepted quote uses an undecided speaker mention, written past the
    edits (as an older version or another program could have)."""
    path = tmp_path / "p.ruth"
    with Project.open(path, "ann", create=True) as project:
        project.import_records([ParsedRecord(NewDocument(sample_text, "Ruth", "ruth"), "ann",
                                             None, quote_and_speaker(sample_text, PROPOSED,
                                                                     PROPOSED))])
        project.db.execute("update quotes set status = 'accepted'")
    return path


def test_check_names_each_accepted_to_undecided_link(broken):
    code, out, err = cli("check", broken)
    assert code == 1
    assert "document ruth (ann): accepted quote “There are no scripted words” points at a " \
           "proposed speaker mention “Kate Winslet”" in err
    assert "accepted quote “There are no scripted words” points at a proposed speaker " \
           "“Kate Winslet”" in err
    assert "2 problems found" in err


def test_check_names_a_broken_link(broken):
    with Project.open(broken) as project:
        project.db.execute("delete from mentions")
    code, _, err = cli("check", broken)
    assert code == 1 and "quote “There are no scripted words” points at a missing " \
                         "speaker mention" in err


def test_an_import_accepts_what_an_accepted_quote_uses(tmp_path, sample_text):
    path = tmp_path / "in.jsonl"
    from ruth_annotator.model.document import Document, text_hash
    from ruth_annotator.model.layer import Layer
    from ruth_annotator.model.records import layer_to_record

    doc = Document(1, "ruth", "Ruth", sample_text, text_hash(sample_text))
    layer = Layer.of(1, "ann", quote_and_speaker(sample_text, ACCEPTED, PROPOSED))
    path.write_text(json.dumps(layer_to_record(doc, layer)) + "\n", encoding="utf-8")
    project = tmp_path / "p.ruth"
    code, out, _ = cli("import", project, path)
    assert code == 0
    assert "2 linked suggestions accepted with the accepted annotations that use them" in out
    assert cli("check", project)[0] == 0
    code, out, _ = cli("import", project, path)
    assert "0 documents added, 2 already present" in out


def test_export_says_what_it_leaves_undecided(broken, tmp_path):
    with Project.open(broken) as project:
        project.db.execute("update quotes set status = 'proposed'")
    code, out, err = cli("export", broken, "-o", tmp_path / "out.jsonl")
    assert code == 0
    assert "3 undecided suggestions left out; --include-suggestions writes them too" in err
    assert "1 document, 0 annotations written" in out
    code, out, err = cli("export", broken, "-o", tmp_path / "all.jsonl",
                         "--include-suggestions")
    assert code == 0 and "left out" not in err


def test_export_of_a_missing_annotator_is_an_error(broken, tmp_path):
    code, out, err = cli("export", broken, "-o", tmp_path / "out.jsonl", "--annotators", "gold")
    assert code == 1 and not (tmp_path / "out.jsonl").exists()
    assert err.strip().splitlines()[-1] == (f"Error: {broken}: has no layer of annotator "
                                            "'gold' (there are: ann)")


def test_stats_prints_undecided_counts_per_layer(broken):
    code, out, _ = cli("stats", broken)
    assert code == 0
    assert "  undecided: 0 quotes, 1 mention, 1 entity in 1 document" in out
    assert "    ruth: 1 entity, 1 mention" in out
    assert "Annotator ann: 0 documents done; 0 mentions, 1 quote, 0 entities accepted" in out
    code, out, _ = cli("stats", broken, "--json")
    assert json.loads(out)["undecided"] == {"ann": {"ruth": {"entity": 1, "mention": 1}}}


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_ends_its_line_before_the_result(monkeypatch):
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    task, _ = progress_task("Importing")
    task.report(1, 3)
    task.finish()
    assert screen.getvalue().endswith("\n") and "Importing" in screen.getvalue()
    screen.truncate(0)
    screen.seek(0)
    task.report(3, 3)  # reaching the end ends the line by itself
    assert screen.getvalue().endswith("\n")


def test_check_names_an_annotation_held_twice(broken):
    with Project.open(broken) as project:
        project.db.execute("update quotes set status = 'proposed'")
        project.db.execute("insert into mentions select 'm-copy', document_id, annotator, "
                           "status, source, start, \"end\", label, entity, form "
                           "from mentions")
    code, _, err = cli("check", broken)
    assert code == 1
    assert "document ruth (ann): mention “Kate Winslet” is there 2 times" in err


def test_an_export_tells_its_progress_and_destination_once(tmp_path, sample_path):
    project, out = tmp_path / "p.ruth", tmp_path / "out.jsonl"
    cli("import", project, sample_path)
    cli("suggest", project)
    code, stdout, err = cli("export", project, "--format", "doccano", "-o", out,
                            "--include-suggestions")
    assert code == 0 and err.count("Exporting") == 1
    (summary,) = stdout.splitlines()
    assert summary.startswith("1 document, ") and f"written to {out}; " in summary
    assert summary.endswith("the format cannot carry are listed above")


def test_suggest_again_says_why_nothing_new_and_whose_layer(tmp_path, sample_path):
    project = tmp_path / "p.ruth"
    cli("import", project, sample_path)
    code, first, _ = cli("suggest", project, "--annotator", "ana")
    assert code == 0 and first.strip().endswith("proposed in 1 document into ana's layer")
    code, again, _ = cli("suggest", project, "--annotator", "ana")
    assert code == 0 and again.strip() == (
        "nothing new proposed in 1 document into ana's layer: the document already holds "
        "these suggestions or your decisions on them")


def test_suggest_in_an_article_without_findings_says_so(tmp_path):
    article = tmp_path / "short.txt"
    article.write_text("nothing here.\n", encoding="utf-8")
    cli("import", tmp_path / "p.ruth", article)
    code, out, _ = cli("suggest", tmp_path / "p.ruth", "--annotator", "ana")
    assert out.strip() == ("nothing new proposed in 1 document into ana's layer: the engine "
                           "found nothing to propose in it")
