"""EntitySpan's helpers: the token texts of a document, and a list of entities found near a
token range without a scan of the whole list."""

from __future__ import annotations

import pytest

from pipeline.entities.entity_span import EntitySpan, SpanSlots, token_texts


@pytest.mark.parametrize(
    "text",
    [
        "Beijing XINHUA said",
        "KAZAKHSTAN, BELARUS SEEK TIES\n\nKazakh-Belarusian ( U.S. ) talks",
        "",
    ],
)
def test_words_are_the_token_texts(text):
    import spacy

    doc = spacy.blank("en")(text)
    assert token_texts(doc) == [t.text for t in doc]


def test_span_slots_find_the_entities_near_a_range_in_list_order() -> None:
    slots = SpanSlots([EntitySpan(4, 6, "ORG"), EntitySpan(0, 2, "GPE"), EntitySpan(5, 5, "DATE")])
    assert slots.near(5, 7) == [0, 2]  # the empty entity counts at its start
    assert slots.overlapping(5, 7) == [0]  # an empty entity at the range's start is outside it
    assert slots.overlapping(4, 6) == [0, 2]
    assert slots.near(2, 4) == []


def test_span_slots_keep_order_through_replacements_and_removals() -> None:
    slots = SpanSlots([EntitySpan(0, 2, "GPE"), EntitySpan(3, 5, "PERSON")])
    slots.put(0, EntitySpan(1, 2, "GPE", "fix"))
    slots.append(EntitySpan(0, 1, "ORG"))
    slots.put(1, None)
    assert slots.entities() == [EntitySpan(1, 2, "GPE", "fix"), EntitySpan(0, 1, "ORG")]
    assert slots.near(0, 5) == [0, 2]
