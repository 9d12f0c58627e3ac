"""What the normaliser reads around an entity in a parsed Doc: clause tense, neighbour words,
and temporal expressions the statistical model missed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from pipeline.ingest.published import parse_published
from pipeline.nlp.extensions import layout_of
from pipeline.normalise.dates import DateContext, Timex, normalise_date
from pipeline.normalise.money import normalise_money
from pipeline.normalise.numbers import normalise_percent, normalise_quantity
from pipeline.normalise.rules import NormaliseRules

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
FUTURE_VERBS = frozenset({"plan", "schedule", "expect", "due", "intend"})
# not "could": "could not be reached Monday" looks back
MODALS = frozenset({"would", "might", "may", "should", "must"})
PERFECT = frozenset({"has", "have", "had", "was", "were", "'ve", "'d"})
FUTURE_LEADS = ("as soon as", "as early as", "no later than", "until")
# frequency adjectives that classify a noun ("quarterly dividend", "annual meeting") rather than
# tell how often: TimeML marks "daily rally", "weekly address", not these
ADJECTIVE_SETS = frozenset({"quarterly", "annual", "monthly", "yearly"})


@dataclass(frozen=True)
class Normalised:
    """The norm of one entity, by character offsets."""

    start_char: int
    end_char: int
    norm: dict[str, Any]


def clause_tense(span: Span, rules: NormaliseRules) -> str | None:
    """ "past" / "future" / None for the clause governing ``span`` (from the parse)."""
    doc = span.doc
    lo = span.sent.start if doc.has_annotation("SENT_START") else 0
    before = " ".join(t.lower_ for t in doc[max(lo, span.start - 3) : span.start])
    # "as early as Tuesday", "postponed until Monday" (but "(Up) until Monday, they had ..."
    # opening a sentence looks back)
    opening = re.fullmatch(r"(?:up )?until", before)
    lead = span.text.lower().startswith(FUTURE_LEADS[:3])  # the model's "as early as Monday"
    if (before.endswith(FUTURE_LEADS) and not opening) or lead:
        return "future"
    if span.root.dep_ in ("poss", "compound", "nmod"):  # "Wednesday's ruling", "a June accord":
        return None  # the day of the noun's event, not of the verb's
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
    # "has scheduled a talk Monday" (but "planned ... Saturday", "had been scheduled" look back)
    if tok.lemma_ in FUTURE_VERBS and tok.tag_ != "VBD" and "had" not in words:
        return "future"
    if words & MODALS and not words & PERFECT - {"was", "were"}:  # "could come Tuesday"
        return "future"
    if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and (words & PERFECT or tok.dep_ == "acl")):
        return "past"  # "the year ended March 31": a participle after its noun tells of the past
    if "to" in words:  # "plans to meet Tuesday"
        return "future"
    return None


def anchor_of(doc: Doc) -> dt.date | None:
    iso = parse_published(layout_of(doc).published)
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
    period: str | None = None
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
            ctx = DateContext(anchor, clause_tense(ent, rules), reference, reference_range, period)
            timex = normalise_date(ent.text, rules, ctx)
            norm = timex.to_norm()
            if timex.rule.startswith(("year-earlier", "ago", "year-period")):
                pass  # a value derived from the reference does not replace it
            elif is_specific(timex):
                reference, reference_range = timex.value, None
                if re.fullmatch(r"\d{4}-[QH][1-4]", timex.value or ""):
                    period = timex.value
            elif timex.start and timex.end and timex.type == "DATE":
                reference, reference_range = None, (timex.start, timex.end)
        if norm is not None:
            out.append(Normalised(ent.start_char, ent.end_char, norm))
    return out


_ANCHORED = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|day\b|\btoday\b|\bnow\b",
    re.I,
)
_YEAR = re.compile(r"\d{4}\b")
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
DURATION_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade"})
UNIT_NOUNS = frozenset({"year", "month", "week", "quarter", "decade", "century", "weekend", "day"})
_LEAD_WORDS = frozenset({"between", "from", "both"})
_JOINERS = frozenset({"to", "and", ",", "or"})


def split_points(span: Span, connectors: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges of the temporal expressions inside one entity, TimeML-style: "the quarter
    ended Sept. 30" → "the quarter", "Sept. 30"; "between 1994 and 1997" → "1994", "1997"
    (joined by to/and/or/comma only when both sides are anchored: a digit, month or day).
    Hyphenated ranges ("January-July") stay one expression with a start and an end."""
    doc = span.doc
    start = span.start
    while start < span.end - 1 and doc[start].lower_ in _LEAD_WORDS:
        start += 1
    for i in range(start + 1, span.end):
        word = doc[i].lower_
        if word in WEEKDAYS and doc[i - 1].lower_.rstrip("s") in DURATION_UNITS:
            return [(start, i), *split_points(doc[i : span.end], connectors)]  # "four hours Friday"
        if word in connectors and i < span.end - 1:
            return [(start, i), *split_points(doc[i + 1 : span.end], connectors)]
        if word in _JOINERS:
            left, right = doc[start:i], doc[i + 1 : span.end]
            if word == "," and not (_YEAR.fullmatch(left.text) and _YEAR.match(right.text)):
                continue  # "Aug. 7, 1998", "Friday, Oct. 23" are one expression
            if _ANCHORED.search(left.text) and (not len(right) or _ANCHORED.search(right.text)):
                rest = split_points(right, connectors) if len(right) else []
                return [(start, i), *rest]
    return [(start, span.end)]


def is_age(span: Span) -> bool:
    """Not a time expression though the model says DATE: an age ("6-year-old", "Smith, 52,"),
    a model number, or a frequency adjective before a noun ("quarterly dividend")."""
    text = span.text.lower()
    if span.label_ != "DATE":
        return False
    if re.search(r"\b(?:years?|months?|weeks?|days?)[- ]old\b", text):
        return True
    if re.fullmatch(r"\d+", text):  # "Smith, 52," or a model number: not a year
        return not (len(text) == 4 and 1000 <= int(text) <= 2999)
    # "quarterly dividend", "annual meeting": an adjective of frequency, not an expression
    return len(span) == 1 and span[0].dep_ == "amod" and text in ADJECTIVE_SETS


def merge_adjacent(spans: list[Span]) -> list[Span]:
    """Temporal entities that touch become one: the model's "Friday" + "night" → "Friday night"."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        prev = out[-1] if out else None
        temporal = ("DATE", "TIME")
        # "four hours" + "Friday" stay two
        duration = prev is not None and prev[-1].lower_.rstrip("s") in DURATION_UNITS
        touching = prev is not None and prev.end == span.start
        if (
            prev is not None
            and touching
            and prev.label_ in temporal
            and span.label_ in temporal
            and not duration
        ):
            label = "TIME" if "TIME" in (prev.label_, span.label_) else "DATE"
            out[-1] = Span(span.doc, prev.start, span.end, label=label, span_id=prev.id or span.id)
        else:
            out.append(span)
    return out


def reshape(span: Span, rules: NormaliseRules) -> Span:
    """The span TimeML would mark: a holiday the model calls an EVENT is a DATE ("Thanksgiving
    Day"); words before it that belong to the expression join it ("each Thursday", "the same
    period last year"); a bare year naming a period takes its noun ("the 1988 quarter")."""
    doc = span.doc
    label = span.label_
    start, end = span.start, span.end
    if label == "EVENT" and re.sub(r"^the ", "", span.text.lower()) in rules.holidays:
        label = "DATE"
    if label in ("CARDINAL", "QUANTITY"):  # "at least two" + "more weeks", "about 5 1/2 hours"
        while end < len(doc) and doc[end].lower_ in rules.unit_modifiers and not doc[end].ent_type_:
            end += 1
        unit_next = end < len(doc) and doc[end].lower_.rstrip("s") in DURATION_UNITS
        if unit_next and not doc[end].ent_type_:
            end += 1
        last = doc[end - 1].lower_.rstrip("s")
        counts = all(_count_word(t, rules) for t in doc[start : end - 1])
        if last not in DURATION_UNITS or not counts:
            return span  # "15 million instructions per second" is no duration
        label = "TIME" if last in ("hour", "minute", "second") else "DATE"
    if label not in ("DATE", "TIME"):
        return span
    phrases = list(rules.absorb_before)
    if end - start == 1 and doc[start].lower_ in UNIT_NOUNS:  # the model's "year" in "This year's"
        phrases += rules.absorb_before_unit
    # the words before the span, read once: the last k of them are doc[start - k : start]
    # whenever start >= k, as no phrase is longer than ``longest``
    longest = max((len(p.split()) for p in phrases), default=0)
    before = [t.lower_ for t in doc[max(0, start - longest) : start]]
    for phrase in sorted(phrases, key=len, reverse=True):
        words = phrase.split()
        k = len(words)
        if (
            start >= k
            and before[len(before) - k :] == words
            and not any(t.ent_type_ for t in doc[start - k : start])
        ):
            start -= k
            break
    relative = end - start > 1 and doc[start].lower_ in rules.relative_words
    if relative and start > 0 and doc[start - 1].lower_ == "the":
        if not doc[start - 1].ent_type_:
            start -= 1  # "the latest period": TimeML keeps the article of a relative expression
    units = any(t.lower_.rstrip("s") in DURATION_UNITS for t in doc[start : end - 1])
    if doc[end - 1].lower_ == "later" and units:
        end -= 1  # "three days later": TimeML marks the duration, "later" is a signal
    if (
        end - start == 1
        and _YEAR.fullmatch(doc[start].text)
        and 0 < start
        and end < len(doc)
        and doc[start - 1].lower_ == "the"
        and doc[end].lower_ in ("quarter", "period")
    ):
        start, end = start - 1, end + 1
    if (start, end, label) == (span.start, span.end, span.label_):
        return span
    return Span(doc, start, end, label=label, span_id=span.id)


_HEDGES = frozenset(
    "about around at least more than less over under nearly almost some just up to roughly "
    "approximately".split()
)


def _count_word(tok: Any, rules: NormaliseRules) -> bool:
    """A word of a count before a time unit: "at least", "two", "5", "1/2", "more"."""
    w = tok.lower_
    return bool(
        tok.like_num or w in _HEDGES or w in rules.unit_modifiers or w in rules.number_words
    )
