"""Scorer tests: every expectation below is computed by hand in the comment beside it."""

from __future__ import annotations

import pytest

from pipeline.evaluate.prf import PRF, score_by_label, score_set
from pipeline.evaluate.spans import Mention


def M(start: int, end: int, label: str, doc: str = "d") -> Mention:
    return Mention(doc, start, end, label)


def prf(s: PRF) -> tuple[int, int, int]:
    return s.tp, s.fp, s.fn


@pytest.mark.parametrize(
    ("pred", "gold", "counts", "p", "r", "f"),
    [
        # same span, wrong type: one FP and one FN, nothing correct
        ([M(0, 5, "ORG")], [M(0, 5, "PER")], (0, 1, 1), 0.0, 0.0, 0.0),
        # empty gold: everything predicted is a FP; undefined recall is 0
        ([M(0, 5, "ORG"), M(7, 9, "PER")], [], (0, 2, 0), 0.0, 0.0, 0.0),
        # empty prediction: every gold span is a FN; undefined precision is 0
        ([], [M(0, 5, "ORG"), M(7, 9, "PER"), M(10, 12, "LOC")], (0, 0, 3), 0.0, 0.0, 0.0),
        ([], [], (0, 0, 0), 0.0, 0.0, 0.0),
        # overlapping but not equal spans do not count in strict scoring
        ([M(0, 5, "ORG"), M(3, 10, "PER")], [M(0, 10, "ORG")], (0, 2, 1), 0.0, 0.0, 0.0),
        # 2 of 3 right, 1 missed: P = 2/3, R = 2/4, F = 2PR/(P+R) = 4/7
        (
            [M(0, 2, "A"), M(3, 4, "A"), M(5, 6, "B")],
            [M(0, 2, "A"), M(3, 4, "A"), M(7, 8, "B"), M(9, 10, "B")],
            (2, 1, 2),
            2 / 3,
            0.5,
            4 / 7,
        ),
        # the same span in two documents is two items
        ([M(0, 2, "A", "x")], [M(0, 2, "A", "y")], (0, 1, 1), 0.0, 0.0, 0.0),
    ],
)
def test_score_set_counts(pred, gold, counts, p, r, f) -> None:
    s = score_set(pred, gold)
    assert prf(s) == counts
    assert (s.precision, s.recall, s.f1) == pytest.approx((p, r, f))


def test_wrong_type_is_a_false_positive_of_one_label_and_a_false_negative_of_the_other() -> None:
    scores = score_by_label([M(0, 5, "ORG")], [M(0, 5, "PER")], lambda m: m.label)
    assert {k: prf(v) for k, v in scores.per_label.items()} == {"ORG": (0, 1, 0), "PER": (0, 0, 1)}
    assert prf(scores.micro) == (0, 1, 1)


def test_micro_pools_counts_and_macro_averages_labels() -> None:
    # A: 2 right (P=R=F=1); B: one FP and one FN (P=R=F=0)
    pred = [M(0, 1, "A"), M(2, 3, "A"), M(4, 5, "B")]
    gold = [M(0, 1, "A"), M(2, 3, "A"), M(6, 7, "B")]
    s = score_by_label(pred, gold, lambda m: m.label)
    assert prf(s.micro) == (2, 1, 1)
    assert s.micro.f1 == pytest.approx(2 / 3)
    assert (s.macro.p, s.macro.r, s.macro.f) == pytest.approx((0.5, 0.5, 0.5))
