"""The country check behind relation rules with ``same_country``."""

from __future__ import annotations

import pytest

from pipeline.entities.countries import country_table
from pipeline.relations.component import named_for_country


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
