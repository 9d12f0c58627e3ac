from __future__ import annotations

import pytest

from pipeline.entities.countries import country_table
from pipeline.link.names import (
    acronym_form,
    country_prefix,
    descriptor_stripped,
    generic,
    initials,
    normalise_name,
    surname,
    words,
)
from pipeline.link.rules import load_link_rules

NAMES = load_link_rules().entities.names


@pytest.mark.parametrize(
    ("text", "cls", "expected"),
    [
        ("The Harbor Tools Inc.", "org", "harbor tools"),
        ("Harbor Tools Co Ltd", "org", "harbor tools"),
        ("HARBOR TOOLS", "org", "harbor tools"),
        ("Harbor Tools's", "org", "harbor tools"),
        ("Brenner & Vos", "org", "brenner and vos"),
        ("Ólafur Ingason", "person", "olafur ingason"),
        ("Mr. Ingason", "person", "ingason"),
        ("President Ola Ingason", "person", "ola ingason"),
        ("U.S.", "place", "us"),
        ("Inc", "org", "inc"),  # a legal form alone is kept: it is all there is
    ],
)
def test_normalise_name_drops_what_does_not_identify(text: str, cls: str, expected: str) -> None:
    assert normalise_name(text, cls, NAMES) == expected


def test_honorifics_are_left_in_organisation_names() -> None:
    assert normalise_name("General Lumber", "org", NAMES) == "general lumber"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Northwind Trade and Shipping Association", "NTSA"),
        ("The Office of Fair Harbours", "OFH"),
        ("Harbor Tools", "HT"),
        ("Tools", None),
        ("Route 66 Partners", None),
    ],
)
def test_initials_leave_out_small_words(text: str, expected: str | None) -> None:
    assert initials(text, "org", NAMES) == expected


@pytest.mark.parametrize(
    ("text", "expected"), [("NTSA", "NTSA"), ("N.T.S.A.", "NTSA"), ("Ntsa", None), ("A", None)]
)
def test_acronym_form_reads_capitals_with_or_without_dots(text: str, expected: str | None) -> None:
    assert acronym_form(text) == expected


def test_descriptor_stripped_drops_generic_last_words_one_at_a_time() -> None:
    assert descriptor_stripped("Kestrel Commercial Airlines", "org", NAMES) == [
        "kestrel commercial",
        "kestrel",
    ]
    assert descriptor_stripped("Kestrel Airlines", "person", NAMES) == []
    assert descriptor_stripped("Airlines", "org", NAMES) == []


@pytest.mark.parametrize(
    ("text", "expected"), [("Corp", True), ("The Group", True), ("Acme", False)]
)
def test_generic_names_are_made_of_listed_words_only(text: str, expected: bool) -> None:
    assert generic(text, NAMES) is expected


def test_surname_says_whether_the_name_is_that_word_alone() -> None:
    assert surname("Dr. Ola Ingason", NAMES) == ("ingason", False)
    assert surname("Ingason", NAMES) == ("ingason", True)


def test_country_prefix_finds_the_longest_country_name() -> None:
    table = country_table()
    assert country_prefix(words("United States Coast Guard"), table) == ("US", ["coast", "guard"])
    assert country_prefix(words("U.S. Coast Guard"), table) == ("US", ["coast", "guard"])
    assert country_prefix(words("Coast Guard"), table) is None
