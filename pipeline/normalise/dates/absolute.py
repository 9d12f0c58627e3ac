"""Dates written out: numeric dates, month-day(-year), months, seasons, years, decades and
centuries (also spoken: "nineteen ninety-six"), weekdays, holidays. A part left out (the year
of "Sept. 22", the week of "Monday") comes from the context."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.normalise.dates.clock import clock_value
from pipeline.normalise.dates.context import DateContext, full_year, resolve_year_of, year_text
from pipeline.normalise.dates.grammar import Grammar
from pipeline.normalise.dates.values import Date, Timex, date_of_value, date_or_none, fmt, ym
from pipeline.normalise.numbers import word_number


def h_numeric(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:t.*)?", t)
    if m:
        return date_or_none(int(m.group(1)), int(m.group(2)), int(m.group(3)), "numeric.iso")
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", t)
    if m:
        return date_or_none(int(m.group(3)), int(m.group(2)), int(m.group(1)), "numeric.dmy")
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t)
    if m:
        y = full_year(m.group(3), ctx)
        return date_or_none(y, int(m.group(1)), int(m.group(2)), "numeric.mdy")
    m = re.fullmatch(r"(\d{4})-(\d{2})", t)
    if m and 1 <= int(m.group(2)) <= 12:
        return Timex("DATE", t, rule="numeric.ym")
    return None


def h_month_day(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    mo = g.month
    wd = rf"(?:(?:{g.weekday}),? )?"
    tail = r"(?:,? ('?\d{2}|\d{4}))?"
    rel = re.match(r"(?:the |last |this |next )", t)
    t = t[rel.end() :] if rel else t
    m = re.fullmatch(rf"{wd}({mo}) (\d{{1,2}})(?:st|nd|rd|th)?{tail}(?:,? (.*))?", t)
    if m:
        mn, day, ytxt, rest = g.month_no(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
    else:
        m = re.fullmatch(
            rf"{wd}(?:the )?(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({mo}){tail}(?:,? (.*))?", t
        )
        if not m:
            return None
        mn, day, ytxt, rest = g.month_no(m.group(2)), int(m.group(1)), m.group(3), m.group(4)
    if not 1 <= day <= 31:
        return None
    word = rel.group(0).strip() if rel else ""
    y = year_text(ytxt, ctx)
    if y is None and word in ("last", "next") and ctx.anchor is not None:
        a = ctx.anchor
        later = (mn, day) > (a.month, a.day)
        y = a.year - (1 if later else 0) if word == "last" else a.year + (0 if later else 1)
    y = y or resolve_year_of(mn, day, ctx)
    if y is None:
        return Timex("DATE", None, rule="month-day")
    base = date_or_none(y, mn, day, "month-day")
    if base is None:
        return None
    if rest:
        tm = clock_value(rest, g)
        if tm:
            return Timex("TIME", f"{base.value}T{tm}", rule="month-day.time")
        return None
    return base


def h_month(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(
        rf"(?:(last|next|this|past|previous|coming|the) )?({g.month})(?:,? (?:of )?('?\d{{2}}|\d{{4}}))?"
        r"(?: (this|last|next) year)?(?: month)?",
        t,
    )
    if not m:
        return None
    mn = g.month_no(m.group(2))
    y = year_text(m.group(3), ctx)
    rel = m.group(1)
    if m.group(4) and ctx.anchor is not None:
        y = ctx.anchor.year + {"last": -1, "next": 1}.get(m.group(4), 0)
    if y is None and ctx.anchor is not None:
        a = ctx.anchor
        if rel in ("last", "past", "previous"):  # "last February" told in March: a year back
            y = a.year if mn < a.month - 1 else a.year - 1
        elif rel in ("next", "coming"):
            y = a.year if mn > a.month else a.year + 1
        elif rel == "this":
            y = a.year
        else:
            y = resolve_year_of(mn, None, ctx)
    if y is None:
        return Timex("DATE", None, rule="month")
    return Timex("DATE", ym(y, mn), rule="month")


def h_season(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(rf"(?:the )?(?:{g.rel} )?({g.season})(?: (?:of )?(\d{{4}}))?", t)
    if not m:
        return None
    code = g.rules.seasons[m.group(2)]
    y = year_text(m.group(3), ctx)
    if y is None:
        if ctx.anchor is None:
            return Timex("DATE", None, rule="season")
        y = ctx.anchor.year + {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(
            m.group(1) or "", 0
        )
        if m.group(1) in ("last", "past", "previous") and _season_started(code, ctx.anchor):
            y += 1  # "last fall" in December is this year's
        if m.group(1) in ("next", "coming") and not _season_started(code, ctx.anchor):
            y -= 1
    return Timex("DATE", f"{y}-{code}", rule="season")


def _season_started(code: str, d: Date) -> bool:
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    return d.month > start + 2


def h_year(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(
        r"(?:the )?(?:(?:fiscal|calendar|financial|model|school|crop|tax) )?(?:year |fy ?)?(\d{4})(?: (?:fiscal )?year)?",
        t,
    )
    if m and 1000 <= int(m.group(1)) <= 2999:
        return Timex("DATE", m.group(1), rule="year")
    m = re.fullmatch(r"(?:fiscal |fy ?)'?(\d{2})", t)
    if m:
        return Timex("DATE", str(full_year(m.group(1), ctx)), rule="year.fiscal")
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?(\d{3})0'?s", t)
    if m:
        return Timex("DATE", m.group(1), rule="decade")
    m = re.fullmatch(r"(?:the )?(?:early |late |mid-?)?([a-z]+)ties", t)
    tens = word_number([m.group(1) + "ty"], g.rules) if m else None
    if tens is not None and 20 <= tens <= 90:  # "the nineties": the decade of the anchor's century
        c = (ctx.anchor.year // 100 * 100) if ctx.anchor else 1900
        y = c + int(tens)
        if ctx.anchor and y > ctx.anchor.year:
            y -= 100
        return Timex("DATE", str(y)[:3], rule="decade")
    m = re.fullmatch(r"(?:the )?'(\d)0s", t)
    if m:
        c = (ctx.anchor.year // 100 * 100) if ctx.anchor else 1900
        y = c + int(m.group(1)) * 10
        if ctx.anchor and y > ctx.anchor.year:
            y -= 100
        return Timex("DATE", str(y)[:3], rule="decade")
    m = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century", t)
    if m:
        return Timex("DATE", f"{int(m.group(1)) - 1:02d}", rule="century")
    return None


_SPOKEN_CENTURY = {"nineteen": 1900, "eighteen": 1800, "two thousand": 2000, "twenty": 2000}


def h_spoken_year(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "nineteen ninety-six" → 1996, "the year two thousand" → 2000 (broadcast transcripts)."""
    month = re.match(rf"({g.month}),? (?=nineteen|eighteen|two thousand|twenty)", t)
    if month:  # "January nineteen ninety-seven"
        year = h_spoken_year(t[month.end() :], g, ctx)
        if year is None or year.value is None or len(year.value) != 4:
            return None
        return Timex("DATE", f"{year.value}-{g.month_no(month.group(1)):02d}", rule="month.spoken")
    m = re.fullmatch(
        r"(?:the )?(?:(?:year|winter|summer|spring|fall|autumn) (?:of )?)?"
        r"(nineteen|eighteen|two thousand|twenty)(?:(?: and)? ([a-z]+(?:-[a-z]+)?))?",
        t,
    )
    if not m:
        return None
    base = _SPOKEN_CENTURY[m.group(1)]
    rest = word_number([m.group(2)], g.rules) if m.group(2) else 0
    if rest is None or rest >= 100 or (m.group(1) == "twenty" and not m.group(2)):
        return None
    if m.group(1) == "twenty" and rest < 10:
        return None
    season = re.match(r"(?:the )?(winter|summer|spring|fall|autumn)", t)
    y = base + int(rest)
    if season:
        return Timex("DATE", f"{y}-{g.rules.seasons[season.group(1)]}", rule="year.spoken")
    return Timex("DATE", str(y), rule="year.spoken")


def h_weekday(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    r = g.rules
    m = re.fullmatch(
        rf"(?:(.+?),? (?:on )?)??(?:(last|next|this|coming|past|on|early|late|the previous|the following) )?"
        rf"({g.weekday})(?:'s)?(?: ({g.pod}))?(?:,? (?:at )?(.+))?",
        t,
    )
    if not m:
        return None
    rel, wd = m.group(2), r.weekdays[m.group(3).rstrip(".")]
    pod, rest = m.group(4), m.group(5) or m.group(1)
    a = ctx.anchor
    if rel in ("the previous", "the following"):  # counted from the day in hand, not the anchor
        ref = ctx.reference or ""
        a = date_of_value(ref) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref) else a
        rel = "last" if rel == "the previous" else "next"
    tm = clock_value(rest, g) if rest else None
    if rest and not tm:
        return None
    if a is None:
        return Timex("TIME" if pod or tm else "DATE", None, rule="weekday")
    cur = a.isoweekday()
    if rel in ("next", "coming"):
        d = a + dt.timedelta(days=(wd - cur) % 7 or 7)
    elif rel in ("last", "past"):
        d = a - dt.timedelta(days=(cur - wd) % 7 or 7)
    elif rel == "this" or ctx.tense == "future":
        d = a + dt.timedelta(days=(wd - cur) % 7)
    else:
        d = a - dt.timedelta(days=(cur - wd) % 7)
    if tm:
        return Timex("TIME", f"{fmt(d)}T{tm}", rule="weekday.time")
    if pod:
        return Timex("TIME", f"{fmt(d)}T{r.parts_of_day[pod]}", rule="weekday.pod")
    return Timex("DATE", fmt(d), rule="weekday")


def h_holiday(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "Thanksgiving Day" on its nearest occurrence (the past one in a past-tense clause, the
    next one in a future clause), "last Christmas", "Easter 1998"."""
    m = re.fullmatch(r"(?:(last|next|this) )?(.+?)(?:,? (\d{4}))?", t)
    if not m or m.group(2) not in g.rules.holidays:
        return None
    code, rel, a = g.rules.holidays[m.group(2)], m.group(1), ctx.anchor
    if m.group(3) or (rel == "this" and a is not None):
        d = _holiday_on(code, int(m.group(3)) if m.group(3) else a.year)  # type: ignore[union-attr]
        return Timex("DATE", fmt(d) if d else None, rule="holiday")
    if a is None:
        return Timex("DATE", None, rule="holiday")
    cands = [d for y in (a.year - 1, a.year, a.year + 1) if (d := _holiday_on(code, y)) is not None]
    past, future = [d for d in cands if d <= a], [d for d in cands if d >= a]
    if (rel == "last" or (rel is None and ctx.tense == "past")) and past:
        d = max(past)
    elif (rel == "next" or (rel is None and ctx.tense == "future")) and future:
        d = min(future)
    else:
        d = min(cands, key=lambda c: abs((c - a).days))
    return Timex("DATE", fmt(d), rule="holiday")


def _holiday_on(code: str, y: int) -> Date | None:
    if re.fullmatch(r"\d{2}-\d{2}", code):
        return Date(y, int(code[:2]), int(code[3:]))
    return _movable(code, y)


def _movable(name: str, y: int) -> Date | None:
    def nth(month: int, weekday: int, n: int) -> Date:
        d = Date(y, month, 1)
        d += dt.timedelta(days=(weekday - d.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)

    if name == "THANKSGIVING":
        return nth(11, 4, 4)
    if name == "ELECTION":  # the Tuesday after the first Monday in November
        return nth(11, 1, 1) + dt.timedelta(days=1)
    if name == "LABOR":
        return nth(9, 1, 1)
    if name == "MEMORIAL":
        d = nth(5, 1, 1)
        while (d + dt.timedelta(weeks=1)).month == 5:
            d += dt.timedelta(weeks=1)
        return d
    if name == "EASTER":  # anonymous Gregorian computus
        a, b, c = y % 19, y // 100, y % 100
        dd, e = b // 4, b % 4
        f = (b + 8) // 25
        gg = (b - f + 1) // 3
        h = (19 * a + b - dd - gg + 15) % 30
        i, k = c // 4, c % 4
        l_ = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * l_) // 451
        month, day = (h + l_ - 7 * m + 114) // 31, (h + l_ - 7 * m + 114) % 31 + 1
        return Date(y, month, day)
    return None
