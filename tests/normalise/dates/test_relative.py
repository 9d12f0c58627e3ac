"""Dates relative to the anchor or to a date named earlier
(``pipeline.normalise.dates.relative``)."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalise.dates import DateContext, normalise_date

from .helpers import RULES, norm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Today", {"type": "DATE", "value": "2017-09-29"}),
        ("yesterday", {"type": "DATE", "value": "2017-09-28"}),
        ("last year", {"type": "DATE", "value": "2016"}),
        ("next year", {"type": "DATE", "value": "2018"}),
        ("last month", {"type": "DATE", "value": "2017-08"}),
        ("last week", {"type": "DATE", "value": "2017-W38"}),
        ("two years ago", {"type": "DATE", "value": "2015"}),
        ("this morning", {"type": "TIME", "value": "2017-09-29TMO"}),
        ("now", {"type": "DATE", "value": "PRESENT_REF"}),
        ("recently", {"type": "DATE", "value": "PAST_REF"}),
        ("the future", {"type": "DATE", "value": "FUTURE_REF"}),
    ],
)
def test_relative_date_resolves_against_anchor(text: str, expected: dict) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("that year", "1998-10-23", "1998"),
        ("that quarter", "1989-10-05", "1989-Q2"),  # the quarter in hand (period below)
    ],
)
def test_that_is_the_last_mentioned_date(text: str, reference: str, value: str) -> None:
    period = "1989-Q2" if text == "that quarter" else None
    assert norm(text, reference=reference, period=period)["value"] == value


@pytest.mark.parametrize("text", ["last year", "Today"])
def test_relative_date_without_anchor_has_no_value(text: str) -> None:
    got = normalise_date(text, RULES, DateContext(anchor=None))
    assert got.value is None and got.type == "DATE"


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        (
            "the following month",
            "2015-03",
            "2015-04",
        ),  # after the month just named, not the anchor's
        ("the following year", "2012-06-01", "2013"),
        ("the previous week", "2015-03-18", "2015-W11"),
        ("the following month", None, "2017-10"),  # nothing named: the anchor
        ("the following month", "2012", "2017-10"),  # a year is too coarse to count months from
        ("seven a year ago", None, "2016"),  # a stray count before "a year ago"
    ],
)
def test_following_and_previous_count_from_the_reference(
    text: str, reference: str | None, value: str
) -> None:
    assert norm(text, reference=reference)["value"] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the end of the year", {"type": "DATE", "value": "2017", "mod": "END"}),
        ("late in the year", {"type": "DATE", "value": "2017", "mod": "END"}),
        ("the beginning of the month", {"type": "DATE", "value": "2017-09", "mod": "START"}),
        ("the past year", {"type": "DATE", "value": "2016"}),  # TimeBank: the year before
        ("the last decade", {"type": "DATE", "value": "200"}),
        ("the past week", {"type": "DURATION", "value": "P1W"}),
    ],
)
def test_a_part_of_the_unit_is_the_current_one(text: str, expected: dict) -> None:
    assert norm(text) == expected


def test_ago_counts_back_from_the_anchor() -> None:
    assert norm("a week or so ago", anchor=dt.date(2006, 3, 2))["value"] == "2006-W08"


def test_a_later_date_is_the_future() -> None:
    assert norm("a later date")["value"] == "FUTURE_REF"
