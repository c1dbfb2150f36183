"""Optional entity mentions from a spaCy pipeline the user has installed.

Never required and never downloaded: the user names a pipeline (a package name such as
`en_core_web_sm` or a folder) in the settings or on the command line. Its entities take
precedence over the rules where they overlap; the rules still find quotes and speakers.
"""

from __future__ import annotations

from functools import lru_cache

from ruth_annotator.config import load_settings
from ruth_annotator.errors import OptionalDependencyError, RuthError

DEFAULT_MODEL = "en_core_web_sm"

# spaCy's OntoNotes labels onto the project's default label set.
LABELS = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC",
    "WORK_OF_ART": "WORK_OF_ART", "EVENT": "EVENT", "DATE": "DATE", "NORP": "NORP",
    "PRODUCT": "MISC", "LAW": "MISC", "LANGUAGE": "MISC",
}


def configured_model() -> str | None:
    """The pipeline the settings ask for ("suggestion_engine": "spacy"), else None."""
    settings = load_settings()
    if settings.get("suggestion_engine") != "spacy":
        return None
    return str(settings.get("spacy_model") or DEFAULT_MODEL)


@lru_cache(maxsize=2)
def load_pipeline(name: str):
    try:
        import spacy
    except ImportError:
        raise OptionalDependencyError("Entity suggestions with spaCy", "spaCy",
                                      "spacy") from None
    try:
        return spacy.load(name)
    except OSError:
        raise RuthError(
            f"the spaCy pipeline {name!r} is not installed; install it (for example "
            f"`python -m spacy download {name}`) or give the path of a pipeline folder"
        ) from None


def spacy_mentions(text: str, name: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the pipeline's entities, in code points."""
    doc = load_pipeline(name)(text)
    return [(ent.start_char, ent.end_char, LABELS[ent.label_])
            for ent in doc.ents if ent.label_ in LABELS]
