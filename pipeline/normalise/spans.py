"""What the normaliser reads around an entity in a parsed Doc: clause tense, neighbour words,
and temporal expressions the statistical model missed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from .dates import DateContext, Timex, normalise_date
from .docdate import parse_published
from .money import normalise_money
from .numbers import normalise_percent, normalise_quantity
from .rules import NormaliseRules

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


@dataclass(frozen=True)
class Normalised:
    """The norm of one entity, by character offsets."""

    start_char: int
    end_char: int
    norm: dict[str, Any]


def clause_tense(span: Span, rules: NormaliseRules) -> str | None:
    """"past" / "future" / None for the clause governing ``span`` (from the parse)."""
    tok = span.root
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass", "aux:pass")}
    if words & FUTURE_AUX:
        return "future"
    if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and words & {"has", "have", "had", "was", "were"}):
        return "past"
    return None


def anchor_of(doc: Doc) -> dt.date | None:
    iso = parse_published(doc._.published)
    return dt.date.fromisoformat(iso) if iso else None


def neighbours(span: Span, n: int = 4) -> list[str]:
    """Up to ``n`` words each side of ``span`` inside its sentence (for change direction)."""
    doc = span.doc
    lo = span.sent.start if doc.has_annotation("SENT_START") else 0
    hi = span.sent.end if doc.has_annotation("SENT_START") else len(doc)
    left = [t.lower_ for t in doc[max(lo, span.start - n) : span.start]]
    right = [t.lower_ for t in doc[span.end : min(hi, span.end + n)]]
    return left + right


def is_specific(t: Timex) -> bool:
    return t.type == "DATE" and t.value is not None and t.value[:1].isdigit()


def normalise_entities(doc: Doc, rules: NormaliseRules) -> list[Normalised]:
    """The norm of every MONEY, PERCENT, QUANTITY, CARDINAL, DATE and TIME entity of ``doc``."""
    anchor = anchor_of(doc)
    reference: str | None = None
    reference_range: tuple[str, str] | None = None
    out: list[Normalised] = []
    for ent in doc.ents:
        norm: dict[str, Any] | None = None
        if ent.label_ == "MONEY":
            money = normalise_money(ent.text, rules)
            norm = money.to_norm() if money else None
        elif ent.label_ == "PERCENT":
            pct = normalise_percent(ent.text, rules, context=neighbours(ent))
            norm = pct.to_norm() if pct else None
        elif ent.label_ in ("QUANTITY", "CARDINAL"):
            q = normalise_quantity(ent.text, rules)
            norm = q.to_norm() if q else None
        elif ent.label_ in ("DATE", "TIME"):
            ctx = DateContext(anchor, clause_tense(ent, rules), reference, reference_range)
            timex = normalise_date(ent.text, rules, ctx)
            norm = timex.to_norm()
            if timex.rule.startswith(("year-earlier", "ago")):
                pass  # a value derived from the reference does not replace it
            elif is_specific(timex):
                reference, reference_range = timex.value, None
            elif timex.start and timex.end and timex.type == "DATE":
                reference, reference_range = None, (timex.start, timex.end)
        if norm is not None:
            out.append(Normalised(ent.start_char, ent.end_char, norm))
    return out


def split_points(span: Span, connectors: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges of the temporal expressions inside one entity joined by a connector:
    "the quarter ended Sept. 30" → "the quarter", "Sept. 30" (TimeML marks two)."""
    for i in range(span.start + 1, span.end - 1):
        if span.doc[i].lower_ in connectors:
            return [(span.start, i), (i + 1, span.end)]
    return [(span.start, span.end)]


def is_age(span: Span) -> bool:
    """"6-year-old", "52 years old", or a bare number tagged DATE ("Smith, 52,"): an age."""
    text = span.text.lower()
    if re.search(r"\byears?[- ]old\b", text):
        return True
    return bool(re.fullmatch(r"\d{1,3}", text))
