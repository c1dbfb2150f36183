"""Importing a folder reads every file below it, at any depth, each in its own format; a
folder of an annotation format that gives not one annotation is an error saying what was
found, never a silent import of bare texts."""

from __future__ import annotations

import shutil

from reliability.helpers import annotate, cli, error_lines
from ruth_annotator.app.transfer import export_project
from ruth_annotator.store import Project


def exported(project, fmt: str, target):
    annotate(project, 4)
    export_project(project, fmt, target)
    project.close()
    return target


def annotations(path) -> int:
    with Project.open(path, readonly=True) as project:
        return sum(len(project.layer(doc, who)) for doc, who in project.layer_keys())


def test_a_brat_corpus_in_subfolders_is_read_as_brat(project, tmp_path):
    """It came in as plain text: documents, 0 annotations, exit 0."""
    flat = exported(project, "brat", tmp_path / "flat")
    corpus = tmp_path / "corpus"
    for i, ann in enumerate(sorted(flat.glob("*.ann"))):
        sub = corpus / "train" / f"part{i}"
        sub.mkdir(parents=True)
        shutil.copy(ann, sub)
        shutil.copy(ann.with_suffix(".txt"), sub)
    shutil.copy(flat / "annotation.conf", corpus)
    target = tmp_path / "new.ruth"
    code, out = cli("import", target, corpus)
    assert code == 0, out
    assert annotations(target) == annotations(project.path) > 0


def test_json_lines_files_in_subfolders_are_all_read(project, tmp_path):
    single = exported(project, "jsonl", tmp_path / "one.jsonl")
    for sub in ("a", "b/c"):
        (tmp_path / "corpus" / sub).mkdir(parents=True)
    shutil.copy(single, tmp_path / "corpus" / "a" / "x.jsonl")
    (tmp_path / "corpus" / "b" / "c" / "y.txt").write_text("Another article.\n\nBody.",
                                                           encoding="utf-8")
    target = tmp_path / "new.ruth"
    code, out = cli("import", target, tmp_path / "corpus")
    assert code == 0, out
    with Project.open(target, readonly=True) as opened:
        assert opened.document_count() == 2
    assert annotations(target) == annotations(project.path) > 0


def test_a_folder_of_annotation_files_without_annotations_is_an_error(tmp_path):
    corpus = tmp_path / "corpus" / "deep"
    corpus.mkdir(parents=True)
    for name in ("a", "b"):
        (corpus / f"{name}.conll").write_text("Kate O\nsaid O\nso O\n. O\n", encoding="utf-8")
    target = tmp_path / "new.ruth"
    code, out = cli("import", target, tmp_path / "corpus")
    assert code == 1
    [line] = error_lines(out)
    assert "holds 2 conll documents but not one annotation could be read" in line, line
    assert not target.exists() or annotations(target) == 0
    code, out = cli("import", target, tmp_path / "corpus", "--format", "conll")
    assert code == 0, out  # named on purpose: taken as it is


def test_a_brat_folder_with_empty_annotation_files_says_what_it_found(tmp_path):
    corpus = tmp_path / "corpus" / "sub"
    corpus.mkdir(parents=True)
    for name in ("a", "b", "c"):
        (corpus / f"{name}.txt").write_text(f"Article {name}.", encoding="utf-8")
        (corpus / f"{name}.ann").write_text("", encoding="utf-8")
    code, out = cli("import", tmp_path / "new.ruth", tmp_path / "corpus")
    assert code == 1
    [line] = error_lines(out)
    assert "holds 3 brat documents but not one annotation" in line, line
