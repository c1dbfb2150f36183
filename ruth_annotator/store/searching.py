"""The rows a project-wide search reads: documents whose text may hold some words, mentions
of a label, quotes of a speaker. A mixin of `Project`; the search itself (queries, context,
limits) is app/search.py. It runs in a worker thread, on a project opened with
`Project.open_reader`, so the window's connection is never shared between threads.
"""

from __future__ import annotations

from collections.abc import Iterator


class SearchRows:
    """Project methods for app/search.py (see the module docstring)."""

    def texts_like(self, words: str) -> Iterator[tuple[int, str, str]]:
        """(id, title, text) of documents whose text holds `words`, in id order.

        SQLite's LIKE folds case for ASCII only, so for other words every document comes
        back and the caller matches them itself.
        """
        like = "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        if not words.isascii():
            like = "%"
        yield from self.db.execute(
            "select id, title, text from documents where text like ? escape '\\' order by id",
            [like])

    def labelled_spans(self, label: str, annotator: str,
                       limit: int) -> list[tuple[int, str, int, int, str]]:
        """(document, title, start, end, text) of the annotator's mentions of `label`
        that are not rejected, in document order."""
        return self._spans_with_texts(self.db.execute(
            """select m.document_id, d.title, m.start, m."end" from mentions m
               join documents d on d.id = m.document_id
               where m.label = ? and m.annotator = ? and m.status != 'rejected'
               order by m.document_id, m.start limit ?""", [label, annotator, limit]))

    def spans_of_speaker(self, name: str, annotator: str,
                         limit: int) -> list[tuple[int, str, int, int, str]]:
        """(document, title, start, end, text) of the annotator's quotes, not rejected,
        whose speaker's name contains `name`."""
        return self._spans_with_texts(self.db.execute(
            """select q.document_id, d.title, q.start, q."end" from quotes q
               join entities e on e.id = q.speaker join documents d on d.id = q.document_id
               where e.name like ? and q.annotator = ? and q.status != 'rejected'
               order by q.document_id, q.start limit ?""",
            [f"%{name}%", annotator, limit]))

    def _spans_with_texts(self, rows) -> list[tuple[int, str, int, int, str]]:
        """The rows with their document's text, read once a document (`_with_texts`), not
        once a row: 1,000 hits in a 2 MB article were 2 GB of copies."""
        return [(*row, text) for text, row in self._with_texts(rows, 0)]
