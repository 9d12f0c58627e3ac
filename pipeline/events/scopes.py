"""Per-token lookups the event roles read: sentence number, scope bounds, paragraph start, the
entity covering each token, a comparison key per entity mention, the quotations, and the
pronouns and descriptions coreference resolved.

A scope is a sentence cut at blank lines (a paragraph break) and at a headline's end, so a
headline never lends its words to the first sentence even when the parser joins them. The
headline, datelines and publication date come from the document's layout found at ingest
(:class:`pipeline.ingest.layout.Layout`, read through :func:`pipeline.nlp.extensions.layout_of`).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

import numpy
from spacy.tokens import Doc, Span, Token

from pipeline.events.quotes import MARKS, find_quotes
from pipeline.facts import Offsets, ReferenceFact
from pipeline.nlp.extensions import layout_of


@dataclass(frozen=True)
class Scopes:
    """Per-token lookups: sentence number, scope bounds (sentence cut at blank lines), paragraph
    start, the entity covering each token, and a comparison key per entity mention."""

    sentence: list[int]
    seg_start: list[int]
    seg_end: list[int]
    para_start: list[int]
    ent_at: list[Span | None]
    keys: dict[Offsets, str]
    published: str | None
    headline_end: int  # character offset where a headline ends (0: none)
    quotes: list[tuple[int, int]]  # quotations: opening and closing mark (pipeline.events.quotes)
    resolved: dict[int, ReferenceFact]  # token → the coreference link of the mention it is in


def _is_break(tok: Token) -> bool:
    return tok.is_space and tok.text.count("\n") >= 2


def find_scopes(doc: Doc) -> Scopes:
    n = len(doc)
    page = layout_of(doc)  # the document's layout, found at ingest
    head_end = page.headline_end
    rows = doc.to_array(["IDX", "IS_SPACE", "ORTH"]).reshape(n, 3)
    # _is_break, read only for the space tokens (building every Token is what costs)
    break_at = [i for i in numpy.flatnonzero(rows[:, 1]).tolist() if _is_break(doc[i])]
    brk_at = break_at
    if head_end:  # a headline is a scope of its own, even when the parser runs it on
        first = bisect_left(rows[:, 0].tolist(), head_end)  # first token after it (n: none)
        if 0 < first < n:
            brk_at = sorted({*break_at, first - 1})
    sentence, seg_start, seg_end, para_start = segments(
        n, [sent.start for sent in doc.sents], brk_at, break_at
    )
    ent_at: list[Span | None] = [None] * n
    filed_from = [o for d in page.datelines for o in d.spans()]
    for ent in doc.ents:
        if any(a <= ent.start_char and ent.end_char <= b for a, b in filed_from):
            continue  # where the story was filed from, not where anything in it happened
        for i in range(ent.start, ent.end):
            ent_at[i] = ent
    marks = numpy.flatnonzero(numpy.isin(rows[:, 2], [doc.vocab.strings[m] for m in MARKS]))
    return Scopes(
        sentence,
        seg_start,
        seg_end,
        para_start,
        ent_at,
        entity_keys(doc),
        page.published,
        head_end,
        find_quotes(doc, marks.tolist(), para_start),
        resolved_tokens(doc),
    )


def resolved_tokens(doc: Doc) -> dict[int, ReferenceFact]:
    """Each token of a pronoun or description the resolver linked (``Doc._.references``, set
    when coreference ran) → that link."""
    out: dict[int, ReferenceFact] = {}
    for ref in doc._.references or []:
        start, end = ref.span
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                out[i] = ref
    return out


def segments(
    n: int, starts: list[int], brk_at: list[int], break_at: list[int]
) -> tuple[list[int], list[int], list[int], list[int]]:
    """Per token: its sentence number; the start and end of its scope, the sentence cut after
    each token of ``brk_at`` (a break token ends its own scope: its ``seg_end`` is itself);
    the start of its paragraph (a new one after each token of ``break_at``). Both lists are
    sorted token offsets; the lists are filled a run of equal values at a time."""
    sentence, seg_start, seg_end, para_start = [0] * n, [0] * n, [0] * n, [0] * n
    for k, (a, b) in enumerate(zip(starts, [*starts[1:], n], strict=True)):
        sentence[a:b] = [k] * (b - a)
        start = a
        for i in brk_at[bisect_left(brk_at, a) : bisect_left(brk_at, b)]:
            seg_start[start : i + 1] = [start] * (i + 1 - start)
            seg_end[start : i + 1] = [i] * (i + 1 - start)
            start = i + 1
        seg_start[start:b] = [start] * (b - start)
        seg_end[start:b] = [b] * (b - start)
    p = 0
    for i in break_at:
        if i + 1 < n:
            para_start[p : i + 1] = [p] * (i + 1 - p)
            p = i + 1
    para_start[p:n] = [p] * (n - p)
    return sentence, seg_start, seg_end, para_start


def entity_keys(doc: Doc) -> dict[Offsets, str]:
    """A key per entity mention: its cluster (``Doc._.clusters``) when the resolver ran, else a
    normalised form of the text (a person by surname, a money or date by its norm)."""
    keys: dict[Offsets, str] = {}
    for n, cluster in enumerate(doc._.clusters or []):
        for m in cluster.mentions:
            keys[m] = f"E{n}"
    for ent in doc.ents:
        o = (ent.start_char, ent.end_char)
        if o in keys:
            continue
        norm = ent._.norm
        if isinstance(norm, dict) and ent.label_ in ("MONEY", "PERCENT", "QUANTITY", "DATE"):
            keys[o] = ent.label_ + ":" + repr(sorted((k, str(v)) for k, v in norm.items()))
        elif ent.label_ == "PERSON":
            keys[o] = "PERSON:" + ent[-1].lower_
        else:
            keys[o] = ent.label_ + ":" + " ".join(t.lower_ for t in ent if not t.is_punct)
    return keys
