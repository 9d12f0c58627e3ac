"""``doc.text`` without rebuilding it on every access.

spaCy joins the text of every token each time ``Doc.text`` is read; several pure functions of
one component read it for the same document. The text of a ``Doc`` never changes (the
tokenizer and the retokenizer keep it), so the last document's text is kept with a reference
to that document (never an id that a later document could reuse).
"""

from __future__ import annotations

from typing import cast

from spacy.tokens import Doc

_last: tuple[Doc, str] | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once for the most recent document asked about."""
    global _last
    last = _last
    if last is not None and last[0] is doc:
        return last[1]
    text = doc.text
    _last = (doc, text)
    return text


class TokenTexts:
    """Token and span texts of one document, sliced from its text by character offsets (no
    ``Token`` or ``Span`` object built). ``span(s, e) == doc[s:e].text``: a span's text runs
    from its first token's offset to its last token's end (``Span.text`` drops only the last
    token's trailing whitespace)."""

    def __init__(self, doc: Doc) -> None:
        self.text = doc_text(doc)
        rows = cast(list[list[int]], doc.to_array(["IDX", "LENGTH"]).reshape(len(doc), 2).tolist())
        self.starts = [s for s, _ in rows]
        self.ends = [s + n for s, n in rows]

    def word(self, i: int) -> str:
        """``doc[i].text``"""
        return self.text[self.starts[i] : self.ends[i]]

    def span(self, start: int, end: int) -> str:
        """``doc[start:end].text``"""
        return self.text[self.starts[start] : self.ends[end - 1]] if end > start else ""


_last_texts: tuple[Doc, TokenTexts] | None = None


def token_texts(doc: Doc) -> TokenTexts:
    """:class:`TokenTexts` of ``doc``, built once for the most recent document asked about."""
    global _last_texts
    last = _last_texts
    if last is not None and last[0] is doc and len(last[1].starts) == len(doc):
        return last[1]
    texts = TokenTexts(doc)
    _last_texts = (doc, texts)
    return texts
