"""The place lookups the entity fixes share."""

from __future__ import annotations

import pytest

from pipeline.entities.gazetteer import big_cities, place_names, plain


@pytest.mark.parametrize(
    ("name", "expected"),
    [("São Paulo", "Sao Paulo"), ("Bogotá", "Bogota"), ("Kraków", "Krakow"), ("Leeds", "Leeds")],
)
def test_plain_drops_accents(name, expected):
    assert plain(name) == expected


def test_a_place_is_known_with_and_without_its_accents():
    places = place_names(15_000)
    assert {"São Paulo", "Sao Paulo", "Bogotá", "Bogota"} <= places
    assert "Sao Paulo" in big_cities(1_000_000)


def test_a_town_without_its_accents_is_no_place_when_that_is_a_first_name():
    assert "Leo" not in place_names(15_000)  # "Léo" is a town, "Leo" a first name
