"""The handlers in the order they are tried, and :func:`normalise_date`, which runs them."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.normalise.dates.absolute import (
    h_holiday,
    h_month,
    h_month_day,
    h_numeric,
    h_season,
    h_spoken_year,
    h_weekday,
    h_year,
)
from pipeline.normalise.dates.clock import h_time
from pipeline.normalise.dates.context import DateContext
from pipeline.normalise.dates.durations import h_duration, h_set, h_the_unit
from pipeline.normalise.dates.fallback import h_dateparser
from pipeline.normalise.dates.grammar import Grammar, Handler, clean, grammar, strip_leads
from pipeline.normalise.dates.periods import (
    h_quarter,
    h_range,
    h_this_year,
    h_week_of,
    h_year_ago_period,
    h_year_period,
)
from pipeline.normalise.dates.relative import (
    h_ago,
    h_ref,
    h_relative_day,
    h_relative_unit,
    h_that,
    h_weekend,
)
from pipeline.normalise.dates.values import Timex
from pipeline.normalise.rules import NormaliseRules

HANDLERS: list[Handler] = [
    h_ref,
    h_numeric,
    h_relative_day,
    h_range,
    h_year_ago_period,
    h_year_period,
    h_week_of,
    h_month_day,
    h_month,
    h_season,
    h_quarter,
    h_that,
    h_relative_unit,
    h_ago,
    h_year,
    h_spoken_year,
    h_this_year,
    h_weekday,
    h_weekend,
    h_holiday,
    h_set,
    h_duration,
    h_the_unit,
    h_time,
    h_dateparser,
]


def normalise_date(text: str, rules: NormaliseRules, ctx: DateContext) -> Timex:
    """The TIMEX3 value of a temporal expression (a DATE/TIME entity's text)."""
    g = grammar(rules)
    if text.strip() in rules.lowercase_not_dates:  # "may", "march": verbs, not months
        return Timex("DATE", None, rule="not-a-date")
    t, mod = strip_leads(clean(text), g)
    for handler in HANDLERS:
        out = handler(t, g, ctx)
        if out is not None:
            return replace(out, mod=mod) if mod and out.type != "DURATION" else out
    return Timex(_guess_type(t, g), None, rule="unresolved")


def _guess_type(t: str, g: Grammar) -> str:
    if re.search(rf"\b(?:{g.unit})s?\b", t) and re.search(rf"\b{g.number}\b", t):
        return "DURATION"
    if re.search(r"\b(?:a\.m|p\.m|am|pm|noon|midnight|o'clock)\b|\d:\d\d", t):
        return "TIME"
    return "DATE"
