"""The extraction loop: documents in, records (or error records) out, in input order.

Everything here is a function a notebook can call; the CLI only parses arguments.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline._version import __version__
from pipeline.ingest.clean import Cleaned, clean
from pipeline.ingest.files import Document, InputError, iter_documents
from pipeline.ingest.layout import Layout, find_layout
from pipeline.ingest.published import find_published, read_sidecar
from pipeline.nlp.build import load_nlp, model_name
from pipeline.nlp.chunking import pipe_docs
from pipeline.record import build_record
from pipeline.rulefiles import clean_rules, rules_hash
from pipeline.schema import ErrorRecord, Meta, PipelineInfo, Record

Result = Record | ErrorRecord


class EmptyText(ValueError):
    """A document whose text is empty once extraction debris is removed."""


@dataclass(frozen=True)
class Prepared:
    """A document ready for the pipeline: its cleaned text, its layout (found once, here) and
    the record's metadata (the input's, a sidecar's, then what the layout found)."""

    doc: Document
    cleaned: Cleaned
    layout: Layout
    meta: dict[str, Any]


def prepare(doc: Document, *, published: str | None = None) -> Prepared:
    cleaned = clean(doc.text, clean_rules().compiled())
    if not cleaned.text:
        raise EmptyText("no text left after cleaning (only whitespace or debris)")
    sidecar = read_sidecar(doc.meta.get("path"))
    found = find_published(cleaned.text, doc.meta, cli=published, sidecar=sidecar)
    layout = find_layout(cleaned.text, published=found.date, published_source=found.source)
    given = {**sidecar, **doc.meta}
    given.pop("published", None)  # the date found (and its source) is the layout's
    given.pop("published_source", None)
    return Prepared(doc, cleaned, layout, {**layout.meta(), **given})


def doc_values(p: Prepared) -> dict[str, Any]:
    """``Doc._`` values a prepared document starts with: its layout (the one writer of
    ``Doc._.layout``; :mod:`pipeline.nlp.extensions`)."""
    return {"layout": p.layout}


def make_doc(nlp: Language, p: Prepared) -> Doc:
    """The tokenised Doc of a prepared document, its layout set for the components."""
    doc = nlp.make_doc(p.cleaned.text)
    for name, value in doc_values(p).items():
        setattr(doc._, name, value)
    return doc


def pipeline_info(nlp: Language) -> PipelineInfo:
    return PipelineInfo(version=__version__, model=model_name(nlp), rules=rules_hash())


def _to_record(nlp_doc: Doc, p: Prepared, info: PipelineInfo) -> Record:
    return build_record(
        nlp_doc,
        doc_id=p.doc.id,
        meta=p.meta,
        edits=list(p.cleaned.edits),
        pipeline=info,
    )


def _error(doc_id: str, kind: str, message: str, path: str | None) -> ErrorRecord:
    return ErrorRecord(id=doc_id, kind=kind, message=message, path=path)


def extract_documents(
    docs: Iterable[Document | InputError],
    *,
    nlp: Language | None = None,
    published: str | None = None,
    batch_size: int = 64,
) -> Iterator[Result]:
    """Records for ``docs``, in order. A document that fails anywhere becomes an
    :class:`ErrorRecord` naming it and the reason; the others are unaffected."""
    nlp = nlp or load_nlp()
    info = pipeline_info(nlp)
    it = iter(docs)
    while batch := list(islice(it, batch_size)):
        yield from _process_batch(batch, nlp, info, published)


# Documents go through ``nlp.pipe`` in groups of at most this many characters (a longer document
# goes alone, in chunks: pipeline.nlp.chunking). The trained components' working memory grows with
# the text of the group they read at once, so this bounds peak memory whatever the mix of
# document lengths; the records do not depend on the grouping (tests/run/test_batch.py).
PIPE_CHARS = 40_000


def pipe_groups(items: list[Prepared], chars: int) -> list[list[Prepared]]:
    """Consecutive groups of ``items``, each cut before the item that would take its text past
    ``chars`` characters; a group holds at least one item."""
    groups: list[list[Prepared]] = []
    size = 0
    for item in items:
        n = len(item.cleaned.text)
        if groups and size + n <= chars:
            groups[-1].append(item)
            size += n
        else:
            groups.append([item])
            size = n
    return groups


def _process_batch(
    batch: list[Document | InputError], nlp: Language, info: PipelineInfo, published: str | None
) -> Iterator[Result]:
    slots: list[Result | Prepared] = []
    for item in batch:
        if isinstance(item, InputError):
            slots.append(_error(item.id, item.kind, item.message, item.path))
            continue
        try:
            slots.append(prepare(item, published=published))
        except Exception as e:  # noqa: BLE001 - one bad document never stops the batch
            kind = "empty" if isinstance(e, EmptyText) else "clean"
            path = item.meta.get("path")
            slots.append(_error(item.id, kind, f"{path or item.id}: {e}", path))
    todo = [s for s in slots if isinstance(s, Prepared)]
    done: dict[int, Result] = {}
    try:
        for group in pipe_groups(todo, PIPE_CHARS):
            texts = [p.cleaned.text for p in group]
            values = [doc_values(p) for p in group]
            for p, nlp_doc in zip(
                group, pipe_docs(nlp, texts, values=values, batch_size=len(group)), strict=True
            ):
                done[id(p)] = _to_record(nlp_doc, p, info)
    except Exception:  # noqa: BLE001 - find the document that broke the batch, one by one
        for p in todo:
            if id(p) not in done:
                done[id(p)] = _one(p, nlp, info)
    for slot in slots:
        yield done[id(slot)] if isinstance(slot, Prepared) else slot


def _one(p: Prepared, nlp: Language, info: PipelineInfo) -> Result:
    try:
        return _to_record(next(pipe_docs(nlp, [p.cleaned.text], values=[doc_values(p)])), p, info)
    except Exception as e:  # noqa: BLE001
        path = p.doc.meta.get("path")
        return _error(p.doc.id, "pipeline", f"{path or p.doc.id}: {type(e).__name__}: {e}", path)


def extract_files(
    paths: Iterable[str | Path], *, nlp: Language | None = None, published: str | None = None
) -> Iterator[Result]:
    """Records for every document under ``paths`` (files, folders, JSONL), sorted by id."""
    return extract_documents(iter_documents(paths), nlp=nlp, published=published)


def extract_text(
    text: str,
    meta: Meta | dict[str, Any] | None = None,
    *,
    id: str = "text",
    nlp: Language | None = None,
) -> Record:
    """One record for one string (notebook use). ``meta`` is a :class:`~pipeline.schema.Meta`
    or a plain dict of its keys (``published``, ``title``, ``outlet``...). Raises
    ``ValueError`` if the record cannot be built."""
    given = meta.model_dump(exclude_none=True) if isinstance(meta, Meta) else dict(meta or {})
    (result,) = extract_documents([Document(id=id, text=text, meta=given)], nlp=nlp)
    if isinstance(result, ErrorRecord):
        raise ValueError(result.message)
    return result
