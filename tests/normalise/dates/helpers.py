"""What the date tests share: the shipped rules, the seed article's date, one call to a norm."""

from __future__ import annotations

import datetime as dt

from pipeline.normalise.dates import DateContext, normalise_date
from pipeline.normalise.rules import load_rules

RULES = load_rules()
ANCHOR = dt.date(2017, 9, 29)  # a Friday: the seed article's date


def norm(text: str, **ctx) -> dict:
    return normalise_date(
        text, RULES, DateContext(anchor=ctx.pop("anchor", ANCHOR), **ctx)
    ).to_norm()
