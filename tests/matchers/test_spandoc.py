"""SpanDocs copies spans as ``Span.as_doc`` does, reading the document once."""

from __future__ import annotations

import numpy
import pytest

from pipeline.matchers.spandoc import SpanDocs

TEXT = (
    "Kazakh Deputy Prime Minister Aida Rask met Bruno Vell of Ostavia Rail in Lakemouth on "
    "Monday. The two sides signed a $40 million loan. Vell said the line would open in 2027.\n\n"
    "Harbor United beat Rivergate Rovers 3-1. Greta Holm of Polar Freight Ltd. attended."
)


def _same(a, b) -> None:
    attrs = ["ORTH", "HEAD", "DEP", "POS", "TAG", "LEMMA", "ENT_IOB", "ENT_TYPE", "SENT_START"]
    assert [t.text_with_ws for t in a] == [t.text_with_ws for t in b]
    assert numpy.array_equal(a.to_array(attrs), b.to_array(attrs))
    assert [(e.start, e.end, e.label_) for e in a.ents] == [
        (e.start, e.end, e.label_) for e in b.ents
    ]
    assert numpy.array_equal(a.tensor, b.tensor)


@pytest.fixture(scope="module")
def doc(nlp):
    return nlp(TEXT)


def test_every_sentence_copy_equals_span_as_doc(doc) -> None:
    copies = SpanDocs(doc)
    for sent in doc.sents:
        _same(copies.of(sent), sent.as_doc())


@pytest.mark.parametrize("cut", [(2, 9), (5, 17), (0, 30), (23, 47), (11, 12)])
def test_spans_that_cut_entities_and_arcs_equal_span_as_doc(doc, cut) -> None:
    span = doc[cut[0] : cut[1]]
    _same(SpanDocs(doc).as_doc(span), span.as_doc())


def test_a_span_is_copied_once(doc) -> None:
    copies = SpanDocs(doc)
    sent = next(iter(doc.sents))
    assert copies.of(sent) is copies.of(sent)
