"""What a relative expression is resolved against (:class:`DateContext`), and the year, day or
reference a context gives an expression written without one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.normalise.dates.values import Date, date_of_value

NEAR_DAYS = 62  # a month(-day) this close to the anchor is taken as meant, whatever the tense
PAST_BIAS_DAYS = 92  # beyond that, a month(-day) in an untold tense leans to the past by this much


@dataclass(frozen=True)
class DateContext:
    """What a relative expression is resolved against.

    ``anchor``: the document date; ``tense``: "past" / "future" / None, of the clause the
    expression sits in; ``reference``: the last date value resolved earlier in the document
    (for "a year earlier", "the year-ago quarter"); ``period``: the last quarter or half.
    """

    anchor: Date | None = None
    tense: str | None = None
    reference: str | None = None
    reference_range: tuple[str, str] | None = None
    period: str | None = None  # the last quarter or half named ("1989-Q3"): "the 1988 quarter"

    def quarter(self) -> str | None:
        """The quarter or half in hand: the reference if it is one, else the last one named."""
        if self.reference and re.fullmatch(r"\d{4}-[QH][1-4]", self.reference):
            return self.reference
        return self.period


def resolve_year_of(month: int, day: int | None, ctx: DateContext) -> int | None:
    """The year of a month(-day) written without one: the occurrence nearest the anchor, or
    the last one before it (past tense) or the next one after it (future tense)."""
    a = ctx.anchor
    if a is None:
        return None
    cands = []
    for y in (a.year - 1, a.year, a.year + 1):
        try:
            cands.append(Date(y, month, day or 1))
        except ValueError:
            continue
    if not cands:
        return None
    ref = a if day else Date(a.year, a.month, 1)
    nearest = min(cands, key=lambda c: abs((c - ref).days))
    if abs((nearest - ref).days) <= NEAR_DAYS:
        return nearest.year
    if ctx.tense == "past":
        past = [c for c in cands if c <= ref]
        if past:
            return max(past).year
    if ctx.tense == "future":
        fut = [c for c in cands if c >= ref]
        if fut:
            return min(fut).year
    # untold tense, far off: news tells more of the past, so a past occurrence wins unless the
    # next one is more than three months nearer
    return min(cands, key=lambda c: abs((c - ref).days) - (PAST_BIAS_DAYS if c <= ref else 0)).year


def full_year(s: str, ctx: DateContext) -> int:
    if len(s) == 4:
        return int(s)
    y = int(s)
    base = ctx.anchor.year if ctx.anchor else 2000
    cands = [c * 100 + y for c in (base // 100 - 1, base // 100)]
    return min(cands, key=lambda c: abs(c - base) if c <= base + 10 else 1000)


def year_text(s: str | None, ctx: DateContext) -> int | None:
    if not s:
        return None
    s = s.strip(" ,'")
    return full_year(s, ctx) if s.isdigit() else None


def reference_at(ctx: DateContext, unit: str) -> Date | None:
    """The reference date, when it is at least as fine as ``unit`` ("year", "month", "day")."""
    ref = ctx.reference or ""
    need = {"year": r"\d{4}", "decade": r"\d{4}", "century": r"\d{4}", "month": r"\d{4}-\d{2}"}.get(
        unit, r"\d{4}-\d{2}-\d{2}"
    )
    return date_of_value(ref) if re.match(need, ref) else None
