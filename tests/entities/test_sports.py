"""The ``sports`` family: teams on result and standings lines and in fixtures, players
listed with their country."""

from __future__ import annotations

import pytest

from pipeline.entities.sports import players_with_country, sports_teams, team_lines

from .helpers import fix_text


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a result line: both sides are teams, scorers stay people
        (
            "Aldershot 2 ( Quinn 26th ) Brentwood 1",
            [(0, 1, "GPE"), (3, 4, "PERSON"), (6, 7, "GPE")],
            [("Aldershot", "ORG"), ("Quinn", "PERSON"), ("Brentwood", "ORG")],
        ),
        ("Kettering Town 0 Dover 3", [], [("Kettering Town", "ORG"), ("Dover", "ORG")]),
        # national sides keep the place
        (
            "Norway 1 Scotland 1",
            [(0, 1, "GPE"), (2, 3, "GPE")],
            [("Norway", "GPE"), ("Scotland", "GPE")],
        ),
        # a standings row headed by a place
        ("Aldershot 9 5 2 2 14 8 17", [(0, 1, "GPE")], [("Aldershot", "ORG")]),
        # a player's averages look the same, and stay a PERSON
        ("Tom Hale 3 5 0 159 77 31.80", [(0, 2, "PERSON")], [("Tom Hale", "PERSON")]),
        ("Tom Hale 12 4 3 1", [(0, 2, "PERSON")], [("Tom Hale", "PERSON")]),
        # a dateline is no standings row
        ("BRISTOL 1996-08-28", [(0, 1, "GPE")], [("BRISTOL", "GPE")]),
    ],
)
def test_result_and_standings_lines_name_teams(text, ents, expected):
    assert fix_text(team_lines, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Doncaster v Darlington tonight",
            [(0, 1, "GPE"), (2, 3, "GPE")],
            [("Doncaster", "ORG"), ("Darlington", "ORG")],
        ),
        (
            "Doncaster v Darlington",
            [(0, 1, "PERSON"), (2, 3, "GPE")],
            [("Doncaster", "ORG"), ("Darlington", "ORG")],
        ),  # a town the model took for a person
        (
            "Toledo at Omaha",
            [(0, 1, "GPE"), (2, 3, "GPE")],
            [("Toledo", "ORG"), ("Omaha", "GPE")],
        ),  # hosts: a place
        (
            "He lives in Toledo at Omaha Street",
            [(3, 4, "GPE"), (5, 6, "GPE")],
            [("Toledo", "GPE"), ("Omaha", "GPE")],
        ),
        (
            "Ana Ruiz vs. Eva Holm",
            [(0, 2, "PERSON"), (3, 5, "PERSON")],
            [("Ana Ruiz", "PERSON"), ("Eva Holm", "PERSON")],
        ),
        (
            "The judges cited the ruling in Vermont v Ohio as they dismissed the appeal .",
            [(6, 7, "GPE"), (8, 9, "GPE")],
            [("Vermont", "GPE"), ("Ohio", "GPE")],
        ),  # a sentence of prose, not a fixture list
        (
            "Vermont 2 Ohio 1 was the score they reported to the league on Sunday .",
            [(0, 1, "GPE"), (2, 3, "GPE")],
            [("Vermont", "GPE"), ("Ohio", "GPE")],
        ),
    ],
)
def test_fixtures_name_teams(text, ents, expected):
    assert fix_text(sports_teams, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Mira Kovac ( Croatia ) beat Ana Ruiz", [(0, 2, "ORG")], [("Mira Kovac", "PERSON")]),
        ("4. Mira Kovac ( Croatia ) 61.64", [], [("Mira Kovac", "PERSON")]),
        ("Anne-Lise Dubois ( France ) won", [], [("Anne-Lise Dubois", "PERSON")]),
        (
            "Hajduk Split ( Croatia ) 2",
            [(0, 2, "ORG")],
            [("Hajduk Split", "ORG")],
        ),  # a club carries its town
        ("Commission Rules ( EC ) No 12", [], []),  # a code is no country
        (
            "Nordic Cable Works ( Norway ) said on Monday that its orders rose by a fifth .",
            [(0, 3, "ORG")],
            [("Nordic Cable Works", "ORG")],
        ),  # prose: a company and its country
    ],
)
def test_players_listed_with_their_country_are_people(text, ents, expected):
    assert fix_text(players_with_country, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("3 . Aldershot 9 5 2 2 14 8 17", [(2, 3, "GPE")], [("Aldershot", "ORG")]),  # a rank first
        ("Aldershot 9 5 , 2 2", [(0, 1, "GPE")], [("Aldershot", "ORG")]),
        ("Top Aldershot 9 5 2 2", [(1, 2, "GPE")], [("Aldershot", "GPE")]),  # a word before it
        ("Aldershot 9 5 2 2 14 points", [(0, 1, "GPE")], [("Aldershot", "GPE")]),  # and after
        ("Aldershot 9 5.5 2 2", [(0, 1, "GPE")], [("Aldershot", "GPE")]),  # the second no score
        (
            "Aldershot 9 5 2\nAldershot",
            [(0, 1, "GPE"), (5, 6, "GPE")],
            [("Aldershot", "GPE"), ("Aldershot", "GPE")],
        ),  # three numbers to the end of its line
        (
            "Shares fell .\nAldershot 9 5 2 2\nAldershot 1996-08-28",
            [(4, 5, "GPE"), (10, 11, "GPE")],
            [("Aldershot", "ORG"), ("Aldershot", "GPE")],
        ),  # each place read on its own line
    ],
)
def test_a_place_heading_a_row_of_numbers_on_its_line_is_a_team(text, ents, expected):
    assert fix_text(sports_teams, text, ents) == expected
