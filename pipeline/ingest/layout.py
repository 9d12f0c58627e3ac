"""Where the text's layout says a sentence starts: after a blank line, and after a headline.

The annotation guideline (docs/ANNOTATION.md §1) starts a new sentence at the headline, at each
header line and at each paragraph. The statistical parser often runs a headline, a header line
and the first paragraph together into one sentence, and then the dependency tree of the body's
first sentence hangs on the headline's verb. :func:`layout_sentence_starts` gives the token
indices where the layout starts a sentence; the ``newsrel_paragraphs_v1`` component sets them
before the parser, which keeps them.

A single line break is not a boundary in general (newswire such as Reuters-21578 wraps lines at
about 70 characters), except after a headline: a first line of at most 200 characters without a
final stop, followed by a blank line or by a short line (a date or byline, at most
``SHORT_LINE`` characters).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc

from pipeline.matchers.doctext import doc_text

SHORT_LINE = 30
HEADLINE_MAX = 200
_SENTENCE_END = (".", ":", ",", '"', ";", "?", "!")


def headline_end(text: str) -> int:
    """Where the headline ends (a character offset): a first line of at most 200 characters
    that does not end like a sentence, followed by a blank line or by a short line and more
    text. 0 when there is none."""
    first, sep, rest = text.partition("\n")
    line = first.strip()
    if not (sep and rest.strip() and line and len(line) <= HEADLINE_MAX):
        return 0
    if line.endswith(_SENTENCE_END):
        return 0
    second, sep2, more = rest.partition("\n")
    blank = not second.strip()
    short = bool(sep2 and more.strip()) and len(second.strip()) <= SHORT_LINE
    return len(first) if blank or short else 0


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_LINE_END = re.compile(r"\n\s*")


def layout_starts(text: str) -> list[int]:
    """Character offsets where the layout starts a sentence: the first character after a blank
    line, after a headline, and after the short line that follows a headline."""
    starts = {m.end() for m in _BLANK_LINE.finditer(text)}
    head = headline_end(text)
    if head:
        m = _LINE_END.match(text, head)
        if m:
            starts.add(m.end())
            second = text[m.end() :].partition("\n")[0]
            if second.strip() and len(second.strip()) <= SHORT_LINE:
                m2 = _LINE_END.match(text, m.end() + len(second))
                if m2:
                    starts.add(m2.end())
    return sorted(s for s in starts if 0 < s < len(text))


def layout_sentence_starts(doc: Doc) -> list[int]:
    """Token indices of :func:`layout_starts` (a token that begins at one of those offsets)."""
    rows = doc.to_array(["IDX", "IS_SPACE"]).reshape(len(doc), 2)
    idx = rows[:, 0].tolist()  # ascending: tokens are in text order, each a character or more
    space = rows[:, 1].tolist()
    out = []
    for c in layout_starts(doc_text(doc)):  # a few offsets: a lookup each, no per-token dict
        i = bisect_left(idx, c)
        if 0 < i < len(idx) and idx[i] == c and not space[i]:
            out.append(i)
    return out


_DATELINE = re.compile(r"[A-ZÀ-Þ][A-ZÀ-Þ .'-]{1,40}\s+(—|–|--)\s+")
_INNER_STOP = re.compile(r"[.!?][\"')\]]?\s+[\"'(\[]?[A-Z0-9]")


def layout_inside(doc: Doc, starts: list[int]) -> list[int]:
    """Token indices the layout says are inside a sentence: every word of a short one-line
    block (a headline or header line: ``- 29.09.2017``, ``Outlet, 28 SEPTEMBER 2017``) but its
    first, and a dateline with the word after it (``ASTANA — Kazakh ...``): the guideline
    keeps the dateline in the first body sentence."""
    text_of_doc = doc_text(doc)
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
        m = _DATELINE.match(text_of_doc, block.start_char)
        if m:
            end = m.end()
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
