"""TIMEX3 values (``pipeline.normalise.dates.values``): the norm of a Timex, value arithmetic."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalise.dates import Timex
from pipeline.normalise.dates.values import date_of_value, grain_shift, iso_week, shift_value


def test_norm_leaves_out_what_is_not_set() -> None:
    assert Timex("DATE", "2017", rule="year").to_norm() == {"type": "DATE", "value": "2017"}
    assert Timex("DATE", None, start="2017-01", end="2017-07", mod="END").to_norm() == {
        "type": "DATE",
        "value": None,
        "start": "2017-01",
        "end": "2017-07",
        "mod": "END",
    }


@pytest.mark.parametrize(
    ("value", "years", "shifted"),
    [
        ("1989-Q3", -1, "1988-Q3"),  # the grain is kept
        ("2005-12-31", -1, "2004-12-31"),
        ("2004-02-29", 1, "2005-02-28"),  # no 29 February that year
        ("199", -1, None),  # a decade is no year
    ],
)
def test_shift_value_by_whole_years(value: str, years: int, shifted: str | None) -> None:
    assert shift_value(value, years) == shifted


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2017-09-29", dt.date(2017, 9, 29)),
        ("2017-09", dt.date(2017, 9, 1)),
        ("1989-Q3", dt.date(1989, 7, 1)),  # a quarter's first day
        ("2017-02-30", None),
        ("PAST_REF", None),
    ],
)
def test_date_of_value(value: str, date: dt.date | None) -> None:
    assert date_of_value(value) == date


@pytest.mark.parametrize(
    ("unit", "n", "value"),
    [
        ("Y", -2, "2015"),
        ("M", -9, "2016-12"),
        ("W", 1, "2017-W40"),
        ("Q", -1, "2017-Q2"),
        ("DE", -1, "200"),
    ],
)
def test_grain_shift(unit: str, n: int, value: str) -> None:
    assert grain_shift(dt.date(2017, 9, 29), unit, n) == value


def test_iso_week() -> None:
    assert iso_week(dt.date(2017, 1, 1)) == "2016-W52"  # a Sunday: the last week of 2016
