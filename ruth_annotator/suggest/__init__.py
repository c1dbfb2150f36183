"""Suggestions of quotes, cues, speakers and entities, and their evaluation. No Qt.

`suggest_document(text, layer)` is what the GUI and CLI call; `suggest_record(record)`
works on lossless JSONL records for distributed runs; `learned_lexicon(project)` gives the
names the annotator has accepted elsewhere in the project.
"""

from ruth_annotator.suggest.engine import analyse, suggest_document, suggest_record
from ruth_annotator.suggest.lexicon import Lexicon, learned_lexicon

__all__ = ["Lexicon", "analyse", "learned_lexicon", "suggest_document", "suggest_record"]
