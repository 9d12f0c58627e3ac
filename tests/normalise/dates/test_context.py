"""What a relative expression is resolved against (``pipeline.normalise.dates.context``): the
year of a day written without one, the quarter in hand."""

from __future__ import annotations

import pytest

from pipeline.normalise.dates import DateContext

from .helpers import ANCHOR, norm


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Oct. 12", None, "2017-10-12"),  # within two months: the nearest, even ahead
        ("April 2", None, "2017-04-02"),  # far off, untold tense: the past one ...
        ("December 20", None, "2017-12-20"),  # ... unless the next is much nearer
    ],
)
def test_year_of_a_day_without_one(text: str, tense: str | None, value: str) -> None:
    assert norm(text, tense=tense)["value"] == value


@pytest.mark.parametrize(
    ("reference", "period", "quarter"),
    [
        ("1989-Q3", "1988-Q1", "1989-Q3"),  # the reference when it is a quarter or half
        ("1990-H2", None, "1990-H2"),
        ("1989-10-05", "1989-Q3", "1989-Q3"),  # else the last one named
        ("1989-10-05", None, None),
    ],
)
def test_quarter_in_hand(reference: str, period: str | None, quarter: str | None) -> None:
    assert DateContext(ANCHOR, reference=reference, period=period).quarter() == quarter
