"""``doc.text`` without rebuilding it on every access.

spaCy joins the text of every token each time ``Doc.text`` is read; several pure functions of
one component read it for the same document. The text of a ``Doc`` never changes (the
tokenizer and the retokenizer keep it), so the last document's text is kept with a reference
to that document (never an id that a later document could reuse).
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.matchers.switch import speed_layer

_last: tuple[Doc, str] | None = None


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once for the most recent document asked about (rebuilt on each call
    with the speed layer off: :mod:`pipeline.matchers.switch`)."""
    global _last
    if not speed_layer():
        return doc.text
    last = _last
    if last is not None and last[0] is doc:
        return last[1]
    text = doc.text
    _last = (doc, text)
    return text
