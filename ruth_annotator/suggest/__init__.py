"""Suggestions of quotes, cues, speakers and entities, and their evaluation. No Qt.

`suggest_document(text, layer)` is what the GUI and CLI call; `suggest_record(record)`
works on lossless JSONL records for distributed runs. Reading a project's learned names is
the application layer's job (`ruth_annotator.app.suggesting.learned_lexicon`).
"""

from ruth_annotator.suggest.compiled_patterns import kept_compiled

with kept_compiled():  # the rules' patterns, compiled on an earlier start
    from ruth_annotator.suggest.engine import analyse, suggest_document, suggest_record
    from ruth_annotator.suggest.lexicon import Lexicon

__all__ = ["Lexicon", "analyse", "suggest_document", "suggest_record"]
