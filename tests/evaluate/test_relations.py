"""Scorer tests: every expectation below is computed by hand in the comment beside it."""

from __future__ import annotations

from pipeline.evaluate.prf import PRF
from pipeline.evaluate.relations import RelationItem, relation_errors, score_relations


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


def test_relation_errors_list_misses_and_spurious_by_type_with_their_sentences() -> None:
    text = "Ann Lee of Acme met Bo Ek in Oslo ."
    gold = [
        RelationItem("d", (0, 7, "PER"), (11, 15, "ORG"), "Work_For"),  # found
        RelationItem("d", (20, 25, "PER"), (29, 33, "LOC"), "Live_In"),  # found as Work_For
        RelationItem("d", (11, 15, "ORG"), (29, 35, "LOC"), "OrgBased_In"),  # span "Oslo ."
    ]
    pred = [
        RelationItem("d", (0, 7, "LOC"), (11, 15, "ORG"), "Work_For"),  # head typed wrong: fine
        RelationItem("d", (20, 25, "PER"), (29, 33, "ORG"), "Work_For"),
    ]
    errors = relation_errors(
        pred,
        gold,
        {"d": text},
        {"d": 0},
        5,
        pred_spans={("d", 0, 7), ("d", 11, 15), ("d", 20, 25), ("d", 29, 33)},
        rules={pred[1]: ["affiliated.x"]},
    )
    assert [(e.kind, e.type, e.head, e.tail, e.note, e.rules) for e in errors] == [
        ("FN", "Live_In", "Bo Ek", "Oslo", "predicted: Work_For", ""),
        ("FN", "OrgBased_In", "Acme", "Oslo .", "no predicted mention: Oslo .", ""),
        ("FP", "Work_For", "Bo Ek", "Oslo", "gold: Live_In", "affiliated.x"),
    ]
    assert errors[0].sentence == "Ann Lee of Acme met [[Bo Ek]] in [[Oslo]] ."


def test_relation_errors_keep_n_per_type_and_kind() -> None:
    gold = [RelationItem("d", (k, k + 1, "PER"), (9, 10, "ORG"), "Work_For") for k in range(4)]
    errors = relation_errors([], gold, {"d": "a b c d e f"}, {"d": 0}, 2)
    assert len(errors) == 2 and {e.kind for e in errors} == {"FN"}
    assert relation_errors([], gold, {"d": ""}, {"d": 0}, 0) == []
