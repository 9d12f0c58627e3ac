"""Temporal expressions as TIMEX3 values, resolved against the document date.

``normalise_date("Sept. 22", rules, DateContext(anchor=date(2017, 9, 29)))`` →
``Timex("DATE", "2017-09-22")``. A small grammar (handlers tried in order, with word lists from
``models/normalise.json``) covers what news writes: relative days and weekdays,
month-day(-year), months, years, decades, quarters, halves, seasons, "last/next/this UNIT",
"N UNITs ago/earlier", durations, sets, times of day, ranges ("January-July") and TimeML's
PAST_REF/PRESENT_REF/FUTURE_REF. dateparser is the fallback for other absolute strings, only
when the text holds a digit or a month name (it reads "may" or "are" as dates otherwise).
An expression that cannot be resolved keeps its type with ``value=None``, never a guess.

The modules, by family: ``values`` (the :class:`Timex` and value arithmetic), ``context``
(:class:`DateContext`), ``grammar`` (the compiled word lists and the clean-up of a text),
``absolute``, ``relative``, ``periods``, ``durations``, ``clock``, ``fallback`` (dateparser),
and ``resolve`` (the handlers in order, :func:`normalise_date`).
"""

from pipeline.normalise.dates.context import DateContext
from pipeline.normalise.dates.grammar import Grammar, grammar
from pipeline.normalise.dates.resolve import HANDLERS, normalise_date
from pipeline.normalise.dates.values import Timex

__all__ = ["HANDLERS", "DateContext", "Grammar", "Timex", "grammar", "normalise_date"]
