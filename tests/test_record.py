from __future__ import annotations

import spacy
from spacy.tokens import Span

import pipeline.nlp.components  # noqa: F401 - registers the Doc and Span extensions
from pipeline.record import build_record

TEXT = "Askar Mamin met Acme Corp in Astana. "


def test_entity_texts_are_sliced_from_the_record_text() -> None:
    doc = spacy.blank("en")(TEXT)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "ORG"), Span(doc, 6, 7, "GPE")]
    record = build_record(doc, doc_id="x", meta={}, edits=[], pipeline=None)
    assert record.text == TEXT
    assert [e.text for e in record.entities] == [e.text for e in doc.ents]
    assert [e.text for e in record.entities] == ["Askar Mamin", "Acme Corp", "Astana"]
