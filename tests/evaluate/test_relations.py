"""Scorer tests: every expectation below is computed by hand in the comment beside it."""

from __future__ import annotations

from pipeline.evaluate.prf import PRF
from pipeline.evaluate.relations import RelationItem, score_relations


def prf(s: PRF) -> tuple[int, int, int]:
    return s.tp, s.fp, s.fn


def R(h: tuple[int, int, str], t: tuple[int, int, str], rtype: str) -> RelationItem:
    return RelationItem("d", h, t, rtype)


def test_relations_strict_needs_argument_types_and_boundaries_does_not() -> None:
    gold = [
        R((0, 4, "PER"), (10, 15, "ORG"), "AFFILIATED_WITH"),
        R((10, 15, "ORG"), (20, 25, "LOC"), "LOCATED_IN"),
    ]
    pred = [
        R((0, 4, "LOC"), (10, 15, "ORG"), "AFFILIATED_WITH"),  # head typed wrong
        R((10, 15, "ORG"), (20, 25, "LOC"), "AFFILIATED_WITH"),
    ]  # relation typed wrong
    s = score_relations(pred, gold)
    assert prf(s.strict.micro) == (0, 2, 2)
    assert {k: prf(v) for k, v in s.boundaries.per_label.items()} == {
        "AFFILIATED_WITH": (1, 1, 0),
        "LOCATED_IN": (0, 0, 1),
    }
