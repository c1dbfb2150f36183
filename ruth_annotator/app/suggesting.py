"""Running the engine over a project's documents and storing what it proposes.

All documents are suggested in one transaction, so a cancelled or failed run leaves the
project exactly as it was. Names the annotator accepted anywhere in the project are
proposed wherever they recur.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ruth_annotator.errors import ProjectError
from ruth_annotator.model.wording import plural
from ruth_annotator.store.project import Project
from ruth_annotator.suggest.cues import KNOWN_CUES
from ruth_annotator.suggest.engine import suggest_document
from ruth_annotator.suggest.lexicon import Lexicon, attribution_lexicon, build_lexicon
from ruth_annotator.tasks import NO_TASK, Task


@dataclass
class SuggestReport:
    documents: int = 0
    entities: int = 0
    mentions: int = 0
    quotes: int = 0
    annotator: str = ""
    held: int = 0  # documents whose layer held annotations before this run

    def summary(self) -> str:
        """What was proposed, where; with nothing proposed, why (a bare 0 looks broken)."""
        where = f"in {plural(self.documents, 'document')}"
        if self.annotator:
            where += f" into {self.annotator}'s layer"
        if self.quotes or self.mentions or self.entities:
            return (f"{plural(self.quotes, 'quote')}, {plural(self.mentions, 'mention')} and "
                    f"{plural(self.entities, 'entity')} proposed {where}")
        one = self.documents == 1
        if self.documents and self.held == self.documents:
            why = (f"the {'document already holds' if one else 'documents already hold'} "
                   "these suggestions or your decisions on them")
        elif not self.held:
            why = f"the engine found nothing to propose in {'it' if one else 'them'}"
        else:
            why = ("what the engine found is already there as suggestions or your "
                   "decisions, or there was nothing to find")
        return f"nothing new proposed {where}: {why}"


def document_ids(project: Project, wanted: list[str] | None) -> list[int]:
    """Document ids from ids or uids as the user typed them; all documents when None."""
    if not wanted:
        return project.document_ids()
    known = set(project.document_ids())
    out = []
    for token in wanted:
        doc_id = int(token) if token.isdigit() and int(token) in known else \
            project.find_by_uid(token)
        if doc_id is None:
            raise ProjectError(f"has no document {token!r}", project.path)
        out.append(doc_id)
    return out


def suggest_project(project: Project, documents: list[int] | None = None,
                    annotator: str | None = None, task: Task = NO_TASK,
                    lexicon: Lexicon | None = None, spacy_model: str | None = None,
                    learn: bool = True) -> SuggestReport:
    """Propose suggestions in the documents of `annotator`'s layers (see module doc)."""
    annotator = annotator or project.annotator
    ids = project.document_ids() if documents is None else documents
    if learn:
        lexicon = learned_lexicon(project, annotator).merged(lexicon)
    if spacy_model:
        from ruth_annotator.suggest.spacy_entities import load_pipeline

        load_pipeline(spacy_model)  # a missing pipeline fails before anything is written
    report = SuggestReport(annotator=annotator)
    with project.transaction():
        for i, doc_id in enumerate(ids, 1):
            task.check()
            doc = project.document(doc_id)
            layer = project.layer(doc_id, annotator)
            report.held += bool(layer.entities or layer.mentions or layer.quotes)
            items = suggest_document(doc.text, layer, lexicon, spacy_model).added_items()
            if items:
                project.add_layer_items(doc_id, annotator, items, new=True)
            report.documents += 1
            for kind, count in Counter(item.kind for item in items).items():
                setattr(report, _FIELD[kind], getattr(report, _FIELD[kind]) + count)
            task.report(i, len(ids))
    return report


_FIELD = {"entity": "entities", "mention": "mentions", "quote": "quotes"}


def learned_lexicon(project: Project, annotator: str | None = None) -> Lexicon:
    """What the annotator accepted or rejected anywhere in the project."""
    return build_lexicon(project.decided_mention_surfaces(annotator or project.annotator)) \
        .merged(learned_attribution(project, annotator))


def learned_attribution(project: Project, annotator: str | None = None) -> Lexicon:
    """Cue words, titles and descriptor nouns of the annotator's accepted quotes."""
    return attribution_lexicon(
        project.accepted_attributions(annotator or project.annotator), KNOWN_CUES)
