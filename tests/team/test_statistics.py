"""The statistics against values computed by hand (the working is in the comments)."""

from __future__ import annotations

import pytest

from ruth_annotator.model import Mention, Quote, Span
from ruth_annotator.model.matching import match, shared_length
from ruth_annotator.team.statistics import cohen_kappa, f1, krippendorff_alpha_nominal


def test_f1():
    # 2·3 / (5 + 4) = 6/9
    assert f1(3, 5, 4) == pytest.approx(2 / 3)
    assert f1(0, 2, 0) == 0
    assert f1(0, 0, 0) is None


def test_kappa_textbook_table():
    # 50 items; yes/yes 20, yes/no 5, no/yes 10, no/no 15.
    # p_o = (20 + 15) / 50 = 0.7
    # A says yes 25 times, B 30 times: p_e = (25·30 + 25·20) / 50² = 1250/2500 = 0.5
    # κ = (0.7 − 0.5) / (1 − 0.5) = 0.4
    pairs = ([("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15)
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_kappa_undefined_and_perfect():
    assert cohen_kappa([]) is None
    # one category on both sides: p_e = 1, κ undefined
    assert cohen_kappa([("a", "a"), ("a", "a")]) is None
    assert cohen_kappa([("a", "a"), ("b", "b")]) == 1
    # always disagreeing in a swapped way: p_o = 0, p_e = (1·1 + 1·1)/4 = 0.5 → κ = −1
    assert cohen_kappa([("a", "b"), ("b", "a")]) == pytest.approx(-1)


def test_alpha_two_coders():
    # units (a,a) (a,b) (b,b) (b,b): coincidences o_aa = 2, o_ab = o_ba = 1, o_bb = 4
    # n_a = 3, n_b = 5, n = 8; α = 1 − (n−1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k
    #   = 1 − 7·2 / (2·3·5) = 1 − 14/30 = 16/30
    units = [("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]
    assert krippendorff_alpha_nominal(units) == pytest.approx(16 / 30)


def test_alpha_three_coders_with_missing_values():
    # unit 1: a a a  → each ordered pair weighs 1/(3−1): o_aa += 6·½ = 3
    # unit 2: a b −  → o_ab += 1, o_ba += 1
    # unit 3: b −  − → one value, not pairable
    # unit 4: b b    → o_bb += 2
    # n_a = 3 + 1 = 4, n_b = 1 + 2 = 3, n = 7
    # α = 1 − 6·2 / (2·4·3) = 1 − 12/24 = 0.5
    units = [("a", "a", "a"), ("a", "b", None), ("b", None, None), ("b", "b")]
    assert krippendorff_alpha_nominal(units) == pytest.approx(0.5)


def test_alpha_undefined():
    assert krippendorff_alpha_nominal([]) is None
    assert krippendorff_alpha_nominal([("a", "a"), ("a", "a")]) is None
    assert krippendorff_alpha_nominal([("a",), (None, "b")]) is None


def _m(i, start, end, label="PERSON"):
    return Mention(f"m{i}", start, end, label)


def test_exact_matching_is_one_to_one_and_label_aware():
    a = [_m(1, 0, 5), _m(2, 0, 5), _m(3, 10, 12, "ORG")]
    b = [_m(4, 0, 5), _m(5, 10, 12, "GPE")]
    same_label = lambda x, y: x.label == y.label  # noqa: E731
    assert [(x.id, y.id) for x, y in match(a, b, "exact", same_label)] == [("m1", "m4")]
    assert len(match(a, b, "exact")) == 2


def test_overlap_matching_prefers_the_closest_twin():
    # a1 0..10 could pair with b1 0..20 (shared 10, ratio ½) or b2 0..10 (ratio 1): b2 wins,
    # and b1 is then free for a2 5..20 (shared 15 of 20).
    a = [_m(1, 0, 10), _m(2, 5, 20)]
    b = [_m(3, 0, 20), _m(4, 0, 10)]
    assert [(x.id, y.id) for x, y in match(a, b, "overlap")] == [("m1", "m4"), ("m2", "m3")]
    assert match([_m(1, 0, 5)], [_m(2, 5, 9)], "overlap") == []


def test_multi_segment_quotes_overlap_by_shared_text():
    q1 = Quote("q1", "direct", (Span(0, 10), Span(20, 30)))
    q2 = Quote("q2", "direct", (Span(8, 22),))
    # shared: 8..10 and 20..22 → 4 code points, though 10..20 lies between the segments
    assert shared_length(q1.spans, q2.spans) == 4
    q3 = Quote("q3", "direct", (Span(11, 19),))
    assert match([q1], [q3], "overlap") == []
    assert match([q1], [q1], "exact") == [(q1, q1)]
