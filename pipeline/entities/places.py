"""Fixes of places: gazetteer places and countries the model gave another label, demonyms,
all-caps country names of headlines, a city glued to a wire agency, datelines (the ``places``
family); the place and country lookups the other families share.

Place names come from :mod:`pipeline.entities.gazetteer`, countries and demonyms from
:mod:`pipeline.entities.countries`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy
from spacy.tokens import Doc

from pipeline.entities.countries import country_table
from pipeline.entities.entity_span import EntitySpan, token_texts
from pipeline.entities.gazetteer import (
    big_cities,
    is_country,
    is_nation,
    place_names,
    us_state_codes,
)
from pipeline.entities.lines import (
    capitals,
    capitals_run,
    closes_source_line,
    line_ends,
    name_word,
    opens_source_line,
    reference_code,
)
from pipeline.entities.names import person_surnames
from pipeline.matchers.doctext import doc_text
from pipeline.nlp.extensions import layout_of
from pipeline.rulefiles import EntityFixes


def relabel_places(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A PERSON or ORG span whose whole text is a country becomes GPE ("Austria", "KAZAKHSTAN");
    a PERSON that is a city becomes GPE where the text says it is a place.

    A city's name is also a surname ("Clinton", "Keller") and a club's name ("Blackburn"), so
    the small model's PERSON stands unless a cue word comes before it ("the city of Perm",
    "south of Rabat", "the Chechen capital Grozny": ``place_cues``), a place follows it after
    a comma ("Toulouse , France"), or it is a city of at least ``min_city_population_alone``
    people; never after a title ("President Clinton") or as the surname of a full name in the
    story ("Bill Clinton" ... "Clinton"). An ORG that is a country is a GPE; one that is a
    city only after the narrower cues of :func:`_org_place_cue` (cities are often sports teams
    or companies in news: "Leeds beat Arsenal"). A NORP that is a place and no demonym is a
    GPE ("a Kelso native"; the model's nationality for a town), unless it is written in
    capitals or a capitalised word follows ("Roman Emperor": an adjective). A PERSON, or an
    ORG of one or two words, before a comma and a US state's abbreviation is a town, in the
    gazetteer or not ("Kings Cove , Ga."; the model reads small towns as people). All-caps
    headline words are compared in title case.
    """
    places = place_names(fixes.min_city_population)
    big = big_cities(fixes.min_city_population_alone)
    surnames = person_surnames(doc, ents)
    org_ends = {e.end for e in ents if e.label == "ORG"}
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
        elif (person or _short_org(ent)) and _before_state(doc, ent.end, fixes):
            ent = replace(ent, label="GPE", source="entity-fix.town-state")
        elif person and name in places and (name in big or _place_cue(doc, ent, fixes, places)):
            ent = replace(ent, label="GPE", source="entity-fix.place-gazetteer")
        elif ent.label == "ORG" and name in places and _org_place_cue(doc, ent, fixes, org_ends):
            ent = replace(ent, label="GPE", source="entity-fix.town-org")
        elif ent.label == "NORP" and text in places and _place_not_adjective(doc, ent, text):
            ent = replace(ent, label="GPE", source="entity-fix.place-norp")
        out.append(ent)
    return out


def _short_org(ent: EntitySpan) -> bool:
    return ent.label == "ORG" and ent.end - ent.start <= 2


def _before_state(doc: Doc, end: int, fixes: EntityFixes) -> bool:
    """A comma and a US state's abbreviation follow: "Kelso , Ga.", "Kelso , N.Y." (the
    abbreviations as news writes them, ``region_abbreviations``)."""
    return (
        end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].text in fixes.region_abbreviations
    )


def _place_not_adjective(doc: Doc, ent: EntitySpan, text: str) -> bool:
    table = country_table()
    if text.isupper() or table.by_demonym(text) or table.demonym_pair(text):
        return False
    return ent.end == len(doc) or not doc[ent.end].text[:1].isupper()


def _org_place_cue(doc: Doc, ent: EntitySpan, fixes: EntityFixes, org_ends: set[int]) -> bool:
    """The narrower cue that makes a town the model read as ORG a place: a cue word of
    ``org_place_cues`` right before it ("near Kelso", "north of Kelso"; not "in", as in "a
    stake in Orbis"), "of" right after another organisation ("Orbis Mining Co. of Kelso"), or
    a comma and a country or a state after it ("Kelso , Italy", "Kelso , Ohio"). A club or firm named after its town stands after a
    verb or in a list of other clubs ("beat Kelso", "Kelso , Bexley"), or before a possessive
    ("changes in Kelso 's prices")."""
    if ent.end < len(doc) and doc[ent.end].text in fixes.possessives:
        return False  # "in Orbis's prices": a firm's possessive after a cue
    j = ent.start - 1
    if j >= 1 and doc[j].text == "of":
        if j in org_ends:
            return True
        j -= 1
    if j >= 0 and doc[j].lower_ in fixes.org_place_cues:
        return True
    k = ent.end
    return k + 1 < len(doc) and doc[k].text == "," and _is_region(doc[k + 1].text, fixes)


def _is_region(text: str, fixes: EntityFixes) -> bool:
    return text in fixes.region_abbreviations or text in us_state_codes() or is_country(text)


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


def source_line_outlets(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """A wire service's source line names the outlet in capitals after its city: "AU0101 Bexley
    ORBIS HERALD in English 3 Jan 94 p 2", or the city and outlet alone on a line ("Bexley ORBIS
    HERALD"). A GPE or a known place (the gazetteer of :func:`relabel_places`) in mixed case
    that opens its line or follows a reference code (a word holding a digit), then up to five
    all-capitals words (a hyphen may join two: "K-TV"), is a GPE and an ORG when the line ends
    there or "in" and a capitalised word (the language) follow. What the model made of those
    words gives way ("SHIMBUN" ORG, "SUNDAY" DATE, the whole line a PERSON), unless an entity
    reaches beyond them (the reference code aside); a run that is itself a place ("NEW YORK")
    is no outlet."""
    places = place_names(fixes.min_city_population)
    words = token_texts(doc)
    upper = doc.to_array(["IS_UPPER"])
    tagged = {(e.start, e.end) for e in ents if e.label == "GPE"}
    out = list(ents)
    for j in numpy.flatnonzero(upper == 1).tolist():
        if j == 0 or upper[j - 1] or not capitals(words[j]):
            continue
        for k in (3, 2, 1):
            i = j - k
            known = (i, j) in tagged or " ".join(words[i:j]) in places
            if i < 0 or not known or not opens_source_line(doc, i):
                continue
            end = capitals_run(doc, words, j)
            if max(sum(c.isalpha() for c in w) for w in doc[j:end].text.split()) < 3:
                break
            if " ".join(words[j:end]).title() in places or not closes_source_line(doc, end):
                break
            out = _replace_line(doc, out, i, j, end, "entity-fix.source-line-outlet")
            break
    return sorted(out, key=lambda e: e.start)


def source_line_names(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A source line's outlet written in mixed case: "AU0101 Bexley Radio Orbis Network in
    English 0500 GMT 3 Jan 94", or "Bexley Orbis Television" alone on its line. A known place
    (GPE or gazetteer) after a reference code, then up to eight capitalised words before "in" and
    a language, is a GPE and an ORG; so is a known place opening a line that holds only it and
    capitalised words ending in one of ``outlet_heads`` (Network, Television, Radio ...), where
    the line ends the document or a sentence (``lines.line_ends``: a line break inside a
    sentence is not seen, nor are title-case headlines taken for source lines). The
    model's entities there give way as in :func:`source_line_outlets`."""
    places = place_names(fixes.min_city_population)
    words = token_texts(doc)
    tagged = {(e.start, e.end) for e in ents if e.label == "GPE"}
    out = list(ents)
    starts = [0] + [k + 1 for k, w in enumerate(words[:-1]) if "\n" in w or reference_code(w)]
    for i in starts:
        for k in (3, 2, 1):
            j = i + k
            if j >= len(doc) or not ((i, j) in tagged or " ".join(words[i:j]) in places):
                continue
            end = j
            while end < len(doc) and end - j < 8 and name_word(doc, words, end):
                end += 1
            if end == j or " ".join(words[j:end]) in places:
                break
            coded = i > 0 and reference_code(words[i - 1])
            coded = coded and not line_ends(doc, end) and closes_source_line(doc, end)
            headed = line_ends(doc, end) and words[end - 1].lower() in fixes.outlet_heads
            if not (coded or headed):
                break
            out = _replace_line(doc, out, i, j, end, "entity-fix.source-line-name")
            break
    return sorted(out, key=lambda e: e.start)


def _replace_line(
    doc: Doc, ents: list[EntitySpan], i: int, j: int, end: int, source: str
) -> list[EntitySpan]:
    """``ents`` with the place ``i..j`` a GPE and the outlet ``j..end`` an ORG, the entities
    inside (or starting at a reference code right before ``i``) dropped but for the model's
    own GPE and ORG of exactly those words; ``ents`` as they are when an entity reaches beyond
    the line's names."""
    first = i - 1 if i > 0 and reference_code(doc[i - 1].text) else i
    inside = [e for e in ents if e.start < end and e.end > i]
    if any(e.start < first or e.end > end for e in inside):
        return ents
    place = [e for e in inside if (e.start, e.end, e.label) == (i, j, "GPE")]
    outlet = [e for e in inside if (e.start, e.end, e.label) == (j, end, "ORG")]
    return [e for e in ents if e not in inside] + [
        *(place or [EntitySpan(i, j, "GPE", source)]),
        *(outlet or [EntitySpan(j, end, "ORG", source)]),
    ]
