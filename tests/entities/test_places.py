"""The ``places`` family: a city glued to an agency, surnames that are no towns, datelines."""

from __future__ import annotations

import pytest

from pipeline.entities.places import (
    datelines,
    facility_names,
    find_headline_places,
    relabel_places,
    source_line_names,
    source_line_outlets,
    split_place_agency,
)

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
        # a town's name is also a surname and a club's: the text has to say it is a place
        ("Dover rose", [(0, 1, "PERSON")], [("Dover", "PERSON")]),
        ("the port of Dover", [(3, 4, "PERSON")], [("Dover", "GPE")]),
        ("ferries sailed in Dover", [(3, 4, "PERSON")], [("Dover", "GPE")]),
        ("Dover , Britain", [(0, 1, "PERSON")], [("Dover", "GPE")]),
        ("Dover , who scored", [(0, 1, "PERSON")], [("Dover", "PERSON")]),
        ("Dover , the busiest port of England", [(0, 1, "PERSON")], [("Dover", "GPE")]),
        ("Dover , the striker", [(0, 1, "PERSON")], [("Dover", "PERSON")]),
        (
            "Ben Dover spoke . In Dover rose",
            [(0, 2, "PERSON"), (5, 6, "PERSON")],
            [("Ben Dover", "PERSON"), ("Dover", "PERSON")],
        ),
        ("President Jordan spoke", [(1, 2, "PERSON")], [("Jordan", "PERSON")]),
        ("Karachi rose", [(0, 1, "PERSON")], [("Karachi", "GPE")]),  # a city of millions
        ("Austria beat them", [(0, 1, "PERSON")], [("Austria", "GPE")]),  # a country
    ],
)
def test_a_town_named_as_a_person_is_a_place_only_where_the_text_says_so(text, ents, expected):
    assert fix_text(relabel_places, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("GM cut jobs", "ORG", "ORG"),  # General Motors, not the Gambia
        ("BA flights", "ORG", "ORG"),
        ("GE said", "ORG", "ORG"),
        ("BT said", "ORG", "ORG"),
        ("Mac sales", "ORG", "ORG"),  # "MAC" is Macau's code: no name either way
        ("UK banks", "ORG", "GPE"),  # a code news writes for the country
        ("USA won", "ORG", "GPE"),
        ("Maldives said", "ORG", "GPE"),
    ],
)
def test_only_the_codes_news_writes_for_a_country_make_an_org_a_country(text, label, expected):
    ((_, found),) = fix_text(relabel_places, text, [(0, 1, label)])
    assert found == expected


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
        # a town the gazetteer lacks, known by the state after it
        (
            "KELSOBURG , Maine ( AP ) - Mills closed .",
            [(0, 1, "ORG")],
            [("KELSOBURG", "GPE"), ("Maine", "GPE")],
        ),
        ("KELSOBURG ( AP ) - Mills closed .", [(0, 1, "ORG")], [("KELSOBURG", "ORG")]),
        ("CPI ( pct ) July +0.4", [], []),
        ("Bristol 1996-08-28", [], []),  # not in capitals: no dateline
    ],
)
def test_dateline_places(text, ents, expected):
    assert fix_text(datelines, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NORWAY , CHILE SIGN TRADE PACT", [("NORWAY", "GPE"), ("CHILE", "GPE")]),
        ("TENNIS - RESULTS AT U.S. OPEN", []),  # "U.S." has two letters: part of a name here
    ],
)
def test_untagged_headline_countries(text, expected):
    assert fix_text(find_headline_places, text, []) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("died at the Lakeside Motel in Kelso", [(3, 5, "ORG")], [("Lakeside Motel", "FAC")]),
        ("strikers at the Orbis Glass Plant", [(3, 6, "ORG")], [("Orbis Glass Plant", "FAC")]),
        ("crossed the Kelso Bridge", [(2, 4, "GPE")], [("Kelso Bridge", "GPE")]),  # ORG only
        ("Orbis Mining said", [(0, 2, "ORG")], [("Orbis Mining", "ORG")]),
        ("the Plant said", [(1, 2, "ORG")], [("Plant", "ORG")]),  # the head alone
        ("Orbis plant workers", [(0, 2, "ORG")], [("Orbis plant", "ORG")]),  # lower case
    ],
)
def test_an_organisation_named_for_a_facility_is_a_facility(text, ents, expected):
    assert fix_text(facility_names, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "AU0101 Leeds NORTHERN LEDGER in English 3 Jan 94",
            [(1, 2, "GPE"), (7, 9, "DATE")],
            [("Leeds", "GPE"), ("NORTHERN LEDGER", "ORG"), ("Jan 94", "DATE")],
        ),
        ("Leeds THE LEDGER", [(0, 1, "GPE")], [("Leeds", "GPE"), ("THE LEDGER", "ORG")]),
        # the model's reading of the line gives way: the place untagged, part of the outlet tagged
        ("Leeds NORTHERN LEDGER", [(2, 3, "ORG")], [("Leeds", "GPE"), ("NORTHERN LEDGER", "ORG")]),
        (
            "Leeds NORTHERN LEDGER",
            [(0, 3, "PERSON")],
            [("Leeds", "GPE"), ("NORTHERN LEDGER", "ORG")],
        ),
        # not a source line: the city does not open it, or no language / line end follows
        (
            "Ann Lee left Leeds ON MONDAY",
            [(0, 2, "PERSON"), (3, 4, "GPE")],
            [("Ann Lee", "PERSON"), ("Leeds", "GPE")],
        ),
        ("Leeds LEDGER said so", [(0, 1, "GPE")], [("Leeds", "GPE")]),
        # a run that is a place, or of one-letter words, stays; so does an entity reaching beyond
        ("Paris NEW YORK", [(0, 1, "GPE")], [("Paris", "GPE")]),
        ("Leeds A B", [(0, 1, "GPE")], [("Leeds", "GPE")]),
        ("Ann Lee Leeds LEDGER", [(0, 3, "PERSON")], [("Ann Lee Leeds", "PERSON")]),
        # the reference code the model read into the name gives way with it
        ("AU0101 Leeds LEDGER", [(0, 2, "ORG")], [("Leeds", "GPE"), ("LEDGER", "ORG")]),
        ("AU0101 Leeds K-TV in English", [(0, 2, "PERSON")], [("Leeds", "GPE"), ("K-TV", "ORG")]),
        # a city written in capitals is a dateline, not a source line
        ("LEEDS LEDGER", [(0, 1, "GPE")], [("LEEDS", "GPE")]),
    ],
)
def test_an_outlet_in_capitals_after_its_city_on_a_source_line_is_an_org(text, ents, expected):
    assert fix_text(source_line_outlets, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # after a reference code, before "in" and a language
        (
            "AU0101 Leeds Radio Orbis Network in English 0500 GMT 3 Jan 94",
            [],
            [("Leeds", "GPE"), ("Radio Orbis Network", "ORG")],
        ),
        (
            "AU0101 Leeds Kelso-Bexley Herald in English",
            [(0, 2, "PERSON")],
            [("Leeds", "GPE"), ("Kelso-Bexley Herald", "ORG")],
        ),
        # alone on its line, ending in a broadcaster's head word
        (
            "Leeds Orbis Television",
            [(0, 3, "ORG")],
            [("Leeds", "GPE"), ("Orbis Television", "ORG")],
        ),
        # the model's own ORG of the outlet stays; the city it left untagged is added
        (
            "Leeds Orbis Television",
            [(1, 3, "ORG")],
            [("Leeds", "GPE"), ("Orbis Television", "ORG")],
        ),
        # no code and no head word, no language after the run, or the run is a place: no outlet
        ("Leeds Orbis Herald", [(0, 3, "ORG")], [("Leeds Orbis Herald", "ORG")]),
        ("AU0101 Leeds Orbis Herald said", [], []),
        ("AU0101 Leeds New York in English", [], []),
        ("Ann Lee met Leeds Radio", [(0, 2, "PERSON")], [("Ann Lee", "PERSON")]),
    ],
)
def test_an_outlet_in_mixed_case_after_its_city_on_a_source_line_is_an_org(text, ents, expected):
    assert fix_text(source_line_names, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("died near Springfield on Monday", [(2, 3, "ORG")], [("Springfield", "GPE")]),
        ("flew north of Springfield", [(3, 4, "ORG")], [("Springfield", "GPE")]),
        ("the fight at Springfield , Italy", [(3, 4, "ORG")], [("Springfield", "GPE")]),
        ("a mill at Springfield , Ohio", [(3, 4, "ORG")], [("Springfield", "GPE")]),
        ("a mill at Springfield , Calif.", [(3, 4, "ORG")], [("Springfield", "GPE")]),
        (
            "Orbis Mining Co. of Springfield",
            [(0, 3, "ORG"), (4, 5, "ORG")],
            [("Orbis Mining Co.", "ORG"), ("Springfield", "GPE")],
        ),
        ("the mayor of Springfield said", [(3, 4, "ORG")], [("Springfield", "ORG")]),
        ("no change in Springfield 's prices", [(3, 4, "ORG")], [("Springfield", "ORG")]),
        # a club or firm named after its town: after a verb, or in a list of clubs
        ("Leeds beat Springfield 2-0", [(2, 3, "ORG")], [("Springfield", "ORG")]),
        ("Springfield , Bexley and Leeds", [(0, 1, "ORG")], [("Springfield", "ORG")]),
        ("Springfield Mining said", [(0, 2, "ORG")], [("Springfield Mining", "ORG")]),
        # after "in" news names companies as often as towns
        ("raised its stake in Springfield", [(4, 5, "ORG")], [("Springfield", "ORG")]),
    ],
)
def test_a_town_read_as_an_org_is_a_place_after_a_place_cue(text, ents, expected):
    assert fix_text(relabel_places, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("a Springfield native , she said", [(1, 2, "NORP")], [("Springfield", "GPE")]),
        ("a deputy from Springfield", [(3, 4, "NORP")], [("Springfield", "GPE")]),
        # a demonym, an adjective before a name, or capitals: no place
        ("a Kenyan native", [(1, 2, "NORP")], [("Kenyan", "NORP")]),
        ("the Springfield Emperor", [(1, 2, "NORP")], [("Springfield", "NORP")]),
        ("SPRINGFIELD failed", [(0, 1, "NORP")], [("SPRINGFIELD", "NORP")]),
    ],
)
def test_a_place_the_model_read_as_a_nationality_is_a_place(text, ents, expected):
    assert fix_text(relabel_places, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        (
            "Ann Lee of Kelso Cove , N.Y. , said",
            [(0, 2, "PERSON"), (3, 5, "PERSON")],
            [("Ann Lee", "PERSON"), ("Kelso Cove", "GPE")],
        ),
        ("Kelso Cove , Ga. ;", [(0, 2, "ORG")], [("Kelso Cove", "GPE")]),
        # no state after the comma, a title before the name, or a longer organisation's name
        ("Ann Lee , Bexley", [(0, 2, "PERSON")], [("Ann Lee", "PERSON")]),
        ("Gov. Ann Lee , Ga. , said", [(1, 3, "PERSON")], [("Ann Lee", "PERSON")]),
        ("Orbis Mining Inc , Calif.", [(0, 3, "ORG")], [("Orbis Mining Inc", "ORG")]),
    ],
)
def test_a_name_before_a_comma_and_a_state_is_a_town(text, ents, expected):
    assert fix_text(relabel_places, text, ents) == expected
