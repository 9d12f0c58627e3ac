"""Durations and sets: "two weeks", "2 1/2 years", "the past two months", "half an hour" as
TIMEX3 periods (P2W, P2Y6M, PT30M); "every day", "Mondays", "daily" as sets."""

from __future__ import annotations

import re

from pipeline.normalise.dates.context import DateContext
from pipeline.normalise.dates.grammar import Grammar
from pipeline.normalise.dates.values import Timex, date_of_value, fmt, ym
from pipeline.normalise.numbers import tidy

_SMALLER = {"Y": (12, "M"), "D": (24, "H"), "H": (60, "M"), "MIN": (60, "S")}


def duration_value(n: float | None, u: str) -> str | None:
    """P3Y, PT5H, P6M, PXY (n None), with quarters as months and decades as years; a fraction
    goes into the next smaller unit: 2.5 years → P2Y6M, 1.5 minutes → PT1M30S."""
    if n is not None and n != int(n) and u in _SMALLER:
        k, small = _SMALLER[u]
        rest = (n - int(n)) * k
        if rest == int(rest):
            whole = f"{int(n)}{'M' if u == 'MIN' else u}" if int(n) else ""
            t = "T" if u in ("H", "MIN") else ""
            tt = "T" if u == "D" else ""
            return f"P{t}{whole}{tt}{int(rest)}{small}"
    num = "X" if n is None else (str(int(n)) if n == int(n) else str(n))
    if u == "Q":
        return "PXM" if n is None else f"P{int(n * 3)}M" if n * 3 == int(n * 3) else None
    if u in ("H", "S"):
        return f"PT{num}{u}"
    if u == "MIN":
        return f"PT{num}M"
    if u == "HALF":
        return None
    if u in ("DE", "CE"):  # decades and centuries as years: P10Y, P100Y, PXY
        years = 10 if u == "DE" else 100
        return "PXY" if n is None else f"P{tidy(n * years)}Y"
    if u in ("Y", "M", "W", "D", "WE"):
        return f"P{num}{u}"
    return None


def h_set(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    r = g.rules
    if t in r.set_words:
        return Timex("SET", r.set_words[t], rule="set.word")
    m = re.fullmatch(rf"({g.weekday})s(?: ({g.pod}))?|({g.weekday}) ({g.pod})s", t)
    if m:  # "Mondays", "Tuesday nights"
        day = r.weekdays[(m.group(1) or m.group(3)).rstrip(".")]
        pod = m.group(2) or m.group(4)
        value = f"XXXX-WXX-{day}" + (f"T{r.parts_of_day[pod]}" if pod else "")
        return Timex("SET", value, rule="set.weekdays")
    m = re.fullmatch(r"(?:(?:once|twice|\w+ times) )?(?:every|each|per|a|an) (other )?(.+)", t)
    if not m or (t.startswith(("a ", "an ")) and not t.startswith(("once", "twice"))):
        return None
    what = m.group(2)
    step = 2 if m.group(1) else 1
    if what in r.weekdays:
        return Timex("SET", f"XXXX-WXX-{r.weekdays[what]}", rule="set.weekday")
    if what.rstrip(".") in r.months:
        return Timex("SET", f"XXXX-{g.month_no(what):02d}", rule="set.month")
    if what in r.parts_of_day:
        return Timex("SET", f"XXXX-XX-XXT{r.parts_of_day[what]}", rule="set.pod")
    if what in r.seasons:
        return Timex("SET", f"XXXX-{r.seasons[what]}", rule="set.season")
    u = g.unit_code(what)
    if u:
        return Timex("SET", duration_value(step, u) or f"P{step}{u}", rule="set.unit")
    return None


def h_duration(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    mods = "|".join(re.escape(w) for w in g.rules.unit_modifiers)
    m = re.fullmatch(
        rf"(?:the )?(?:(?:{g.duration_lead}) )?"
        rf"(?P<num>{g.number})(?P<tail> and a half| or (?:so|more|two|three)| to (?:\d+|\w+))?"
        rf"[- ](?:(?:{mods}) )?(?P<unit>{g.unit})(?P<half> and a half)?(?:-long| long| old| or so| or more)?"
        rf"(?: (?:of|in) (?P<year>\d{{4}}|this year|last year))?",
        t,
    ) or re.fullmatch(rf"(?:the )?(?P<num>half) (?:an? )?(?P<unit>{g.unit})", t)
    if not m:
        if re.fullmatch(rf"(?:the )?(?:future|later) (?:{g.unit})s", t):  # "future quarters"
            return Timex("DATE", "FUTURE_REF", rule="duration.future")
        m2 = re.fullmatch(
            rf"(?:the )?(?:(?:first|past|last|next|coming|recent) )?({g.unit})s?(?: ahead)?", t
        )
        plural = re.search(r"s(?: ahead)?$", t)
        if m2 and plural and g.unit_code(m2.group(1)) in ("Y", "M", "W", "D", "H", "MIN", "DE"):
            return Timex(
                "DURATION", duration_value(None, g.unit_code(m2.group(1))), rule="duration.plural"
            )
        return None
    unit = g.unit_code(m.group("unit"))
    if unit in ("SESSION", "PERIOD", "SEASON", "HALF", "WE", ""):
        return None
    num = m.group("num")
    n = 0.5 if num == "half" else g.number_of(num)
    found = m.groupdict()
    tail = found.get("tail") or ""
    if tail.startswith(" to "):  # "two to three weeks": the upper bound
        n = g.number_of(tail[4:])
    elif n is not None and (tail == " and a half" or found.get("half")):
        n += 0.5
    period = duration_value(n, unit)
    if period is None:
        return None
    year = found.get("year")
    if year and unit == "M" and n and ctx.anchor is not None:
        y = int(year) if year.isdigit() else ctx.anchor.year - (1 if year == "last year" else 0)
        first = not t.startswith(("the last", "the final", "last"))
        k = int(n)
        if first:
            return Timex("DATE", None, start=ym(y, 1), end=ym(y, k), rule="range.months-of")
        return Timex("DATE", None, start=ym(y, 13 - k), end=ym(y, 12), rule="range.months-of")
    return Timex("DURATION", period, rule="duration")


def h_the_unit(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    """ "the year" / "the month" / "the week": a stretch of one unit; "the day" ("earlier in the
    day", "the day after the vote") is the day the text is telling of."""
    m = re.fullmatch(rf"the (day|{g.pod})", t)
    if m and ctx.anchor is not None:  # "the morning": of the day in hand
        ref = ctx.reference or ""
        day = date_of_value(ref) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref) else ctx.anchor
        if m.group(1) == "day":
            return Timex("DATE", fmt(day or ctx.anchor), rule="the-day")
        pod = g.rules.parts_of_day[m.group(1)]
        return Timex("TIME", f"{fmt(day or ctx.anchor)}T{pod}", rule="the-day.pod")
    m = re.fullmatch(
        r"(?:the|a|an|one) (year|month|week|day|decade|hour|minute)(?:-long| long)?", t
    )
    if m:
        return Timex("DURATION", duration_value(1, g.unit_code(m.group(1))), rule="the-unit")
    return None
