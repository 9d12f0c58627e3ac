"""The ``document`` family: one sense per discourse."""

from __future__ import annotations

import pytest
import spacy

from pipeline.entities.document import document_labels
from pipeline.entities.entity_span import EntitySpan

from .helpers import entity_fixes, fix_text


@pytest.mark.parametrize(
    ("text", "ents", "pos", "expected"),
    [
        # a surname alone is its person, even where the model said ORG
        (
            "Lena Marsh spoke . Later Marsh left .",
            [(0, 2, "PERSON"), (5, 6, "ORG")],
            {},
            [("Lena Marsh", "PERSON"), ("Marsh", "PERSON")],
        ),
        # an untagged capitalised mention gets the name's label
        (
            "Ostrava Steel rose . Investors like Ostrava Steel .",
            [(0, 2, "ORG")],
            {},
            [("Ostrava Steel", "ORG"), ("Ostrava Steel", "ORG")],
        ),
        # ... unless it is glued into a longer word or name
        (
            "Kray won . The Kray-Dorn deal . Kray Holdings fell .",
            [(0, 1, "PERSON")],
            {},
            [("Kray", "PERSON")],
        ),
        # a line-initial word is capitalised anyway: only a proper noun counts
        ("Pixley rose .\nPixley fell .", [(0, 1, "ORG")], {4: "NOUN"}, [("Pixley", "ORG")]),
        (
            "Pixley rose .\nPixley fell .",
            [(0, 1, "ORG")],
            {4: "PROPN"},
            [("Pixley", "ORG"), ("Pixley", "ORG")],
        ),
        # a country ending a PERSON span is no surname
        (
            "Raden Putra Indonesia said . Indonesia grew .",
            [(0, 3, "PERSON"), (5, 6, "GPE")],
            {},
            None,
        ),
    ],
)
def test_one_sense_per_document(text, ents, pos, expected):
    found = fix_text(document_labels, text, ents, pos)
    if expected is None:
        assert ("Indonesia", "GPE") in found
    else:
        assert found == expected


def test_a_name_cut_short_by_the_end_of_the_document_is_not_found_past_it() -> None:
    doc = spacy.blank("en").make_doc(
        "Kent Valley Bank rose . Kent Valley grew . Fans of Kent Valley"
    )
    ents = [EntitySpan(0, 3, "ORG"), EntitySpan(5, 7, "ORG")]
    found = document_labels(doc, ents, entity_fixes())
    assert all(e.end <= len(doc) for e in found)
    assert [(e.start, e.end) for e in found][-1] == (11, 13)  # "Kent Valley", not 3 words
