"""One batch of work and how it runs: what an engine ships to a worker (:class:`Settings`,
:class:`Batch`) and what the worker does with it (:func:`run_batch`).

The engines (:mod:`pipeline.run.engines`) import this module only; the orchestration that
plans batches and commits their parts (:mod:`pipeline.run.batch`) imports the engines.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.extract import extract_documents
from pipeline.ingest.files import Item, load
from pipeline.io import dumps
from pipeline.nlp.build import load_nlp
from pipeline.run.parts import Part
from pipeline.schema import ErrorRecord

DEFAULT_BATCH = 64


@dataclass(frozen=True)
class Settings:
    """What every worker needs to build the same records."""

    model: str | None = None
    published: str | None = None
    batch_size: int = DEFAULT_BATCH
    doc_timeout: float | None = None  # CPU seconds per document (pipeline.timelimit); None: none


@dataclass(frozen=True)
class Batch:
    seq: int  # position of the batch in the whole sorted input: names its part file
    items: tuple[Item, ...]


def run_batch(batch: Batch, settings: Settings) -> Part:
    """Records and error lines for one batch (runs in whichever process the engine picks; the
    pipeline is built once per process: :func:`~pipeline.nlp.build.load_nlp` is cached)."""
    nlp = load_nlp(settings.model)
    records: list[tuple[str, str]] = []
    errors: list[tuple[str, str]] = []
    words = 0
    docs = (load(item) for item in batch.items)
    for result in extract_documents(
        docs,
        nlp=nlp,
        published=settings.published,
        batch_size=settings.batch_size,
        time_limit=settings.doc_timeout,
    ):
        if isinstance(result, ErrorRecord):
            errors.append((result.id, dumps(result)))
        else:
            records.append((result.id, dumps(result)))
            words += len(result.text.split())
    return Part(batch.seq, tuple(i.id for i in batch.items), tuple(records), tuple(errors), words)
