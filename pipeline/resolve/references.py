"""What a pronoun or description refers to, for the components after the resolver (relations,
events) and for notebooks.

>>> doc = nlp("Acme Corp said on Monday it would cut 300 jobs.")
>>> [(r.span.text, r.rule, [e.text for e in r.entities]) for r in resolved_mentions(doc)]
[('it', 'coref.pronoun', ['Acme Corp'])]

Everything is read from ``Doc._.references`` (written by the resolver) and ``Doc._.clusters``;
nothing is computed again. :func:`explain` runs the sieves once more and also says why each
anaphor left open was refused (pleonastic ``it``, generic ``they``, cataphora ...).

By default only mentions of named entities are given; ``unnamed=True`` adds the mentions of
entities no name mentions (``Doc._.unnamed``: "a new plane ... the plane ... it"), whose
``entities`` is the entity's first mention (no entity mention) and ``clusters`` empty, with
``unnamed`` its index in ``Doc._.unnamed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.facts import Offsets, ReferenceFact
from pipeline.resolve.coref import CorefResult, resolve_references
from pipeline.resolve.coref_rules import CorefRules


@dataclass(frozen=True)
class ResolvedMention:
    """A pronoun or description and what it refers to."""

    span: Span
    kind: str  # pronoun, relative, description, group, honorific
    rule: str  # the sieve that linked it: coref.<sieve>
    antecedent: Span  # the mention it was linked to (a name or an earlier reference)
    entities: tuple[Span, ...]  # one named mention of each entity it refers to
    clusters: tuple[int, ...]  # indices into Doc._.clusters, one per entity
    unnamed: int | None = None  # an entity no name mentions: its index in Doc._.unnamed


def _span(doc: Doc, offsets: Offsets) -> Span:
    span = doc.char_span(*offsets, alignment_mode="expand")
    if span is None:  # offsets always come from tokens of this doc; guard the contract
        raise ValueError(f"no span at {offsets} in this Doc")
    return span


def resolved_mentions(
    doc: Doc, *, kinds: Iterable[str] | None = None, unnamed: bool = False
) -> Iterator[ResolvedMention]:
    """Every resolved pronoun and description of ``doc``, in text order (``kinds``: only
    these kinds; ``unnamed``: with the mentions of entities no name mentions)."""
    wanted = set(kinds) if kinds is not None else None
    cluster_of = {m: n for n, c in enumerate(doc._.clusters or []) for m in c.mentions}
    facts: list[tuple[ReferenceFact, int | None]] = [(f, None) for f in doc._.references or []]
    if unnamed:
        for k, entity in enumerate(doc._.unnamed or []):
            facts.extend((f, k) for f in entity.references)
        facts.sort(key=lambda fn: fn[0].span)
    for fact, index in facts:
        if wanted is not None and fact.kind not in wanted:
            continue
        yield ResolvedMention(
            span=_span(doc, fact.span),
            kind=fact.kind,
            rule=fact.rule,
            antecedent=_span(doc, fact.antecedent),
            entities=tuple(_span(doc, e) for e in fact.entities),
            clusters=tuple(cluster_of[e] for e in fact.entities if e in cluster_of),
            unnamed=index,
        )


def referent_of(doc: Doc, start: int, end: int, *, unnamed: bool = False) -> ResolvedMention | None:
    """The resolved pronoun or description at character offsets ``start``-``end`` (an event
    or relation argument), or None when that span is none (``unnamed``: a mention of an
    entity no name mentions counts too)."""
    for mention in resolved_mentions(doc, unnamed=unnamed):
        if (mention.span.start_char, mention.span.end_char) == (start, end):
            return mention
    return None


def explain(doc: Doc, rules: CorefRules) -> CorefResult:
    """The links the sieves make on ``doc`` and the refusals (``Refusal.reason``), computed
    again from its clusters: for debugging a rule file, not for production."""
    return resolve_references(doc, list(doc._.clusters or []), rules)
