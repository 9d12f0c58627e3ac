"""Corpus-wide coreference scores over item -> cluster maps, against figures worked out by hand."""

from __future__ import annotations

import pytest

from pipeline.evaluate.crossdoc_metrics import (
    b_cubed,
    ceaf_e,
    conll_f1,
    muc,
    pair_counts,
    pairwise,
)

# key {a b c} {d e}; response {a b} {c d e}
KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
RESPONSE = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_muc_counts_links() -> None:
    score = muc(KEY, RESPONSE)
    assert (score.precision, score.recall) == (2 / 3, 2 / 3)


def test_b_cubed_averages_per_item() -> None:
    score = b_cubed(KEY, RESPONSE)
    # precision: a,b 2/2; c 1/3; d,e 2/3 -> (2 + 1/3 + 4/3) / 5; recall: a,b 2/3; c 1/3; d,e 1
    assert score.precision == pytest.approx((2 + 1 / 3 + 4 / 3) / 5)
    assert score.recall == pytest.approx((4 / 3 + 1 / 3 + 2) / 5)


def test_ceaf_e_aligns_entities_one_to_one() -> None:
    score = ceaf_e(KEY, RESPONSE)
    # best: {a b c}-{a b} phi 4/5, {d e}-{c d e} phi 4/5
    assert score.precision == pytest.approx(1.6 / 2)
    assert score.recall == pytest.approx(1.6 / 2)


def test_ceaf_e_finds_the_better_of_two_alignments() -> None:
    key = {1: "k1", 2: "k1", 3: "k2", 4: "k2", 5: "k2"}
    response = {1: "r1", 2: "r1", 3: "r1", 4: "r2", 5: "r3"}
    # k1-r1 (4/5) + k2-r2 (2/4) = 1.3 beats k2-r1 (4/6) + k1 alone
    assert ceaf_e(key, response).recall == pytest.approx(1.3 / 2)


def test_pairs_can_be_kept_to_two_documents() -> None:
    key = {("d1", 1): "e", ("d1", 2): "e", ("d2", 1): "e"}
    response = {("d1", 1): "r", ("d1", 2): "r", ("d2", 1): "s"}
    assert pair_counts(key, response) == (1, 1, 3)
    cross = pair_counts(key, response, keep=lambda a, b: a[0] != b[0])
    assert cross == (0, 0, 2)
    assert pairwise(key, response, keep=lambda a, b: a[0] != b[0]).precision == 0.0


def test_a_perfect_response_scores_one_everywhere() -> None:
    assert conll_f1(KEY, dict(KEY)) == 1.0
    assert b_cubed(KEY, dict(KEY)).f1 == 1.0


def test_key_and_response_must_cover_the_same_items() -> None:
    with pytest.raises(ValueError, match="same items"):
        muc(KEY, {"a": 1})
