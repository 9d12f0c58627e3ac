"""The dependency-pattern gate: a rule is skipped only when no token has what a node needs."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.gates import can_match, gate_array, needs, token_needs

VOCAB = spacy.blank("en").vocab
DOC = Doc(
    VOCAB,
    words=["Smith", "reached", "a", "deal"],
    lemmas=["Smith", "reach", "a", "deal"],
    pos=["PROPN", "VERB", "DET", "NOUN"],
    deps=["nsubj", "ROOT", "det", "dobj"],
    heads=[1, 1, 3, 1],
)


def node(name: str, **attrs: object) -> dict[str, object]:
    return {"RIGHT_ID": name, "RIGHT_ATTRS": attrs}


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ([node("t", LEMMA={"IN": ["reach", "strike"]})], True),
        ([node("t", LEMMA={"IN": ["strike", "seal"]})], False),
        ([node("t", LEMMA="reach", POS="VERB")], True),
        ([node("t", LEMMA="reach", POS="NOUN")], True),  # each need on its own: a necessary test
        ([node("t", POS="ADJ")], False),
        ([node("t", LEMMA="reach"), node("o", DEP="dobj")], True),
        ([node("t", LEMMA="reach"), node("o", DEP="pobj")], False),
        ([node("t", LOWER="deal")], True),
        ([node("t", ORTH="Deal")], False),
        ([node("t", ENT_TYPE="PERSON")], False),  # no entities set
        ([node("t", LEMMA={"NOT_IN": ["reach"]})], True),  # not checked: never a reason to skip
        ([node("t", LENGTH=4)], True),
    ],
)
def test_can_match_is_a_necessary_condition(
    pattern: list[dict[str, object]], expected: bool
) -> None:
    assert can_match([needs(VOCAB, pattern)], gate_array(DOC)) is expected


def test_any_rule_of_a_group_lets_the_group_run() -> None:
    rules = [needs(VOCAB, [node("t", LEMMA="strike")]), needs(VOCAB, [node("t", LEMMA="deal")])]
    assert can_match(rules, gate_array(DOC))
    assert not can_match(rules[:1], gate_array(DOC))


def test_a_slice_of_rows_stands_for_a_sentence() -> None:
    rows = gate_array(DOC)
    assert can_match([needs(VOCAB, [node("t", LEMMA="deal")])], rows[3:4])
    assert not can_match([needs(VOCAB, [node("t", LEMMA="deal")])], rows[0:3])


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ([{"LOWER": "a"}, {"LOWER": "deal"}], True),
        ([{"LOWER": "the"}, {"LOWER": "deal"}], False),
        ([{"LOWER": "the", "OP": "?"}, {"LOWER": "deal"}], True),  # optional: needs nothing
        ([{"LOWER": "the", "OP": "*"}, {"LOWER": "deal", "OP": "+"}], True),
        ([{"LOWER": "the", "OP": "+"}], False),
        ([{"LOWER": "the", "OP": "!"}, {"POS": "NOUN"}], True),
        ([{"LOWER": {"IN": ["monday", "friday"]}}], False),
    ],
)
def test_token_patterns_need_only_the_specs_that_must_match(
    pattern: list[dict[str, object]], expected: bool
) -> None:
    assert can_match([token_needs(VOCAB, pattern)], gate_array(DOC)) is expected
