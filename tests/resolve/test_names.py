"""Relaxed name matching (on with coreference): a short organisation name joins the one
longer name it begins or ends."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.resolve.names import prefix_links


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
