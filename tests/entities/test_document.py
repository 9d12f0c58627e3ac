"""The ``document`` family: one sense per discourse."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc
from spacy.vocab import Vocab

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
        # ... the surname of a full name opening with a first name or an initial; a group
        # the model read as a person gives none ("Holders Vessel", where the story speaks of
        # holders, names no "Mr Vessel"; "Bakhrom Vessel" does)
        (
            "A. Marsh spoke . Later Marsh left .",
            [(0, 2, "PERSON"), (5, 6, "ORG")],
            {},
            [("A. Marsh", "PERSON"), ("Marsh", "PERSON")],
        ),
        (
            "Holders Vessel met . Later Vessel paid its holders .",
            [(0, 2, "PERSON"), (5, 6, "ORG")],
            {},
            [("Holders Vessel", "PERSON"), ("Vessel", "ORG")],
        ),
        (
            "Bakhrom Vessel met . Later Vessel paid its holders .",
            [(0, 2, "PERSON"), (5, 6, "ORG")],
            {},
            [("Bakhrom Vessel", "PERSON"), ("Vessel", "PERSON")],
        ),
        # an untagged capitalised mention gets the label of the name's tagged mentions ...
        (
            "Ostrava Steel rose . Ostrava Steel hired . Investors like Ostrava Steel .",
            [(0, 2, "ORG"), (4, 6, "ORG")],
            {},
            [("Ostrava Steel", "ORG"), ("Ostrava Steel", "ORG"), ("Ostrava Steel", "ORG")],
        ),
        # ... when there are at least two of them (document_name_min_mentions), or it is an
        # acronym
        (
            "Ostrava Steel rose . Investors like Ostrava Steel .",
            [(0, 2, "ORG")],
            {},
            [("Ostrava Steel", "ORG")],
        ),
        (
            "OSTAL rose . Investors like OSTAL .",
            [(0, 1, "ORG")],
            {},
            [("OSTAL", "ORG"), ("OSTAL", "ORG")],
        ),
        # ... unless it is glued into a longer word or name
        (
            "Kray won . The Kray-Dorn deal . Kray Holdings fell .",
            [(0, 1, "PERSON")],
            {},
            [("Kray", "PERSON")],
        ),
        # a line-initial word is capitalised anyway: only a proper noun counts, and only a
        # name the model tagged inside a sentence
        (
            "Shares of Pixley and Pixley rose .\nPixley fell .",
            [(2, 3, "ORG"), (4, 5, "ORG")],
            {8: "NOUN"},
            [("Pixley", "ORG"), ("Pixley", "ORG")],
        ),
        (
            "Shares of Pixley and Pixley rose .\nPixley fell .",
            [(2, 3, "ORG"), (4, 5, "ORG")],
            {8: "PROPN"},
            [("Pixley", "ORG"), ("Pixley", "ORG"), ("Pixley", "ORG")],
        ),
        (
            "Juniors 's 100 metres\nJuniors 's 200 metres\nJuniors 's relay",
            [(0, 1, "ORG"), (5, 6, "ORG")],
            {10: "PROPN"},
            [("Juniors", "ORG"), ("Juniors", "ORG")],
        ),  # heads lines only: no evidence that it is a name
        # a name glued to a number or an initial is part of something longer
        (
            "Rexa said . Rexa grew . A. Rexa spoke .",
            [(0, 1, "ORG"), (3, 4, "ORG")],
            {},
            [("Rexa", "ORG"), ("Rexa", "ORG")],
        ),
        # an honorific before an untagged surname is no longer name around it
        (
            "Ivo Marsh spoke . Later Mr Marsh left .",
            [(0, 2, "PERSON")],
            {},
            [("Ivo Marsh", "PERSON"), ("Marsh", "PERSON")],
        ),
        # a PERSON span opening with a town is no person's name ("Leeds United")
        (
            "Fans of Hamburg United cheered . Later United left .",
            [(2, 4, "PERSON"), (7, 8, "ORG")],
            {},
            [("Hamburg United", "PERSON"), ("United", "ORG")],
        ),
        # a surname the model tagged ORG more often than the full name was tagged PERSON is
        # still the person's, where it was tagged and where it was not
        (
            "Ivo Pollard left . Pollard sold . Pollard went . Pollard won . Pollard said .",
            [(0, 2, "PERSON"), (4, 5, "ORG"), (7, 8, "ORG")],
            {},
            [
                ("Ivo Pollard", "PERSON"),
                ("Pollard", "PERSON"),
                ("Pollard", "PERSON"),
                ("Pollard", "PERSON"),
                ("Pollard", "PERSON"),
            ],
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
        "Kent Valley Bank rose . Kent Valley Bank fell . Kent Valley grew . Kent Valley won . "
        "Fans of Kent Valley"
    )
    ents = [EntitySpan(0, 3, "ORG"), EntitySpan(5, 8, "ORG"), EntitySpan(10, 12, "ORG")]
    ents.append(EntitySpan(14, 16, "ORG"))
    found = document_labels(doc, ents, entity_fixes())
    assert all(e.end <= len(doc) for e in found)
    assert [(e.start, e.end) for e in found][-1] == (20, 22)  # "Kent Valley", not 3 words


def test_a_name_glued_to_a_number_is_part_of_a_longer_word() -> None:
    words = ["Rexa", "said", ".", "Rexa", "grew", ".", "The", "60", "Rexa", "unit", "."]
    spaces = [True, False, True, True, False, True, True, False, True, True, False]
    doc = Doc(Vocab(), words=words, spaces=spaces)  # "The 60Rexa unit"
    found = document_labels(doc, [EntitySpan(0, 1, "ORG"), EntitySpan(3, 4, "ORG")], entity_fixes())
    assert [(e.start, e.end) for e in found] == [(0, 1), (3, 4)]
