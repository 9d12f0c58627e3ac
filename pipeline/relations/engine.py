"""Relations between entity mentions: where the rules of ``models/relation_rules.jsonl``
match (:mod:`pipeline.relations.matching`), each match's head and tail as the entity mentions
holding its tokens, one relation per (type, head, tail).

Then :func:`roles` sums up, per PERSON cluster, the positions held: HOLDS_POSITION to a TITLE,
and that TITLE's POSITION_AT to an organisation or place.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from pipeline.entities.countries import PLACE_LABELS
from pipeline.facts import ClusterFact, Offsets, RelationFact, RoleFact, SentenceIndex
from pipeline.matchers.doctext import doc_text
from pipeline.relations.matching import CompiledRules, Match, find_matches
from pipeline.relations.referents import Referents

PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})
NEAR = 4  # tokens between a person and an organisation where a title links them


def _entity_at(doc: Doc) -> list[Span | None]:
    at: list[Span | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            at[i] = ent
    return at


def _antecedent(doc: Doc, token: int, at: Sequence[Span | None]) -> Span | None:
    """The nearest PERSON mention before a pronoun, in its sentence or the one before."""
    sent = doc[token].sent
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for i in range(token - 1, start - 1, -1):
        ent = at[i]
        if ent is not None and ent.label_ == "PERSON":
            return ent
    return None


def relations(doc: Doc, compiled: CompiledRules) -> list[RelationFact]:
    """Every relation the rules find, one per (type, head, tail), in text order."""
    refs = Referents.of(doc)
    matches = find_matches(doc, compiled, refs.spans)
    if not matches:  # nothing to look up (most documents)
        return []
    at = _entity_at(doc)
    ref_at = refs.at()
    sent_of = SentenceIndex.of(doc)
    found: dict[tuple[str, Offsets, Offsets], RelationFact] = {}
    for m in matches:
        rule = compiled.rules[m.rule]
        ends = []
        for side, tok in (("head", m.head_token), ("tail", m.tail_token)):
            if at[tok] is None and tok in ref_at:  # a resolved pronoun or description
                ent: Span | None = refs.argument(ref_at[tok], at)
            elif rule.pronoun == side:
                ent = _antecedent(doc, tok, at) if doc[tok].lower_ in PRONOUNS else None
            else:
                ent = at[tok]
            ends.append(ent)
        head, tail = ends
        if head is None or tail is None or head == tail:
            continue
        if head.label_ not in rule.head_labels or tail.label_ not in rule.tail_labels:
            continue
        if rule.not_country_head and tail.label_ != "LOC" and compiled.is_country(head.text):
            continue  # a country is in no city or state, but in a continent, sea or region
        if rule.same_country and not compiled.same_country(head.text, tail.text):
            continue
        if rule.not_in_list and _in_list(doc, at, head, tail):
            continue
        if rule.region_tail and not compiled.in_region(head.text, tail.text):
            continue  # "In Ohio, ... Springfield", not "In Leeds, ... York", "... Texas", "London"
        if rule.not_item_in_place and _item_in_place(doc, at, tail):
            continue
        rtype: str = rule.relation
        if rtype == "AFFILIATED_WITH" and (title := _title_between(doc, m, at, head, tail)):
            rtype, head = "POSITION_AT", title
        ends_at = ((head.start_char, head.end_char), (tail.start_char, tail.end_char))
        key = (rtype, refs.role_holder(ends_at[0]), refs.role_holder(ends_at[1]))  # once a fact
        if key not in found:
            found[key] = RelationFact(rtype, *ends_at, rule.id, sent_of.get(head.start))
    return sorted(found.values(), key=lambda r: (r.head, r.tail, r.type))


LINKS = frozenset({",", "and", "or"})


def _in_list(doc: Doc, at: Sequence[Span | None], head: Span, tail: Span) -> bool:
    """Whether a place comes before ``head`` or after ``tail`` across a comma or and/or (a
    direction word may precede it): the two are items of a list, not a place and its state."""

    before = head.start - 1
    if before >= 0 and doc[before].lower_ in LINKS and _place_at(at, before - 1):
        return True
    after = tail.end
    return (
        after < len(doc)
        and doc[after].lower_ in LINKS
        and (_place_at(at, after + 1) or _place_at(at, after + 2))
    )


def _item_in_place(doc: Doc, at: Sequence[Span | None], tail: Span) -> bool:
    """Whether ``tail`` is followed by "in" and a place (a direction word may come between):
    "A in B, C in D" lists C as an item like A, not as the place B is in."""
    after = tail.end
    if after >= len(doc) or doc[after].lower_ != "in":
        return False
    return _place_at(at, after + 1) or _place_at(at, after + 2)


def _place_at(at: Sequence[Span | None], i: int) -> bool:
    """Whether word ``i`` (any index) is in a place mention."""
    ent = at[i] if 0 <= i < len(at) else None
    return ent is not None and ent.label_ in PLACE_LABELS


def _title_between(
    doc: Doc, m: Match, at: Sequence[Span | None], head: Span, tail: Span
) -> Span | None:
    """The TITLE mention a person-organisation match passes through, if any.

    docs/ANNOTATION.md §4: AFFILIATED_WITH only when no TITLE links the two; when one does
    ("Carole Njeri, chief executive of KEPSA"), the link is POSITION_AT from that title (the
    person's HOLDS_POSITION comes from the title rules). A title among the few words between
    the two counts too, matched or not ("Orbis's co-chairman Ann Lee"). A title the match
    leaves through a conjunct is another role's ("Ann Lee, director of A and a member of B":
    director is not B's).
    """
    left, right = sorted((head, tail), key=lambda s: s.start)
    between = range(left.end, right.start) if right.start - left.end <= NEAR else range(0)
    conjoined = {doc[t].head.i for t in m.tokens if doc[t].dep_ == "conj"}
    for tok in [*m.tokens, *between]:
        if tok in conjoined:
            continue
        ent = at[tok]
        if ent is not None and ent.label_ == "TITLE" and ent != head and ent != tail:
            return ent
    return None


def roles(
    clusters: Sequence[ClusterFact], facts: Sequence[RelationFact], doc: Doc
) -> list[RoleFact]:
    """Each PERSON cluster's positions: (title, the org/place mention or None), no repeats,
    in the order the relations give them; the resolver's clusters are read, not changed.

    A title's POSITION_AT may point at a mention in any cluster; the record builder turns it
    into that cluster's id, so two mentions of one country give one role.
    """
    position_at: dict[Offsets, Offsets] = {}
    for r in facts:
        if r.type == "POSITION_AT":
            position_at.setdefault(r.head, r.tail)
    cluster_of = {m: n for n, c in enumerate(clusters) for m in c.mentions}
    refs: Referents | None = None  # a position stated for "he" is its entity's
    held: dict[int, list[tuple[str, Offsets | None]]] = {}
    out: list[RoleFact] = []
    for r in facts:
        if r.type != "HOLDS_POSITION":
            continue
        person = r.head
        if person not in cluster_of:
            refs = refs or Referents.of(doc)
            person = refs.role_holder(person)
        if person not in cluster_of:
            continue
        title = doc_text(doc)[r.tail[0] : r.tail[1]]
        of = position_at.get(r.tail)
        n = cluster_of[person]
        seen = held.setdefault(n, [])
        key = (title.lower(), cluster_of.get(of) if of else None)
        if any((t.lower(), cluster_of.get(o) if o else None) == key for t, o in seen):
            continue
        if of is None and any(t.lower() == title.lower() for t, _ in seen):
            continue
        seen.append((title, of))
        out.append(RoleFact(person, title, of))
    return out
