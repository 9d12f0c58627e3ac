"""Copies of many spans of one document as Docs of their own, each in time linear in the span.

``Span.as_doc`` reads the whole document twice for each copy (``Doc.to_array`` of every
token, and ``Span.ents``, which builds every entity of the document), so copying each sentence
of a long document costs time in the square of its length. :class:`SpanDocs` reads the
document once and then makes each copy as ``Span.as_doc`` does (the same tokens, arrays,
rewired arcs, entities and tensor; tests/matchers/test_spandoc.py compares the two).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any, cast

import numpy
from spacy.attrs import ENT_IOB
from spacy.tokens import Doc, Span


class SpanDocs:
    """The copies of spans of one document, made on demand and kept (one per span); the
    document is read at the first copy."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.made: dict[tuple[int, int], Doc] = {}
        self._read = False
        self.head: Any = []  # spaCy's attribute ids (its stubs type them loosely)
        self.array: Any = numpy.zeros((0, 0), dtype=numpy.uint64)
        self.ent_starts: list[int] = []
        self.ent_ends: list[int] = []

    def _read_doc(self) -> None:
        self.head = cast(Any, self.doc)._get_array_attrs()
        self.array = self.doc.to_array(self.head)
        bounds = [(e.start, e.end) for e in self.doc.ents]
        self.ent_starts = [s for s, _ in bounds]
        self.ent_ends = [e for _, e in bounds]
        self._read = True

    def of(self, span: Span) -> Doc:
        """The copy of ``span`` (made once)."""
        key = (span.start, span.end)
        if key not in self.made:
            self.made[key] = self.as_doc(span)
        return self.made[key]

    def _inside(self, span: Span) -> set[tuple[int, int]]:
        """Bounds of the entities wholly inside ``span`` (what ``Span.ents`` gives)."""
        lo = bisect_left(self.ent_starts, span.start)
        out = set()
        for k in range(lo, len(self.ent_starts)):
            if self.ent_ends[k] > span.end:
                break
            out.add((self.ent_starts[k], self.ent_ends[k]))
        return out

    def as_doc(self, span: Span) -> Doc:
        """``span.as_doc()``, without reading the rest of the document."""
        if not self._read:
            self._read_doc()
        source: Any = self.doc
        doc: Any = Doc(
            source.vocab,
            words=[t.text for t in span],
            spaces=[bool(t.whitespace_) for t in span],
        )
        array = self.array[span.start : span.end].copy()
        cast(Any, span)._fix_dep_copy(self.head, array)
        if len(array) > 0 and ENT_IOB in self.head:
            col = self.head.index(ENT_IOB)
            if array[0][col] == 1:
                array[0][col] = 3
        doc.from_array(self.head, array)
        inside = self._inside(span)
        ents = doc.ents
        if len(ents) > 0:
            if (ents[0].start + span.start, ents[0].end + span.start) not in inside:
                doc.set_ents([], missing=[ents[0]], default="unmodified")
            if (ents[-1].start + span.start, ents[-1].end + span.start) not in inside:
                doc.set_ents([], missing=[ents[-1]], default="unmodified")
        doc.noun_chunks_iterator = source.noun_chunks_iterator
        doc.user_hooks = source.user_hooks
        doc.user_span_hooks = source.user_span_hooks
        doc.user_token_hooks = source.user_token_hooks
        doc.vector = span.vector
        doc.vector_norm = span.vector_norm
        doc.tensor = source.tensor[span.start : span.end]
        for key, value in source.cats.items():
            if isinstance(key, tuple) and len(key) == 3:
                cat_start, cat_end, cat_label = key
                if cat_start == span.start_char and cat_end == span.end_char:
                    doc.cats[cat_label] = value
        copy: Doc = doc
        return copy
