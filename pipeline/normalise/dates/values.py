"""TIMEX3 values: the :class:`Timex` a temporal expression resolves to, and the calendar
arithmetic that writes and reads value strings ("2017-09-29", "2017-W39", "1989-Q3", "199")."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

Date = dt.date


@dataclass(frozen=True)
class Timex:
    """A TIMEX3-style value: ``type`` DATE / TIME / DURATION / SET, ``value`` or None."""

    type: str
    value: str | None
    start: str | None = None
    end: str | None = None
    mod: str | None = None
    rule: str = ""

    def to_norm(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "value": self.value}
        for key in ("start", "end", "mod"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out


def add_months(d: Date, n: int) -> Date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return Date(y, m, 1)


def iso_week(d: Date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: Date) -> int:
    return (d.month - 1) // 3 + 1


def shift_value(value: str, years: int) -> str | None:
    """Move a TIMEX3 date value by whole years, keeping its grain: 1989-Q3 → 1988-Q3."""
    m = re.match(r"^(\d{4})(.*)$", value)
    if not m:
        return None
    rest = m.group(2)
    if rest == "-02-29":
        rest = "-02-28"
    return f"{int(m.group(1)) + years}{rest}"


def fmt(d: Date) -> str:
    return d.isoformat()


def ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def date_or_none(y: int, m: int, d: int, rule: str) -> Timex | None:
    try:
        return Timex("DATE", fmt(Date(y, m, d)), rule=rule)
    except ValueError:
        return None


def date_of_value(value: str) -> Date | None:
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    q = re.match(r"^(\d{4})-Q([1-4])", value)
    if q:
        return Date(int(q.group(1)), 3 * int(q.group(2)) - 2, 1)
    if not m:
        return None
    try:
        return Date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def grain_shift(base: Date, unit: str, n: int) -> str:
    if unit == "Y":
        return str(base.year + n)
    if unit == "M":
        d = add_months(Date(base.year, base.month, 1), n)
        return ym(d.year, d.month)
    if unit == "W":
        return iso_week(base + dt.timedelta(weeks=n))
    if unit == "D":
        return fmt(base + dt.timedelta(days=n))
    if unit == "DE":
        return str(base.year + 10 * n)[:3]
    if unit == "CE":
        return str(base.year // 100 + n)
    if unit == "Q":
        d = add_months(Date(base.year, base.month, 1), 3 * n)
        return f"{d.year}-Q{quarter_of(d)}"
    return ""
