"""Normalised values for entities: money, numbers and percentages, dates and times (TIMEX3)
anchored to the document date. Pure functions (``money``, ``numbers``, ``dates``), applied to a
Doc's entities by ``spans``; the component that writes them is
:class:`~pipeline.normalise.component.Normaliser`."""
