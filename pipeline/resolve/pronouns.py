"""The pronoun sieve: third-person pronouns to the nearest compatible mention.

Candidates (:mod:`pipeline.resolve.mentions`) come in Stanford's order (:func:`ordered`), the
pronoun's local subject first (the subject of its own clause, or the object that controls an
infinitive: "forced Acme to cut its prices"); a candidate must agree in number, gender,
animacy and entity type, and a plain object pronoun never takes the subject of its own verb.
Refused, for good: pleonastic ``it`` ("it is likely that"), generic ``they`` ("they say"),
cataphora (a pronoun before the name it points forward to, when that name has no earlier
mention in reach), a pronoun whose nearest fitting candidate is a subject that is no entity
("the plane ... it"), and a pronoun with no compatible candidate within the paragraph limits.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.resolve.mentions import SUBJECT_DEPS, Anaphor, Candidate, Context
from pipeline.resolve.sieve_base import (
    Link,
    Refusal,
    Result,
    cluster_label,
    ordered,
    person_gender,
    token_in,
)
from pipeline.resolve.sieves import quote_of


def pleonastic(ctx: Context, tok: Token) -> bool:
    """``it`` that refers to nothing: ``it is likely that``, ``it seems``, ``it is expected
    to``, ``it rained`` (the parser's ``expl``, or a subject of such a verb or copula)."""
    if tok.dep_ == "expl":
        return True
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    rules = ctx.rules.pleonastic
    verb = tok.head
    children = list(verb.children)
    clausal = any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in children)
    lemma = verb.lemma_.lower()
    if lemma in rules.verbs and (clausal or lemma in ("rain", "snow")):
        return True
    if tok.dep_ == "nsubjpass" and verb.lower_ in rules.adjectives and clausal:
        return True
    if lemma == "be":
        for comp in children:
            if comp.dep_ in ("acomp", "attr") and comp.lower_ in rules.adjectives:
                inner = any(c.dep_ in ("ccomp", "xcomp") for c in comp.children)
                if clausal or inner:
                    return True
    return False


def _generic_they(ctx: Context, tok: Token) -> bool:
    verb = tok.head
    return (
        tok.dep_ == "nsubj"
        and verb.lemma_.lower() in ctx.rules.generic_they_verbs
        and verb.tag_ in ("VBP", "VB")
    )


def _cataphora(ctx: Context, a: Anaphor, fits: Callable[[Candidate], bool]) -> Candidate | None:
    """The name a pronoun points forward to: the subject after it of the clause its own
    clause or phrase hangs on ("Before she left, Jane Roe thanked them"), when it fits."""
    tok = ctx.tokens[a.head]
    for anc in tok.ancestors:
        subject = next((c for c in anc.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None or subject.i == tok.i or tok in subject.subtree:
            continue
        if subject.i < tok.i:
            return None
        name = next((c for c in ctx.names if c.root == subject.i), None)
        return name if name is not None and fits(name) else None
    return None


def local_subject(tok: Token) -> int | None:
    """The subject of the pronoun's own clause (not the pronoun), or the object that controls
    the infinitive it stands in ("forced Acme to cut its prices" -> Acme)."""
    for anc in tok.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in anc.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.i != tok.i and tok not in subject.subtree:
            return subject.i
        if anc.dep_ == "xcomp":
            controller = next((c for c in anc.head.children if c.dep_ == "dobj"), None)
            if controller is not None:
                return controller.i
    return None


def _binding_blocked(ctx: Context, a: Anaphor, c: Candidate) -> bool:
    """A plain object pronoun never takes the subject of its own verb ("Acme sued it");
    a reflexive only takes it."""
    tok = ctx.tokens[a.head]
    p = a.pronoun
    if p is None or p.possessive or tok.dep_ not in ("dobj", "dative", "pobj", "iobj"):
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    verbs = {verb.i, verb.head.i} if verb.dep_ == "conj" else {verb.i}  # "X came and saw it"
    own_subject = c.subject and ctx.doc[c.root].head.i in verbs
    return own_subject if not p.reflexive else not own_subject


def pronoun_fits(ctx: Context, a: Anaphor, c: Candidate) -> bool:
    p = a.pronoun
    assert p is not None
    if c.blocker:
        if p.number == "plural":
            return c.plural
        return not c.plural and c.person == (p.gender in ("male", "female"))
    if c.group:
        return p.number == "plural" and p.person == 3
    if c.nominal or ctx.find(c.clusters[0]) >= ctx.named:  # an entity no name mentions
        if p.person != 3 or c.plural != (p.number == "plural"):
            return False
        return c.plural or c.person == (p.gender in ("male", "female"))
    label = cluster_label(ctx, c)
    if label not in p.labels:
        return False
    if label == "PERSON" and p.gender in ("male", "female"):
        return person_gender(ctx, c.clusters[0]) in (None, p.gender)
    return True


def pronoun(ctx: Context, a: Anaphor) -> Result:
    p = a.pronoun
    if a.kind != "pronoun" or p is None or p.person != 3:
        return None
    tok = ctx.tokens[a.head]
    if p.word == "it" and pleonastic(ctx, tok):
        return Refusal(a, "pleonastic")
    limits = ctx.rules.limits
    quote = quote_of(ctx, a)
    speaker = quote.speaker if quote is not None else None
    if ctx.unnamed:  # every noun phrase no sieve linked is an entity of its own
        blockers = [ctx.nominals[h] for h in ctx.nominals_open]
    else:
        taken = {c.root for c in [*ctx.names, *ctx.resolved]}
        blockers = [b for b in ctx.blockers if b.root not in taken]
    pool = [
        c
        for c in [*ctx.candidates(), *ctx.groups, *blockers]
        if not c.premodifier and a.paragraph - c.paragraph <= limits.pronoun_paragraphs
    ]

    def fits(c: Candidate) -> bool:
        return pronoun_fits(ctx, a, c)

    candidates = ordered(a, pool, limits.pronoun_sentences)
    forward = _cataphora(ctx, a, fits)
    if forward is not None:  # anaphoric all the same when that name was mentioned before
        earlier = [c for c in candidates if c.clusters == forward.clusters]
        if not earlier:
            return Refusal(a, "cataphora")
        return Link(a, earlier[0], "pronoun")
    if p.number == "plural" and _generic_they(ctx, tok):
        if not any(c.group for c in ordered(a, pool, 1)):
            return Refusal(a, "generic-they")
    local = local_subject(tok)
    if local is not None:  # the local subject first: the clause's own topic
        candidates.sort(key=lambda c: c.sentence != a.sentence or c.root != local)
    for c in candidates:
        if speaker is not None and token_in(c, speaker):
            continue  # "he" inside a quote is not its speaker
        if fits(c) and not _binding_blocked(ctx, a, c):
            return Refusal(a, "not-an-entity") if c.blocker else Link(a, c, "pronoun")
    return Refusal(a, "no-antecedent")
