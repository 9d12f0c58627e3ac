"""The entity fixes by family, in the order they run.

A family is a module of fixes: :mod:`~pipeline.entities.spans`, :mod:`~pipeline.entities.names`,
:mod:`~pipeline.entities.places`, :mod:`~pipeline.entities.sports` and
:mod:`~pipeline.entities.document`. The fixes of different families interleave (a name's edges
are trimmed before places are relabelled, and both before the sports tables are read), so the
order is one list over all of them. ``families`` in ``models/entity_fixes.json`` names the
families that run (by default all); the fixes of the others are left out, and the rest keep
their order.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Doc

from pipeline.entities import document, names, places, spans, sports
from pipeline.entities.entity_span import EntitySpan, Fix, drop_overlaps
from pipeline.rulefiles import EntityFixes, EntityFixFamily

ORDER: tuple[tuple[EntityFixFamily, Fix], ...] = (
    ("spans", spans.split_at_line_breaks),
    ("spans", spans.strip_possessive),
    ("places", places.split_place_agency),
    ("spans", spans.split_joined_names),
    ("spans", spans.trim_name_edges),
    ("spans", spans.strip_determiners),
    ("names", names.honorific_names),
    ("names", names.aged_names),
    ("names", names.trim_person_titles),
    ("names", names.article_names),
    ("places", places.relabel_places),
    ("places", places.facility_names),
    ("places", places.relabel_demonyms),
    ("spans", spans.trim_date_ordinals),
    ("places", places.find_headline_places),
    ("spans", spans.drop_lowercase_names),
    ("spans", spans.drop_units),
    ("places", places.datelines),
    ("places", places.source_line_outlets),
    ("places", places.source_line_names),
    ("sports", sports.team_lines),
    ("sports", sports.sports_teams),
    ("sports", sports.players_with_country),
    ("document", document.document_labels),
)

FAMILIES: tuple[EntityFixFamily, ...] = tuple(dict.fromkeys(family for family, _ in ORDER))


def fixes_of(families: Collection[str]) -> tuple[Fix, ...]:
    """The fixes of ``families``, in the order they run."""
    return tuple(fix for family, fix in ORDER if family in families)


def fix_entities(doc: Doc, ents: Iterable[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """Apply the fixes of the families ``fixes.families`` names, in order; the result never
    overlaps and is sorted."""
    current = list(ents)
    for fix in fixes_of(fixes.families):
        current = fix(doc, current, fixes)
    return drop_overlaps(current)
