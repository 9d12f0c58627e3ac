"""The document context coreference reads: sentence starts without building every Token."""

from __future__ import annotations

from pipeline.resolve.mentions import sentence_starts

from ..conftest import ROOT, SEED


def test_sentence_starts_are_those_of_doc_sents(nlp) -> None:
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    for doc in nlp.pipe(texts):
        assert sentence_starts(doc) == [s.start for s in doc.sents]
