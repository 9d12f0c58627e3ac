"""The ``names`` family: a PERSON span holds no title; the surnames of a document's people."""

from __future__ import annotations

import pytest

from pipeline.entities.names import (
    aged_names,
    article_names,
    honorific_names,
    trim_person_titles,
)

from .helpers import fix_text


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("Minister Lena Marsh spoke", [(0, 3, "PERSON")], [("Lena Marsh", "PERSON")]),
        ("said Lena Marsh", [(0, 3, "PERSON")], [("Lena Marsh", "PERSON")]),
        ("Lena Marsh Deputy Director", [(0, 3, "PERSON")], [("Lena Marsh", "PERSON")]),
        ("the president", [(0, 2, "PERSON")], []),
        # kept: a particle before the name, a word glued to its neighbour, a surname that is
        # also a title word
        ("the lawyer de Vos", [(2, 4, "PERSON")], [("de Vos", "PERSON")]),
        ("keeper van der Wal", [(0, 4, "PERSON")], [("van der Wal", "PERSON")]),
        ("Premier Tarn Sopa-ruk", [(0, 5, "PERSON")], [("Tarn Sopa-ruk", "PERSON")]),
        ("the al-Nour shop", [(1, 4, "PERSON")], [("al-Nour", "PERSON")]),
        ("said Tom Head", [(1, 3, "PERSON")], [("Tom Head", "PERSON")]),
        ("Ann Lee King spoke", [(0, 3, "PERSON")], [("Ann Lee King", "PERSON")]),
    ],
)
def test_person_spans_lose_titles_and_lower_case_edges(text, ents, expected):
    assert fix_text(trim_person_titles, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "pos", "expected"),
    [
        ("Whitcombe , 54 , of Bexley", [(0, 1, "ORG")], {}, [("Whitcombe", "PERSON")]),
        ("Whitcombe , 54 , was charged", [(0, 1, "FAC")], {}, [("Whitcombe", "PERSON")]),
        # no age: a count, a score, a list, a place, a year
        ("Orbis , 3 , Bexley United , 1", [(0, 1, "ORG")], {}, [("Orbis", "ORG")]),
        ("Orbis , 38 , and Kelt , 17", [(0, 1, "ORG")], {4: "CCONJ"}, [("Orbis", "ORG")]),
        ("Ohio , 17 , gave the most", [(0, 1, "GPE")], {}, [("Ohio", "GPE")]),
        ("Orbis , 1998 , was sold", [(0, 1, "ORG")], {}, [("Orbis", "ORG")]),
        ("Orbis , 54", [(0, 1, "ORG")], {}, [("Orbis", "ORG")]),
    ],
)
def test_a_name_with_an_age_between_commas_is_a_person(text, ents, pos, expected):
    assert fix_text(aged_names, text, ents, pos) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("said Mr Vantor .", [(1, 3, "ORG")], [("Vantor", "PERSON")]),
        ("Dr. Ilse Marl spoke", [(0, 3, "GPE")], [("Ilse Marl", "PERSON")]),
        ("Ms Ruiz said", [(0, 2, "PERSON")], [("Ruiz", "PERSON")]),
        ("the Dr Pepper brand", [(1, 3, "PRODUCT")], [("Dr Pepper", "PRODUCT")]),  # no name label
        ("Mr", [(0, 1, "ORG")], [("Mr", "ORG")]),  # nothing after it
        ("said Mr Vantor .", [(2, 3, "ORG")], [("Vantor", "PERSON")]),  # outside the span
        ("says mr Vantor", [(2, 3, "ORG")], [("Vantor", "ORG")]),  # no honorific in lower case
        ("the Dr Pepper brand", [(2, 3, "PRODUCT")], [("Pepper", "PRODUCT")]),
    ],
)
def test_a_name_after_an_honorific_is_a_person(text, ents, expected):
    assert fix_text(honorific_names, text, ents) == expected


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        ("a tour by the Quillans ended", [(4, 5, "PERSON")], [("Quillans", "ORG")]),
        ("they beat the Harriers .", [(3, 4, "PERSON")], [("Harriers", "ORG")]),
        # the name modifies a noun: still a person
        ("under the Marsh administration", [(2, 3, "PERSON")], [("Marsh", "PERSON")]),
        ("the Tarsk and Vell rivers", [(1, 2, "PERSON")], [("Tarsk", "PERSON")]),
        ("said Ana Ruiz", [(1, 3, "PERSON")], [("Ana Ruiz", "PERSON")]),  # no article
        # a singular name after "the": a product, a ship or a bill as often as a group
        ("as the Skyliner flew", [(2, 3, "PERSON")], [("Skyliner", "PERSON")]),
        ("the Ann Ross sailed", [(1, 3, "PERSON")], [("Ann Ross", "PERSON")]),
    ],
)
def test_a_person_after_an_article_heading_its_phrase_is_a_group(text, ents, expected):
    pos = {i: "NOUN" for i, w in enumerate(text.split()) if w == "administration"}
    assert fix_text(article_names, text, ents, pos) == expected
