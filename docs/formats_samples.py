"""Regenerate the samples in docs/formats.md from the sample article.

    .venv/bin/python docs/formats_samples.py > /tmp/samples.md

Annotates the sample article through the model API (mentions, one entity with two
mentions, a quote with speaker, cue and addressee), exports it in every format and prints
a short excerpt of each file: long texts and token lists are cut, marked with “…”.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from ruth_annotator.app.transfer import export_project, import_paths
from ruth_annotator.formats import registry
from ruth_annotator.model import edits
from ruth_annotator.model.annotations import Span
from ruth_annotator.resources import sample_article
from ruth_annotator.store import Project

OUTPUTS = {"jsonl": "sample.jsonl", "doccano": "doccano.jsonl", "prodigy": "prodigy.jsonl",
           "label-studio": "tasks.json", "brat": "brat", "conll": "sample.conll",
           "conll-quotes": "quotes.conll", "spacy": "sample.spacy", "csv": "quotes.csv",
           "hf": "hf"}


def annotate(project: Project) -> None:
    text = project.document(1).text

    def find(word: str, nth: int = 0) -> Span:
        i = -1
        for _ in range(nth + 1):
            i = text.index(word, i + 1)
        return Span(i, i + len(word))

    def add(span: Span, label: str, entity: str | None = None):
        cs = edits.add_mention(project.layer(1), text, span, label, entity=entity)
        project.apply(cs, 1)
        return next(c.after for c in cs.changes if c.after.kind == "mention")

    kate = add(find("Kate Winslet"), "PERSON")
    add(find("Mia Threapleton"), "PERSON")
    winslet = add(Span(text.index("Winslet, 47"), text.index("Winslet, 47") + 7), "PERSON",
                  kate.entity)
    lorraine = add(find("Lorraine Kelly"), "PERSON")
    add(find("ITV"), "ORG")
    start = text.index("It was really amazing")
    end = text.index("very, very powerful.") + len("very, very powerful.")
    cs = edits.add_quote(project.layer(1), [Span(start, end)], "direct",
                         speaker=winslet.entity, speaker_mention=winslet.id, cue=find("told"))
    project.apply(cs, 1)
    quote = next(c.after for c in cs.changes if c.after.kind == "quote")
    project.apply(edits.set_addressee(project.layer(1), quote.id, lorraine.entity), 1)


def shorten(value, key: str = ""):
    """Cut the long parts of a JSON sample so that the structure shows."""
    if isinstance(value, str) and key == "text" and len(value) > 60:
        return value[:60] + "…"
    if isinstance(value, list) and key == "tokens":
        return value[:2] + ["…"]
    if isinstance(value, dict):
        return {k: shorten(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [shorten(v) for v in value]
    return value


def compact(data, indent: str = "") -> str:
    """JSON with one line a key, and one line a list item where items are objects."""
    def one(v) -> str:
        return json.dumps(v, ensure_ascii=False)

    lines = []
    for key, value in data.items():
        if isinstance(value, dict) and any(isinstance(v, list) for v in value.values()):
            shown = compact(value, indent + " ")
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            inner = [compact(v, indent + "  ") if any(isinstance(x, list) and x and isinstance(
                x[0], dict) for x in v.values()) else indent + "  " + one(v) for v in value]
            shown = "[\n" + ",\n".join(inner) + "\n" + indent + " ]"
        else:
            shown = one(value)
        lines.append(f'{indent} "{key}": {shown}')
    return indent + "{\n" + ",\n".join(lines) + "\n" + indent + "}"


def excerpt(name: str, path: Path) -> str:
    if name in ("jsonl", "doccano", "prodigy"):
        data = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
        return compact(shorten(data))
    if name == "label-studio":
        data = json.loads(path.read_text(encoding="utf-8"))[0]
        return compact(shorten(data))
    if name == "brat":
        ann = next(path.glob("*.ann")).read_text(encoding="utf-8")
        return f"# {next(path.glob('*.ann')).name}\n" + ann.replace("\t", "\t")
    if name in ("conll", "conll-quotes"):
        lines = path.read_text(encoding="utf-8").splitlines()
        i = next(i for i, line in enumerate(lines) if line and not line.endswith(" O"))
        return "\n".join(lines[:2] + (["…"] if i > 4 else []) + lines[max(2, i - 2):i + 9]
                         + ["…"])
    if name == "spacy":
        return spacy_excerpt(path)
    if name == "csv":
        return path.read_text(encoding="utf-8-sig").strip()
    if name == "hf":
        return (path / "README.md").read_text(encoding="utf-8").split("## Fields")[0].strip()
    raise KeyError(name)


def spacy_excerpt(path: Path) -> str:
    import spacy
    from spacy.tokens import DocBin

    (doc,) = DocBin().from_disk(path).get_docs(spacy.blank("en").vocab)
    lines = ["doc.ents: " + ", ".join(f"{e.text!r}/{e.label_}" for e in doc.ents)]
    for group, spans in doc.spans.items():
        shown = ", ".join(f"{s.text[:40]!r}/{s.label_}" for s in spans)
        lines.append(f"doc.spans[{group!r}]: {shown}")
    return "\n".join(lines)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        project = Project.open(folder / "sample.ruth", annotator="editor", create=True)
        import_paths(project, [sample_article()], "text")
        annotate(project)
        for name, output in OUTPUTS.items():
            report = export_project(project, name, folder / output)
            fmt = registry.get(name)
            print(f"### {name}\n\n`ruth-annotator export sample.ruth --format {name} "
                  f"--output {output}{'/' if fmt.folder else ''}` — {report.summary()}\n")
            print("```\n" + excerpt(name, folder / output) + "\n```\n")
            for line in report.lost:
                print(f"- lost: {line}")
        project.close()


if __name__ == "__main__":
    main()
