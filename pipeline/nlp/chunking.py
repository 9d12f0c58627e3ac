"""Very long documents: processed in paragraph-aligned chunks, reassembled into one Doc.

A text longer than ``size`` characters is cut at paragraph breaks (else line breaks, else
sentence ends, else spaces, else anywhere) into pieces of at most ``size`` characters; each
piece goes through the whole pipeline and the pieces are joined with ``Doc.from_docs``, so the
result is one ``Doc`` whose text is the original text exactly and whose entities, sentences and
token/span extensions carry offsets into it. Document-level facts (``Doc._.clusters``,
``Doc._.relations``, ``Doc._.events`` and any other list-valued ``Doc._`` extension) are
shifted to the joined text by :func:`shift_fact`; they are found per chunk, so a cluster,
relation or event never spans two chunks.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.ingest.layout import Layout

CHUNK_CHARS = 100_000  # spaCy needs about 1 GB per 100,000 characters for a parse; stay well below

_CUTS = (  # a cut goes where the group ``ws`` starts: the whitespace opens the next chunk
    re.compile(r"(?P<ws>\n[ \t]*\n\s*)"),  # paragraph break
    re.compile(r"(?P<ws>\n\s*)"),  # line break
    re.compile(r"[.!?][\"'”’)\]]?(?P<ws>\s+)(?=[\"'“‘(\[]?[A-Z0-9])"),  # sentence end
    re.compile(r"(?P<ws>\s+)"),  # any space
)
_SENTENCE_FIELDS = frozenset({"sentence", "sentences"})


def split_points(text: str, size: int) -> list[int]:
    """Offsets where ``text`` is cut so that no piece is longer than ``size``: at the last
    paragraph break (else line break, sentence end, space) in each window, the whitespace
    going with the next piece (so a sentence splitter treats it as it would in the whole
    text); a window without any is cut at ``size``. Starts with 0, ends with ``len(text)``."""
    if size <= 0:
        raise ValueError("chunk size must be positive")
    points = [0]
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for pattern in _CUTS:
            ends = [m.start("ws") for m in pattern.finditer(window) if 0 < m.start("ws")]
            if ends and ends[-1] > size // 4:  # a cut too near the start makes many tiny chunks
                cut = ends[-1]
                break
        start += cut or size
        points.append(start)
    points.append(len(text))
    return points


def shift_fact(value: Any, chars: int, sentences: int, *, field: str = "") -> Any:
    """A fact (dataclass, tuple, list) with every character-offset pair moved by ``chars`` and
    every ``sentence``/``sentences`` index moved by ``sentences``. An offset pair is a 2-tuple
    of ints; other values are returned unchanged."""
    if field in _SENTENCE_FIELDS:
        if isinstance(value, int):
            return value + sentences
        if isinstance(value, tuple | list):
            return type(value)(v + sentences for v in value)
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: shift_fact(getattr(value, f.name), chars, sentences, field=f.name)
            for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple) and len(value) == 2 and all(type(v) is int for v in value):
        return (value[0] + chars, value[1] + chars)
    if isinstance(value, tuple | list):
        return type(value)(shift_fact(v, chars, sentences) for v in value)
    return value


def join_docs(docs: list[Doc]) -> Doc:
    """One Doc from consecutive chunk Docs: text concatenated as is, document-level list facts
    shifted and concatenated; other document-level values are taken from the first chunk."""
    doc_level: dict[str, list[Any]] = {}
    first: dict[str, Any] = {}
    chars = sentences = 0
    for n, doc in enumerate(docs):
        for key in [k for k in doc.user_data if _is_doc_extension(k)]:
            name, value = key[1], doc.user_data.pop(key)
            if isinstance(value, list):
                doc_level.setdefault(name, []).extend(
                    shift_fact(v, chars, sentences) for v in value
                )
            elif n == 0:
                first[name] = value
        chars += len(doc.text)
        sentences += _count_sentences(doc)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]
    for name, value in {**first, **doc_level}.items():
        setattr(joined._, name, value)
    return joined


def _is_doc_extension(key: object) -> bool:
    return (
        isinstance(key, tuple)
        and len(key) == 4
        and key[0] == "._."
        and key[2] is None
        and key[3] is None
    )


def _count_sentences(doc: Doc) -> int:
    if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
        return 0
    return sum(1 for _ in doc.sents)


def pipe_docs(
    nlp: Language,
    texts: Iterable[str | Doc],
    *,
    values: Sequence[dict[str, Any]] | None = None,
    batch_size: int = 64,
    size: int = CHUNK_CHARS,
) -> Iterator[Doc]:
    """``nlp.pipe(texts)``, in order, with texts longer than ``size`` (or ``nlp.max_length``)
    processed in chunks and joined (:func:`join_docs`). ``values[i]`` are ``Doc._`` values
    (e.g. the publication date) set on the i-th document, or on each of its chunks, before the
    pipeline runs; an input may also be a ``Doc`` from ``nlp.make_doc`` carrying them."""
    size = min(size, nlp.max_length)
    texts = list(texts)
    extra = list(values) if values is not None else [{} for _ in texts]
    if len(extra) != len(texts):
        raise ValueError("one dict of values per text")
    short = (_made(nlp, t, v) for t, v in zip(texts, extra, strict=True) if len(t) <= size)
    piped = nlp.pipe(short, batch_size=batch_size)
    for text, vals in zip(texts, extra, strict=True):
        yield next(piped) if len(text) <= size else long_doc(nlp, text, size=size, values=vals)


def long_doc(
    nlp: Language, text: str | Doc, *, size: int = CHUNK_CHARS, values: dict[str, Any] | None = None
) -> Doc:
    whole = text.text if isinstance(text, Doc) else text
    points = split_points(whole, size)
    pieces = [whole[a:b] for a, b in zip(points, points[1:], strict=False)]
    given: dict[str, Any] = {}
    if isinstance(text, Doc):  # a made Doc's own Doc._ values
        given = {k[1]: v for k, v in text.user_data.items() if _is_doc_extension(k)}
    whole_values = {**given, **(values or {})}
    chunks = [
        _made(nlp, piece, {k: _window(v, a, b) for k, v in whole_values.items()})
        for piece, a, b in zip(pieces, points, points[1:], strict=False)
    ]
    doc = join_docs(list(nlp.pipe(chunks, batch_size=1)))
    if doc.text != whole:  # Doc.from_docs keeps every character; guard the offsets anyway
        raise ValueError("chunked document does not reassemble to its text")
    for name, value in whole_values.items():
        if not isinstance(value, list):  # the whole document's value, not the first chunk's
            setattr(doc._, name, value)
    return doc


def _window(value: Any, start: int, end: int) -> Any:
    """A document value as one chunk (``text[start:end]``) sees it: a layout is cut to the chunk
    (:meth:`pipeline.ingest.layout.Layout.window`); other values are the same for every chunk."""
    return value.window(start, end) if isinstance(value, Layout) else value


def _made(nlp: Language, text: str | Doc, values: dict[str, Any]) -> str | Doc:
    if not values:
        return text
    doc = text if isinstance(text, Doc) else nlp.make_doc(text)
    for name, value in values.items():
        setattr(doc._, name, value)
    return doc
