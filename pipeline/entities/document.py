"""One sense per discourse: a name keeps one label throughout a document (the ``document``
family)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from pipeline.entities.entity_span import EntitySpan
from pipeline.entities.gazetteer import is_nation, place_names
from pipeline.entities.gender import is_first_name
from pipeline.rulefiles import EntityFixes

CONSISTENT_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")


def _key(doc: Doc, start: int, end: int) -> tuple[int, ...]:
    """The words' lower-case forms, as string-store hashes (``Token.lower``)."""
    return tuple(doc[i].lower for i in range(start, end))


def _opens_sentence(doc: Doc, start: int) -> bool:
    return bool(doc[start].is_sent_start) or (start > 0 and "\n" in doc[start - 1].text)


def _looks_like_name(
    doc: Doc, start: int, end: int, fixes: EntityFixes, cased: set[tuple[int, ...]]
) -> bool:
    words = [t for t in doc[start:end] if t.is_alpha]
    if _opens_sentence(doc, start):
        # capitalised anyway: only a proper noun counts ("Attendance : 5,000" is no name), and
        # only a name the model tagged inside a sentence once ("Men 's 100 metres" heads lines)
        if not any(t.pos_ == "PROPN" for t in words) or _key(doc, start, end) not in cased:
            return False
    return (
        bool(words)
        and words[0].text[:1].isupper()
        and all(t.text[:1].isupper() or t.lower_ in fixes.document_name_particles for t in words)
    )


def _opens_with_first_name(doc: Doc, e: EntitySpan, common: set[str]) -> bool:
    """A full name whose last word is a surname begins with a first name ("Ann Kray",
    "Bakhrom Kray": a capitalised word the document never writes in lower case, or one of the
    first-name lists, such as "Mark") or an initial ("A. Kray", "A Kray"). The small model also
    reads groups and firms as people: "Ratepayers United" (the story speaks of
    "ratepayers"), "ex-Acme"."""
    first = doc[e.start].text
    if len(first.rstrip(".")) == 1 and first[:1].isupper():
        return True
    return is_first_name(first) or (
        first[:1].isupper() and first.isalpha() and first.lower() not in common
    )


def _joins(char: str) -> bool:
    """A character that glues two words into one: a letter, a digit, a hyphen, an apostrophe."""
    return char.isalnum() or char in "-–'’"


def document_labels(doc: Doc, ents: Sequence[EntitySpan], fixes: EntityFixes) -> list[EntitySpan]:
    """One sense per discourse: a name keeps one label throughout a document.

    A PERSON's last word standing alone is that PERSON ("Anke Huber" ... "Huber", even where
    the model said ORG); capitalised occurrences the model left untagged get the label most
    of the name's tagged mentions carry (none on a tie).
    """
    places = place_names(fixes.min_city_population)
    votes: dict[tuple[int, ...], dict[str, int]] = {}
    cased: set[tuple[int, ...]] = set()  # names tagged inside a sentence, capitalised there
    for e in ents:
        if e.label in CONSISTENT_LABELS:
            key = _key(doc, e.start, e.end)
            if not _opens_sentence(doc, e.start):
                cased.add(key)
            votes.setdefault(key, {}).setdefault(e.label, 0)
            votes[key][e.label] += 1
    surnames: dict[tuple[int, ...], int] = {}
    common = {t.lower_ for t in doc if t.is_lower}  # words the document writes in lower case
    for e in ents:
        if (
            e.label == "PERSON"
            and e.end - e.start > 1
            and doc[e.end - 1].is_alpha
            and not is_nation(doc[e.end - 1].text, fixes)  # "... of Indonesia" is no surname
            and doc[e.start].text not in places  # "Manchester United": a club, not a person
            and _opens_with_first_name(doc, e, common)  # "Ratepayers United": a group
        ):
            key = (doc[e.end - 1].lower,)
            surnames[key] = surnames.get(key, 0) + 1
            cased.add(key)  # the last word of a full name is a name wherever it stands
    # an acronym ("KEPSA") is a name once tagged; other names need more tagged mentions
    acronyms = {
        _key(doc, e.start, e.end)
        for e in ents
        if e.end - e.start == 1 and doc[e.start].is_upper and doc[e.start].is_alpha
    }
    # a surname is its PERSON wherever it stands (its tagged mentions become PERSON below)
    label_of: dict[tuple[int, ...], str] = dict.fromkeys(surnames, "PERSON")
    for key, counts in votes.items():
        if key in surnames:
            continue
        best = max(counts.values())
        winners = [lab for lab, n in counts.items() if n == best]
        if len(winners) == 1 and (best >= fixes.document_name_min_mentions or key in acronyms):
            label_of[key] = winners[0]

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
                if i + n > len(doc):
                    continue  # a name cut short by the document's end is no name
                key = tuple(lowers[i : i + n])
                if (
                    key in label_of
                    and not taken.intersection(range(i, i + n))
                    and _looks_like_name(doc, i, i + n, fixes, cased)
                ):
                    found = EntitySpan(i, i + n, label_of[key], "entity-fix.document-name")
                    break
        if found is None:
            i += 1
            continue
        # a longer capitalised name around it is a different name ("Huber" in "Huber Corp",
        # "A. Huber", "U.S. Midwest"), and so is a longer word ("Kray-Dorn", "60GB")
        before = doc[found.start - 1] if found.start > 0 else None
        after = doc[found.end] if found.end < len(doc) else None
        glued = (before is not None and not before.whitespace_ and _joins(before.text[-1:])) or (
            after is not None and not doc[found.end - 1].whitespace_ and _joins(after.text[:1])
        )
        # ... but an honorific or a title before it is no part of a name ("Mr Pellham")
        courtesy = before is not None and (
            before.lower_ in fixes.honorifics or before.lower_ in fixes.title_words
        )
        if not glued and not any(
            t is not None and t.text[:1].isupper() and not t.is_punct
            for t in ((None if courtesy else before), after)
        ):
            out.append(found)
        i = found.end
    return sorted(out, key=lambda e: e.start)
