"""Scorer tests: every expectation below is computed by hand in the comment beside it."""

from __future__ import annotations

import pytest

from pipeline.evaluate.prf import PRF
from pipeline.evaluate.spans import (
    Mention,
    Timex,
    match_mentions,
    ner_counts,
    restrict_timex,
    score_entities,
    score_timex,
    score_values,
)


def M(start: int, end: int, label: str, doc: str = "d") -> Mention:
    return Mention(doc, start, end, label)


def prf(s: PRF) -> tuple[int, int, int]:
    return s.tp, s.fp, s.fn


def test_nervaluate_counts_for_each_kind_of_match() -> None:
    gold = [M(0, 5, "PER"), M(10, 15, "LOC"), M(20, 30, "ORG"), M(40, 45, "MISC")]
    pred = [
        M(0, 5, "PER"),  # exact
        M(10, 15, "ORG"),  # same span, other type
        M(20, 25, "ORG"),  # overlap, same type
        M(50, 55, "LOC"),  # spurious
    ]  # MISC missed
    c = {k: v.to_dict() for k, v in ner_counts(match_mentions(pred, gold)).items()}
    pick = ("correct", "incorrect", "partial", "missed", "spurious", "possible", "actual")

    def counts(scheme: str) -> tuple[float, ...]:
        return tuple(c[scheme][k] for k in pick)

    assert counts("strict") == (1, 2, 0, 1, 1, 4, 4)
    assert counts("exact") == (2, 1, 0, 1, 1, 4, 4)
    assert counts("partial") == (2, 0, 1, 1, 1, 4, 4)
    assert counts("ent_type") == (2, 1, 0, 1, 1, 4, 4)
    assert c["strict"]["p"] == pytest.approx(1 / 4)
    assert c["exact"]["r"] == pytest.approx(2 / 4)
    assert c["partial"]["p"] == pytest.approx((2 + 0.5) / 4)  # a partial match counts half
    assert c["ent_type"]["f"] == pytest.approx(0.5)


def test_overlapping_predictions_match_one_gold_span_at_most() -> None:
    # two predictions overlap one gold span: the same-type one matches, the other is spurious
    matches = match_mentions([M(0, 5, "PER"), M(3, 10, "ORG")], [M(0, 10, "ORG")])
    kinds = sorted((m.pred.label if m.pred else "-", m.kind) for m in matches)
    assert kinds == [("ORG", "overlap"), ("PER", "spurious")]
    c = ner_counts(matches)
    assert (c["ent_type"].correct, c["ent_type"].spurious, c["ent_type"].missed) == (1, 1, 0)


def test_score_entities_empty_sides_count_as_missed_or_spurious() -> None:
    assert score_entities([], [M(0, 1, "A")]).schemes["strict"].missed == 1
    assert score_entities([M(0, 1, "A")], []).schemes["strict"].spurious == 1
    assert score_entities([], []).schemes["strict"].f1 == 0.0


def test_value_accuracy_over_exactly_matched_spans_only() -> None:
    gold = {
        M(0, 10, "MONEY"): {"amount": 1_000_000_000, "currency": "USD"},
        M(20, 30, "DATE"): {"value": "2017-09-22"},
        M(40, 45, "PERCENT"): {"value": 75.6},
        M(50, 55, "DATE"): None,  # gold without a value is not scored
    }
    pred = {
        M(0, 10, "MONEY"): {"amount": 1e9, "currency": "USD", "text": "$1 billion"},
        M(20, 30, "DATE"): {"value": "2017-09-21", "grain": "day"},  # wrong value
        M(40, 44, "PERCENT"): {"value": 75.6},  # other span: not matched
        M(50, 55, "DATE"): {"value": "2017"},
    }
    v = score_values(pred, gold, ["MONEY", "PERCENT", "DATE"])
    assert {k: (s.matched, s.correct) for k, s in v.items()} == {
        "MONEY": (1, 1),
        "PERCENT": (0, 0),
        "DATE": (1, 0),
    }
    assert v["MONEY"].accuracy == 1.0 and v["DATE"].accuracy == 0.0


def T(start: int, end: int, ttype: str, value: str | None) -> Timex:
    return Timex("d", start, end, ttype, value)


def test_tempeval3_relaxed_strict_and_value_scores() -> None:
    gold = [T(0, 10, "DATE", "2017-09-22"), T(20, 30, "DURATION", "P1W"), T(40, 45, "DATE", "2018")]
    pred = [
        T(0, 10, "DATE", "2017-09-22"),  # exact span, right value
        T(22, 30, "DATE", "P1W"),  # overlap only, right value
        T(50, 55, "DATE", "2019"),  # spurious
    ]  # the 2018 date is missed
    s = score_timex(pred, gold)
    assert prf(s.relaxed) == (2, 1, 1)
    assert prf(s.strict) == (1, 2, 2)
    assert prf(s.value) == (2, 1, 1)  # value P = 2/3 of predicted, R = 2/3 of gold
    assert s.type_accuracy == 0.5  # DURATION predicted as DATE
    # DATE only: the duration leaves gold, and so does the prediction that overlaps it
    p_date, g_date = restrict_timex(pred, gold, "DATE")
    d = score_timex(p_date, g_date)
    assert (prf(d.relaxed), prf(d.value)) == ((1, 1, 1), (1, 1, 1))


def test_timex_value_of_a_wrong_span_is_not_credited() -> None:
    s = score_timex([T(0, 3, "DATE", "2018")], [T(5, 9, "DATE", "2018")])
    assert prf(s.value) == (0, 1, 1)
