"""Sentence starts from the layout, set before the parser (``newsrel_paragraphs_v1``).

The statistical parser often runs a headline, a header line and the first paragraph together
into one sentence, and then the dependency tree of the body's first sentence hangs on the
headline's verb. The layout (:mod:`pipeline.ingest.layout`) says where a sentence starts; this
component marks those tokens before the parser, which keeps them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from pipeline.ingest.layout import HEADLINE_MAX
from pipeline.matchers.doctext import doc_text
from pipeline.nlp.extensions import layout_of

_INNER_STOP = re.compile(r"[.!?][\"')\]]?\s+[\"'(\[]?[A-Z0-9]")


def layout_sentence_starts(doc: Doc) -> list[int]:
    """Token indices of the layout's sentence starts (a token that begins at one of them)."""
    rows = doc.to_array(["IDX", "IS_SPACE"]).reshape(len(doc), 2)
    idx = rows[:, 0].tolist()  # ascending: tokens are in text order, each a character or more
    space = rows[:, 1].tolist()
    out = []
    for c in layout_of(doc).sentence_starts:  # a few offsets: a lookup each, no per-token dict
        i = bisect_left(idx, c)
        if 0 < i < len(idx) and idx[i] == c and not space[i]:
            out.append(i)
    return out


def layout_inside(doc: Doc, starts: list[int]) -> list[int]:
    """Token indices the layout says are inside a sentence: every word of a short one-line
    block (a headline or header line: ``- 29.09.2017``, ``Outlet, 28 SEPTEMBER 2017``) but its
    first, and a dateline with the word after it (``ASTANA — Kazakh ...``): the guideline
    keeps the dateline in the first body sentence."""
    text_of_doc = doc_text(doc)
    dash_datelines = {d.place[0]: d for d in layout_of(doc).datelines if d.kind == "dash"}
    inside: list[int] = []
    bounds = [0, *starts, len(doc)]
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        if lo >= hi:
            continue
        block = doc[lo:hi]
        text = text_of_doc[block.start_char : block.end_char].strip()
        if not text:
            continue
        if "\n" not in text and len(text) <= HEADLINE_MAX and not _INNER_STOP.search(text):
            inside.extend(t.i for t in block[1:] if not t.is_space)
            continue
        dateline = dash_datelines.get(block.start_char)
        if dateline is not None:
            end = dateline.body  # the place, the dash and the first word after it
            inside.extend(t.i for t in block[1:] if t.idx <= end and not t.is_space)
    return inside


def set_layout_sentence_starts(doc: Doc) -> Doc:
    """Mark the layout's sentence starts (and the words a layout block keeps inside its
    sentence) on ``doc``, before the parser; it keeps them."""
    starts = layout_sentence_starts(doc)
    for i in starts:
        doc[i].is_sent_start = True
    for i in layout_inside(doc, starts):
        doc[i].is_sent_start = False
    return doc
