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
from pipeline.ingest.files import Document, InputError, iter_documents, meta_problem
from pipeline.ingest.layout import Layout, find_layout
from pipeline.ingest.published import (
    Published,
    find_published,
    read_sidecar,
    sidecar_path,
    unreadable_published,
)
from pipeline.nlp.build import load_nlp, model_name
from pipeline.nlp.chunking import pipe_docs
from pipeline.record import build_record
from pipeline.rulefiles import clean_rules, rules_hash
from pipeline.schema import ErrorRecord, Meta, PipelineInfo, Record
from pipeline.timelimit import TIMEOUT_ENV, DocumentTimeout
from pipeline.timelimit import time_limit as cpu_limit

Result = Record | ErrorRecord


class EmptyText(ValueError):
    """A document whose text is empty once extraction debris is removed."""


class BadMeta(ValueError):
    """A sidecar whose metadata cannot be used (kind ``bad-meta``)."""


@dataclass(frozen=True)
class Prepared:
    """A document ready for the pipeline: its cleaned text, its layout (found once, here) and
    the record's metadata (the input's, a sidecar's, then what the layout found)."""

    doc: Document
    cleaned: Cleaned
    layout: Layout
    meta: dict[str, Any]
    notes: tuple[str, ...] = ()  # what was wrong with the metadata (``bad-meta`` error lines)


def prepare(doc: Document, *, published: str | None = None) -> Prepared:
    """Clean the text and find its layout and date. A ``meta.published`` (or sidecar date)
    that is no date is noted and kept as ``published_given``; the document then has no date
    (relative dates stay unresolved) rather than one from elsewhere."""
    cleaned = clean(doc.text, clean_rules().compiled())
    if not cleaned.text:
        raise EmptyText("no text left after cleaning (only whitespace or debris)")
    path = doc.meta.get("path")
    try:
        sidecar = read_sidecar(path)
    except ValueError as e:
        raise BadMeta(str(e)) from e
    if sidecar and (problem := meta_problem(sidecar)):
        raise BadMeta(f"{sidecar_path(str(path))}: {problem}")
    notes: list[str] = []
    bad = unreadable_published(doc.meta, cli=published, sidecar=sidecar)
    if bad is None:
        found = find_published(cleaned.text, doc.meta, cli=published, sidecar=sidecar)
    else:
        found = Published(None, None)
        where = "meta.published" if bad[0] == "meta" else f"{sidecar_path(str(path))}: published"
        notes.append(
            f"{path or doc.id}: {where} {bad[1]!r} is not a date (like 2017-09-29 or "
            "29 September 2017); extracted without a publication date, so relative dates "
            "are not resolved"
        )
    layout = find_layout(cleaned.text, published=found.date, published_source=found.source)
    given = {**sidecar, **doc.meta}
    given.pop("published", None)  # the date found (and its source) is the layout's
    given.pop("published_source", None)
    if bad is not None:
        given["published_given"] = bad[1]
    return Prepared(doc, cleaned, layout, {**layout.meta(), **given}, tuple(notes))


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
    time_limit: float | None = None,
) -> Iterator[Result]:
    """Records for ``docs``, in order. A document that fails anywhere becomes an
    :class:`ErrorRecord` naming it and the reason; the others are unaffected. A document whose
    metadata is partly unusable (a ``published`` that is no date) gives an ErrorRecord of kind
    ``bad-meta`` and then its record. ``time_limit``: seconds of CPU time a document may
    take (:mod:`pipeline.timelimit`); one that takes longer is an ErrorRecord of kind
    ``timeout`` and the others go on (None: no limit)."""
    nlp = nlp or load_nlp()
    info = pipeline_info(nlp)
    it = iter(docs)
    while batch := list(islice(it, batch_size)):
        yield from _process_batch(batch, nlp, info, published, time_limit)


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


_PREPARE_KINDS: dict[type[Exception], str] = {EmptyText: "empty", BadMeta: "bad-meta"}


def _process_batch(
    batch: list[Document | InputError],
    nlp: Language,
    info: PipelineInfo,
    published: str | None,
    limit: float | None = None,
) -> Iterator[Result]:
    slots: list[Result | Prepared] = []
    for item in batch:
        if isinstance(item, InputError):
            slots.append(_error(item.id, item.kind, item.message, item.path))
            continue
        try:
            slots.append(prepare(item, published=published))
        except Exception as e:  # noqa: BLE001 - one bad document never stops the batch
            kind = _PREPARE_KINDS.get(type(e), "clean")
            path = item.meta.get("path")
            where = str(path or item.id)
            msg = str(e) if str(e).startswith(where) else f"{where}: {e}"
            slots.append(_error(item.id, kind, msg, path))
    done: dict[int, Result] = {}
    for group in pipe_groups([s for s in slots if isinstance(s, Prepared)], PIPE_CHARS):
        texts = [p.cleaned.text for p in group]
        values = [doc_values(p) for p in group]
        try:
            with cpu_limit(limit * len(group) if limit else None):
                for p, nlp_doc in zip(
                    group, pipe_docs(nlp, texts, values=values, batch_size=len(group)), strict=True
                ):
                    done[id(p)] = _to_record(nlp_doc, p, info)
        except (Exception, DocumentTimeout):  # noqa: BLE001 - find the document, one by one
            for p in group:
                if id(p) not in done:
                    done[id(p)] = _one(p, nlp, info, limit)
    for slot in slots:
        if isinstance(slot, Prepared):
            path = slot.doc.meta.get("path")
            yield from (_error(slot.doc.id, "bad-meta", note, path) for note in slot.notes)
            yield done[id(slot)]
        else:
            yield slot


def _one(p: Prepared, nlp: Language, info: PipelineInfo, limit: float | None = None) -> Result:
    path = p.doc.meta.get("path")
    try:
        with cpu_limit(limit):
            doc = next(pipe_docs(nlp, [p.cleaned.text], values=[doc_values(p)]))
            return _to_record(doc, p, info)
    except DocumentTimeout:
        return _error(
            p.doc.id,
            "timeout",
            f"{path or p.doc.id}: stopped after {limit:g} s of CPU time "
            f"({len(p.cleaned.text):,} characters); raise --doc-timeout (or {TIMEOUT_ENV}) to "
            "let it finish",
            path,
        )
    except Exception as e:  # noqa: BLE001
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
    results = list(extract_documents([Document(id=id, text=text, meta=given)], nlp=nlp))
    for result in results:  # a bad-meta note comes before the record it is about
        if isinstance(result, Record):
            return result
    raise ValueError("; ".join(r.message for r in results if isinstance(r, ErrorRecord)))
