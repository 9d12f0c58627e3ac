import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.resolve.acronyms import (
    _bracket_tokens,
    _parentheses,
    find_abbreviation,
    find_definitions,
    is_short_form,
)

VOCAB = Vocab()


def doc(text: str) -> Doc:
    return Doc(VOCAB, words=text.split())


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        ("the Intergovernmental Commission ( IGC ) met", "IGC", "Intergovernmental Commission"),
        (
            "the Kazakh-Belarusian Intergovernmental Commission ( IGC ) for Trade",
            "IGC",
            "Intergovernmental Commission",
        ),
        ("a rise in the Consumer Price Index ( CPI ) was", "CPI", "Consumer Price Index"),
        (
            "members of the NATO ( North Atlantic Treaty Organization ) met",
            "NATO",
            "North Atlantic Treaty Organization",
        ),
        ("the World Health Organization ( WHO ) said", "WHO", "World Health Organization"),
    ],
)
def test_definitions_found_in_both_directions(text, short, long):
    d = doc(text)
    (found,) = find_definitions(d)
    assert found.short(d).text == short
    assert found.long(d).text == long


@pytest.mark.parametrize(
    "text",
    [
        "prices rose sharply ( 12 percent ) last year",  # no letters first
        "the talks ( in Minsk ) ended",  # no word of the long form starts the short form
        "a ( b ) c",  # at the document start, single letters
    ],
)
def test_no_definition_where_letters_do_not_line_up(text):
    assert find_definitions(doc(text)) == []


def test_first_letter_must_start_a_word():
    d = doc("the great Commission ( XC )")
    assert find_abbreviation(d[0:3], d[4:5]) is None


@pytest.mark.parametrize(
    ("word", "ok"),
    [("IGC", True), ("A", False), ("12%", False), ("1B", False), ("Verylongword", False)],
)
def test_short_form_filter(word, ok):
    assert is_short_form(doc(word)[:]) is ok


@pytest.mark.parametrize(
    ("words", "spaces", "expected"),
    [
        (["a", "(", "B", ")", "c"], None, [(1, "("), (3, ")")]),
        (
            ["a", "\n", "(", "B", ")"],
            [True, False, False, False, False],
            [(1, "\n"), (2, "("), (4, ")")],
        ),
        (["x\ny", "(", "z"], None, [(0, "\n"), (1, "(")]),  # a break inside a word
        (["a", "\n\n", "b", "\n"], [True, False, True, False], [(1, "\n"), (3, "\n")]),
        (["((", "a", "))"], None, []),  # only a bracket alone is one
        (["no", "brackets"], None, []),
    ],
)
def test_bracket_tokens_are_the_tokens_a_walk_stops_at(
    words: list[str], spaces: list[bool] | None, expected: list[tuple[int, str]]
) -> None:
    d = Doc(VOCAB, words=words, spaces=spaces)
    assert _bracket_tokens(d) == expected
    walk = [
        (t.i, t.text if t.text in ("(", ")") else "\n")
        for t in d
        if t.text in ("(", ")") or "\n" in t.text
    ]
    assert walk == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a ( B C ) d", [(2, 4)]),
        ("a ( B\nC ) d", []),  # a line break closes nothing
        ("a ( ) ( B ) d", [(4, 5)]),  # empty parentheses hold nothing
        ("a ) ( B ) ( C", [(3, 4)]),
    ],
)
def test_parentheses_on_one_line(text: str, expected: list[tuple[int, int]]) -> None:
    words = text.replace("\n", " \n ").split(" ")
    assert list(_parentheses(Doc(VOCAB, words=words))) == expected
