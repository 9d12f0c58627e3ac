"""The grammar the handlers share (``pipeline.normalise.dates.grammar``): the clean-up of a text,
what comes off its front, and the word lists it is compiled from."""

from __future__ import annotations

import pytest

from pipeline.normalise.dates import DateContext, normalise_date
from pipeline.normalise.dates.grammar import clean, grammar, strip_leads

from .helpers import ANCHOR, RULES


@pytest.mark.parametrize(
    ("text", "cleaned"),
    [
        ("April 27 , 2005", "april 27, 2005"),  # tokenised text
        ("Jan. 5 – 7", "jan. 5-7"),
        ("this past spring", "last spring"),
        ("this coming Monday", "next monday"),
        ("the company's", "the company"),
    ],
)
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned


@pytest.mark.parametrize(
    ("text", "rest", "mod"),
    [
        ("at least 30 days", "30 days", None),  # the longest lead first
        ("as early as next week", "next week", None),
        ("a fourth-quarter", "fourth-quarter", None),
        ("the end of the year", "this year", "END"),
        ("early 1990", "1990", "START"),
        ("mid-1990s", "1990s", "MID"),
        ("by the middle of march", "march", "MID"),
    ],
)
def test_strip_leads(text: str, rest: str, mod: str | None) -> None:
    assert strip_leads(text, grammar(RULES)) == (rest, mod)


@pytest.mark.parametrize(
    ("field", "words", "text", "value"),
    [
        ("date_leads", ["circa"], "circa 1990", "1990"),
        ("time_zones", ["jst"], "0900 jst", "2017-09-29T09:00"),
        ("relative_leads", ["bygone"], "the bygone year", "2017"),
    ],
)
def test_word_lists_come_from_the_rules(field: str, words: list[str], text: str, value) -> None:
    ctx = DateContext(anchor=ANCHOR)
    assert normalise_date(text, RULES, ctx).value is None
    rules = RULES.model_copy(update={field: [*getattr(RULES, field), *words]})
    assert normalise_date(text, rules, ctx).value == value


def test_modifier_words_come_from_the_rules() -> None:
    ctx = DateContext(anchor=ANCHOR)
    modifiers = {**RULES.date_modifiers, "START": [*RULES.date_modifiers["START"], "dawn of"]}
    rules = RULES.model_copy(update={"date_modifiers": modifiers})
    assert normalise_date("the dawn of 1990", RULES, ctx).value is None
    got = normalise_date("the dawn of 1990", rules, ctx)
    assert (got.value, got.mod) == ("1990", "START")
