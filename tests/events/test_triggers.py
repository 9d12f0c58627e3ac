"""Trigger candidates: the tokens a trigger can start at."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from pipeline.events.triggers import trigger_candidates

from .handmade import VOCAB


@pytest.mark.parametrize(
    ("words", "lemmas", "expected"),
    [
        (["Talks", "began"], ["talk", "begin"], [0]),  # by lemma
        (["TALKS", "began"], ["TALKS", "begin"], [0]),  # by lowercased text
        (["He", "Met", "her"], ["he", "Meet", "she"], [1]),  # by lowercased lemma
        (["in", "talks"], ["in", "talks"], [1]),
        (["nothing", "here"], ["nothing", "here"], []),
    ],
)
def test_trigger_candidates_lowercase_text_or_lemma(
    words: list[str], lemmas: list[str], expected: list[int]
) -> None:
    doc = Doc(VOCAB, words=words, lemmas=lemmas)
    assert trigger_candidates(doc, frozenset({"talk", "talks", "meet"})) == expected
