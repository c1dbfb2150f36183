"""Fuzzing every importer end to end: mutated real files (and random bytes) go through the
import pipeline into a project. Each input is imported whole or refused with a RuthError
in one line, a refused import leaves the project as it was, and whatever was accepted
leaves a project that passes `ruth-annotator check`. Bounded by example counts, so CI
time stays fixed; the counts and bytes tried are reported."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ruth_annotator.app.transfer import export_project, import_paths
from ruth_annotator.errors import RuthError
from ruth_annotator.formats import registry
from ruth_annotator.model import Layer
from ruth_annotator.resources import sample_article
from ruth_annotator.store import Project
from ruth_annotator.store.integrity import check_project
from ruth_annotator.suggest import suggest_document

EXAMPLES = 400
#: importer -> (file name written, whether the format is a folder)
IMPORTERS = {fmt.name: fmt for fmt in registry.formats() if fmt.reader is not None}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """A real file of each importable format (the sample article with the suggestions
    accepted), as {relative name: bytes}, for the fuzzer to mutate."""
    folder = tmp_path_factory.mktemp("seeds")
    text = sample_article().read_bytes().decode("utf-8")
    with Project.open(folder / "seed.ruth", "fuzz", create=True) as project:
        doc = project.add_documents([_doc(text)]).added[0]
        changes = suggest_document(text, Layer(doc, "fuzz"))
        project.apply(changes, doc)
        out = {"text": {"a.txt": text.encode("utf-8")}}
        for name, fmt in IMPORTERS.items():
            if fmt.writer is None:
                continue
            target = folder / name / ("x" if fmt.folder else f"x{fmt.extensions[0]}")
            export_project(project, name, target, registry.ExportOptions(True))
            root = target if target.is_dir() else target.parent
            out[name] = {str(p.relative_to(root)): p.read_bytes()
                         for p in sorted(root.rglob("*")) if p.is_file()}
    return out


def _doc(text):
    from ruth_annotator.model import NewDocument

    return NewDocument(text, title="seed", uid="seed")


@st.composite
def mutated(draw, files: dict[str, bytes]) -> dict[str, bytes]:
    """The seed files with a few random edits: flipped, inserted, deleted or repeated
    bytes, a cut, or (sometimes) a whole file replaced by random bytes."""
    out = dict(files)
    name = draw(st.sampled_from(sorted(files)))
    data = bytearray(files[name])
    if draw(st.integers(0, 9)) == 0:
        out[name] = draw(st.binary(max_size=400))
        return out
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "cut", "byte"]))
        if kind == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from([b"\x00", b"\xff", b'"', b"{", b"\n", b"\t",
                                                b"-1", b"99999", "👍".encode(), b"\\u",
                                                b"\\ud800"]))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 20))]
        elif kind == "repeat":
            data[at:at] = data[at:at + draw(st.integers(1, 40))]
        elif kind == "cut":
            del data[at:]
        else:
            data[at] = draw(st.integers(0, 255))
    out[name] = bytes(data)
    return out


def fingerprint(project: Project) -> tuple:
    return tuple(project.db.execute(f"select count(*) from {t}").fetchone()[0]
                 for t in ("documents", "layers", "entities", "mentions", "quotes"))


@pytest.mark.parametrize("name", sorted(IMPORTERS))
def test_fuzz_importer(name, seeds, tmp_path, figures):
    if name not in seeds:
        pytest.skip(f"{name} has no writer to make a seed file")
    fmt = IMPORTERS[name]
    project = Project.open(tmp_path / "fuzzed.ruth", "fuzz", create=True)
    counts = {"inputs": 0, "bytes": 0, "imported": 0, "refused": 0}

    @settings(max_examples=EXAMPLES, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(files=mutated(seeds[name]), skip_bad=st.booleans())
    def fuzz(files, skip_bad):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "in"
            for rel, data in files.items():
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_bytes(data)
            target = root if fmt.folder and name != "text" else root / sorted(files)[0]
            before = fingerprint(project)
            try:
                import_paths(project, [target], name, skip_bad=skip_bad)
                counts["imported"] += 1
            except RuthError as e:
                assert "\n" not in str(e), str(e)
                assert fingerprint(project) == before
                counts["refused"] += 1
            counts["inputs"] += 1
            counts["bytes"] += sum(map(len, files.values()))
            shutil.rmtree(root)

    try:
        fuzz()
    finally:
        project.close()
    report = check_project(tmp_path / "fuzzed.ruth")
    assert report.ok, report.problems[:5]
    figures.update(counts)
