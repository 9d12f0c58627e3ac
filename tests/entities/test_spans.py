"""The ``spans`` family: possessives, joined names, name edges, names without a capital."""

from __future__ import annotations

import pytest

from pipeline.entities.spans import (
    drop_lowercase_names,
    drop_units,
    split_joined_names,
    strip_possessive,
    trim_date_ordinals,
    trim_name_edges,
)

from .helpers import fix_text, fix_words


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["West", "Germany", "'s", "exports"], [(0, 3, "GPE")], [("West Germany", "GPE")]),
        (["Acme", "Corp", "’s", "plant"], [(0, 3, "ORG")], [("Acme Corp", "ORG")]),
        (
            ["the", "last", "year", "'s"],
            [(0, 4, "DATE")],
            [("the last year 's", "DATE")],
        ),  # values keep theirs
    ],
)
def test_names_lose_their_possessive(words, ents, expected):
    assert fix_words(strip_possessive, words, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Norwich v Wolverhampton",
            [(0, 3, "ORG")],
            [("Norwich", "ORG"), ("Wolverhampton", "ORG")],
        ),
        # the final score goes with trim_name_edges
        (
            "Aldershot 2 Brentwood 1",
            [(0, 4, "ORG")],
            [("Aldershot", "ORG"), ("Brentwood 1", "ORG")],
        ),
        (
            "Maria Lenz - Tomas Berg won",
            [(0, 5, "PERSON")],
            [("Maria Lenz", "PERSON"), ("Tomas Berg", "PERSON")],
        ),
        ("Hollis st Parker", [(0, 3, "PERSON")], [("Hollis", "PERSON"), ("Parker", "PERSON")]),
        (
            "Pieter van der Berg",
            [(0, 4, "PERSON")],
            [("Pieter van der Berg", "PERSON")],
        ),  # particles
        ("Wal - Mart stores", [(0, 3, "ORG")], [("Wal - Mart", "ORG")]),  # one word each side
        ("the U.S. 6th Fleet", [(1, 4, "ORG")], [("U.S. 6th Fleet", "ORG")]),  # ordinals stay
        (
            "Kazakh-Belarusian talks",
            [(0, 3, "NORP")],
            [("Kazakh-Belarusian", "NORP")],
        ),  # glued dash
    ],
)
def test_names_joined_by_scores_versus_or_dashes_are_split(text, ents, expected):
    assert fix_text(split_joined_names, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Aldershot 2 ( Quinn 26th )", [(2, 6, "PERSON")], [("Quinn", "PERSON")]),
        ("-- Mara Olsen , Oslo desk", [(0, 3, "PERSON")], [("Mara Olsen", "PERSON")]),
        ("Dover 3", [(0, 2, "GPE")], [("Dover", "GPE")]),
        ("Jan Kos 's goal", [(0, 3, "PERSON")], [("Jan Kos", "PERSON")]),
        ("on Highway 61 south", [(1, 3, "FAC")], [("Highway 61", "FAC")]),  # numbered names keep it
        ("the 21st Brigade moved", [(1, 3, "ORG")], [("21st Brigade", "ORG")]),
    ],
)
def test_name_edges_lose_numbers_possessives_and_dashes(text, ents, expected):
    assert fix_text(trim_name_edges, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("the health ministry said", [(1, 3, "ORG")], []),
        ("shares rose to 691p", [(3, 4, "ORG")], []),
        ("the Health Ministry said", [(1, 3, "ORG")], [("Health Ministry", "ORG")]),
        ("in 2020", [(1, 2, "DATE")], [("2020", "DATE")]),
    ],
)
def test_names_need_a_capital_letter(text, ents, expected):
    assert fix_text(drop_lowercase_names, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("a 60 GB player", [(2, 3, "PERSON")], []),
        ("the MW figure", [(1, 2, "ORG")], []),
        ("at 300 kWh a month", [(2, 3, "GPE")], []),
        ("a 500MW plant", [(1, 2, "PRODUCT")], [("500MW", "QUANTITY")]),
        ("it costs $ 99 ( USD ) a year", [(5, 6, "ORG")], []),  # a currency code
        ("DEM 1.52 at the close", [(0, 1, "ORG")], []),
        # a currency code away from numbers is as often a party or a firm
        ("Ann Kray ( DEM ) voted", [(3, 4, "ORG")], [("DEM", "ORG")]),
        ("Mw Holdings said", [(0, 2, "ORG")], [("Mw Holdings", "ORG")]),  # no unit as written
        ("the GW Pharma board", [(1, 3, "ORG")], [("GW Pharma", "ORG")]),  # a unit inside a name
    ],
)
def test_unit_symbols_are_never_names_nor_currency_codes_by_a_number(text, ents, expected):
    assert fix_text(drop_units, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # the ordinal belongs to the meeting, the date stays
        ("on Sept. 22 13th meeting", [(1, 4, "DATE")], [("Sept. 22", "DATE")]),
        # only a determiner is left: no date at all
        ("In 1901 , the 12th mayor spoke", [(3, 5, "DATE")], []),
        ("the 12th of May", [(0, 2, "DATE")], [("the 12th", "DATE")]),  # no noun follows
    ],
)
def test_a_date_loses_an_ordinal_that_counts_the_next_noun(text, ents, expected):
    pos = {i: "NOUN" for i, w in enumerate(text.split()) if w in ("meeting", "mayor")}
    assert fix_text(trim_date_ordinals, text, ents, pos=pos) == expected
