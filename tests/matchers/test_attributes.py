"""The indexed attribute ruler finds exactly the matches of spaCy's, and sets the same attributes."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

import pipeline.matchers.attributes as attributes
from pipeline.nlp.build import load_nlp
from pipeline.nlp.components import IndexedAttributeRuler

ROOT = Path(__file__).resolve().parents[2]
REUTERS = ROOT.parent / "shared" / "data" / "reuters21578" / "reut2-000.sgm"

TRICKY = [
    "I ain't got nuthin' for y'all, and it isn't what you'd think.",
    "There are two of them; there's one left. Give it to me, and tell it to you.",
    "They did, he does, we have been told that we'd go. Did you? I'm not, you're not.",
    "Which one? That which is done, whether or not, unless it rains, though.",
    "THE BANK SAID IT WOULD NOT CUT RATES\n\n  Shares rose 5 pct  .",
]


@pytest.fixture(scope="module")
def bare():
    return load_nlp(bare=True)


def _rulers(nlp):
    stock = nlp.get_pipe("attribute_ruler")
    indexed = IndexedAttributeRuler(nlp.vocab, "attribute_ruler")
    indexed.from_bytes(stock.to_bytes(exclude=["vocab"]), exclude=["vocab"])
    return stock, indexed


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    return [*texts, (ROOT / "seeds" / "000_84bd1bd0e8a742d5.txt").read_text("utf-8"), *TRICKY]


def _parsed(nlp, texts):
    """Docs as the attribute ruler receives them (tagged and parsed)."""
    return list(nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]))


def _attrs(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _same(nlp, texts) -> None:
    stock, indexed = _rulers(nlp)
    assert indexed._index is None and indexed._stale  # compiled on first use
    for doc in _parsed(nlp, texts):
        assert indexed.match(doc) == stock.match(doc), doc.text[:60]
        a, b = doc.copy(), doc.copy()
        assert _attrs(stock(a)) == _attrs(indexed(b)), doc.text[:60]
    assert indexed._index is not None  # the index did the work, not the fallback


def test_same_matches_and_attributes_as_spacy(bare) -> None:
    _same(bare, _texts())


@pytest.mark.skipif(not REUTERS.exists(), reason="needs ../shared/data/reuters21578")
def test_same_on_reuters_stories(bare) -> None:
    import re

    bodies = re.findall(r"<BODY>(.*?)</BODY>", REUTERS.read_text(encoding="latin-1"), re.S)
    assert len(bodies) > 150
    _same(bare, bodies[:150])


def test_the_model_ruler_is_indexed(bare) -> None:
    _, indexed = _rulers(bare)
    rules = [indexed.matcher.get(str(i))[1] for i in range(len(indexed.attrs))]
    index = attributes.compile_patterns(bare.vocab, rules)
    assert index is not None
    assert len(index.everywhere) < 5  # nearly every pattern is filed under a value


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "a", "OP": "?"}],  # operators
        [{"LENGTH": {">=": 3}}],  # numeric comparison
        [{"_": {"norm": "x"}}],  # extension attribute
        [{"LOWER": {"FUZZY": "hello"}}],  # fuzzy predicate
        [{"POS": "NOUN"}],  # POS values are symbols, not string hashes
        [],
    ],
)
def test_unsupported_shapes_fall_back(bare, pattern) -> None:
    assert attributes.compile_patterns(bare.vocab, [[pattern]]) is None


def test_fallback_matches_like_spacy(bare) -> None:
    stock, indexed = _rulers(bare)
    for ruler in (stock, indexed):
        ruler.add([[{"LOWER": "two"}, {"LOWER": "of", "OP": "?"}]], {"LEMMA": "2"})
    for doc in _parsed(bare, TRICKY):
        assert indexed.match(doc) == stock.match(doc)
    assert indexed._index is None  # the OP pattern sent everything back to the Matcher


@pytest.mark.parametrize(
    "spec, word, holds",
    [
        ({"LOWER": "is"}, "IS", True),
        ({"LOWER": {"IN": ["is", "are"]}}, "are", True),
        ({"LOWER": {"NOT_IN": ["is", "are"]}}, "are", False),
        ({"LOWER": {"REGEX": "^n'?t$"}}, "N'T", True),
        ({"IS_SPACE": True}, "word", False),
    ],
)
def test_checks(bare, spec, word, holds) -> None:
    index = attributes.compile_patterns(bare.vocab, [[[spec]]])
    assert index is not None
    doc = Doc(bare.vocab, words=[word])
    assert bool(attributes.find_matches(index, doc)) is holds
