"""Clock times: "10 a.m.", "1000 EST", "noon", a part of the day, alone or on a day."""

from __future__ import annotations

import datetime as dt
import re

from pipeline.normalise.dates.context import DateContext
from pipeline.normalise.dates.grammar import Grammar
from pipeline.normalise.dates.values import Timex, date_of_value, fmt


def clock_value(t: str, g: Grammar) -> str | None:
    t = t.strip()
    if m := g.zoned_clock.fullmatch(t):
        return f"{m.group(1)}:{m.group(2)}"
    m = re.fullmatch(
        r"(?:at )?(\d{1,2})(?:[:.](\d{2}))? ?(a\.?m\.?|p\.?m\.?|o'clock)?(?: \(?[a-z]{2,4}\)?)?(?: (?:local time|gmt|utc))?",
        t,
    )
    if m and (m.group(3) or m.group(2)):
        h, mi = int(m.group(1)), int(m.group(2) or 0)
        ap = (m.group(3) or "").replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        if h < 24 and mi < 60:
            return f"{h:02d}:{mi:02d}"
    if t in ("noon", "midday"):
        return "12:00"
    if t == "midnight":
        return "24:00"
    if t in g.rules.parts_of_day:
        return g.rules.parts_of_day[t]
    return None


def h_time(t: str, g: Grammar, ctx: DateContext) -> Timex | None:
    m = re.fullmatch(r"(.+?)(?:,? (today|yesterday|tomorrow|tonight|this morning|last night))?", t)
    if not m:
        return None
    tm = clock_value(m.group(1), g)
    if not tm:
        return None
    if ctx.anchor is None:
        return Timex("TIME", None, rule="time")
    day = date_of_value(ctx.reference) if ctx.reference and len(ctx.reference) == 10 else None
    if day is not None and not m.group(2):  # "at 6 a.m." on the day the text is telling of
        return Timex("TIME", f"{fmt(day)}T{tm}", rule="time.reference")
    d = ctx.anchor + dt.timedelta(
        days={"yesterday": -1, "tomorrow": 1, "last night": -1}.get(m.group(2) or "", 0)
    )
    return Timex("TIME", f"{fmt(d)}T{tm}", rule="time")
