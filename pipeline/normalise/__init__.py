"""Normalised values for entities: money, numbers and percentages, dates and times (TIMEX3),
and the document date they are anchored to. Pure functions; the spaCy component that wires
them into a Doc is ``newsrel_normalise_v1`` in :mod:`pipeline.components`."""

from .dates import DateContext, Timex, normalise_date
from .docdate import Published, find_published, header_date
from .money import MoneyValue, normalise_money
from .numbers import NumberValue, normalise_percent, normalise_quantity
from .rules import NormaliseRules, load_rules

__all__ = [
    "DateContext",
    "MoneyValue",
    "NormaliseRules",
    "NumberValue",
    "Published",
    "Timex",
    "find_published",
    "header_date",
    "load_rules",
    "normalise_date",
    "normalise_money",
    "normalise_percent",
    "normalise_quantity",
]
