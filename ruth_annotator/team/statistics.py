"""Agreement statistics, written out so that every figure can be checked by hand.

Each function returns None where the statistic is undefined (nothing to compare, or only
one category in use, where chance agreement is already perfect), never a made-up 0 or 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import permutations


def f1(matched: int, n_a: int, n_b: int) -> float | None:
    """Span F1 between two annotators: 2·matched / (|A| + |B|).

    Symmetric, so it does not matter whose layer is called the reference; it equals the
    usual F1 with either side's precision and recall.
    """
    total = n_a + n_b
    return None if total == 0 else 2 * matched / total


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """Cohen's κ for two coders: (p_o − p_e) / (1 − p_e).

    p_o is the share of units both coded alike; p_e the agreement expected from each
    coder's own category frequencies: Σ_k p_A(k) · p_B(k).
    """
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    count_a = Counter(a for a, _ in pairs)
    count_b = Counter(b for _, b in pairs)
    expected = sum(count_a[k] * count_b[k] for k in count_a) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(units: Sequence[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's α for nominal data: 1 − D_o / D_e.

    `units` holds the values the coders gave each unit (None: that coder gave none). From
    the coincidence matrix o_ck = Σ_u (pairs of values c, k within u) / (m_u − 1), with
    n_c its row sums and n their total:  α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
    Units with fewer than two values cannot be paired and are left out.
    """
    coincidences: Counter = Counter()
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for c, k in permutations(values, 2):
            coincidences[(c, k)] += 1 / (m - 1)
    totals: Counter = Counter()
    for (c, _), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    if n == 0:
        return None
    disagree_observed = sum(w for (c, k), w in coincidences.items() if c != k)
    disagree_expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if disagree_expected == 0:
        return None
    return 1 - (n - 1) * disagree_observed / disagree_expected
