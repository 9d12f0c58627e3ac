"""Durations and sets (``pipeline.normalise.dates.durations``): counts of units as TIMEX3
periods, "every day" and "Mondays" as sets, "the day" as the day in hand."""

from __future__ import annotations

import datetime as dt

import pytest

from .helpers import norm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the seven months of 2017",
            {"type": "DATE", "value": None, "start": "2017-01", "end": "2017-07"},
        ),
        ("two weeks", {"type": "DURATION", "value": "P2W"}),
        ("the past two months", {"type": "DURATION", "value": "P2M"}),
        ("16-hour", {"type": "DURATION", "value": "PT16H"}),
        ("years", {"type": "DURATION", "value": "PXY"}),
        ("every day", {"type": "SET", "value": "P1D"}),
        ("daily", {"type": "SET", "value": "P1D"}),
        ("each July", {"type": "SET", "value": "XXXX-07"}),
        ("Tuesday nights", {"type": "SET", "value": "XXXX-WXX-2TNI"}),
        ("each Thursday", {"type": "SET", "value": "XXXX-WXX-4"}),
    ],
)
def test_duration_or_set(text: str, expected: dict) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a couple of years", "P2Y"),  # "couple" is two, not "a" (one)
        ("a few days", "PXD"),  # vague, not one
        ("almost a hundred years", "P100Y"),
        ("at least 30 days", "P30D"),  # "at least" goes whole, not just "at"
        ("at least the past 18 months", "P18M"),
        ("2 1/2 years", "P2Y6M"),  # fractions go into the next smaller unit
        ("two and a half years", "P2Y6M"),
        ("a minute and a half", "PT1M30S"),
        ("5 1/2 hours", "PT5H30M"),
        ("half an hour", "PT30M"),
        ("eight trading days", "P8D"),  # a word between count and unit
        ("an additional year", "P1Y"),
        ("two more weeks", "P2W"),
        ("the next two years or so", "P2Y"),
        ("in recent years", "PXY"),  # a vague stretch back, as TimeML marks it
        ("recent weeks", "PXW"),
    ],
)
def test_duration_counts(text: str, value: str) -> None:
    assert norm(text) == {"type": "DURATION", "value": value}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("future quarters", "FUTURE_REF"),
        ("the weeks ahead", "PXW"),
    ],
)
def test_plural_units_ahead(text: str, value: str) -> None:
    assert norm(text)["value"] == value


@pytest.mark.parametrize(
    ("text", "anchor", "reference", "expected"),
    [
        ("the day", dt.date(2017, 9, 29), None, {"type": "DATE", "value": "2017-09-29"}),
        # the day the text tells of
        ("the day", dt.date(2017, 9, 29), "2011-05-04", {"type": "DATE", "value": "2011-05-04"}),
        (
            "later in the day",
            dt.date(2017, 9, 29),
            "2011-05-04",
            {"type": "DATE", "value": "2011-05-04", "mod": "END"},
        ),
        # of the day in hand
        (
            "the morning",
            dt.date(2006, 2, 20),
            "2006-02-14",
            {"type": "TIME", "value": "2006-02-14TMO"},
        ),
    ],
)
def test_the_day_is_the_day_in_hand(
    text: str, anchor: dt.date, reference: str | None, expected: dict
) -> None:
    assert norm(text, anchor=anchor, reference=reference) == expected
