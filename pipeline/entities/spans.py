"""Fixes of span edges: entities split at line breaks and at what never stands inside one name,
trimmed of possessives, determiners, edge debris and trailing ordinals, dropped when a name has
no capital letter (the ``spans`` family)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from pipeline.entities.entity_span import NAME_LABELS, VALUE_LABELS, EntitySpan
from pipeline.rulefiles import EntityFixes

# the values whose parts, once split at a line break, need a digit to keep their label
_COUNTED = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY"})


def split_at_line_breaks(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """No entity crosses a line break: "2020\n\n- 29.09.2017" -> "2020", "29.09.2017".

    Each part keeps the label if it still looks like one (a DATE part needs a digit or a
    capitalised word; other parts need a capitalised word); edge punctuation is dropped.
    """
    out = []
    for ent in ents:
        breaks = [i for i in range(ent.start, ent.end) if "\n" in doc[i].text]
        if not breaks:
            out.append(ent)
            continue
        bounds = [ent.start, *[b for i in breaks for b in (i, i + 1)], ent.end]
        for s, e in zip(bounds[::2], bounds[1::2], strict=True):
            while s < e and (doc[s].is_punct or doc[s].is_space):
                s += 1
            while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
                e -= 1
            words = doc[s:e]
            if not len(words):
                continue
            has_digit = any(t.like_num or any(ch.isdigit() for ch in t.text) for t in words)
            if ent.label in _COUNTED and not has_digit:
                continue
            if ent.label not in _COUNTED and not any(t.text[:1].isupper() for t in words):
                continue
            out.append(EntitySpan(s, e, ent.label, "entity-fix.line-break"))
    return out


def strip_possessive(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A name never ends in its possessive: "West Germany 's" -> "West Germany" (guideline §2)."""
    out = []
    for ent in ents:
        if (
            ent.label not in VALUE_LABELS
            and ent.end - ent.start > 1
            and doc[ent.end - 1].text.lower() in fixes.possessives
        ):
            ent = replace(ent, end=ent.end - 1, source="entity-fix.possessive")
        out.append(ent)
    return out


_NUMBERISH = re.compile(r"^[-+]?[\d.,:/-]*\d[\d.,:/-]*(st|nd|rd|th)?[-+]?$", re.I)


_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


def _is_edge_debris(tok: Token, fixes: EntityFixes, *, first: bool, label: str) -> bool:
    """A token that never begins or ends a name: punctuation, a possessive, a number or score
    (but "21st Brigade" begins with its ordinal, and "Highway 61" ends with its number)."""
    text = tok.text
    if text.lower() in fixes.possessives:
        return True
    if tok.is_punct and text not in fixes.name_edge_punct:
        return True
    if not _NUMBERISH.match(text):
        return False
    if _ORDINAL.match(text):
        return not first
    return first or label not in fixes.numbered_name_labels


def trim_name_edges(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """Names lose numbers, scores, possessives and dashes at their edges.

    "Leeds 1" (a result line) -> "Leeds"; "Joel Stransky 's" -> "Joel Stransky";
    "-- Kolumbina Bencevic" (a byline) -> "Kolumbina Bencevic".
    """
    out = []
    for ent in ents:
        if ent.label not in NAME_LABELS:
            out.append(ent)
            continue
        start, end = ent.start, ent.end
        while start < end and _is_edge_debris(doc[start], fixes, first=True, label=ent.label):
            start += 1
        while end > start and _is_edge_debris(doc[end - 1], fixes, first=False, label=ent.label):
            end -= 1
        if start == end:
            continue
        if (start, end) != (ent.start, ent.end):
            ent = EntitySpan(start, end, ent.label, "entity-fix.name-edges")
        out.append(ent)
    return out


def _separates(doc: Doc, i: int, ent: EntitySpan, fixes: EntityFixes) -> bool:
    tok = doc[i]
    if tok.lower_ in fixes.name_separators:
        # a free-standing dash or "v" between two names, not "Kazakh-Belarusian"
        return bool(doc[i - 1].whitespace_) and bool(tok.whitespace_)
    if (
        _NUMBERISH.match(tok.text) and not _ORDINAL.match(tok.text)
    ) or tok.text in fixes.name_breaks:
        return True
    if ent.label == "PERSON":
        return tok.text == "," or (
            tok.is_lower and tok.is_alpha and tok.lower_ not in fixes.name_particles
        )
    return False


def split_joined_names(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """Split an entity at what never stands inside one name.

    "Norwich v Wolverhampton" -> "Norwich", "Wolverhampton"; "Rochdale 1 Fulham" -> "Rochdale",
    "Fulham"; "Andreas Kappes - Carsten Wolf" -> two PERSONs; in a PERSON also commas and
    lower-case words that are not name particles ("Wasim Akram st Stewart"; "John den Braber"
    stays whole). Each part with a capitalised word keeps the label.
    """
    out = []
    for ent in ents:
        if ent.label not in NAME_LABELS or ent.end - ent.start < 3:
            out.append(ent)
            continue
        cuts = [i for i in range(ent.start + 1, ent.end - 1) if _separates(doc, i, ent, fixes)]
        # "Wal - Mart" (text tokenised with spaces) is one name: a dash between single words stays
        cuts = [
            i
            for i in cuts
            if doc[i].lower_ not in ("-", "–", "—") or max(i - ent.start, ent.end - i - 1) > 1
        ]
        if not cuts:
            out.append(ent)
            continue
        bounds = [ent.start, *[b for i in cuts for b in (i, i + 1)], ent.end]
        for s, e in zip(bounds[::2], bounds[1::2], strict=True):
            if s < e and any(t.text[:1].isupper() for t in doc[s:e]):
                out.append(EntitySpan(s, e, ent.label, "entity-fix.split-names"))
    return out


def _strip_leading(doc: Doc, ent: EntitySpan, words: frozenset[str]) -> EntitySpan | None:
    start = ent.start
    while start < ent.end and doc[start].lower_ in words:
        start += 1
    if start == ent.end:
        return None
    return ent if start == ent.start else replace(ent, start=start, source="entity-fix.determiner")


def strip_determiners(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """ "the Eurasian Economic Union" -> "Eurasian Economic Union" (names, not dates)."""
    out = []
    for ent in ents:
        if ent.label in fixes.keep_determiner_labels:
            out.append(ent)
            continue
        fixed = _strip_leading(doc, ent, fixes.determiners)
        if fixed is not None:
            out.append(fixed)
    return out


def trim_date_ordinals(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """ "Sept. 22 13th meeting": the ordinal belongs to the meeting, not the date. What is
    left is no date if it is only a determiner ("the 12th mayor" read as a DATE)."""
    out = []
    for ent in ents:
        if (
            ent.label == "DATE"
            and ent.end - ent.start > 1
            and _ORDINAL.match(doc[ent.end - 1].text)
        ):
            nxt = doc[ent.end] if ent.end < len(doc) else None
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
                ent = replace(ent, end=ent.end - 1, source="entity-fix.date-ordinal")
                if all(t.text in fixes.determiners for t in doc[ent.start : ent.end]):
                    continue
        out.append(ent)
    return out


_AMOUNT = re.compile(r"^(\d[\d.,]*)(\D+)$")


def drop_units(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A unit symbol or a currency code is no name: "MW", "GB" alone are dropped, and "USD"
    or "DEM" within three words of a number (the model reads "60 GB" as a PERSON and "$ 99 (
    USD )" as an ORG, a rule once read "MW" as Malawi; away from numbers "DEM" is as often a
    party, "Ann Kray ( DEM )"); a number glued to a unit ("500MW") is a QUANTITY. Symbols
    (``unit_symbols``, ``currency_codes``) are compared as written: "MW" is a unit, "Mw" is
    not."""
    out = []
    for ent in ents:
        text = doc[ent.start : ent.end].text
        amount = _AMOUNT.match(text)
        never = text in fixes.unit_symbols or (
            text in fixes.currency_codes and _near_number(doc, ent.start, ent.end, 3)
        )
        if never and ent.label not in VALUE_LABELS:
            continue
        if amount and amount.group(2) in fixes.unit_symbols and ent.label != "QUANTITY":
            ent = EntitySpan(ent.start, ent.end, "QUANTITY", "entity-fix.unit")
        out.append(ent)
    return out


def _near_number(doc: Doc, start: int, end: int, width: int) -> bool:
    """A number within ``width`` tokens before ``start`` or after ``end``."""
    window = [*doc[max(0, start - width) : start], *doc[end : end + width]]
    return any(t.like_num for t in window)


def drop_lowercase_names(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """A name has a capital letter: "the health ministry said" holds no ORG, "691p" no ORG."""
    return [
        e
        for e in ents
        if e.label not in NAME_LABELS or any(t.text[:1].isupper() for t in doc[e.start : e.end])
    ]
