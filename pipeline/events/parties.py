"""Parties: the entities a role reaches at a word.

The entity at the word, or one naming it (an appositive, compound or possessive child); for a
role that takes many, a noun phrase whose premodifiers are coordinated gives the named head of
each part, and a common noun of the role's ``group_nouns`` lexicon (delegation, officials)
stands for the entities naming it (:func:`entities_for`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.events.rules import RoleSpec
from pipeline.events.scopes import Scopes

# the grammar of a party's noun phrase (English dependency labels)
ENTITY_CHILD_DEPS = (frozenset({"appos"}), frozenset({"compound", "nmod", "poss"}))
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp"})


def conjuncts(tok: Token) -> list[Token]:
    out, todo = [tok], [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                todo.append(c)
    return out


def _entity_for(tok: Token, spec: RoleSpec, scopes: Scopes) -> Span | None:
    """The entity at ``tok`` with an allowed label, else one naming it (an appositive, a
    compound or possessive child: "his counterpart Vasily Matyushevsky")."""
    ent = scopes.ent_at[tok.i]
    if ent is not None and ent.label_ in spec.allowed_types:
        return ent
    for deps in ENTITY_CHILD_DEPS:  # an appositive first: "US phone company Acme"
        for c in tok.children:
            e = scopes.ent_at[c.i]
            if c.dep_ in deps and e is not None and e.label_ in spec.allowed_types:
                return e
    return None


def phrase_parts(tok: Token, scopes: Scopes) -> list[tuple[int, int]]:
    """The parts of the noun phrase ``tok`` heads, as token ranges: its subtree without clauses
    hanging in it and without ``tok``'s own conjuncts (the caller takes those), cut at ``and``
    / ``or`` / commas outside entities before ``tok``. The last part holds ``tok`` and its
    complements.

    "Finnish carrier Nordic Air and Portuguese lessor Lusa Capital" → two parts, whatever the
    parser made of the coordination; "Polish and Czech delegations" → "Polish", "Czech
    delegations"; "officials from Chile and Peru" → one part.
    """
    skip: set[int] = set()
    for d in tok.subtree:
        if d.i in skip or d is tok:
            continue
        if d.dep_ in CLAUSE_DEPS or (d.head is tok and d.dep_ in ("conj", "cc")):
            skip.update(t.i for t in d.subtree)
    parts: list[tuple[int, int]] = []
    start = prev = -1
    for d in tok.subtree:
        if d.i in skip:
            continue
        cut = (
            d.i < tok.i
            and scopes.ent_at[d.i] is None
            and (d.dep_ in ("cc", "preconj") or d.text in (",", ";"))
        )
        if cut or (prev >= 0 and d.i != prev):  # a gap left by a skipped clause ends a part
            if start >= 0:
                parts.append((start, prev))
            start = -1 if cut else d.i
        elif start < 0:
            start = d.i
        prev = d.i + 1
    if start >= 0:
        parts.append((start, prev))
    return parts


def _part_entity(lo: int, hi: int, spec: RoleSpec, scopes: Scopes) -> Span | None:
    """The last entity of an allowed label inside tokens ``lo..hi``: the head of an English
    noun phrase comes last ("Acme chairman John Smith" → John Smith; "officials from Chile"
    → Chile; "Czech delegations" → Czech)."""
    for i in range(hi - 1, lo - 1, -1):
        ent = scopes.ent_at[i]
        if ent is not None and ent.label_ in spec.allowed_types and lo <= ent.start:
            return ent
    return None


def entities_for(
    tok: Token, spec: RoleSpec, scopes: Scopes, group_nouns: frozenset[str] | None
) -> list[Span]:
    """The entities a role reaches at ``tok``.

    With ``group_nouns`` (the role's ``group_nouns`` lexicon) and a role that takes many, a
    noun phrase whose premodifiers are coordinated gives the named head of each part: an entity
    stands for itself, a common noun of the lexicon (delegation, officials, carrier) for the
    last entity of its part and that entity's conjuncts ("Uzbek and Turkish delegations" →
    Uzbek, Turkish; "officials from Chile and Peru" → Chile, Peru). Otherwise the entity at
    ``tok`` or naming it (:func:`_entity_for`)."""
    ent = _entity_for(tok, spec, scopes)
    if group_nouns is None or not spec.many:
        return [ent] if ent is not None else []
    named = ent is not None and scopes.ent_at[tok.i] is ent
    if not (named or (scopes.ent_at[tok.i] is None and in_lexicon(tok, group_nouns))):
        return [ent] if ent is not None else []
    out: list[Span] = []
    for lo, hi in phrase_parts(tok, scopes):
        if named and lo <= tok.i < hi:
            heads: list[Span | None] = [ent]
        else:
            e = _part_entity(lo, hi, spec, scopes)
            if e is None:
                continue
            heads = [scopes.ent_at[c.i] for c in conjuncts(_coordination(e.root)) if lo <= c.i < hi]
        for h in heads:
            if h is not None and h.label_ in spec.allowed_types and h not in out:
                out.append(h)
    return out


def _coordination(tok: Token) -> Token:
    """The first conjunct of the coordination ``tok`` is in."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def in_lexicon(tok: Token, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def appositive_entity(tok: Token, spec: RoleSpec, scopes: Scopes) -> Span | None:
    """An entity of an allowed label in apposition to ``tok`` ("analysts Acme Research")."""
    for c in tok.children:
        ent = scopes.ent_at[c.i]
        if c.dep_ == "appos" and ent is not None and ent.label_ in spec.allowed_types:
            return ent
    return None


def complement_entities(
    tok: Token, spec: RoleSpec, scopes: Scopes, owner_preps: frozenset[str]
) -> list[Span]:
    """The entity a description names in its complement ("the letter from Acme", "a
    spokesman for the Treasury": a preposition of ``owner_preps``, from
    ``references.owner_preps`` in models/event_types.json), if it is of an allowed label."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in owner_preps:
            for obj in prep.children:
                ent = scopes.ent_at[obj.i]
                if obj.dep_ == "pobj" and ent is not None and ent.label_ in spec.allowed_types:
                    return [ent]
    return []
