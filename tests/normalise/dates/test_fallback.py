"""The dateparser fallback (``pipeline.normalise.dates.fallback``)."""

from __future__ import annotations

import datetime as dt

import pytest

from .helpers import ANCHOR, norm


@pytest.mark.parametrize("text", ["50s", "1,250 hours", "30s", "10 minutes"])
@pytest.mark.parametrize("anchor", [ANCHOR, None])
def test_value_never_comes_from_the_clock(text: str, anchor) -> None:
    """dateparser reads these relative to its base; with the wall clock as base the same
    document got another value at every run (and across worker processes)."""
    value = norm(text, anchor=anchor).get("value")
    assert value is None or not value.startswith(str(dt.date.today().year)), value
    assert norm(text, anchor=anchor) == norm(text, anchor=anchor)


def test_absolute_string_the_grammar_does_not_know() -> None:
    assert norm("03/15/2001 09:45:00") == {"type": "TIME", "value": "2001-03-15T09:45"}
