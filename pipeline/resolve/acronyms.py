"""Acronym definitions in running text: the Schwartz–Hearst algorithm, as scispaCy does it.

"Intergovernmental Commission (IGC)" and the reverse "IGC (Intergovernmental Commission)"
define a short form; :func:`find_definitions` returns each definition as token offsets, and
:func:`find_abbreviation` is the character-matching core (Schwartz & Hearst 2003, "A simple
algorithm for identifying abbreviation definitions in biomedical text"). Pure functions over
a ``Doc``: no extension is written here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, ORTH
from spacy.tokens import Doc, Span

from pipeline.matchers.doctext import doc_text

MAX_PAREN_TOKENS = 8  # scispaCy's limit on the words inside the parentheses


@dataclass(frozen=True)
class Definition:
    """A short form (token offsets) and the long form it abbreviates."""

    short_start: int
    short_end: int
    long_start: int
    long_end: int

    def short(self, doc: Doc) -> Span:
        return doc[self.short_start : self.short_end]

    def long(self, doc: Doc) -> Span:
        return doc[self.long_start : self.long_end]


def find_abbreviation(long_candidate: Span, short_candidate: Span) -> Span | None:
    """The part of ``long_candidate`` that ``short_candidate`` abbreviates, or None.

    Walk both strings from the end: every alphanumeric character of the short form must
    appear, in order, in the long form, and its first character must start a word there.
    """
    long_form = " ".join(t.text for t in long_candidate)
    short_form = " ".join(t.text for t in short_candidate)
    long_index = len(long_form) - 1
    short_index = len(short_form) - 1
    while short_index >= 0:
        char = short_form[short_index].lower()
        if not char.isalnum():
            short_index -= 1
            continue
        while (long_index >= 0 and long_form[long_index].lower() != char) or (
            short_index == 0 and long_index > 0 and long_form[long_index - 1].isalnum()
        ):
            long_index -= 1
        if long_index < 0:
            return None
        long_index -= 1
        short_index -= 1
    long_index += 1
    seen = 0
    for i, tok in enumerate(long_candidate):
        seen += len(tok.text) + 1  # the join above puts one space between words
        if seen > long_index:
            return long_candidate[i:]
    return None


def is_short_form(span: Span) -> bool:
    """scispaCy's filter: words of 2-9 characters, at least half letters, a letter first."""
    text = span.text
    if not text or not all(2 <= len(t) < 10 for t in span):
        return False
    if sum(c.isalpha() for c in text) / len(text) < 0.5:
        return False
    return text[0].isalpha()


def _parentheses(doc: Doc) -> Iterator[tuple[int, int]]:
    """Token offsets of the contents of each "( ... )" on one line."""
    open_at: int | None = None
    for i, kind in _bracket_tokens(doc):
        if kind == "(":
            open_at = i
        elif kind == ")" and open_at is not None:
            if i - open_at > 1:
                yield open_at + 1, i
            open_at = None
        elif kind == "\n":
            open_at = None


def _bracket_tokens(doc: Doc) -> list[tuple[int, str]]:
    """In token order, each token that is "(" or ")" or holds a line break, with which it is.

    The tokens a walk over the whole document would stop at, found without building a
    ``Token`` for each: brackets by their ORTH value, line breaks from the text (a token's
    trailing whitespace is at most one space, so every "\n" lies in some token's text)."""
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, IDX]).reshape(len(doc), 2)
    orth = rows[:, 0]
    found = {i: "(" for i in numpy.flatnonzero(orth == strings["("]).tolist()}
    found.update((i, ")") for i in numpy.flatnonzero(orth == strings[")"]).tolist())
    text = doc_text(doc)
    if "\n" in text:
        starts = rows[:, 1].tolist()
        at = text.find("\n")
        while at >= 0:
            found[bisect_right(starts, at) - 1] = "\n"
            at = text.find("\n", at + 1)
    return sorted(found.items())


def candidates(doc: Doc) -> Iterator[tuple[Span, Span]]:
    """(long-form candidate, short-form candidate) pairs around each parenthesis."""
    for start, end in _parentheses(doc):
        if end - start > MAX_PAREN_TOKENS or start <= 1:
            continue
        if end - start > 3:  # "SF (long form)": the short form is the word before
            short, long = doc[start - 2 : start - 1], doc[start:end]
        else:  # "long form (SF)": look back at most min(|SF| + 5, 2|SF|) words
            short = doc[start:end]
            n = sum(len(t) for t in short)
            window = min(n + 5, n * 2)
            long = doc[max(start - window - 1, 0) : start - 1]
            sent_start = doc[start - 1].sent.start if doc.has_annotation("SENT_START") else 0
            long = doc[max(long.start, sent_start) : long.end]
        if len(long) and is_short_form(short):
            yield long, short


def find_definitions(doc: Doc) -> list[Definition]:
    """Every acronym definition in the document, first definition of a short form wins."""
    out: list[Definition] = []
    seen: set[str] = set()
    for long_candidate, short_candidate in candidates(doc):
        long = find_abbreviation(long_candidate, short_candidate)
        if long is None or short_candidate.text in seen:
            continue
        seen.add(short_candidate.text)
        out.append(Definition(short_candidate.start, short_candidate.end, long.start, long.end))
    return out
