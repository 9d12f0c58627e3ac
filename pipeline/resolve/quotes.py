"""Direct quotes and who says them, for the coreference sieves.

A quote is the text between paired double quotation marks inside one paragraph (curly quotes
and the ```` ``...'' ```` of Penn Treebank-style text pair by direction, straight ones alternate). Its speaker is the subject of a speech verb
(``models/coref.json`` ``speech_verbs``) outside the quote in the sentences the quote touches:
``"...," Jane Roe said`` / ``Jane Roe said: "..."``. A quote with no attribution of its own
continues the previous quote's speaker when it opens the next sentence of the same paragraph
(``"...," she said. "..."``). Pure functions over a parsed ``Doc``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from pipeline.matchers.doctext import doc_text

_MARKS = re.compile(r"``|''|[\"“”]|\n[ \t]*\n")
_OPENING = ("“", "``")


@dataclass(frozen=True)
class Quote:
    start: int  # character offsets of the quoted text, marks excluded
    end: int
    speaker: int | None = None  # token index of the speaker's head (a subject), if any

    def holds(self, char: int) -> bool:
        return self.start <= char < self.end


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside paired double quotes, never across a blank line."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _MARKS.finditer(text):
        mark = m.group()
        if mark.startswith("\n"):
            open_at = None
        elif mark in _OPENING or (mark == '"' and open_at is None):
            open_at = m.end()
        elif open_at is not None:
            out.append((open_at, m.start()))
            open_at = None
    return out


def find_quotes(doc: Doc, speech_verbs: frozenset[str]) -> list[Quote]:
    text = doc_text(doc)
    if '"' not in text and "“" not in text and "``" not in text:
        return []
    out: list[Quote] = []
    previous: Quote | None = None
    for start, end in quote_spans(text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        first, last = span[0].sent, span[-1].sent
        tokens = [t for t in doc[first.start : last.end] if not start <= t.idx < end]
        speaker = _speaker(tokens, speech_verbs)
        if speaker is None and previous is not None and previous.speaker is not None:
            gap = text[previous.end : start]
            if (
                "\n\n" not in gap
                and len(gap) < 200
                and _sentences_between(doc, previous, span) <= 1
            ):
                speaker = previous.speaker
        quote = Quote(start, end, speaker)
        out.append(quote)
        previous = quote
    return out


def _sentences_between(doc: Doc, previous: Quote, span: object) -> int:
    before = doc.char_span(previous.start, previous.end, alignment_mode="expand")
    if before is None:
        return 99
    after_sent = span[0].sent.start  # type: ignore[index]
    return sum(1 for s in doc.sents if before[-1].sent.start < s.start <= after_sent)


def _speaker(tokens: list[Token], speech_verbs: frozenset[str]) -> int | None:
    for tok in tokens:
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in speech_verbs:
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return subject.i
    return None
