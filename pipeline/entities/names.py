"""Fixes of person names: a PERSON span holds no title (the ``names`` family); the surnames of
a document's people, which other families consult."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.entities.entity_span import EntitySpan
from pipeline.rulefiles import EntityFixes


def trim_person_titles(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """PERSON spans never hold a title word or a lower-case word at their edges.

    "Kazakh First" -> dropped; "Minister Askar Mamin" -> "Askar Mamin".
    """
    out = []
    for ent in ents:
        if ent.label != "PERSON":
            out.append(ent)
            continue
        start, end = ent.start, ent.end
        while start < end and _is_title_or_demonym(doc[start].text, fixes):
            start += 1
        while end > start and _is_title_or_demonym(doc[end - 1].text, fixes):
            end -= 1
        if start == end:
            continue
        if (start, end) != (ent.start, ent.end):
            ent = EntitySpan(start, end, "PERSON", "entity-fix.person-title")
        out.append(ent)
    return out


def _is_title_or_demonym(word: str, fixes: EntityFixes) -> bool:
    return word.lower() in fixes.title_words or (word.islower() and word.isalpha())


def person_surnames(doc: Doc, ents: Sequence[EntitySpan]) -> frozenset[str]:
    """Last words (lower case) of the document's PERSON names of two words or more: "Clinton"
    once "Bill Clinton" was named is no town."""
    return frozenset(
        doc[e.end - 1].lower_
        for e in ents
        if e.label == "PERSON" and e.end - e.start > 1 and doc[e.end - 1].is_alpha
    )
