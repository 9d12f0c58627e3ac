"""The words of a wire source line: reference codes and runs of capitals."""

from __future__ import annotations

import pytest
import spacy

from pipeline.entities.entity_span import token_texts
from pipeline.entities.lines import capitals_run, reference_code


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("AU0101", True),
        ("94KX0012B", True),
        ("1996", False),  # digits only: a year
        ("B52", False),  # too short
        ("Ab0101x", False),  # lower case
    ],
)
def test_a_reference_code_mixes_capitals_and_digits(word, expected):
    assert reference_code(word) is expected


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("Leeds K-TV in English", 1, "K-TV"),
        ("Leeds ORBIS HERALD in English", 1, "ORBIS HERALD"),
        ("Leeds K - TV", 1, "K"),  # a free-standing hyphen joins nothing
    ],
)
def test_a_run_of_capitals_joins_words_across_a_glued_hyphen(text, start, expected):
    doc = spacy.blank("en").make_doc(text)
    end = capitals_run(doc, token_texts(doc), start)
    assert doc[start:end].text == expected
