from __future__ import annotations

import datetime as dt

import pytest

from pipeline.normalise.dates import DateContext, normalise_date
from pipeline.normalise.rules import load_rules

RULES = load_rules()
ANCHOR = dt.date(2017, 9, 29)  # a Friday: the seed article's date


def norm(text: str, **ctx) -> dict:
    return normalise_date(
        text, RULES, DateContext(anchor=ctx.pop("anchor", ANCHOR), **ctx)
    ).to_norm()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sept. 22", {"type": "DATE", "value": "2017-09-22"}),
        ("November 2017", {"type": "DATE", "value": "2017-11"}),
        ("2020", {"type": "DATE", "value": "2020"}),
        ("by 2020", {"type": "DATE", "value": "2020"}),
        ("January-July", {"type": "DATE", "value": None, "start": "2017-01", "end": "2017-07"}),
        (
            "the seven months of 2017",
            {"type": "DATE", "value": None, "start": "2017-01", "end": "2017-07"},
        ),
        ("Today", {"type": "DATE", "value": "2017-09-29"}),
        ("yesterday", {"type": "DATE", "value": "2017-09-28"}),
        ("last year", {"type": "DATE", "value": "2016"}),
        ("next year", {"type": "DATE", "value": "2018"}),
        ("last month", {"type": "DATE", "value": "2017-08"}),
        ("last week", {"type": "DATE", "value": "2017-W38"}),
        ("the third quarter", {"type": "DATE", "value": "2017-Q3"}),
        ("third-quarter", {"type": "DATE", "value": "2017-Q3"}),
        ("the first half of 2016", {"type": "DATE", "value": "2016-H1"}),
        ("next Monday", {"type": "DATE", "value": "2017-10-02"}),
        ("Monday", {"type": "DATE", "value": "2017-09-25"}),
        ("Friday", {"type": "DATE", "value": "2017-09-29"}),
        ("two years ago", {"type": "DATE", "value": "2015"}),
        ("the 1990s", {"type": "DATE", "value": "199"}),
        ("last fall", {"type": "DATE", "value": "2016-FA"}),
        ("late November", {"type": "DATE", "value": "2017-11", "mod": "END"}),
        ("Aug. 7, 1998", {"type": "DATE", "value": "1998-08-07"}),
        ("29.09.2017", {"type": "DATE", "value": "2017-09-29"}),
        ("11/02/89", {"type": "DATE", "value": "1989-11-02"}),
        ("nineteen ninety-six", {"type": "DATE", "value": "1996"}),
        ("Thanksgiving Day", {"type": "DATE", "value": "2017-11-23"}),
        ("this morning", {"type": "TIME", "value": "2017-09-29TMO"}),
        ("10 a.m.", {"type": "TIME", "value": "2017-09-29T10:00"}),
        ("9 a.m. Tuesday", {"type": "TIME", "value": "2017-09-26T09:00"}),
        ("1000 EST", {"type": "TIME", "value": "2017-09-29T10:00"}),  # not the year 1000
        ("0900 edt", {"type": "TIME", "value": "2017-09-29T09:00"}),
        ("1900gmt", {"type": "TIME", "value": "2017-09-29T19:00"}),
        ("Wednesday night", {"type": "TIME", "value": "2017-09-27TNI"}),
        ("two weeks", {"type": "DURATION", "value": "P2W"}),
        ("the past two months", {"type": "DURATION", "value": "P2M"}),
        ("16-hour", {"type": "DURATION", "value": "PT16H"}),
        ("years", {"type": "DURATION", "value": "PXY"}),
        ("every day", {"type": "SET", "value": "P1D"}),
        ("daily", {"type": "SET", "value": "P1D"}),
        ("each July", {"type": "SET", "value": "XXXX-07"}),
        ("now", {"type": "DATE", "value": "PRESENT_REF"}),
        ("recently", {"type": "DATE", "value": "PAST_REF"}),
        ("the future", {"type": "DATE", "value": "FUTURE_REF"}),
    ],
)
def test_date_resolves_against_anchor(text: str, expected: dict) -> None:
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


@pytest.mark.parametrize(
    ("text", "reference", "value"),
    [
        ("a year earlier", "1989-Q3", "1988-Q3"),
        ("the year-earlier quarter", "1989-Q3", "1988-Q3"),
        ("that year", "1998-10-23", "1998"),
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


@pytest.mark.parametrize("text", ["last year", "Sept. 22", "Friday", "Today", "the third quarter"])
def test_relative_date_without_anchor_has_no_value(text: str) -> None:
    got = normalise_date(text, RULES, DateContext(anchor=None))
    assert got.value is None and got.type == "DATE"


@pytest.mark.parametrize("text", ["1000 EST", "2100 est", "1900gmt"])
def test_zoned_clock_without_anchor_is_a_time_without_value(text: str) -> None:
    got = normalise_date(text, RULES, DateContext(anchor=None))
    assert got.value is None and got.type == "TIME"  # never dateparser's year 1000 / 2100


@pytest.mark.parametrize("text", ["2400 EST", "1260 gmt", "1250 hours"])
def test_impossible_clocks_are_not_times(text: str) -> None:
    assert normalise_date(text, RULES, DateContext(anchor=ANCHOR)).type != "TIME"


@pytest.mark.parametrize("text", ["are", "may", "the", "things"])
def test_words_that_are_not_dates_get_no_value(text: str) -> None:
    assert norm(text)["value"] is None


def test_unresolved_duration_keeps_its_type() -> None:
    assert norm("a fairly lengthy 3 weeks or so")["type"] == "DURATION"


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday nights", {"type": "SET", "value": "XXXX-WXX-2TNI"}),
        ("each Thursday", {"type": "SET", "value": "XXXX-WXX-4"}),
        ("the nineties", {"type": "DATE", "value": "199"}),
        ("the early eighties", {"type": "DATE", "value": "198", "mod": "START"}),
        ("last Thanksgiving", {"type": "DATE", "value": "2016-11-24"}),
        ("Christmas 1998", {"type": "DATE", "value": "1998-12-25"}),
        ("the day", {"type": "DATE", "value": "2017-09-29"}),
    ],
)
def test_sets_decades_holidays(text: str, expected: dict) -> None:
    assert norm(text) == expected


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Thanksgiving Day", "past", "2016-11-24"),  # a holiday's nearest occurrence, by the tense
        ("Thanksgiving Day", None, "2017-11-23"),
        ("Oct. 12", None, "2017-10-12"),  # within two months: the nearest, even ahead
        ("April 2", None, "2017-04-02"),  # far off, untold tense: the past one ...
        ("December 20", None, "2017-12-20"),  # ... unless the next is much nearer
    ],
)
def test_year_of_a_day_without_one(text: str, tense: str | None, value: str) -> None:
    assert norm(text, tense=tense)["value"] == value


@pytest.mark.parametrize(
    ("text", "reference", "period", "value"),
    [
        ("the 1988 quarter", "1989-09-30", "1989-Q3", "1988-Q3"),  # the quarter in hand, that year
        ("the 1988 period", None, None, "1988"),
        ("last year's quarter", "1989-Q2", None, "1988-Q2"),
        ("the corresponding period last year", "1989-10-05", "1989-Q3", "1988-Q3"),
        ("that quarter", "1989-10-05", "1989-Q2", "1989-Q2"),
        ("the day", "2011-05-04", None, "2011-05-04"),  # the day the text tells of
        ("later in the day", "2011-05-04", None, "2011-05-04"),
    ],
)
def test_the_period_in_hand(
    text: str, reference: str | None, period: str | None, value: str
) -> None:
    assert norm(text, reference=reference, period=period)["value"] == value


@pytest.mark.parametrize(
    ("text", "anchor", "reference", "value"),
    [
        (
            "Election Day",
            dt.date(2004, 10, 20),
            None,
            "2004-11-02",
        ),  # Tuesday after the first Monday
        ("the week of March 6", dt.date(2006, 2, 20), None, "2006-W10"),
        ("the morning", dt.date(2006, 2, 20), "2006-02-14", "2006-02-14TMO"),  # of the day in hand
        ("the previous Friday", dt.date(2006, 2, 20), "2006-02-14", "2006-02-10"),
        ("this past spring", dt.date(2006, 10, 20), None, "2006-SP"),
        ("last February", dt.date(2006, 3, 2), None, "2005-02"),  # told in March: a year back
        ("last February", dt.date(2006, 7, 2), None, "2006-02"),
        ("a week or so ago", dt.date(2006, 3, 2), None, "2006-W08"),
        ("a year earlier", dt.date(2006, 3, 2), "2005-12-31", "2004-Q4"),  # see the quarter below
    ],
)
def test_anchored_expressions(
    text: str, anchor: dt.date, reference: str | None, value: str
) -> None:
    period = "2005-Q4" if reference == "2005-12-31" else None
    assert norm(text, anchor=anchor, reference=reference, period=period)["value"] == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("recently last October", "2016-10"),  # a leading adverb is not part of the value
        ("an Aug. 10, 1988", "1988-08-10"),  # nor the article of the noun the date modifies
        ("a fourth-quarter", "2017-Q4"),
        ("the comparable year-ago quarter", "2016"),
        ("future quarters", "FUTURE_REF"),
        ("a later date", "FUTURE_REF"),
        ("the weeks ahead", "PXW"),
        ("January nineteen ninety-seven", "1997-01"),
    ],
)
def test_leads_articles_and_spoken_years(text: str, value: str) -> None:
    assert norm(text)["value"] == value


@pytest.mark.parametrize("text", ["50s", "1,250 hours", "30s", "10 minutes"])
@pytest.mark.parametrize("anchor", [ANCHOR, None])
def test_value_never_comes_from_the_clock(text: str, anchor) -> None:
    """dateparser reads these relative to its base; with the wall clock as base the same
    document got another value at every run (and across worker processes)."""
    value = norm(text, anchor=anchor).get("value")
    assert value is None or not value.startswith(str(dt.date.today().year)), value
    assert norm(text, anchor=anchor) == norm(text, anchor=anchor)
