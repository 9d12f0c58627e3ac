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

from spacy.tokens import Span, Token

from pipeline.entities import gender
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
    inside a sentence subjects first, then objects, then the rest, each left to right."""
    out = [
        c
        for c in candidates
        if c.end <= anaphor.start and 0 <= anaphor.sentence - c.sentence <= sentences
    ]
    return sorted(
        out, key=lambda c: (anaphor.sentence - c.sentence, not c.subject, not c.object, c.start)
    )


def cluster_label(ctx: Context, c: Candidate) -> str:
    return "GROUP" if c.group else ctx.clusters[ctx.find(c.clusters[0])].label


def person_gender(ctx: Context, cluster: int) -> str | None:
    """An honorific before one of its mentions, else the first name's gender, else None."""
    cluster = ctx.find(cluster)
    if cluster in ctx.person_gender:
        return ctx.person_gender[cluster]
    if cluster >= ctx.named:  # an unnamed person ("the spokesman")
        return None
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
    cluster = ctx.clusters[ctx.find(c.clusters[0])]
    if cluster.label not in labels:
        return False
    if kind == "country":
        return bool(cluster.norm and "country" in cluster.norm)
    if kind in ("company", "institution"):
        words = {w.lower() for w in cluster.name.replace("-", " ").split()}
        return bool(words & ctx.institution_words) == (kind == "institution")
    return True


def title_holders(ctx: Context) -> list[tuple[Span, Candidate]]:
    """(TITLE mention, person) where a title stands right before a person's name ("Trade
    Minister Jane Roe") or after it, set off by a comma ("Jane Roe, the trade minister")."""
    if ctx.holders is not None:
        return ctx.holders
    ents = ctx.all_ents
    people = {c.chars: c for c in ctx.names if cluster_label(ctx, c) == "PERSON"}
    out = []
    for i, e in enumerate(ents):
        if e.label_ != "TITLE":
            continue
        j = i + 1  # "the Prime Minister of Norland, Mr Tom Berg": a place of the title between
        while j < len(ents) and ents[j].label_ != "PERSON" and ents[j].start < e.end + 6:
            j += 1
        after = ents[j] if j < len(ents) else None
        if after is not None and (after.start_char, after.end_char) in people:
            if _title_gap(ctx, ctx.doc[e.end : after.start]):
                out.append((e, people[(after.start_char, after.end_char)]))
                continue
        j = i - 1  # "Jane Roe, the Acme chief executive": the title's own words may come between
        while j >= 0 and ents[j].label_ != "PERSON" and _premodifies(ents[j], e):
            j -= 1
        before = ents[j] if j >= 0 else None
        if before is not None and (before.start_char, before.end_char) in people:
            gap = ctx.doc[before.end : e.start]
            if gap.text.strip().lower() in ("the",) or (
                len(gap) and gap[0].text == "," and all(_premodifies(t, e) for t in gap[1:])
            ):
                out.append((e, people[(before.start_char, before.end_char)]))
    ctx.holders = out
    return out


def _title_gap(ctx: Context, gap: Span) -> bool:
    """What may stand between a title and the name after it: nothing, a comma, an honorific
    ("Mr"), and "of" + the place or organisation of the title before a comma."""
    words = [t for t in gap if not (t.lower_ in ctx.rules.honorifics or t.text == ".")]
    if not words or [t.text for t in words] == [","]:
        return True
    inside = ctx.in_entity
    return (
        words[0].lower_ == "of"
        and words[-1].text == ","
        and all(t.i in inside or t.dep_ == "det" for t in words[1:-1])
        and len(words) > 2
    )


def _premodifies(words: Span | Token, title: Span) -> bool:
    """Do ``words`` stand in front of ``title`` as its determiner or modifiers?"""
    tokens = [words] if isinstance(words, Token) else list(words)
    for t in tokens:
        if t.i >= title.start or t.dep_ not in ("det", "compound", "amod", "nmod", "punct"):
            return False
        head = t
        while head.i < title.start and head.head.i != head.i and head.head.i > head.i:
            head = head.head
        if not title.start <= head.i < title.end:
            return False
    return True
