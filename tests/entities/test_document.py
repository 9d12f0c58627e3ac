"""The ``document`` family: one sense per discourse."""

from __future__ import annotations

import pytest

from pipeline.entities.document import document_labels

from .helpers import fix_text


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
