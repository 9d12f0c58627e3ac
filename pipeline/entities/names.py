"""Fixes of person names: a PERSON span holds no title, a name after an honorific or with an
age is a person (the ``names`` family); the surnames of a document's people, which other
families consult."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from pipeline.entities.entity_span import EntitySpan
from pipeline.rulefiles import EntityFixes


def trim_person_titles(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """PERSON spans never hold a title word or a lower-case word at their edges.

    "Minister Askar Mamin" -> "Askar Mamin"; "Kazakh First" (before "Deputy Prime
    Minister") -> "Kazakh". Kept: a name particle before the name ("de Klerk", "van der
    Sar"), a word glued to the next or the previous one ("Tamsa-orn", "al-Dorna"), and a
    capitalised title word ending a name where no title goes on after it ("Martin Luther
    King", "Tom Head": surnames).
    """
    out = []
    for ent in ents:
        if ent.label != "PERSON":
            out.append(ent)
            continue
        start, end = ent.start, ent.end
        while start < end and _trims_first(doc, start, end, fixes):
            start += 1
        while end > start and _trims_last(doc, start, end, fixes):
            end -= 1
        if start == end:
            continue
        if (start, end) != (ent.start, ent.end):
            ent = EntitySpan(start, end, "PERSON", "entity-fix.person-title")
        out.append(ent)
    return out


HONORIFIC_RELABEL = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP", "PERSON"})


def honorific_names(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A name after an honorific is a person: the model's ORG "Mr Varga" -> PERSON "Varga",
    and its ORG "Pellham" in "Mr Pellham" -> PERSON (``honorifics``: Mr, Mrs, Ms, Dr, written
    capitalised); the honorific is no part of the name, as a title."""
    out = []
    for ent in ents:
        if ent.label not in HONORIFIC_RELABEL:
            pass
        elif (
            ent.end - ent.start > 1
            and _honorific(doc[ent.start].text, fixes)
            and doc[ent.start + 1].text[:1].isupper()
        ):
            ent = EntitySpan(ent.start + 1, ent.end, "PERSON", "entity-fix.honorific")
        elif (
            ent.label != "PERSON"
            and ent.start > 0
            and _honorific(doc[ent.start - 1].text, fixes)
            and doc[ent.start].text[:1].isupper()
        ):
            ent = EntitySpan(ent.start, ent.end, "PERSON", "entity-fix.honorific")
        out.append(ent)
    return out


def _honorific(word: str, fixes: EntityFixes) -> bool:
    return word[:1].isupper() and word.lower() in fixes.honorifics


AGED_RELABEL = frozenset({"ORG", "FAC"})  # a GPE with a count is a place in a list
MAX_AGE = 120


def aged_names(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A name with an age between commas is a person: the model's ORG "Whitcombe" in
    "Whitcombe, 54, of Bexley" or "Whitcombe, 54, was charged" -> PERSON. The clause must go
    on in lower case after the age ("Orbis, 3, Bexley United, 1" is a score); places keep
    their label ("Texas, 38, and Ohio, 17, gave the most votes")."""
    out = []
    for ent in ents:
        k = ent.end
        if ent.label in AGED_RELABEL and k + 3 < len(doc) and _age_apposition(doc[k : k + 4]):
            ent = replace(ent, label="PERSON", source="entity-fix.aged-name")
        out.append(ent)
    return out


def _age_apposition(toks: Span) -> bool:
    comma, age, comma2, nxt = toks
    return (
        comma.text == ","
        and comma2.text == ","
        and age.text.isdigit()
        and 0 < int(age.text) <= MAX_AGE
        and nxt.is_lower
        and nxt.is_alpha
        and nxt.pos_ != "CCONJ"
    )


_MODIFIED = frozenset({"NOUN", "ADJ", "NUM", "PROPN"})  # what a name before it modifies


def article_names(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A person's name takes no article: a PERSON after "the" that heads its phrase and ends
    in a plural ("the Beatles said", "beat the Marlins", "the Tories") is a group, an ORG.
    Kept: a name that modifies what follows it ("the Clinton administration", "the Ravi and
    Chenab rivers"); a singular name, which is a product, a ship, a trophy or a bill as often
    as a group ("the Dreamliner", "the Carl Vinson", "the Bill")."""
    out = []
    for ent in ents:
        nxt = doc[ent.end] if ent.end < len(doc) else None
        modifies = nxt is not None and (
            nxt.lower_ in ("and", "&") or (nxt.is_lower and nxt.pos_ in _MODIFIED)
        )
        if (
            ent.label == "PERSON"
            and ent.start > 0
            and doc[ent.start - 1].lower_ in fixes.determiners
            and _plural(doc[ent.end - 1].text)
            and not modifies
        ):
            ent = EntitySpan(ent.start, ent.end, "ORG", "entity-fix.article-name")
        out.append(ent)
    return out


def _plural(word: str) -> bool:
    """A capitalised word ending in a plural "s" ("Marlins", "Dems"; not "Ross", "Fairness")."""
    return word[:1].isupper() and word.isalpha() and word.endswith("s") and word[-2:] != "ss"


def _trims_first(doc: Doc, start: int, end: int, fixes: EntityFixes) -> bool:
    tok = doc[start]
    if start + 1 < end and not tok.whitespace_:
        return False  # glued to the next word: "al-Dorna"
    if tok.lower_ in fixes.name_particles and any(t.is_title for t in doc[start + 1 : end]):
        return False  # "de Klerk", "van der Sar"
    return _is_title_or_lower(tok.text, fixes)


def _trims_last(doc: Doc, start: int, end: int, fixes: EntityFixes) -> bool:
    tok = doc[end - 1]
    if end - 1 > start and not doc[end - 2].whitespace_:
        return False  # glued to the previous word: "Tamsa-orn"
    if not (tok.text.islower() and tok.is_alpha):
        # a capitalised title word ends a name ("Martin Luther King", "Tom Head") unless the
        # title goes on after the span ("Kazakh First | Deputy Prime Minister")
        return tok.lower_ in fixes.title_words and end < len(doc) and doc[end].text[:1].isupper()
    return True


def _is_title_or_lower(word: str, fixes: EntityFixes) -> bool:
    return word.lower() in fixes.title_words or (word.islower() and word.isalpha())


def person_surnames(doc: Doc, ents: Sequence[EntitySpan]) -> frozenset[str]:
    """Last words (lower case) of the document's PERSON names of two words or more: "Clinton"
    once "Bill Clinton" was named is no town."""
    return frozenset(
        doc[e.end - 1].lower_
        for e in ents
        if e.label == "PERSON" and e.end - e.start > 1 and doc[e.end - 1].is_alpha
    )
