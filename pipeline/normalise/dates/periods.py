"""Periods and ranges: "January-July", "between 1990 and 1995", quarters and halves ("the
third quarter", "the year-ago quarter", "the 1988 quarter"), "the week of March 6", "the full
year". A period named earlier in the text (the context's reference) anchors the anaphoric ones."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.normalise.dates.absolute import h_month_day
from pipeline.normalise.dates.context import DateContext, resolve_year_of, year_text
from pipeline.normalise.dates.grammar import Grammar
from pipeline.normalise.dates.values import (
    Date,
    Timex,
    add_months,
    date_of_value,
    date_or_none,
    iso_week,
    quarter_of,
    shift_value,
    ym,
)


def h_range(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "january-july", "jan. 5-7", "1995-98", "between 1990 and 1995", "from march to may 2017"."""
    mo = g.month
    yr = r"(?:,? ('?\d{2}|\d{4}))?"
    m = re.fullmatch(
        rf"(?:between |from )?(?:the )?({mo}){yr}(?:-| to | and | through | until )({mo}){yr}", t
    )
    if m:
        m1, m2 = g.month_no(m.group(1)), g.month_no(m.group(3))
        y2 = year_text(m.group(4), ctx)
        y1 = year_text(m.group(2), ctx) or y2
        if y2 is None:
            y2 = resolve_year_of(m2, None, ctx)
            y1 = y2
        if y1 is None or y2 is None:
            return Timex("DATE", None, rule="range.month")
        if y1 == y2 and m1 > m2:
            y1 -= 1
        return Timex("DATE", None, start=ym(y1, m1), end=ym(y2, m2), rule="range.month")
    m = re.fullmatch(rf"({mo}) (\d{{1,2}})(?:-| to | and | through )(\d{{1,2}}){yr}", t)
    if m:
        mn = g.month_no(m.group(1))
        y = year_text(m.group(4), ctx) or resolve_year_of(mn, int(m.group(2)), ctx)
        if y is None:
            return Timex("DATE", None, rule="range.days")
        a, b = date_or_none(y, mn, int(m.group(2)), ""), date_or_none(y, mn, int(m.group(3)), "")
        if a and b:
            return Timex("DATE", None, start=a.value, end=b.value, rule="range.days")
    m = re.fullmatch(
        r"(?:between |from )?(?:the )?(\d{4})(?:-| to | and | through )(\d{2}|\d{4})", t
    )
    if m:
        y1 = int(m.group(1))
        y2 = int(m.group(2)) if len(m.group(2)) == 4 else y1 // 100 * 100 + int(m.group(2))
        if y1 < y2 and 1000 <= y1 <= 2999:
            return Timex("DATE", None, start=str(y1), end=str(y2), rule="range.years")
    return None


def _reporting_quarter(a: Date) -> tuple[int, int]:
    d = a - dt.timedelta(days=45)
    return d.year, quarter_of(d)


def h_quarter(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    r = g.rules
    a = ctx.anchor
    year_tail = r"(?:,? (?:of |in )?(?:fiscal |the )?(?:(\d{4})|(last|this|next) year|(?:the )?(?:fiscal )?year))?"
    year_head = r"(?:(\d{4}) |(last|this|next|current) year's |(?:comparable |corresponding )?(year-earlier|year-ago|prior-year|previous-year|year earlier) )?"
    m = re.fullmatch(
        rf"(?:the |its |their |this |that )?{year_head}(?:fiscal[- ])?({g.ordinal})[- ](?:fiscal[- ])?"
        rf"(quarter|half|quarters|halves|period){year_tail}"
        r"(?: (?:results|earnings|period|profit|loss|net|sales))?",
        t,
    )
    if m and (m.group(5) != "period"):
        n = r.ordinals[m.group(4)]
        kind = "Q" if m.group(5).startswith("quarter") else "H"
        y = int(m.group(1)) if m.group(1) else int(m.group(6)) if m.group(6) else None
        rel = m.group(2) or m.group(7)
        if y is None and a is not None:
            y = a.year + {"last": -1, "next": 1}.get(rel or "", 0)
            cur = quarter_of(a) if kind == "Q" else (1 if a.month <= 6 else 2)
            if n == -1:
                n = 4 if kind == "Q" else 2
                y -= 1
            elif not rel and n > cur + (1 if kind == "Q" else 0) and ctx.tense != "future":
                y -= 1
            if m.group(3):
                y -= 1
        if n == -1:
            n = 4 if kind == "Q" else 2
        if y is None:
            return Timex("DATE", None, rule="quarter")
        return Timex("DATE", f"{y}-{kind}{n}", rule="quarter")
    m = re.fullmatch(r"q([1-4])(?: (\d{4}))?", t)
    if m and a is not None:
        return Timex("DATE", f"{m.group(2) or a.year}-Q{m.group(1)}", rule="quarter.q")
    m = re.fullmatch(rf"(?:the )?(?:{g.rel} )?(?:fiscal )?(quarter|period)", t)
    if m:
        rel = m.group(1)
        if m.group(2) == "period" and rel not in ("latest", "recent", "same"):
            return None
        if rel == "same" and ctx.reference:
            return Timex("DATE", ctx.reference, rule="quarter.same")
        if a is None:
            return Timex("DATE", None, rule="quarter.relative")
        if rel in ("this", "current"):
            y, q = a.year, quarter_of(a)
        elif rel in ("next", "coming", "following"):
            d = add_months(Date(a.year, a.month, 1), 3)
            y, q = d.year, quarter_of(d)
        elif rel in ("last", "previous", "prior", "past", "preceding"):
            d = add_months(Date(a.year, a.month, 1), -3)
            y, q = d.year, quarter_of(d)
        else:
            if (ctx.quarter() or "")[5:6] == "Q":
                return Timex("DATE", ctx.quarter(), rule="quarter.reference")
            y, q = _reporting_quarter(a)
        return Timex("DATE", f"{y}-Q{q}", rule="quarter.relative")
    return None


def h_year_ago_period(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "the year-earlier quarter", "year-ago", "the same period last year": the reference, a year back."""
    m = (
        re.fullmatch(
            r"(?:the )?(?:a )?(?:(?:comparable|corresponding|same) )?"
            r"(?:year-earlier|year-ago|year earlier|prior-year|previous-year|year-before)"
            r"(?: (quarter|period|month|level|levels|figure|results))?",
            t,
        )
        or re.fullmatch(
            r"(?:the )?(?:(?:same|corresponding|comparable) )?(quarter|period|month|time|week)"
            r" (?:a year ago|last year|a year earlier)",
            t,
        )
        or re.fullmatch(r"(?:the )?(?:last|previous|prior) year's (quarter|period)", t)
    )
    if not m or (m.group(1) in ("time", "week") and not t.startswith(("the same", "same"))):
        return None
    if ctx.reference_range and m.group(1) in (None, "period", "time", "month", "quarter"):
        start, end = (shift_value(v, -1) for v in ctx.reference_range)
        return Timex("DATE", None, start=start, end=end, rule="year-earlier.range")
    ref = ctx.reference
    day_ref = re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref or "")
    if ctx.quarter() and (m.group(1) in ("quarter", "period") or day_ref):
        ref = ctx.quarter()  # "the quarter ended Sept. 30 ... the year-ago quarter": the quarter
    if ref and re.match(r"^\d{4}-", ref):
        return Timex("DATE", shift_value(ref, -1), rule="year-earlier.reference")
    if ctx.anchor is not None:
        return Timex("DATE", str(ctx.anchor.year - 1), rule="year-earlier")
    return Timex("DATE", None, rule="year-earlier")


def h_week_of(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "the week of March 6": the ISO week holding that day."""
    m = re.fullmatch(r"(?:the )?week (?:of|beginning|starting) (.+)", t)
    if not m:
        return None
    day = h_month_day(m.group(1), g, ctx)
    d = date_of_value(day.value) if day and day.value and len(day.value) == 10 else None
    return Timex("DATE", iso_week(d), rule="week-of") if d else None


def h_year_period(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "the 1988 quarter": the quarter (or half) in hand, in that year."""
    m = re.fullmatch(r"(?:the )?(\d{4}) (quarter|period)", t)
    if not m:
        return None
    part = re.fullmatch(r"\d{4}(-[QH][1-4])", ctx.quarter() or "")
    return Timex("DATE", m.group(1) + part.group(1) if part else m.group(1), rule="year-period")


def h_this_year(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "the full year", "the current fiscal year", "year-end", "year's end": the anchor's year."""
    m = re.fullmatch(
        r"(?:the )?(?:(full|current|latest|whole|entire|calendar|fiscal|full fiscal|current fiscal|latest fiscal) )?"
        r"(?:fiscal )?(year-end|year end|year's end|year)",
        t,
    )
    if not m or (m.group(2) == "year" and not m.group(1)):
        return None
    if ctx.anchor is None:
        return Timex("DATE", None, rule="this-year")
    y = ctx.anchor.year - (1 if m.group(1) == "latest fiscal" else 0)
    if m.group(2) != "year":
        return Timex("DATE", str(y), mod="END", rule="year-end")
    return Timex("DATE", str(y), rule="this-year")
