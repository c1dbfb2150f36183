"""The project's learned names: the same lexicon as cutting every mention out in SQL."""

from __future__ import annotations

from collections import Counter, defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from ruth_annotator.app.suggesting import learned_lexicon
from ruth_annotator.model import ACCEPTED, PROPOSED, REJECTED, Entity, Mention, NewDocument
from ruth_annotator.store import Project
from ruth_annotator.suggest.lexicon import Lexicon

NAMES = ["Kate Winslet", "Zoë Ñúñez", "Jordan", "Greenfield Foods", "Leeds", "Ruth 👩‍👧 Day"]


def _reference(project: Project, annotator: str) -> Lexicon:
    """The lexicon as SQLite cuts each surface out of its document, rows in saving order,
    a tie going to the label given first."""
    rows = project.db.execute(
        """select substr(d.text, m.start + 1, m."end" - m.start), m.label, m.status, m.form
           from mentions m join documents d on d.id = m.document_id
           where m.annotator = ? and m.status in ('accepted', 'rejected')
           order by m.rowid""", [annotator])
    accepted: dict[str, Counter] = defaultdict(Counter)
    rejected: dict[str, set[str]] = defaultdict(set)
    for surface, label, status, form in rows:
        surface = " ".join(surface.split())
        if form != "name" or len(surface) < 2 or not surface[0].isalnum():
            continue
        if status == ACCEPTED:
            accepted[surface][label] += 1
        else:
            rejected[surface].add(label)
    names = {s: c.most_common(1)[0][0] for s, c in accepted.items()}
    return Lexicon(names, {s: v for s, v in rejected.items() if s not in names})


def _text(paragraphs: int, own: str) -> str:
    """News-like text where every name of NAMES recurs, with astral characters before them
    (offsets count code points), a name broken over a line and a name of its own."""
    lines = []
    for i in range(paragraphs):
        name = NAMES[i % len(NAMES)]
        lines.append(f"🙂 Paragraph {i}: {name} said the plan was fine, Kate\nWinslet added.")
    return "\n\n".join(lines) + f"\n{own} closed it.\n"


def _mentions(text: str, doc: int, labels: list[str], statuses: list[str]) -> list:
    """A mention on every name in the text, labels and statuses taken in turn."""
    items, n = [], 0
    for name in [*NAMES, "Kate\nWinslet", "Tied Name", "Mystery Corp"]:
        at = text.find(name)
        while at >= 0:
            label, status = labels[n % len(labels)], statuses[n % len(statuses)]
            form = "pronoun" if n % 11 == 0 else "name"
            items.append(Mention(f"m-{doc}-{n}", at, at + len(name), label, f"e-{doc}",
                                 form, status))
            n += 1
            at = text.find(name, at + 1)
    return items


def test_learned_lexicon_equals_the_sql_reference_with_a_large_document(tmp_path):
    big = _text(3000, "Ruth")  # about 200 KB, 3,500 mentions
    small = [_text(6, "Tied Name"), _text(7, "Tied Name"), _text(8, "Mystery Corp")]
    with Project.open(tmp_path / "lex.ruth", "ann", create=True) as project:
        project.add_documents([NewDocument(t, f"d{i}") for i, t in enumerate([big, *small])])
        # Saved out of document order, so that a tie between labels is decided by which
        # label was given first, not by which document comes first.
        plan = [(3, ["GPE"], [ACCEPTED]),
                (1, ["PERSON", "ORG", "GPE"], [ACCEPTED, REJECTED, ACCEPTED, PROPOSED]),
                (4, ["ORG", "PERSON"], [REJECTED]),
                (2, ["PERSON"], [ACCEPTED, ACCEPTED, REJECTED])]
        texts = {1: big, 2: small[0], 3: small[1], 4: small[2]}
        with project.db.atomic():
            for doc, labels, statuses in plan:
                entity = Entity(f"e-{doc}", "PERSON", "someone", status=ACCEPTED)
                project.add_layer_items(doc, "ann", [entity, *_mentions(texts[doc], doc,
                                                                        labels, statuses)])
            other = _mentions(small[0], 9, ["LOC"], [ACCEPTED])
            project.add_layer_items(2, "someone else", [Entity("e-9", "LOC", "x"), *other])
        lexicon = learned_lexicon(project)
        expected = _reference(project, "ann")
        assert lexicon == expected
        assert set(lexicon.names) == {*NAMES, "Tied Name"}
        assert lexicon.names["Tied Name"] == "GPE"  # one vote each: the first given wins
        assert lexicon.rejected == {"Mystery Corp": {"ORG"}}
        assert learned_lexicon(project, "someone else") == _reference(project, "someone else")
        assert learned_lexicon(project, "nobody") == Lexicon()


WORDS = ["Kate", "Winslet", "van", "Gogh", "eBay", "Łukasz", "de", "la", "said", "Ōsaka",
         "_x", "2024", "iPhone", "Kate_", "vanity", "’"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", "", ",", "\n"])),
                min_size=1, max_size=30),
       st.data())
def test_phrase_matcher_finds_what_a_look_at_every_word_finds(pieces, data):
    # Names starting with a capital are found by a name-start scan, a few others one by one:
    # the same places as looking every word of the text up.
    from ruth_annotator.suggest import lexicon

    text = "".join(w + g for w, g in pieces)
    starts = st.integers(0, len(pieces) - 1)
    phrases = data.draw(st.lists(st.tuples(starts, st.integers(1, 3)), max_size=6))
    names = {" ".join(w for w, _ in pieces[i:i + n]): f"L{k}"
             for k, (i, n) in enumerate(phrases)}
    found = lexicon.PhraseMatcher(names).find(text)
    few, lexicon._FEW_OTHERS = lexicon._FEW_OTHERS, -1
    try:
        every_word = lexicon.PhraseMatcher(names).find(text)
    finally:
        lexicon._FEW_OTHERS = few
    assert found == every_word


def test_phrase_matcher_finds_lower_case_first_words_only_as_whole_words():
    from ruth_annotator.suggest.lexicon import PhraseMatcher

    text = "Kate_van Gogh, vanity van Gogh eBay. eBays 2van Gogh van Gogh"
    names = {"van Gogh": "PERSON", "eBay": "ORG", "Kate": "PERSON"}
    assert PhraseMatcher(names).find(text) == [
        (22, 30, "PERSON"), (31, 35, "ORG"), (53, 61, "PERSON")]


def test_merging_into_an_empty_layer_lexicon_keeps_the_project_lexicon_and_its_matcher():
    project = Lexicon({"Kate Winslet": "PERSON", "ITV": "ORG"}, {"Savage": {"ORG"}})
    matcher = project.matcher()
    merged = Lexicon().merged(project)
    assert merged == project and merged.matcher() is matcher  # indexed once per project
    # a layer's own decisions win over the project's; names drop out of the rejected
    layer = Lexicon({"Savage": "PERSON"}, {"ITV": {"GPE"}})
    assert layer.merged(project) == Lexicon(
        {"Kate Winslet": "PERSON", "ITV": "ORG", "Savage": "PERSON"}, {})
    odd = Lexicon({"Mia": "PERSON"}, {"Mia": {"ORG"}, "Lee": {"ORG"}})
    assert Lexicon().merged(odd) == Lexicon({"Mia": "PERSON"}, {"Lee": {"ORG"}})
