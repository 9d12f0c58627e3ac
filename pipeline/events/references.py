"""Arguments that are no entity mention: pronouns and descriptions.

Real news names a speaker or a party once and then says "he", "it", "the company", "the
bank's chairman". A role with ``references`` (``event_rules.jsonl``) takes such a word where
no entity of its types is, as a free span that coreference can resolve
(``event_types.json`` ``references``):

- a pronoun of the ``pronouns`` table, when an entity of a label it can stand for is named
  before it in its paragraph or the ``reach`` paragraphs before ("she said" with no woman
  named nearby gives nothing);
- a description: the noun phrase up to its head (determiner, premodifiers, possessor), as
  coreference spans it. A head of the ``generic`` lexicon ("analysts", "a union source") names
  nobody unless a definite determiner makes it specific ("the report"); an indefinite or
  quantified phrase ("a spokesman", "some economists") needs a name or a complement in it
  ("a US court", "a spokesman for Acme").

Pure functions over a parsed ``Doc``; they return token ranges, :mod:`pipeline.events.roles`
makes the arguments.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.events.scopes import Scopes
from pipeline.events.types import References

# a complement that makes an indefinite description specific: "a spokesman for Acme"
_COMPLEMENT_DEPS = frozenset({"prep", "appos", "acl", "relcl"})


@dataclass(frozen=True)
class Reference:
    kind: str  # "pronoun" or "description"
    start: int  # token offsets
    end: int


# a word that names nobody (analysts, officials): the role it was reached for stays empty
GENERIC = Reference("generic", 0, 0)


def reference_at(
    tok: Token,
    kinds: Sequence[str],
    refs: References,
    generic: frozenset[str],
    scopes: Scopes,
) -> Reference | None:
    """The pronoun or description at ``tok`` a role of ``kinds`` may take, :data:`GENERIC`
    when ``tok`` heads a phrase that names nobody, else None."""
    lower = tok.lower_
    if lower in refs.pronouns:
        if "pronoun" in kinds and has_antecedent(tok, refs.pronouns[lower], refs.reach, scopes):
            return Reference("pronoun", tok.i, tok.i + 1)
        return None
    if "description" not in kinds or tok.pos_ not in refs.head_pos:
        return None
    ent = scopes.ent_at[tok.i]
    if tok.ent_type and (ent is None or ent.label_ not in refs.head_labels):
        return None  # a name of another type (a date, a number) or a dateline's place
    return description(tok, refs, generic, scopes)


def has_antecedent(tok: Token, labels: frozenset[str], reach: int, scopes: Scopes) -> bool:
    """Whether an entity of one of ``labels`` is named before ``tok`` in its paragraph or the
    ``reach`` paragraphs before it."""
    start = scopes.para_start[tok.i]
    for _ in range(reach):
        if start == 0:
            break
        start = scopes.para_start[start - 1]
    return any(
        (ent := scopes.ent_at[i]) is not None and ent.label_ in labels for i in range(start, tok.i)
    )


def description(
    tok: Token, refs: References, generic: frozenset[str], scopes: Scopes
) -> Reference | None:
    """The description ``tok`` heads, from its first determiner or premodifier to ``tok``."""
    left = [c for c in tok.lefts if c.dep_ in refs.modifier_deps]
    start = min((c.left_edge.i for c in left), default=tok.i)
    dets = {c.lower_ for c in left if c.dep_ in ("det", "predet")}
    possessors = [c for c in left if c.dep_ == "poss"]
    definite = bool(dets & refs.definite) or any(not _generic(p, generic) for p in possessors)
    if (_generic(tok, generic) or any(_generic(p, generic) for p in possessors)) and not definite:
        return GENERIC
    if dets & refs.indefinite:
        named = any(
            (e := scopes.ent_at[t.i]) is not None and e.label_ not in refs.head_labels
            for t in tok.subtree
        )
        if not named and not any(c.dep_ in _COMPLEMENT_DEPS for c in tok.rights):
            return GENERIC
    return Reference("description", start, tok.i + 1)


def _generic(tok: Token, generic: frozenset[str]) -> bool:
    return tok.lemma_.lower() in generic or tok.lower_ in generic
