"""In-document resolution: which entity mentions are one real-world entity.

Pure functions over a ``Doc``'s entities; :class:`~pipeline.resolve.component.Resolver` writes the
result (``Doc._.clusters``, ``Span._.cluster`` and the ``ALIAS_OF`` relations, ``Doc._.aliases``). Mentions are joined when

- they resolve to the same country: "Kazakhstan", "KAZAKHSTAN" and the demonym "Kazakh";
- they have the same text (case-insensitive) and a compatible label;
- one is a short form defined in the text by the other (Schwartz–Hearst, :mod:`pipeline.resolve.acronyms`);
- a PERSON name is part of exactly one longer PERSON name ("Mamin" -> "Askar Mamin"); a short
  name that fits two people ("Mamin" with "Askar Mamin" and "Bakhyt Mamin") stays on its own.

Every mention ends in one cluster; its canonical name is the longest proper name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from pipeline.entities import gender
from pipeline.entities.countries import PLACE_LABELS, CountryTable, country_of
from pipeline.facts import ClusterFact, Offsets, RelationFact, SentenceIndex
from pipeline.resolve.acronyms import Definition, find_definitions
from pipeline.resolve.names import (
    cross_label_links,
    initials_links,
    prefix_links,
    variant_links,
)

# labels whose equal mentions are one entity; values (DATE, MONEY ...) and TITLEs never are
NAMED = frozenset(
    {
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "FAC",
        "NORP",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)
ALIAS_RULE = "resolve.acronym-definition"


@dataclass(frozen=True)
class Resolution:
    """What resolution found: clusters and alias links."""

    clusters: list[ClusterFact]
    aliases: list[RelationFact] = field(default_factory=list)


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def offsets(span: Span) -> Offsets:
    return (span.start_char, span.end_char)


def _name_words(span: Span) -> tuple[str, ...]:
    """The words of a name, without a possessive ending or punctuation."""
    return tuple(t.text for t in span if not t.is_punct and t.lower_ not in ("'s", "’s", "'"))


def _text_key(span: Span) -> str:
    return " ".join(_name_words(span)).lower()


def _label_family(label: str) -> str:
    return "PLACE" if label in PLACE_LABELS else label


def _is_subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def person_links(ents: Sequence[Span]) -> dict[int, int]:
    """Short PERSON mention index -> index of the one longer name it is part of.

    A short name fits a longer one when its words appear, in order, in the longer name.
    Among the longer names it fits, only the maximal ones count (those in no longer name);
    if there is more than one distinct maximal name, the short name is ambiguous.
    """
    people = [(i, _name_words(e)) for i, e in enumerate(ents) if e.label_ == "PERSON"]
    out: dict[int, int] = {}
    for i, words in people:
        if not words:
            continue
        fits = [(j, w) for j, w in people if len(w) > len(words) and _is_subsequence(words, w)]
        if not fits:
            continue
        maximal = {
            w
            for _, w in fits
            if not any(len(v) > len(w) and _is_subsequence(w, v) for _, v in fits)
        }
        if len(maximal) == 1:
            (name,) = maximal
            out[i] = next(j for j, w in fits if w == name)
    return out


def _containing(ents: Sequence[Span], start: int, end: int) -> int | None:
    """Index of the entity that best covers token range [start, end): most overlap."""
    best, best_overlap = None, 0
    for i, e in enumerate(ents):
        overlap = min(e.end, end) - max(e.start, start)
        if overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


@dataclass(frozen=True)
class AliasLink:
    short: int  # index into the entity list
    long: int | None  # None: the long form is no entity; its text names the cluster
    long_text: str
    definition: Definition


def alias_links(
    doc: Doc, ents: Sequence[Span], definitions: Sequence[Definition]
) -> list[AliasLink]:
    """Join each defined short form's entity to the entity holding its long form."""
    out = []
    for d in definitions:
        short = next(
            (i for i, e in enumerate(ents) if (e.start, e.end) == (d.short_start, d.short_end)),
            None,
        )
        if short is None:
            continue
        long = _containing(ents, d.long_start, d.long_end)
        if long is not None and (ents[long].label_ not in NAMED or long == short):
            long = None
        out.append(AliasLink(short, long, d.long(doc).text, d))
    return out


def _canonical(members: Sequence[Span]) -> str:
    """The longest proper name: mixed case before all capitals, then more characters."""
    if len(members) == 1:  # the max of one is that one, whatever its key (most clusters)
        return members[0].text
    return max(members, key=lambda e: (not e.text.isupper(), len(_name_words(e)), len(e.text))).text


def _cluster_label(members: Sequence[Span]) -> str:
    labels = [e.label_ for e in members]
    for preferred in ("GPE", "PERSON", "ORG"):
        if preferred in labels:
            return preferred
    return max(set(labels), key=labels.count)


def _fullest_label(members: Sequence[Span]) -> str:
    """A name read under two labels: the label of its fullest mention ("Mark Roe" PERSON,
    not "Roe" ORG); among equally full ones PERSON only when the name starts with a known
    first name ("Acme" tagged PERSON and ORG is an ORG; "Jane Roe" a PERSON), else the
    first one's label."""
    size = max(len(_name_words(e)) for e in members)
    fullest = [e for e in members if len(_name_words(e)) == size]
    labels = {e.label_ for e in fullest}
    if len(labels) > 1 and "PERSON" in labels:
        words = _name_words(fullest[0])
        person = len(words) >= 2 and gender.first_name_gender(words[0]) is not None
        fullest = [e for e in fullest if (e.label_ == "PERSON") == person]
    return fullest[0].label_


def resolve(
    doc: Doc,
    table: CountryTable,
    *,
    relaxed_names: bool = False,
    ents: Sequence[Span] | None = None,
) -> Resolution:
    """Cluster ``doc.ents``; every mention ends in exactly one cluster, in text order.
    ``relaxed_names``: also join an organisation's short name to the one longer name it
    begins (:mod:`pipeline.resolve.names`; on with coreference). ``ents``: ``list(doc.ents)``
    when the caller has made it (spaCy builds it anew on each access)."""
    ents = list(doc.ents) if ents is None else list(ents)
    union = _Union(len(ents))
    crossed: set[tuple[int, int]] = set()
    countries: dict[int, dict[str, Any]] = {}
    by_key: dict[tuple[str, str], int] = {}
    by_country: dict[str, int] = {}
    for i, e in enumerate(ents):
        if e.label_ not in NAMED:
            continue
        norm = country_of(e.label_, e.text, table)
        if norm is not None and "country" in norm:
            countries[i] = norm
            union.join(i, by_country.setdefault(norm["country"], i))
        key = (_label_family(e.label_), _text_key(e))
        if key[1]:
            union.join(i, by_key.setdefault(key, i))
    for short, long in person_links(ents).items():
        union.join(short, long)
    if relaxed_names:
        for relaxed in (variant_links(ents), prefix_links(ents), initials_links(ents)):
            for short, long in relaxed.items():
                union.join(short, long)
        crossed = set(cross_label_links(ents).items())
        for short, long in crossed:
            union.join(short, long)
    links = alias_links(doc, ents, find_definitions(doc))
    sentence_of = SentenceIndex.of(doc) if any(link.long is not None for link in links) else None
    long_names: dict[int, str] = {}
    alias_of: dict[int, set[str]] = defaultdict(set)
    relations = []
    for link in links:
        if link.long is not None:
            union.join(link.short, link.long)
            relations.append(
                RelationFact(
                    "ALIAS_OF",
                    offsets(ents[link.short]),
                    offsets(ents[link.long]),
                    ALIAS_RULE,
                    sentence_of.get(ents[link.short].start) if sentence_of else None,
                )
            )
        else:
            long_names[link.short] = link.long_text
        alias_of[link.short].add(ents[link.short].text)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ents)):
        groups[union.find(i)].append(i)
    clusters = []
    for root in sorted(groups):
        idx = groups[root]
        members = [ents[i] for i in idx]
        country = next((countries[i] for i in idx if i in countries), None)
        aliases = sorted({a for i in idx for a in alias_of.get(i, ())})
        name = _canonical([m for m in members if m.text not in aliases] or members)
        name = next((long_names[i] for i in idx if i in long_names), name)
        if country is not None:
            name = country["name"]
        mixed = any(short in idx for short, _ in crossed)
        clusters.append(
            ClusterFact(
                label=_fullest_label(members) if mixed else _cluster_label(members),
                name=name,
                mentions=tuple(offsets(m) for m in members),
                aliases=tuple(aliases),
                norm=country,
            )
        )
    return Resolution(clusters=clusters, aliases=relations)
