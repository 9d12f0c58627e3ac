"""The handlers run in order (``pipeline.normalise.dates.resolve``): what is taken off before a
value is read, and what an expression no handler resolves keeps."""

from __future__ import annotations

import pytest

from .helpers import norm


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by 2020", {"type": "DATE", "value": "2020"}),
        ("late November", {"type": "DATE", "value": "2017-11", "mod": "END"}),
    ],
)
def test_leads_and_modifiers_come_off_the_value(text: str, expected: dict) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("recently last October", "2016-10"),  # a leading adverb is not part of the value
        ("an Aug. 10, 1988", "1988-08-10"),  # nor the article of the noun the date modifies
        ("a fourth-quarter", "2017-Q4"),
    ],
)
def test_leads_articles(text: str, value: str) -> None:
    assert norm(text)["value"] == value


@pytest.mark.parametrize("text", ["are", "may", "the", "things"])
def test_words_that_are_not_dates_get_no_value(text: str) -> None:
    assert norm(text)["value"] is None


def test_unresolved_duration_keeps_its_type() -> None:
    assert norm("a fairly lengthy 3 weeks or so")["type"] == "DURATION"
