"""Rule matches and recased lines joined with the model's entities."""

from __future__ import annotations

from pipeline.entities.entity_span import EntitySpan
from pipeline.entities.merge import replace_line_entities


def test_recased_line_entities_replace_the_models():
    model = [EntitySpan(0, 2, "ORG"), EntitySpan(5, 6, "PERSON")]
    found = [EntitySpan(1, 2, "GPE")]
    out = replace_line_entities(model, [(0, 4)], found)
    assert [(e.start, e.end, e.label, e.source) for e in out] == [
        (1, 2, "GPE", "entity-fix.recased-caps"),
        (5, 6, "PERSON", ""),
    ]
