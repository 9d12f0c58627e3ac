"""The last handler: absolute strings the grammar does not know, read by dateparser (cached),
only when the text holds a digit or a month name (it reads "may" or "are" as dates otherwise)."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from pipeline.normalise.dates.context import DateContext
from pipeline.normalise.dates.grammar import Grammar
from pipeline.normalise.dates.values import Date, Timex, fmt, iso_week, ym


def h_dateparser(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """Absolute strings the grammar does not know, through dateparser (cached)."""
    if not re.search(r"\d", t) and not re.search(rf"\b{g.month}\b", t):
        return None
    if re.fullmatch(r"[\d.,]+", t) and not re.fullmatch(r"\d{4}", t):
        return None
    found = _dateparser(t, ctx.anchor)
    if found is None:
        return None
    d, period = found
    if ctx.anchor is not None and abs(d.year - ctx.anchor.year) > 30 and not re.search(r"\d{4}", t):
        return None  # "last Oct. 23" read as 1923: a misreading, not a date
    if (
        period == "time"
        and d.hour == d.minute == 0
        and not re.search(r"\d[:.]\d|[ap]\.?m\b|noon|midnight", t)
    ):
        period = "day"
    if period == "year":
        return Timex("DATE", str(d.year), rule="dateparser")
    if period == "month":
        return Timex("DATE", ym(d.year, d.month), rule="dateparser")
    if period == "week":
        return Timex("DATE", iso_week(d), rule="dateparser")
    if period == "time":
        return Timex("TIME", d.strftime("%Y-%m-%dT%H:%M"), rule="dateparser")
    return Timex("DATE", fmt(d.date()), rule="dateparser")


_PROBE_SHIFT = dt.timedelta(days=367, hours=1, minutes=1)
_NO_ANCHOR = Date(2000, 1, 1)


@lru_cache(maxsize=8192)
def _dateparser(text: str, anchor: Date | None) -> tuple[dt.datetime, str] | None:
    """dateparser's reading of an *absolute* string, never one relative to a base date.

    dateparser reads "50s" or "1,250 hours" as that long before its base (the clock, unless
    told otherwise), so ``text`` is parsed against the anchor and against the anchor moved by
    ``_PROBE_SHIFT``: a reading that moves with the base is relative and rejected; one that moves
    by exactly a year is a month-day whose year came from the anchor (kept only with an anchor);
    one that does not move is absolute. The clock never enters a value."""
    day = anchor or _NO_ANCHOR
    base = dt.datetime(day.year, day.month, day.day)
    first = _parse(text, base)
    if first is None:
        return None
    second = _parse(text, base + _PROBE_SHIFT)
    if second is None:
        return None
    moved = second[0] - first[0]
    if moved == dt.timedelta(0):
        return first
    if anchor is not None and _next_year(first[0]) == second[0]:
        return first
    return None


def _next_year(d: dt.datetime) -> dt.datetime | None:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return None


def _parse(text: str, base: dt.datetime) -> tuple[dt.datetime, str] | None:
    try:
        data = _parser(base).get_date_data(text)
    except Exception:  # noqa: BLE001 - dateparser raises odd errors on odd strings
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


@lru_cache(maxsize=64)
def _parser(base: dt.datetime) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "RELATIVE_BASE": base,
    }
    return DateDataParser(languages=["en"], settings=settings)
