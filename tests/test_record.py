from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

import pipeline.components  # noqa: F401 - registers the Doc and Span extensions
from pipeline.record import build_record

TEXT = "Askar Mamin met Acme Corp in Astana. "


def _doc() -> spacy.tokens.Doc:
    doc = spacy.blank("en")(TEXT)
    doc.ents = [Span(doc, 0, 2, "PERSON"), Span(doc, 3, 5, "ORG"), Span(doc, 6, 7, "GPE")]
    return doc


def test_build_record_with_the_text_given_is_the_record_without() -> None:
    doc = _doc()
    given = build_record(doc, doc_id="x", meta={}, edits=[], pipeline=None, text=TEXT)
    built = build_record(doc, doc_id="x", meta={}, edits=[], pipeline=None)
    assert given == built
    assert [e.text for e in given.entities] == ["Askar Mamin", "Acme Corp", "Astana"]


@pytest.mark.parametrize("text", [TEXT[:-1], TEXT + " ", ""])
def test_build_record_refuses_a_text_that_is_not_the_docs(text: str) -> None:
    with pytest.raises(ValueError, match="not the Doc's text"):
        build_record(_doc(), doc_id="x", meta={}, edits=[], pipeline=None, text=text)
