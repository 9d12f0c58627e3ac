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
  ("a Swiss court", "a spokesman for Acme"), unless its head is a role noun the entity rules
  tag ("a spokesman": the spokesman of the party the story is about).

A role with ``numbers`` takes a number the entity recogniser missed ("£2.4bn", "880m euros":
the number word with its currency sign and the magnitude it modifies), never a date's.

Where coreference ran (``Doc._.references``), a pronoun or description it resolved is taken
with the resolver's span and the key of the entity it refers to (:func:`resolved_at`), also
when no name is in reach ("He said" two paragraphs after the name).

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
    key: str | None = None  # the key of the entity coreference resolved it to


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
    if tok.dep_ in refs.modifier_deps:  # a noun modifying another ("supply contract") heads none
        return None
    ent = scopes.ent_at[tok.i]
    if tok.ent_type and (ent is None or ent.label_ not in refs.head_labels):
        return None  # a name of another type (a date, a number) or a dateline's place
    return description(tok, refs, generic, scopes)


# the resolver's kinds of link, as the kinds a role takes
_LINK_KINDS = {"pronoun": "pronoun", "description": "description", "group": "description"}


def resolved_at(tok: Token, kinds: Sequence[str], scopes: Scopes) -> Reference | None:
    """The pronoun or description at ``tok`` as coreference resolved it (``Doc._.references``):
    its span is the resolver's, its key that of the entity (or entities) it refers to, so the
    record's argument carries the cluster."""
    fact = scopes.resolved.get(tok.i)
    if fact is None:
        return None
    kind = _LINK_KINDS.get(fact.kind, "description")
    if kind not in kinds:
        return None
    start, end = fact.span
    span = tok.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    keys = sorted({scopes.keys[e] for e in fact.entities if e in scopes.keys})
    return Reference(kind, span.start, span.end, "+".join(keys) or None)


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
        if tok.tag_ != "NN" or not _named_complement(tok, scopes):  # "a report by Acme" names
            return GENERIC
    ent = scopes.ent_at[tok.i]
    if dets & refs.indefinite and ent is None:  # a role noun (a spokesman) says whose it is
        named = any(
            (e := scopes.ent_at[t.i]) is not None and e.label_ not in refs.head_labels
            for t in tok.subtree
        )
        if not named and not any(c.dep_ in _COMPLEMENT_DEPS for c in tok.rights):
            return GENERIC
    return Reference("description", start, tok.i + 1)


def _named_complement(tok: Token, scopes: Scopes) -> bool:
    """A prepositional complement with a name in it: "a report by the Acme Institute"."""
    return any(
        c.dep_ == "prep" and any(scopes.ent_at[t.i] is not None for t in c.subtree)
        for c in tok.rights
    )


def _generic(tok: Token, generic: frozenset[str]) -> bool:
    return tok.lemma_.lower() in generic or tok.lower_ in generic


# labels of a number that is no amount: a year, a time (a rank: "2nd", not "12bn" mislabelled)
_NOT_AMOUNTS = frozenset({"DATE", "TIME"})
_ORDINAL_ENDS = ("st", "nd", "rd", "th")
_NUMBER_DEPS = frozenset({"nummod", "compound", "quantmod"})


def _is_number(tok: Token) -> bool:
    return (tok.like_num or tok.text[:1].isdigit()) and any(ch.isdigit() for ch in tok.text)


def _amount(tok: Token, scopes: Scopes) -> bool:
    """A number word (with a digit), or a word of an amount entity ("billion")."""
    ent = scopes.ent_at[tok.i]
    if ent is not None:
        return ent.label_ not in _NOT_AMOUNTS and (tok.like_num or _is_number(tok))
    return _is_number(tok)


def number_at(tok: Token, scopes: Scopes) -> tuple[int, int] | None:
    """The number at ``tok`` as a token range: the number word, the currency sign before it
    and the magnitude or unit word it modifies right after it ("880m", "3.2bn euros"), when no
    entity of an amount-less label covers it. At a unit word, the number modifying it."""
    if not _is_number(tok):  # a unit word: "billion" in "1 billion reais" is its number
        number = next((c for c in tok.lefts if c.dep_ in _NUMBER_DEPS and _amount(c, scopes)), None)
        if number is None:
            return None
        return number.left_edge.i, tok.i + 1
    ent = scopes.ent_at[tok.i]
    if ent is not None and (
        ent.label_ in _NOT_AMOUNTS
        or (ent.label_ == "ORDINAL" and tok.lower_.endswith(_ORDINAL_ENDS))
    ):
        return None
    start, end = tok.i, tok.i + 1
    head = tok.head
    if tok.dep_ in _NUMBER_DEPS and 0 < head.i - tok.i <= 2 and head.pos_ in ("NOUN", "PROPN"):
        end = head.i + 1
    for t in (tok, head) if end > tok.i + 1 else (tok,):
        for c in t.lefts:
            if c.tag_ == "$" or c.pos_ == "SYM":
                start = min(start, c.i)
    return start, end
