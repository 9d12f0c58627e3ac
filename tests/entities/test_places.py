"""The ``places`` family: a city glued to an agency, surnames that are no towns, datelines."""

from __future__ import annotations

import pytest

from pipeline.entities.places import datelines, relabel_places, split_place_agency

from .helpers import fix_text, fix_words


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (
            ["Beijing", "XINHUA", "in", "English"],
            [(0, 2, "PERSON")],
            [("Beijing", "GPE"), ("XINHUA", "ORG")],
        ),
        (
            ["Havana", "Radio", "Rebelde", "Network", "in", "Spanish"],
            [(0, 4, "ORG")],
            [("Havana", "GPE"), ("Radio Rebelde Network", "ORG")],
        ),
        (
            ["NEW", "YORK", "TIMES"],
            [(0, 3, "ORG")],
            [("NEW YORK TIMES", "ORG")],
        ),  # all capitals: one name
        (["Boston", "Red", "Sox"], [(0, 3, "ORG")], [("Boston Red Sox", "ORG")]),
        (["Moscow", "Radio"], [(0, 2, "ORG")], [("Moscow Radio", "ORG")]),
    ],
)
def test_city_glued_to_an_agency_is_split(words, ents, expected):
    assert fix_words(split_place_agency, words, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Dover rose", [(0, 1, "PERSON")], [("Dover", "GPE")]),
        (
            "Ben Dover spoke . Dover rose",
            [(0, 2, "PERSON"), (4, 5, "PERSON")],
            [("Ben Dover", "PERSON"), ("Dover", "PERSON")],
        ),
    ],
)
def test_a_surname_is_not_taken_for_a_town(text, ents, expected):
    assert fix_text(relabel_places, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("BRISTOL 1996-08-28\nShares rose .", [(0, 1, "ORG")], [("BRISTOL", "GPE")]),
        (
            "LAKEVILLE , Minnesota 1996-08-28",
            [(0, 1, "ORG")],
            [("LAKEVILLE", "GPE"), ("Minnesota", "GPE")],
        ),
        ("BRISTOL ( Reuters ) - Shares rose .", [], [("BRISTOL", "GPE")]),
        ("SOCCER - Leeds beat Hull .", [], []),  # a sports slug, not a place
        ("CPI ( pct ) July +0.4", [], []),
        ("Bristol 1996-08-28", [], []),  # not in capitals: no dateline
    ],
)
def test_dateline_places(text, ents, expected):
    assert fix_text(datelines, text, ents) == expected
