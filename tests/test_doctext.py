"""Token and span texts sliced from the document text are the texts spaCy gives."""

from __future__ import annotations

import pytest
import spacy

from pipeline.doctext import TokenTexts, token_texts

NLP = spacy.blank("en")
TEXTS = [
    "Beijing XINHUA said on Monday.",
    "  SOCCER -  FIORENTINA BEAT MILAN\n\nKazakh-Belarusian relations  ",
    "One",
    "Anne-Gaelle Sidot ( France ) beat 6-3\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_token_texts_give_every_token_and_span_text(text: str) -> None:
    doc = NLP(text)
    texts = TokenTexts(doc)
    assert [texts.word(i) for i in range(len(doc))] == [t.text for t in doc]
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert texts.span(start, end) == doc[start:end].text


def test_token_texts_are_rebuilt_when_the_document_is_retokenised() -> None:
    doc = NLP("New York Stock Exchange")
    assert token_texts(doc).word(0) == "New"
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert token_texts(doc).word(0) == "New York"


def test_token_texts_of_another_document_are_its_own() -> None:
    a, b = NLP("Astana said"), NLP("Minsk said")
    assert token_texts(a).word(0) == "Astana"
    assert token_texts(b).word(0) == "Minsk"
