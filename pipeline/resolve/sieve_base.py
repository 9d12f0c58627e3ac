"""What every coreference sieve shares: its result (``Link``, ``Refusal``) and candidate order.

A sieve is a function ``(context, anaphor) -> Link | Refusal | None``.

Run in the order of ``models/coref.json`` by :mod:`pipeline.resolve.coref`, most precise first
(after Lee et al. 2013, "Deterministic coreference resolution based on entity-centric,
precision-ranked rules"): a sieve links an anaphor to a :class:`Candidate` (``Link``), refuses it
for good (``Refusal``: pleonastic ``it``, generic ``they``, cataphora, no compatible antecedent),
or leaves it to the next sieve (None). Candidates are ordered as Stanford's pronoun sieve
orders them: the anaphor's own sentence first, then each earlier sentence, nearest first, and
inside a sentence subjects before other mentions, left to right.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from pipeline.resolve import gender
from pipeline.resolve.mentions import Anaphor, Candidate, Context


@dataclass(frozen=True)
class Link:
    anaphor: Anaphor
    antecedent: Candidate
    rule: str  # the sieve id, with a refinement after a dot ("quote-speaker.organisation")


@dataclass(frozen=True)
class Refusal:
    anaphor: Anaphor
    reason: str  # pleonastic, generic-they, cataphora, no-antecedent


Result = Link | Refusal | None
Sieve = Callable[[Context, Anaphor], Result]


# --- shared helpers ---------------------------------------------------------------------------


def ordered(anaphor: Anaphor, candidates: Iterable[Candidate], sentences: int) -> list[Candidate]:
    """Candidates before ``anaphor`` within ``sentences`` sentences, nearest sentence first,
    subjects first inside a sentence, then left to right."""
    out = [
        c
        for c in candidates
        if c.end <= anaphor.start and 0 <= anaphor.sentence - c.sentence <= sentences
    ]
    return sorted(out, key=lambda c: (anaphor.sentence - c.sentence, not c.subject, c.start))


def cluster_label(ctx: Context, c: Candidate) -> str:
    return "GROUP" if c.group else ctx.clusters[c.clusters[0]].label


def person_gender(ctx: Context, cluster: int) -> str | None:
    """An honorific before one of its mentions, else the first name's gender, else None."""
    if cluster in ctx.person_gender:
        return ctx.person_gender[cluster]
    doc, rules = ctx.doc, ctx.rules
    found: str | None = None
    for c in ctx.names:
        if c.clusters == (cluster,) and c.start > 0:
            before = doc[c.start - 1].lower_
            if before == "." and c.start > 1:
                before = doc[c.start - 2].lower_ + "."
            if rules.honorifics.get(before):
                found = rules.honorifics[before]
                break
    if found is None:
        words = ctx.clusters[cluster].name.split()
        if len(words) >= 2 and words[0].lower() not in rules.honorifics:
            found = gender.first_name_gender(words[0])
    ctx.person_gender[cluster] = found
    return found


def token_in(c: Candidate, i: int) -> bool:
    return c.start <= i < c.end


def name_at(ctx: Context, i: int) -> Candidate | None:
    return next((c for c in [*ctx.names, *ctx.resolved] if token_in(c, i)), None)


def fits_labels(ctx: Context, anaphor: Anaphor, c: Candidate) -> bool:
    return anaphor.spec is None or cluster_label(ctx, c) in anaphor.spec.labels


def kind_fits(ctx: Context, kind: str, labels: Iterable[str], c: Candidate) -> bool:
    """Can the entity of ``c`` be described as a ``kind`` (``models/coref.json``
    descriptions): a country is a GPE that is a country (not a city), an institution an
    organisation whose name holds an institution word ("... Ministry", "... Agency"), a
    company any other organisation; other kinds go by entity label."""
    if c.group or c.blocker:
        return False
    cluster = ctx.clusters[c.clusters[0]]
    if cluster.label not in labels:
        return False
    if kind == "country":
        return bool(cluster.norm and "country" in cluster.norm)
    if kind in ("company", "institution"):
        words = {w.lower() for w in cluster.name.replace("-", " ").split()}
        return bool(words & ctx.institution_words) == (kind == "institution")
    return True
