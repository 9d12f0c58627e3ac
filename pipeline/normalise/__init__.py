"""Normalised values for entities: money, numbers and percentages, dates and times (TIMEX3),
and the document date they are anchored to. Pure functions; the spaCy component that wires
them into a Doc is ``newsrel_normalise_v1`` in :mod:`pipeline.nlp.components`."""

from pipeline.ingest.published import Published, find_published, header_date
from pipeline.normalise.dates import DateContext, Timex, normalise_date
from pipeline.normalise.money import MoneyValue, normalise_money
from pipeline.normalise.numbers import NumberValue, normalise_percent, normalise_quantity
from pipeline.normalise.rules import NormaliseRules, load_rules

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
