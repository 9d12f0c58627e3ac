"""First names from Faker's lists: the gender they suggest, and whether a word is one."""

from __future__ import annotations

import pytest

from pipeline.entities.gender import first_name_gender, is_first_name


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Robert", True),
        ("Andrea", True),  # on both lists: a first name of no gender
        ("Shareholders", False),
        ("robert", False),  # not written as a name
        ("ex", False),
        ("", False),
    ],
)
def test_is_first_name_reads_any_capitalised_name_of_the_lists(word: str, expected: bool) -> None:
    assert is_first_name(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"), [("Robert", "male"), ("Mary", "female"), ("Andrea", None)]
)
def test_first_name_gender_leaves_names_on_both_lists_open(word: str, expected: str | None) -> None:
    assert first_name_gender(word) == expected
