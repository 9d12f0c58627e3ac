from __future__ import annotations

import pytest
import spacy

from pipeline.ingest.layout import layout_starts
from pipeline.nlp.sentences import layout_sentence_starts


@pytest.mark.parametrize(
    "text",
    [
        "Oil rises\n\nPrices rose on Monday. Traders said so.\n\nMore later.",
        "HEADLINE HERE\nLONDON, March 3\nThe body starts here.",
        "One paragraph only, no layout breaks at all.",
        "A first part.\n\n\n   Indented after blank lines.\n\n",
        "Trailing blank\n\n",
    ],
)
def test_layout_sentence_starts_are_the_tokens_at_the_layout_offsets(text: str) -> None:
    doc = spacy.blank("en")(text)
    by_offset = {t.idx: t.i for t in doc if not t.is_space}
    expected = [by_offset[c] for c in layout_starts(text) if by_offset.get(c, 0) > 0]
    assert layout_sentence_starts(doc) == expected
    assert all(doc[i].idx in layout_starts(text) for i in layout_sentence_starts(doc))
