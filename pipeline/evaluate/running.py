"""Running the pipeline on gold texts, and the errors an evaluation can stop on."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pipeline.evaluate.items import AlignmentError
from pipeline.evaluate.labels import LabelMapError
from pipeline.evaluate.readers import GoldFormatError
from pipeline.schema import Record

# what a caller can catch: every error that means "this gold / label map / prediction is unusable"
EvaluationError = (GoldFormatError, LabelMapError, AlignmentError)


def run_pipeline(
    gold: Sequence[Record], *, bare: bool, model: str | None = None, coreference: bool = True
) -> Iterator[Any]:
    """Run the pipeline (as ``newsrel extract`` does) on the gold texts."""
    from pipeline.extract import extract_documents
    from pipeline.ingest.files import Document
    from pipeline.nlp.build import load_nlp

    nlp = load_nlp(model, bare=bare, coreference=coreference)
    docs = (Document(id=r.id, text=r.text, meta=r.meta.model_dump(exclude_none=True)) for r in gold)
    yield from extract_documents(docs, nlp=nlp)
