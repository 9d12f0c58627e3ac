"""What the relation tests share."""

from __future__ import annotations


def relations_of(nlp, text):
    """The relations the pipeline finds in ``text``, as (type, head text, tail text)."""
    doc = nlp(text)
    return {
        (r.type, doc.text[r.head[0] : r.head[1]], doc.text[r.tail[0] : r.tail[1]])
        for r in doc._.relations
    }
