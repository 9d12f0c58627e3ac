"""Relaxed name matching (on with coreference): a short organisation name joins the one
longer name it begins or ends, abbreviations with and without full stops are one name, and an
all-capital short name joins the one longer name whose initials it spells."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.resolve.names import (
    cross_label_links,
    initials_links,
    prefix_links,
    variant_links,
)


def _ents(words: list[str], spans: list[tuple[int, int, str]]) -> list[Span]:
    doc = Doc(Vocab(), words=words)
    return [Span(doc, s, e, label=lab) for s, e, lab in spans]


@pytest.mark.parametrize(
    ("words", "spans", "links"),
    [
        # leading words of one longer name
        (
            ["Northfield", "Shipping", "Group", "and", "Northfield"],
            [(0, 3, "ORG"), (4, 5, "ORG")],
            {1: 0},
        ),
        # two words ending one longer name
        (
            ["Northland", "Coast", "Guard", "and", "Coast", "Guard"],
            [(0, 3, "ORG"), (4, 6, "ORG")],
            {1: 0},
        ),
        # one word ending a longer name is too weak ("Group", "Bank")
        (["Northfield", "Group", "and", "Group"], [(0, 2, "ORG"), (3, 4, "ORG")], {}),
        # two longer names begin with it: ambiguous, no link
        (
            ["Acme", "Steel", "Acme", "Foods", "Acme"],
            [(0, 2, "ORG"), (2, 4, "ORG"), (4, 5, "ORG")],
            {},
        ),
        # another label: a product named after its maker is not the maker
        (["Acme", "Rover", "Acme"], [(0, 2, "PRODUCT"), (2, 3, "ORG")], {}),
        # people are the resolver's person links, not these
        (["Jane", "Roe", "Jane"], [(0, 2, "PERSON"), (2, 3, "PERSON")], {}),
    ],
)
def test_prefix_links(words, spans, links) -> None:
    assert prefix_links(_ents(words, spans)) == links


def test_prefix_links_read_abbreviations_without_their_full_stops() -> None:
    ents = _ents(
        ["N.Z.", "Coast", "Guard", "and", "NZ", "Coast", "Guard", "and", "Coast", "Guard"],
        [(0, 3, "ORG"), (4, 7, "ORG"), (8, 10, "ORG")],
    )
    assert prefix_links(ents) == {2: 0}


@pytest.mark.parametrize(
    ("words", "spans", "links"),
    [
        # the same name with and without the full stops of its abbreviation
        (["N.Z.", "Navy", "and", "NZ", "Navy"], [(0, 2, "ORG"), (3, 5, "ORG")], {1: 0}),
        # the same words under another label are not joined here
        (["N.Z.", "Navy", "and", "NZ", "Navy"], [(0, 2, "ORG"), (3, 5, "PRODUCT")], {}),
        # different words stay apart
        (["NZ", "Navy", "and", "NZ", "Army"], [(0, 2, "ORG"), (3, 5, "ORG")], {}),
    ],
)
def test_variant_links(words, spans, links) -> None:
    assert variant_links(_ents(words, spans)) == links


@pytest.mark.parametrize(
    ("words", "spans", "links"),
    [
        # the initials of the capitalised words, "of" left out
        (
            ["Office", "of", "Road", "Safety", "and", "ORS"],
            [(0, 4, "ORG"), (5, 6, "ORG")],
            {1: 0},
        ),
        # two longer names with those initials: ambiguous, no link
        (
            ["Office", "of", "Road", "Safety", "Ocean", "Rescue", "Service", "ORS"],
            [(0, 4, "ORG"), (4, 7, "ORG"), (7, 8, "ORG")],
            {},
        ),
        # a short name that is not all capitals is no acronym
        (["Road", "Safety", "and", "Rs"], [(0, 2, "ORG"), (3, 4, "ORG")], {}),
    ],
)
def test_initials_links(words, spans, links) -> None:
    assert initials_links(_ents(words, spans)) == links


@pytest.mark.parametrize(
    ("words", "spans", "links"),
    [
        # the same name tagged ORG, then PERSON: one entity
        (["Acme", "won", "and", "Acme", "lost"], [(0, 1, "ORG"), (3, 4, "PERSON")], {1: 0}),
        # a surname tagged ORG joins the one person named in full
        (["Jane", "Roe", "left", "Roe"], [(0, 2, "PERSON"), (3, 4, "ORG")], {1: 0}),
        # two people with that surname: ambiguous, no link
        (
            ["Jane", "Roe", "Tom", "Roe", "Roe"],
            [(0, 2, "PERSON"), (2, 4, "PERSON"), (4, 5, "ORG")],
            {},
        ),
        # places keep their own clustering (by country)
        (["Jordan", "and", "Jordan"], [(0, 1, "GPE"), (2, 3, "PERSON")], {}),
    ],
)
def test_cross_label_links(words, spans, links) -> None:
    assert cross_label_links(_ents(words, spans)) == links
