"""The country checks behind relation rules with ``same_country`` and ``region_tail``."""

from __future__ import annotations

import pytest

from pipeline.entities.countries import country_table
from pipeline.relations.component import Regions, in_region, is_region, named_for_country
from pipeline.relations.words import relation_words


@pytest.mark.parametrize(
    ("name", "place", "same"),
    [
        ("Peruvian Government", "Peru", True),
        ("Kenyan Parliament", "Kenya", True),
        ("Kenyan Trade Ministry", "Japan", False),
        ("Orbis Mining", "Peru", False),  # no demonym at all
        ("Peruvian Government", "Lima", False),  # a city, not the country
        ("", "Peru", False),
    ],
)
def test_named_for_country_needs_the_demonym_of_that_very_country(name, place, same):
    assert named_for_country(country_table(), name, place) is same


def shipped_regions() -> Regions:
    words = relation_words()
    return Regions(frozenset(words.lists["region_words"]), words.region_city_population)


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("Ohio", True),  # a US state
        ("Kenya", True),  # a country
        ("Bexley County", True),  # a region word ends the name
        ("Springfield", False),
        ("County", False),  # the word alone is no name
        ("Washington", False),  # a state, but the name of a big city too
    ],
)
def test_is_region_holds_countries_states_and_counties(name, region):
    assert is_region(country_table(), shipped_regions(), name) is region


@pytest.mark.parametrize(
    ("place", "region", "holds"),
    [
        ("Springfield", "Ohio", True),  # the gazetteer has a Springfield in Ohio
        ("Nairobi", "Kenya", True),
        ("Kelso Falls", "Ohio", True),  # a town the gazetteer does not know may be anywhere
        ("Kelso Falls", "Bexley County", True),
        ("London", "Ohio", False),  # every London of the gazetteer is elsewhere
        ("Nairobi", "Uganda", False),
        ("Sao Paulo", "Argentina", False),  # known without its accent too
        ("Sao Paulo", "Brazil", True),
        ("Atlanta", "Georgia", True),  # the US state
        ("Tbilisi", "Georgia", True),  # the country
        ("Texas", "Ohio", False),  # a region is in no other region
        ("Springfield", "Leeds", False),  # a city holds no towns
    ],
)
def test_in_region_needs_a_region_that_may_hold_the_place(place, region, holds):
    assert in_region(country_table(), shipped_regions(), place, region) is holds
