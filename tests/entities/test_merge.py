"""Rule matches and recased lines joined with the model's entities."""

from __future__ import annotations

import pytest
import spacy

from pipeline.entities.entity_span import EntitySpan
from pipeline.entities.merge import merge_rule_spans, replace_line_entities


def test_recased_line_entities_replace_the_models():
    model = [EntitySpan(0, 2, "ORG"), EntitySpan(5, 6, "PERSON")]
    found = [EntitySpan(1, 2, "GPE")]
    out = replace_line_entities(model, [(0, 4)], found)
    assert [(e.start, e.end, e.label, e.source) for e in out] == [
        (1, 2, "GPE", "entity-fix.recased-caps"),
        (5, 6, "PERSON", ""),
    ]


@pytest.mark.parametrize(
    ("text", "person", "title", "expected"),
    [
        # a title before the name leaves the name
        (
            "President Ana Ruiz spoke",
            (0, 3),
            (0, 1),
            [("President", "TITLE"), ("Ana Ruiz", "PERSON")],
        ),
        # a span running into a title loses the words before it
        (
            "Nordic First Deputy Minister Ana Ruiz",
            (0, 2),
            (1, 4),
            [("First Deputy Minister", "TITLE")],
        ),
        # a title word ending the name is its surname
        ("a speech by Ana Lee King today", (3, 6), (5, 6), [("Ana Lee King", "PERSON")]),
    ],
)
def test_a_title_rule_and_a_person_share_words(text, person, title, expected):
    doc = spacy.blank("en").make_doc(text)
    model = [EntitySpan(*person, "PERSON")]
    rules = [EntitySpan(*title, "TITLE", "title.test")]
    found = merge_rule_spans(doc, model, rules)
    assert [(doc[e.start : e.end].text, e.label) for e in found] == expected
