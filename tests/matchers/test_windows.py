"""The windowed Matcher: the same matches, in the same order, as spaCy's Matcher on the whole doc."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from pipeline.matchers.windows import WindowedMatcher, spec_check, windows

VOCAB = spacy.blank("en").vocab
WORDS = (
    "The deputy prime minister said on 29.09.2017 that sales rose 5 pct in the first quarter ,"
    " and 12 per cent every week since 3 Sept. 2019 ; CEO John Smith of Acme said now ."
).split()
DOC = Doc(VOCAB, words=WORDS, pos=["NOUN" if w.islower() else "PROPN" for w in WORDS])

PATTERNS = {
    "title": [{"LOWER": {"IN": ["deputy", "prime", "first"]}, "OP": "*"}, {"LOWER": "minister"}],
    "title-of": [{"LOWER": "minister"}, {"LOWER": "of", "OP": "?"}],
    "date": [{"TEXT": {"REGEX": r"^\d{1,2}[./]\d{1,2}[./](19|20)\d\d$"}}],
    "dmy": [{"TEXT": {"REGEX": r"^\d{1,2}$"}}, {"LOWER": "sept."}, {"TEXT": {"REGEX": r"^\d{4}$"}}],
    "pct": [{"LIKE_NUM": True}, {"LOWER": {"IN": ["pct", "percent"]}}],
    "per-cent": [{"LIKE_NUM": True}, {"LOWER": "per"}, {"LOWER": "cent"}],
    "quarter": [{"LOWER": "the", "OP": "?"}, {"LOWER": "first"}, {"LOWER": "quarter"}],
    "every": [{"LOWER": {"IN": ["every", "each"]}}, {"LOWER": "week", "POS": "NOUN"}],
    "ceo": [{"TEXT": {"IN": ["CEO", "CFO"]}}],
    "ceo-lower": [{"LOWER": "ceo"}],  # the same span as "ceo": the order of the two must hold
    "name": [{"TEXT": "John"}, {"IS_TITLE": True, "OP": "+"}, {"LOWER": "of", "OP": "*"}],
    "now": [{"LOWER": "now", "POS": "ADJ"}],  # POS not checked by the window: still exact
}


def matchers(patterns: dict[str, list[dict]]) -> tuple[Matcher, WindowedMatcher]:
    plain, windowed = Matcher(VOCAB), WindowedMatcher(VOCAB)
    for key, pattern in patterns.items():
        plain.add(key, [pattern])
        windowed.add(key, [pattern])
    return plain, windowed


@pytest.mark.parametrize("key", sorted(PATTERNS))
def test_windowed_matcher_finds_what_the_matcher_finds_for_each_pattern(key: str) -> None:
    plain, windowed = matchers({key: PATTERNS[key]})
    assert windowed(DOC) == plain(DOC)


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "sales", "OP": "?"}, {"LOWER": "rose", "OP": "*"}],
        [{"LOWER": "pct", "OP": "*"}],
    ],
)
def test_a_pattern_of_optional_specs_still_matches(pattern: list[dict]) -> None:
    plain, windowed = matchers({"optional": pattern})
    assert plain(DOC)  # the document holds a match
    assert windowed(DOC) == plain(DOC)


def test_windowed_matcher_keeps_the_matchers_order_over_all_patterns() -> None:
    plain, windowed = matchers(PATTERNS)
    found = plain(DOC)
    assert len(found) > len(PATTERNS)  # the document exercises the patterns
    assert windowed(DOC) == found


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "said"}, {"OP": "!", "LOWER": "on"}],  # negated: consumes unmarked tokens
        [{"LOWER": "said"}, {}],  # a wildcard
        [{"POS": "PROPN"}, {"POS": "PROPN"}],  # nothing checkable on the lexeme
    ],
)
def test_a_spec_that_takes_any_token_makes_one_window(pattern: list[dict]) -> None:
    plain, windowed = matchers({"p": pattern})
    assert all(windowed.marked(DOC))
    assert windowed(DOC) == plain(DOC)


@pytest.mark.parametrize(
    ("spec", "word", "passes"),
    [
        ({"LOWER": "minister"}, "Minister", True),
        ({"TEXT": "CEO"}, "ceo", False),
        ({"ORTH": "CEO"}, "CEO", True),
        ({"LOWER": {"IN": ["pct", "percent"]}}, "PCT", True),
        ({"LOWER": {"IN": ["pct", "percent"]}}, "per", False),
        ({"TEXT": {"REGEX": r"^\d{1,2}$"}}, "29", True),
        ({"TEXT": {"REGEX": r"^\d{1,2}$"}}, "2017", False),
        ({"LIKE_NUM": True}, "twelve", True),
        ({"LIKE_NUM": True}, "week", False),
        ({"LOWER": "now", "POS": "ADJ"}, "Now", True),  # POS is not checked: a superset
    ],
)
def test_spec_check_passes_the_words_a_spec_may_match(spec: dict, word: str, passes: bool) -> None:
    check = spec_check(VOCAB, spec)
    assert check is not None
    assert check.passes(VOCAB[word], VOCAB.strings) is passes


@pytest.mark.parametrize(
    "spec", [{}, {"POS": "NOUN"}, {"LOWER": "x", "OP": "!"}, {"LOWER": {"NOT_IN": ["x"]}}]
)
def test_spec_check_is_none_when_any_token_may_match(spec: dict) -> None:
    assert spec_check(VOCAB, spec) is None


@pytest.mark.parametrize(
    ("mask", "expected"),
    [
        ([], []),
        ([False, False], []),
        ([True], [(0, 1)]),
        ([True, True, False, True], [(0, 2), (3, 4)]),
        ([False, True, True, False, False, True, True], [(1, 3), (5, 7)]),
    ],
)
def test_windows_are_the_runs_of_marked_tokens(
    mask: list[bool], expected: list[tuple[int, int]]
) -> None:
    assert windows(mask) == expected


ROOM_PATTERNS = {
    "the-future": [{"LOWER": "the"}, {"LOWER": {"IN": ["future", "past"]}}],  # 2 required
    "weekday": [{"LOWER": {"IN": ["monday", "friday"]}}],  # 1 required
    "holiday": [{"LOWER": "next", "OP": "?"}, {"LOWER": "easter"}, {"LOWER": "day", "OP": "?"}],
}


@pytest.mark.parametrize(
    ("words", "room"),
    [
        (["the"], False),  # "the" alone fits no pattern: the-future needs two tokens
        (["the", "past"], True),
        (["past"], False),
        (["Friday"], True),
        (["the", "Friday"], True),  # weekday fits in it
        (["next"], False),  # holiday needs "easter"
        (["next", "day"], False),
        (["easter"], True),
    ],
)
def test_room_says_whether_a_window_can_hold_a_match(words: list[str], room: bool) -> None:
    _, windowed = matchers(ROOM_PATTERNS)
    doc = Doc(VOCAB, words=words)
    assert windowed.room(windowed.marked(doc)) is room


def test_windows_without_room_are_skipped_and_the_matches_stay() -> None:
    words = "the the past said Friday next day , next Easter Day and the future the".split()
    doc = Doc(VOCAB, words=words)
    plain, windowed = matchers(ROOM_PATTERNS)
    assert windowed(doc) == plain(doc)
    assert len(plain(doc)) >= 5
