"""Agreement figures on the sample article against values worked out by hand.

The two layers are described in conftest.py; the counts below follow from that table.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from ruth_annotator.cli import main
from ruth_annotator.model import Entity, Mention, Quote, Span
from ruth_annotator.team.agreement import compare_layers, project_agreement

from .scenario import alice_items, bob_items, write_layer


@pytest.fixture
def both(project):
    write_layer(project, "alice", alice_items())
    write_layer(project, "bob", bob_items())
    return project


def test_mentions(both):
    d = compare_layers(both.layer(1, "alice"), both.layer(1, "bob")).to_dict()["mentions"]
    exact, overlap = d["exact"], d["overlap"]
    # PERSON: alice 4 (Kate, Mia Threapleton, Savage, Kelly), bob 3 (Kate, Mia, Savage);
    # exact pairs Kate and Savage: 2·2/7; by overlap "Mia" pairs too: 2·3/7
    assert exact["by_label"]["PERSON"] == {"a": 4, "b": 3, "matched": 2, "f1": 0.5714}
    assert overlap["by_label"]["PERSON"] == {"a": 4, "b": 3, "matched": 3, "f1": 0.8571}
    # I Am Ruth: same span, different labels → neither label matches
    assert exact["by_label"]["WORK_OF_ART"] == {"a": 1, "b": 0, "matched": 0, "f1": 0.0}
    assert overlap["by_label"]["EVENT"] == {"a": 0, "b": 1, "matched": 0, "f1": 0.0}
    # ORG: Channel 4 both, ITV only bob: 2·1/3
    assert exact["by_label"]["ORG"]["f1"] == 0.6667
    # all labels: alice 6, bob 6; exact pairs Kate, Channel 4, Savage = 3 → 2·3/12 = 0.5;
    # by overlap "Mia" too = 4 → 8/12
    assert exact["overall"] == {"a": 6, "b": 6, "matched": 3, "f1": 0.5}
    assert overlap["overall"] == {"a": 6, "b": 6, "matched": 4, "f1": 0.6667}


def test_quotes_types_and_speakers(both):
    d = compare_layers(both.layer(1, "alice"), both.layer(1, "bob")).to_dict()
    # alice 5 quotes, bob 5; exact: blown away, no script, actors = 3 → 6/10;
    # by overlap the shortened "He said…" pairs too → 8/10
    assert d["quotes"]["exact"] == {"a": 5, "b": 5, "matched": 3, "f1": 0.6}
    assert d["quotes"]["overlap"] == {"a": 5, "b": 5, "matched": 4, "f1": 0.8}
    # types of the 4 matched quotes: (direct, mixed) (direct, direct) (direct, direct)
    # (indirect, indirect). p_o = 3/4. alice: direct 3, indirect 1; bob: direct 2, mixed 1,
    # indirect 1. p_e = (3·2 + 1·1) / 16 = 7/16. κ = (12/16 − 7/16) / (9/16) = 5/9.
    # α: coincidences o_dd = 4, o_dm = o_md = 1, o_ii = 2; n_d = 5, n_m = 1, n_i = 2, n = 8;
    # Σ_{c≠k} n_c·n_k = 2·(5·1 + 5·2 + 1·2) = 34; α = 1 − 7·2/34 = 10/17.
    assert d["quote_types"] == {"matched": 4, "agreement": 0.75,
                                "kappa": round(5 / 9, 4), "alpha": round(10 / 17, 4)}
    # speakers: blown away — Kate both (bob's entity is "Winslet", but its mention is the
    # same "Kate Winslet") ✓; He said — Kate vs Mia ✗; no script — Kate vs nobody ✗;
    # actors — Kate both ✓ → 2 of 4
    assert d["speakers"] == {"matched": 4, "agree": 2, "agreement": 0.5}


def test_only_accepted_annotations_count(both):
    alice = both.layer(1, "alice")
    extra = Mention("a-extra", 758, 761, "ORG", status="proposed")
    alice.mentions[extra.id] = extra
    d = compare_layers(alice, both.layer(1, "bob")).to_dict()
    assert d["mentions"]["exact"]["by_label"]["ORG"]["a"] == 1


def test_speakers_same_by_name_without_shared_mentions():
    def layer(annotator, start):
        from ruth_annotator.model import Layer
        return Layer.of(1, annotator, [
            Entity("e", "PERSON", "Kate  WINSLET"), Mention("m", start, start + 7, "PERSON", "e"),
            Quote("q", "direct", (Span(50, 60),), "e")])
    a = layer("a", 0)
    b = layer("b", 20)
    b.entities["e"] = Entity("e", "PERSON", "kate winslet")
    assert compare_layers(a, b).speakers == [True]
    b.entities["e"] = Entity("e", "PERSON", "Kate")
    assert compare_layers(a, b).speakers == [False]


def test_project_report_pools_pairs(project):
    # Three annotators on the sample: alice, bob, and carol who copies alice exactly.
    write_layer(project, "alice", alice_items())
    write_layer(project, "bob", bob_items())
    carol = [type(i)(**{**_fields(i), "id": "c" + i.id[1:],
                        **_refs(i, "c")}) for i in alice_items()]
    write_layer(project, "carol", carol)
    write_layer(project, "dave", [], status="todo")  # assigned, not started: left out
    report = project_agreement(project)
    assert report.annotators == ["alice", "bob", "carol"]
    pairs = {c.annotators: c.to_dict() for c in report.pairs}
    assert set(pairs) == {("alice", "bob"), ("alice", "carol"), ("bob", "carol")}
    assert pairs[("alice", "carol")]["mentions"]["exact"]["overall"]["f1"] == 1.0
    assert pairs[("alice", "carol")]["quote_types"]["kappa"] == 1.0
    # carol = alice, so bob × carol = bob × alice
    assert pairs[("bob", "carol")]["quote_types"] == pairs[("alice", "bob")]["quote_types"]
    overall = report.overall.to_dict()
    # mentions exact pooled: matched 3 + 6 + 3 = 12 of a + b = 12 + 12 + 12 = 36 → 24/36
    assert overall["mentions"]["exact"]["overall"]["f1"] == round(24 / 36, 4)
    # Light's κ: mean of 5/9, 1 and 5/9
    assert overall["quote_types"]["kappa"] == round((5 / 9 + 1 + 5 / 9) / 3, 4)
    # α over the 12 pooled matched quotes: (d,m)(d,d)(d,d)(i,i) twice, plus carol's pairs
    # (d,d)(d,d)(d,d)(i,i)(d,d)[the 5th quote]: o_dm = o_md = 2; o_dd = 2·(2·2) + 2·4 = 16;
    # o_ii = 2·2 + 2 = 6; n_d = 18, n_m = 2, n_i = 6, n = 26;
    # Σ n_c n_k (c≠k) = 2·(18·2 + 18·6 + 2·6) = 312; α = 1 − 25·4/312
    assert overall["quote_types"]["alpha"] == round(1 - 25 * 4 / 312, 4)
    assert len(report.documents) == 3 and all(c.documents == [1] for c in report.documents)


def _fields(item):
    return {f: getattr(item, f) for f in item.__dataclass_fields__}


def _refs(item, prefix):
    out = {}
    for f in ("entity", "speaker"):
        value = getattr(item, f, None)
        if value:
            out[f] = prefix + value[1:]
    return out


def test_agree_command(both):
    runner = CliRunner()
    result = runner.invoke(main, ["agree", str(both.path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["pairs"][0]["annotators"] == ["alice", "bob"]
    assert figures["overall"]["speakers"]["agreement"] == 0.5
    text = runner.invoke(main, ["agree", str(both.path)])
    assert text.exit_code == 0
    assert "alice × bob: 1 document" in text.output
    assert "Cohen's κ 0.556" in text.output and "Krippendorff's α 0.588" in text.output
    assert "Speakers: 2 of 4 matched quotes agree (0.500)" in text.output


def test_agree_without_pairs(project):
    result = CliRunner().invoke(main, ["agree", str(project.path)])
    assert result.exit_code == 0 and "No document has layers from two" in result.output


def test_gold_is_compared_only_when_named(both):
    write_layer(both, "gold", alice_items())
    assert project_agreement(both).annotators == ["alice", "bob"]
    report = project_agreement(both, annotators=["bob", "gold"])
    assert report.annotators == ["bob", "gold"]
    assert report.pairs[0].to_dict()["quote_types"]["kappa"] == round(5 / 9, 4)
