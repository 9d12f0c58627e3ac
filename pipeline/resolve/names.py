"""Relaxed name matching (coreference sieves over names, after the "exact string match",
"relaxed string match", "proper head word match" and acronym passes of Lee et al. 2013):

- a short name that is the leading words of exactly one longer name of the same kind is that
  entity ("Northfield" -> "Northfield Shipping Group"), and so is a name of two words or more
  that ends exactly one longer name ("Coast Guard" -> "Northland Coast Guard");
- names that differ only in the full stops of an abbreviation are one name ("N.Z. Navy" and
  "NZ Navy"); the comparisons above also read them without their full stops;
- an organisation's all-capital short name that spells the initials of exactly one longer name
  of the same kind is that entity ("NCA" -> "National Crime Agency"), as a definition in
  brackets would say.

- the same name under two entity labels is one entity (the entity model tags "Acme" ORG in one
  sentence, PERSON in the next: Stanford's exact string match ignores the type), and a
  one-word name under another label that is the surname of exactly one person named in full
  is that person ("Mark Roe ... Roe" with "Roe" tagged ORG); places and nationalities keep
  their own (by country) clustering.

Run by the resolver only when coreference is on, so the names-only clusters stay today's (the
coreference baseline). Pure functions over entity spans.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span

RELAXED_LABELS = frozenset({"ORG", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
# words an acronym leaves out ("Department of State" -> "DOS")
_INITIAL_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "du", "des", "la", "le"})


def _words(span: Span) -> tuple[str, ...]:
    """The words of a name without possessive endings or punctuation, and without the full
    stops of an abbreviation ("U.K." -> "UK")."""
    out = []
    for t in span:
        if t.lower_ in ("'s", "’s") or (t.is_punct and t.text != "&"):
            continue
        out.append(t.text.replace(".", "") if "." in t.text[:-1] or t.text.isupper() else t.text)
    return tuple(w for w in out if w)


def prefix_links(ents: Sequence[Span]) -> dict[int, int]:
    """Short name index -> index of the one longer name (same label) it begins."""
    names = [(i, _words(e), e.label_) for i, e in enumerate(ents) if e.label_ in RELAXED_LABELS]
    out: dict[int, int] = {}
    for i, words, label in names:
        if not words or not words[0][:1].isupper():
            continue
        n = len(words)
        longer: dict[tuple[str, ...], int] = {}
        for j, w, lab in names:
            if lab == label and len(w) > n and (w[:n] == words or (n >= 2 and w[-n:] == words)):
                longer.setdefault(w, j)  # the first of its variants ("N.Z. ...", "NZ ...")
        if not longer:
            continue
        maximal = [w for w in longer if not any(_contains(v, w) for v in longer)]
        if len(maximal) == 1:
            out[i] = longer[maximal[0]]
    return out


def variant_links(ents: Sequence[Span]) -> dict[int, int]:
    """Name index -> index of the first name (same label) it equals once the full stops of
    abbreviations are left out ("U.S. Navy" -> "US Navy")."""
    first: dict[tuple[str, tuple[str, ...]], int] = {}
    out: dict[int, int] = {}
    for i, e in enumerate(ents):
        if e.label_ not in RELAXED_LABELS:
            continue
        key = (e.label_, tuple(w.lower() for w in _words(e)))
        if not key[1]:
            continue
        j = first.setdefault(key, i)
        if j != i:
            out[i] = j
    return out


CROSS_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "EVENT", "WORK_OF_ART", "LAW"})


def cross_label_links(ents: Sequence[Span]) -> dict[int, int]:
    """Name index -> index of the first name of another label with the same words, or for a
    one-word name, of the one person named in full whose surname it is."""
    found = [(i, e) for i, e in enumerate(ents) if e.label_ in CROSS_LABELS]
    names = [(i, tuple(w.lower() for w in _words(e))) for i, e in found]
    names = [(i, w) for i, w in names if w]
    first: dict[tuple[str, ...], int] = {}
    out: dict[int, int] = {}
    for i, words in names:
        j = first.setdefault(words, i)
        if ents[j].label_ != ents[i].label_:
            out[i] = j
    for i, words in names:
        if len(words) != 1 or ents[i].label_ == "PERSON" or i in out:
            continue
        people = {
            w: j
            for j, w in names
            if ents[j].label_ == "PERSON" and len(w) >= 2 and w[-1] == words[0]
        }
        if len(people) == 1:
            out[i] = next(iter(people.values()))
    return out


def initials_links(ents: Sequence[Span]) -> dict[int, int]:
    """All-capital short name index -> index of the one longer name of the same label whose
    capitalised words' initials it spells ("NCA" -> "National Crime Agency")."""
    names = [(i, _words(e), e.label_) for i, e in enumerate(ents) if e.label_ in RELAXED_LABELS]
    out: dict[int, int] = {}
    for i, words, label in names:
        if len(words) != 1 or not (2 <= len(words[0]) <= 6) or not words[0].isupper():
            continue
        short = words[0]
        found = {
            w: j for j, w, lab in names if lab == label and len(w) >= 2 and _initials(w) == short
        }
        if len(found) == 1:
            out[i] = next(iter(found.values()))
    return out


def _initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _INITIAL_SKIP and w[:1].isupper())


def _contains(longer: tuple[str, ...], name: tuple[str, ...]) -> bool:
    n = len(name)
    return len(longer) > n and (longer[:n] == name or longer[-n:] == name)
