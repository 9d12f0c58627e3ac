"""Periods and ranges (``pipeline.normalise.dates.periods``): month and year ranges, quarters and
halves, the year-ago period, the week of a day."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalise.dates import DateContext, normalise_date

from .helpers import ANCHOR, RULES, norm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January-July", {"type": "DATE", "value": None, "start": "2017-01", "end": "2017-07"}),
        ("the third quarter", {"type": "DATE", "value": "2017-Q3"}),
        ("third-quarter", {"type": "DATE", "value": "2017-Q3"}),
        ("the first half of 2016", {"type": "DATE", "value": "2016-H1"}),
    ],
)
def test_period_resolves_against_anchor(text: str, expected: dict) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("a year earlier", "1989-Q3", "1988-Q3"),
        ("the year-earlier quarter", "1989-Q3", "1988-Q3"),
        ("the same period last year", None, "2016"),
    ],
)
def test_relative_to_the_last_mentioned_date(text: str, reference: str | None, value: str) -> None:
    assert norm(text, reference=reference)["value"] == value


def test_same_period_last_year_shifts_a_range() -> None:
    got = normalise_date(
        "the same period last year",
        RULES,
        DateContext(anchor=ANCHOR, reference_range=("2017-01", "2017-07")),
    )
    assert got.to_norm() == {"type": "DATE", "value": None, "start": "2016-01", "end": "2016-07"}


def test_quarter_without_anchor_has_no_value() -> None:
    got = normalise_date("the third quarter", RULES, DateContext(anchor=None))
    assert got.value is None and got.type == "DATE"


@pytest.mark.parametrize(
    ("text", "reference", "period", "value"),
    [
        ("the 1988 quarter", "1989-09-30", "1989-Q3", "1988-Q3"),  # the quarter in hand, that year
        ("the 1988 period", None, None, "1988"),
        ("last year's quarter", "1989-Q2", None, "1988-Q2"),
        ("the corresponding period last year", "1989-10-05", "1989-Q3", "1988-Q3"),
    ],
)
def test_the_period_in_hand(
    text: str, reference: str | None, period: str | None, value: str
) -> None:
    assert norm(text, reference=reference, period=period)["value"] == value


@pytest.mark.parametrize(
    ("text", "anchor", "reference", "value"),
    [
        ("the week of March 6", dt.date(2006, 2, 20), None, "2006-W10"),
        ("a year earlier", dt.date(2006, 3, 2), "2005-12-31", "2004-Q4"),  # see the quarter below
    ],
)
def test_anchored_expressions(
    text: str, anchor: dt.date, reference: str | None, value: str
) -> None:
    period = "2005-Q4" if reference == "2005-12-31" else None
    assert norm(text, anchor=anchor, reference=reference, period=period)["value"] == value


def test_comparable_year_ago_quarter_is_last_year() -> None:
    assert norm("the comparable year-ago quarter")["value"] == "2016"
