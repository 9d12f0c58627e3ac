"""Dates written out (``pipeline.normalise.dates.absolute``): numeric dates, month-day(-year),
months, seasons, years, decades, spoken years, weekdays and holidays."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalise.dates import DateContext, normalise_date

from .helpers import RULES, norm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sept. 22", {"type": "DATE", "value": "2017-09-22"}),
        ("November 2017", {"type": "DATE", "value": "2017-11"}),
        ("2020", {"type": "DATE", "value": "2020"}),
        ("next Monday", {"type": "DATE", "value": "2017-10-02"}),
        ("Monday", {"type": "DATE", "value": "2017-09-25"}),
        ("Friday", {"type": "DATE", "value": "2017-09-29"}),
        ("the 1990s", {"type": "DATE", "value": "199"}),
        ("last fall", {"type": "DATE", "value": "2016-FA"}),
        ("Aug. 7, 1998", {"type": "DATE", "value": "1998-08-07"}),
        ("29.09.2017", {"type": "DATE", "value": "2017-09-29"}),
        ("11/02/89", {"type": "DATE", "value": "1989-11-02"}),
        ("nineteen ninety-six", {"type": "DATE", "value": "1996"}),
        ("Thanksgiving Day", {"type": "DATE", "value": "2017-11-23"}),
        ("9 a.m. Tuesday", {"type": "TIME", "value": "2017-09-26T09:00"}),
        ("Wednesday night", {"type": "TIME", "value": "2017-09-27TNI"}),
    ],
)
def test_written_date_resolves_against_anchor(text: str, expected: dict) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Friday", "future", "2017-09-29"),
        ("Monday", "future", "2017-10-02"),
        ("Monday", "past", "2017-09-25"),
        ("June", None, "2017-06"),
        ("December", None, "2017-12"),
        ("March", "future", "2018-03"),
    ],
)
def test_weekday_and_month_follow_the_tense(text: str, tense: str | None, value: str) -> None:
    assert norm(text, tense=tense)["value"] == value


@pytest.mark.parametrize("text", ["Sept. 22", "Friday"])
def test_written_date_without_anchor_has_no_value(text: str) -> None:
    got = normalise_date(text, RULES, DateContext(anchor=None))
    assert got.value is None and got.type == "DATE"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the nineties", {"type": "DATE", "value": "199"}),
        ("the early eighties", {"type": "DATE", "value": "198", "mod": "START"}),
        ("last Thanksgiving", {"type": "DATE", "value": "2016-11-24"}),
        ("Christmas 1998", {"type": "DATE", "value": "1998-12-25"}),
    ],
)
def test_decades_holidays(text: str, expected: dict) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Thanksgiving Day", "past", "2016-11-24"),  # a holiday's nearest occurrence, by the tense
        ("Thanksgiving Day", None, "2017-11-23"),
    ],
)
def test_holiday_on_its_nearest_occurrence(text: str, tense: str | None, value: str) -> None:
    assert norm(text, tense=tense)["value"] == value


@pytest.mark.parametrize(
    ("text", "anchor", "reference", "value"),
    [
        (
            "Election Day",
            dt.date(2004, 10, 20),
            None,
            "2004-11-02",
        ),  # Tuesday after the first Monday
        ("the previous Friday", dt.date(2006, 2, 20), "2006-02-14", "2006-02-10"),
        ("this past spring", dt.date(2006, 10, 20), None, "2006-SP"),
        ("last February", dt.date(2006, 3, 2), None, "2005-02"),  # told in March: a year back
        ("last February", dt.date(2006, 7, 2), None, "2006-02"),
    ],
)
def test_anchored_expressions(
    text: str, anchor: dt.date, reference: str | None, value: str
) -> None:
    assert norm(text, anchor=anchor, reference=reference)["value"] == value


def test_spoken_year_after_a_month() -> None:
    assert norm("January nineteen ninety-seven")["value"] == "1997-01"
