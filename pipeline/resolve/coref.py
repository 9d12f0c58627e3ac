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

from pipeline.facts import ClusterFact, ReferenceFact, UnnamedFact
from pipeline.resolve.anaphors import find_anaphors
from pipeline.resolve.coref_rules import CorefRules
from pipeline.resolve.mentions import (
    Anaphor,
    Candidate,
    Context,
    add_candidates,
    build_context,
)
from pipeline.resolve.nominals import (
    find_noun_phrases,
    name_modifier,
    nominal_description,
    nominal_exact,
    nominal_head_match,
    proper_head,
    register,
)
from pipeline.resolve.pronouns import pronoun
from pipeline.resolve.quotes import find_quotes
from pipeline.resolve.sieve_base import Link, Refusal, Sieve
from pipeline.resolve.sieves import SIEVE_FUNCTIONS

SIEVES: dict[str, Sieve] = {
    **SIEVE_FUNCTIONS,
    "name-modifier": name_modifier,
    "nominal-exact": nominal_exact,
    "proper-head": proper_head,
    "nominal-head-match": nominal_head_match,
    "nominal-description": nominal_description,
    "pronoun": pronoun,
}

NOUN_PHRASES = frozenset({"description", "group"})
# the kinds of anaphor each sieve can link (it returns None for the others): asked of no other
KINDS: dict[str, frozenset[str]] = {
    "honorific": frozenset({"honorific"}),
    "relative-pronoun": frozenset({"relative"}),
    "group": frozenset({"group"}),
    "pronoun": frozenset({"pronoun"}),
    "quote-speaker": frozenset({"pronoun"}),
    **dict.fromkeys(
        ("appositive", "predicate-nominative", "role-title"), frozenset({"description"})
    ),
    **dict.fromkeys(("head-match", "description-type"), frozenset({"description"})),
}

RULE_PREFIX = "coref."


@dataclass(frozen=True)
class CorefResult:
    references: list[ReferenceFact] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    unnamed: list[UnnamedFact] = field(default_factory=list)


def resolve_references(
    doc: Doc, clusters: list[ClusterFact], rules: CorefRules, ents: list[Span] | None = None
) -> CorefResult:
    """``ents``: ``list(doc.ents)``, when the caller has made it already."""
    if not len(doc) or not (doc.has_annotation("DEP")):
        return CorefResult()
    ctx = build_context(doc, clusters, rules, ents)
    anaphors = find_anaphors(ctx)
    if rules.unnamed_entities:
        ctx.unnamed = True
        anaphors = sorted(
            [*anaphors, *find_noun_phrases(ctx, {a.head for a in anaphors})],
            key=lambda a: (a.start, a.head),
        )
    if not anaphors:
        return CorefResult()
    add_candidates(ctx)
    if ctx.unnamed:
        register(ctx, anaphors)
    ctx.quotes = find_quotes(doc, frozenset(rules.speech_verbs))
    links: dict[int, Link] = {}
    refusals: dict[int, Refusal] = {}
    for sieve_id in rules.order:
        sieve = SIEVES[sieve_id]
        kinds = KINDS.get(sieve_id, NOUN_PHRASES)
        for n, anaphor in enumerate(anaphors):
            if anaphor.kind not in kinds or n in links or n in refusals:
                continue
            found = sieve(ctx, anaphor)
            if isinstance(found, Link):
                links[n] = found
                _record_link(ctx, found)
            elif isinstance(found, Refusal):
                refusals[n] = found
    facts, unnamed = _facts(ctx, [link for _, link in sorted(links.items())])
    return CorefResult(facts, [r for _, r in sorted(refusals.items())], unnamed)


def _record_link(ctx: Context, link: Link) -> None:
    """What a link changes for the sieves after it: the anaphor is a candidate with its
    antecedent's entity (entity-centric), a noun phrase's own cluster joins that entity."""
    anaphor, ante = link.anaphor, link.antecedent
    ctx.resolved.append(_as_candidate(ctx.doc, link))
    ctx.nominals_open.discard(anaphor.head)
    if ante.group:
        return
    if anaphor.cluster is not None:
        ctx.join(anaphor.cluster, ante.clusters[0])
    if anaphor.spec is not None:
        ctx.cluster_kinds.setdefault(ctx.find(ante.clusters[0]), set()).add(anaphor.spec.kind)


def _fact(link: Link, entities: tuple[tuple[int, int], ...]) -> ReferenceFact:
    return ReferenceFact(
        span=link.anaphor.chars,
        kind=link.anaphor.kind,
        antecedent=link.antecedent.chars,
        entities=entities,
        rule=RULE_PREFIX + link.rule,
        sentence=link.anaphor.sentence,
    )


def _facts(ctx: Context, links: list[Link]) -> tuple[list[ReferenceFact], list[UnnamedFact]]:
    """References to named entities, and the unnamed entities (clusters of two mentions or
    more that reach no name), each link read through the joins made after it."""
    named: list[ReferenceFact] = []
    chains: dict[int, list[Link]] = {}
    for link in links:
        ante = link.antecedent
        roots = tuple(ctx.find(k) for k in ante.clusters)
        if all(r < ctx.named for r in roots):
            anchors = ante.anchors if roots == ante.clusters else _anchors(ctx, roots)
            named.append(_fact(link, anchors))
        elif len(roots) == 1:
            chains.setdefault(roots[0], []).append(link)
    unnamed = []
    for root, members in chains.items():
        seed = next(a for a in ctx.phrases.values() if a.cluster == root)
        first = (seed.chars,)
        refs = [_seed_fact(seed, members[0].rule), *(_fact(m, first) for m in members)]
        cluster = ctx.clusters[root]
        unnamed.append(UnnamedFact(cluster.label, cluster.name, tuple(refs)))
    unnamed.sort(key=lambda u: u.references[0].span)
    return named, unnamed


def _anchors(ctx: Context, roots: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
    return tuple(ctx.clusters[r].mentions[0] for r in roots)


def _seed_fact(seed: Anaphor, rule: str) -> ReferenceFact:
    """The first mention of an unnamed entity: its own antecedent, cited with the rule that
    linked the next mention to it."""
    return ReferenceFact(
        span=seed.chars,
        kind=seed.kind,
        antecedent=seed.chars,
        entities=(seed.chars,),
        rule=RULE_PREFIX + rule,
        sentence=seed.sentence,
    )


def _as_candidate(doc: Doc, link: Link) -> Candidate:
    """A resolved reference, as a candidate for the anaphors after it."""
    a, ante = link.anaphor, link.antecedent
    return a.candidate(
        doc,
        clusters=ante.clusters,
        anchors=ante.anchors,
        labels=ante.labels,
        reference=True,
        plural=a.plural or (a.pronoun is not None and a.pronoun.number == "plural"),
        person=a.person or (a.pronoun is not None and a.pronoun.gender in ("male", "female")),
    )
