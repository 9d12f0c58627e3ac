"""Clock times (``pipeline.normalise.dates.clock``): "10 a.m.", a wire service's "1000 EST"."""

from __future__ import annotations

import pytest

from pipeline.normalise.dates import DateContext, normalise_date

from .helpers import ANCHOR, RULES, norm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 a.m.", {"type": "TIME", "value": "2017-09-29T10:00"}),
        ("1000 EST", {"type": "TIME", "value": "2017-09-29T10:00"}),  # not the year 1000
        ("0900 edt", {"type": "TIME", "value": "2017-09-29T09:00"}),
        ("1900gmt", {"type": "TIME", "value": "2017-09-29T19:00"}),
    ],
)
def test_clock_time_on_the_anchor_day(text: str, expected: dict) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize("text", ["1000 EST", "2100 est", "1900gmt"])
def test_zoned_clock_without_anchor_is_a_time_without_value(text: str) -> None:
    got = normalise_date(text, RULES, DateContext(anchor=None))
    assert got.value is None and got.type == "TIME"  # never dateparser's year 1000 / 2100


@pytest.mark.parametrize("text", ["2400 EST", "1260 gmt", "1250 hours"])
def test_impossible_clocks_are_not_times(text: str) -> None:
    assert normalise_date(text, RULES, DateContext(anchor=ANCHOR)).type != "TIME"
