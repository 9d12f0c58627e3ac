"""Coreference of pronouns and descriptions: the sieves of ``models/coref.json``, in order.

``resolve_references(doc, clusters, rules)`` finds the anaphors (:mod:`pipeline.resolve.mentions`)
and runs each sieve (:mod:`pipeline.resolve.sieves`) over the anaphors still open, in text order,
so that a reference resolved early is a candidate for the later ones (entity-centric). Each link
becomes a :class:`~pipeline.facts.ReferenceFact` citing its sieve (``coref.<sieve>``); refusals
(pleonastic ``it``, generic ``they``, cataphora, no compatible antecedent) are kept on the
result for explanation, not written to the record. The resolver component calls this after
clustering the names; ``Doc._.references`` holds the facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pipeline.facts import ClusterFact, ReferenceFact
from pipeline.resolve.anaphors import find_anaphors
from pipeline.resolve.coref_rules import CorefRules
from pipeline.resolve.mentions import SUBJECT_DEPS, Candidate, add_candidates, build_context
from pipeline.resolve.pronouns import pronoun
from pipeline.resolve.quotes import find_quotes
from pipeline.resolve.sieve_base import Link, Refusal, Sieve
from pipeline.resolve.sieves import SIEVE_FUNCTIONS

SIEVES: dict[str, Sieve] = {**SIEVE_FUNCTIONS, "pronoun": pronoun}

RULE_PREFIX = "coref."


@dataclass(frozen=True)
class CorefResult:
    references: list[ReferenceFact] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)


def resolve_references(
    doc: Doc, clusters: list[ClusterFact], rules: CorefRules, ents: list[Span] | None = None
) -> CorefResult:
    """``ents``: ``list(doc.ents)``, when the caller has made it already."""
    if not len(doc) or not (doc.has_annotation("DEP")):
        return CorefResult()
    ctx = build_context(doc, clusters, rules, ents)
    anaphors = find_anaphors(ctx)
    if not anaphors:
        return CorefResult()
    add_candidates(ctx)
    ctx.quotes = find_quotes(doc, frozenset(rules.speech_verbs))
    links: dict[int, Link] = {}
    refusals: dict[int, Refusal] = {}
    for sieve_id in rules.order:
        sieve = SIEVES[sieve_id]
        for n, anaphor in enumerate(anaphors):
            if n in links or n in refusals:
                continue
            found = sieve(ctx, anaphor)
            if isinstance(found, Link):
                links[n] = found
                ctx.resolved.append(_as_candidate(ctx.doc, found))
                if anaphor.spec is not None and not found.antecedent.group:
                    kinds = ctx.cluster_kinds.setdefault(found.antecedent.clusters[0], set())
                    kinds.add(anaphor.spec.kind)
            elif isinstance(found, Refusal):
                refusals[n] = found
    facts = [
        ReferenceFact(
            span=link.anaphor.chars,
            kind=link.anaphor.kind,
            antecedent=link.antecedent.chars,
            entities=link.antecedent.anchors,
            rule=RULE_PREFIX + link.rule,
            sentence=link.anaphor.sentence,
        )
        for _, link in sorted(links.items())
    ]
    return CorefResult(facts, [r for _, r in sorted(refusals.items())])


def _as_candidate(doc: Doc, link: Link) -> Candidate:
    """A resolved reference, as a candidate for the anaphors after it."""
    a, ante = link.anaphor, link.antecedent
    return Candidate(
        start=a.start,
        end=a.end,
        chars=a.chars,
        sentence=a.sentence,
        paragraph=a.paragraph,
        root=a.head,
        subject=doc[a.head].dep_ in SUBJECT_DEPS,
        clusters=ante.clusters,
        anchors=ante.anchors,
        labels=ante.labels,
        reference=True,
    )
