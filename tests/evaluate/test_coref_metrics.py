"""MUC, B³, CEAF-e and the CoNLL average, on examples computed by hand in the comments."""

from __future__ import annotations

import random
import statistics

import pytest

from pipeline.evaluate.coref_metrics import (
    CorefPRF,
    b_cubed,
    ceaf_e,
    conll_f1,
    max_assignment,
    muc,
)

# key {a b c} {d e f g}; response {a b} {c d} {f g h i}
KEY = [frozenset("abc"), frozenset("defg")]
RESPONSE = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]


def test_muc_counts_links() -> None:
    # recall: {abc} falls into {ab}{c} -> 3-2=1; {defg} into {d}{e}{fg} -> 4-3=1; over 2+3 -> 2/5
    # precision: {ab} 1 part -> 1; {cd} 2 parts -> 0; {fghi} {fg}{h}{i} -> 1; over 1+1+3 -> 2/5
    s = muc(KEY, RESPONSE)
    assert (s.recall, s.precision, s.f1) == pytest.approx((0.4, 0.4, 0.4))


def test_b_cubed_averages_over_mentions() -> None:
    # recall: (4/3 + 1/3 + 1/4 + 4/4) / 7 = 2.9167/7; precision: (4/2 + 1/2 + 1/2 + 4/4) / 8 = 0.5
    s = b_cubed(KEY, RESPONSE)
    assert s.recall == pytest.approx((4 / 3 + 1 / 3 + 1 / 4 + 1) / 7)
    assert s.precision == pytest.approx(0.5)


def test_ceaf_e_aligns_entities_one_to_one() -> None:
    # phi4: abc~ab 0.8, abc~cd 0.4, defg~cd 1/3, defg~fghi 0.5; best 0.8 + 0.5 = 1.3
    s = ceaf_e(KEY, RESPONSE)
    assert (s.recall, s.precision) == pytest.approx((1.3 / 2, 1.3 / 3))


def test_perfect_response_scores_one_and_singletons_give_muc_nothing() -> None:
    assert conll_f1([muc(KEY, KEY), b_cubed(KEY, KEY), ceaf_e(KEY, KEY)]) == pytest.approx(1.0)
    alone = [frozenset(m) for m in "abcdefg"]
    assert muc(KEY, alone).f1 == 0.0
    assert b_cubed(KEY, alone).precision == pytest.approx(1.0)


def test_counts_add_up_over_documents() -> None:
    total = muc(KEY, RESPONSE) + muc(KEY, KEY)
    assert (total.r_num, total.r_den) == (2 + 5, 5 + 5)
    assert CorefPRF().f1 == 0.0


@pytest.mark.parametrize(
    ("weights", "best"),
    [
        ([[1.0, 0.0], [0.0, 1.0]], 2.0),
        ([[0.9, 0.8], [0.8, 0.1]], 1.6),  # not the greedy 0.9 + 0.1
        ([[0.5, 0.2, 0.9]], 0.9),  # rectangular
        ([], 0.0),
    ],
)
def test_max_assignment(weights, best) -> None:
    assert max_assignment(weights) == pytest.approx(best)


def test_agrees_with_scorch_on_random_partitions() -> None:
    scores = pytest.importorskip("scorch.scores")  # a reference implementation, when installed
    rng = random.Random(7)
    for _ in range(200):
        mentions = range(rng.randint(2, 12))

        def partition(mentions: range) -> list[frozenset[int]]:
            parts: dict[int, set[int]] = {}
            for m in mentions:
                parts.setdefault(rng.randint(0, 4), set()).add(m)
            return [frozenset(p) for p in parts.values()]

        key, response = partition(mentions), partition(mentions)
        for mine, theirs in ((b_cubed, scores.b_cubed), (ceaf_e, scores.ceaf_e)):
            try:
                r, p, _ = theirs(key, response)
            except statistics.StatisticsError:  # scorch's harmonic mean of two zeros
                continue
            ours = mine(key, response)
            assert (ours.recall, ours.precision) == pytest.approx((r, p))
