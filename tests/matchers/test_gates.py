"""The dependency-pattern gate: a rule is skipped only when no token has what a node needs."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from pipeline.matchers.gates import TreeIndex, can_match, gate_array, needs, token_needs, tree_nodes

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


# Two sentences: "Smith reached a deal ." / "Jones met Lee ."
TWO = Doc(
    VOCAB,
    words=["Smith", "reached", "a", "deal", ".", "Jones", "met", "Lee", "."],
    lemmas=["Smith", "reach", "a", "deal", ".", "Jones", "meet", "Lee", "."],
    pos=["PROPN", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT"],
    deps=["nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "ROOT", "dobj", "punct"],
    heads=[1, 1, 3, 1, 1, 6, 6, 6, 6],
    ents=["B-PERSON", "O", "O", "O", "O", "B-PERSON", "O", "B-PERSON", "O"],
)


def arc(name: str, left: str, op: str, **attrs: object) -> dict[str, object]:
    return {"LEFT_ID": left, "REL_OP": op, "RIGHT_ID": name, "RIGHT_ATTRS": attrs}


def tree_index(doc: Doc) -> TreeIndex:
    index = TreeIndex.of(doc, gate_array(doc), [s.start for s in doc.sents])
    assert index is not None
    return index


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ([node("v", POS="VERB")], {0, 1}),
        ([node("v", LEMMA="meet")], {1}),
        ([node("v", LEMMA="reach", POS="NOUN")], set()),  # all of a node's needs on one token
        ([node("v", POS="VERB"), arc("s", "v", ">", DEP="nsubj", ENT_TYPE="PERSON")], {0, 1}),
        ([node("v", POS="VERB"), arc("o", "v", ">", DEP="dobj", ENT_TYPE="PERSON")], {1}),
        ([node("v", LEMMA="reach"), arc("o", "v", ">", ENT_TYPE="PERSON", DEP="dobj")], set()),
        ([node("p", ENT_TYPE="PERSON"), arc("v", "p", "<", LEMMA="reach")], {0}),
        ([node("p", ENT_TYPE="PERSON"), arc("v", "p", "<", LEMMA="meet")], {1}),
        ([node("v", LEMMA="reach"), arc("x", "v", "<")], set()),  # a root has no head
        ([node("v", LEMMA="meet"), arc("d", "v", ">>", LEMMA="deal")], set()),
        ([node("v", LEMMA="meet"), arc("d", "v", ";", DEP="dobj")], {1}),  # no arc: any token
        ([node("v", LEMMA={"NOT_IN": ["meet"]})], {0, 1}),  # not checked
    ],
)
def test_tree_gate_sentences(pattern: list[dict[str, object]], expected: set[int]) -> None:
    assert tree_index(TWO).sentences(tree_nodes(VOCAB, pattern)) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        [node("v", POS="VERB"), arc("s", "v", ">", DEP="nsubj")],
        [node("p", ENT_TYPE="PERSON"), arc("v", "p", "<", POS="VERB")],
        [node("v", POS="VERB"), arc("o", "v", ">", DEP="dobj"), arc("s", "v", ">", DEP="nsubj")],
        [node("v", POS="VERB"), arc("d", "v", ">>", DEP="det")],
    ],
)
def test_tree_gate_keeps_every_sentence_with_a_match(pattern: list[dict[str, object]]) -> None:
    matcher = DependencyMatcher(VOCAB)
    matcher.add("p", [pattern])
    sentence = tree_index(TWO).sentence
    matched = {sentence[tokens[0]] for _, tokens in matcher(TWO)}
    assert matched
    assert matched <= tree_index(TWO).sentences(tree_nodes(VOCAB, pattern))


@pytest.mark.parametrize(
    ("starts", "usable"),
    [([0, 2], True), ([0, 1], False)],  # "b" hangs from "a": across the break at 1
)
def test_tree_index_refuses_an_arc_across_sentences(starts: list[int], usable: bool) -> None:
    doc = Doc(VOCAB, words=["a", "b", "c"], deps=["ROOT", "dep", "ROOT"], heads=[0, 0, 2])
    assert (TreeIndex.of(doc, gate_array(doc), starts) is not None) is usable


def test_tree_index_reads_heads_and_sentences() -> None:
    index = tree_index(TWO)
    assert index.heads == [1, 1, 3, 1, 1, 6, 6, 6, 6]
    assert index.sentence == [0, 0, 0, 0, 0, 1, 1, 1, 1]
    assert index.children[1] == [0, 3, 4]
