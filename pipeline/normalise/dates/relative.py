"""Dates relative to the anchor or to a date named earlier: PAST_REF/PRESENT_REF/FUTURE_REF,
"yesterday", "tonight", "that year", "the previous month", "last week", "two years ago",
"a year earlier", "the weekend"."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.normalise.dates.context import DateContext, reference_at
from pipeline.normalise.dates.durations import duration_value
from pipeline.normalise.dates.grammar import Grammar
from pipeline.normalise.dates.values import (
    Date,
    Timex,
    add_months,
    date_of_value,
    fmt,
    grain_shift,
    iso_week,
    shift_value,
    ym,
)


def h_ref(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    if t in g.rules.refs:
        return Timex("DATE", g.rules.refs[t], rule="ref")
    return None


def h_relative_day(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    r = g.rules
    m = re.fullmatch(
        rf"(the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight|"
        rf"overnight|this|last|late|early)(?:'s)?(?: ({g.pod}))?",
        t,
    )
    if not m:
        return None
    word, pod = m.group(1), m.group(2)
    if word in ("this", "late", "early") and not pod:
        return None
    if word == "last" and pod not in ("night",):
        return None
    if word in ("this", "late", "early"):
        offset = 0
    elif word == "last":
        offset = -1
    else:
        offset = r.relative_days[word]
    if word == "tonight":
        pod = "tonight"
    if ctx.anchor is None:
        return Timex("TIME" if pod else "DATE", None, rule="relative-day")
    d = ctx.anchor + dt.timedelta(days=offset)
    if pod:
        return Timex("TIME", f"{fmt(d)}T{r.parts_of_day[pod]}", rule="relative-day.pod")
    return Timex("DATE", fmt(d), rule="relative-day")


def h_that(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "that year", "earlier that day", "the same day": the last date the text named, at a grain."""
    m = re.fullmatch(
        r"(?:(?:earlier|later) (?:in )?)?(?:that|the same|that same) (day|week|month|year|quarter)",
        t,
    )
    if not m:
        return None
    ref = ctx.reference or ""
    if not ref and m.group(1) != "quarter":
        return Timex("DATE", None, rule="that")
    cut = {"year": 4, "month": 7, "day": 10}.get(m.group(1))
    if m.group(1) == "quarter":
        return Timex("DATE", ctx.quarter(), rule="that")
    if m.group(1) == "week":
        d = date_of_value(ref)
        return Timex("DATE", iso_week(d) if d and len(ref) >= 10 else None, rule="that")
    if cut and len(ref) >= cut and re.match(r"^\d{4}(-\d{2})?(-\d{2})?", ref[:cut]):
        return Timex("DATE", ref[:cut], rule="that")
    return Timex("DATE", None, rule="that")


def h_relative_unit(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(
        rf"(?:(?:earlier|later) )?(the )?{g.rel}[- ](?:fiscal |calendar )?"
        r"(year|month|week|weekend|decade|century|day)",
        t,
    )
    if not m:
        return None
    the, rel, unit = m.group(1), m.group(2), m.group(3)
    if (
        the
        and rel in ("past", "last", "coming", "next", "following", "previous", "prior", "preceding")
        and unit != "weekend"
    ):
        if rel in ("following", "previous", "prior", "preceding") and ctx.anchor is not None:
            pass  # "the previous year": a date, below
        elif rel in ("past", "last") and unit in ("year", "decade") and ctx.anchor is not None:
            pass  # "the past year", "the last decade": TimeBank marks the year or decade before
        else:
            return Timex(
                "DURATION", duration_value(1, g.unit_code(unit)), rule="relative-unit.duration"
            )
    if rel in ("latest", "recent", "same"):
        return None
    a = ctx.anchor
    if rel in ("following", "previous", "prior", "preceding"):
        a = reference_at(ctx, unit) or a  # anaphoric: the year after the one just named
    if a is None:
        return Timex("DATE", None, rule="relative-unit")
    step = g.rules.relative_words.get(rel, 0)
    if unit == "year":
        return Timex("DATE", str(a.year + step), rule="relative-unit")
    if unit == "month":
        d = add_months(Date(a.year, a.month, 1), step)
        return Timex("DATE", ym(d.year, d.month), rule="relative-unit")
    if unit in ("week", "weekend"):
        d = a + dt.timedelta(weeks=step)
        suffix = "-WE" if unit == "weekend" else ""
        return Timex("DATE", iso_week(d) + suffix, rule="relative-unit")
    if unit == "decade":
        return Timex("DATE", str(a.year // 10 + step)[:3], rule="relative-unit")
    if unit == "century":
        return Timex("DATE", str(a.year // 100 + step), rule="relative-unit")
    if unit == "day":
        return Timex("DATE", fmt(a + dt.timedelta(days=step)), rule="relative-unit")
    return None


def h_ago(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(
        rf"({g.number})[- ]({g.unit})(?: and a half)?(?: or so)? "
        r"(ago|earlier|before|later|after|from now|hence|back|previously)",
        t,
    )
    if not m:
        stray = re.fullmatch(
            r"\S+ (an? .+ (?:ago|earlier))", t
        )  # "seven a year ago": a stray count
        return h_ago(stray.group(1), g, ctx) if stray else None
    n = g.number_of(m.group(1))
    unit = g.unit_code(m.group(2))
    direction = -1 if m.group(3) in ("ago", "earlier", "before", "back", "previously") else 1
    if n is None:
        return Timex("DATE", "PAST_REF" if direction < 0 else "FUTURE_REF", rule="ago.vague")
    if ctx.anchor is None or unit not in ("Y", "M", "W", "D", "DE", "CE", "Q"):
        return Timex("DATE", None, rule="ago")
    k = int(n) * direction
    ref = ctx.reference if m.group(3) != "ago" else None
    if ref is None and m.group(3) == "ago" and unit == "Y" and ctx.reference:
        # "a year ago" beside a reporting quarter means that quarter a year back
        if re.fullmatch(r"\d{4}-Q[1-4]", ctx.reference):
            ref = ctx.reference
    if ref and unit == "Y" and ctx.quarter() and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref):
        ref = ctx.quarter()  # "the quarter ended Sept. 30 ... a year earlier": the quarter
    if ref and unit == "Y" and re.fullmatch(r"\d{4}(-Q[1-4]|-\d{2}|-H[12])?", ref):
        return Timex("DATE", shift_value(ref, k), rule="ago.reference")
    base = ctx.anchor
    if ref:
        base = date_of_value(ref) or base
    return Timex("DATE", grain_shift(base, unit, k), rule="ago")


def h_weekend(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(r"(?:the |this |last |next |over the )?weekend", t)
    if not m or ctx.anchor is None:
        return None
    a = ctx.anchor
    step = -1 if t.startswith("last") else 1 if t.startswith("next") else 0
    if step == 0 and ctx.tense == "past" and a.isoweekday() < 6:
        step = -1
    return Timex("DATE", iso_week(a + dt.timedelta(weeks=step)) + "-WE", rule="weekend")
