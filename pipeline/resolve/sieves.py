"""The coreference sieves for names and descriptions, and for ``I``/``we`` in quotes.

Each is a function ``(context, anaphor) -> Link | Refusal | None`` (:mod:`pipeline.resolve.sieve_base`);
the pronoun sieve is :mod:`pipeline.resolve.pronouns`. Precise constructs first (honorific +
surname, appositive, relative pronoun, predicate nominative, role nouns matched to titles), then
head match, group descriptions and descriptions by type, after Lee et al. (2013).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from pipeline.resolve.mentions import SUBJECT_DEPS, Anaphor, Candidate, Context
from pipeline.resolve.quotes import Quote
from pipeline.resolve.sieve_base import (
    Link,
    Result,
    Sieve,
    cluster_label,
    fits_labels,
    kind_fits,
    name_at,
    ordered,
    person_gender,
    title_holders,
)

# --- 1. honorific + surname ---------------------------------------------------------------------


def honorific(ctx: Context, a: Anaphor) -> Result:
    if a.kind != "honorific":
        return None
    doc = ctx.doc
    people = {
        c.clusters[0]
        for c in ctx.names
        if cluster_label(ctx, c) == "PERSON" and doc[c.end - 1].text == a.surname
    }
    if len(people) != 1:
        return None
    (person,) = people
    if a.gender and person_gender(ctx, person) not in (None, a.gender):
        return None
    before = [c for c in ctx.names if c.clusters == (person,) and c.end <= a.start]
    return Link(a, before[-1], "honorific") if before else None


# --- 2-3. precise constructs: appositive, predicate nominative --------------------------------


def appositive(ctx: Context, a: Anaphor) -> Result:
    if a.kind != "description" or a.plural:  # "some 400 guests, including Jo Roe": not one name
        return None
    if a.holder is not None:  # a title phrase before or after the name ("Acme CEO Jo Roe")
        return Link(a, a.holder, "appositive")
    head = ctx.tokens[a.head]
    partners = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        partners.append(head.head)
    front = None  # a capitalised word in front of a name is part of it ("zPhone SDK")
    if head.dep_ in ("compound", "nmod") and head.i + 1 < len(ctx.doc) and not a.proper:
        front = head.head  # "aircraft maker Acme" (a role appositive)
        partners.append(front)
    for tok in partners:
        name = next((c for c in ctx.names if c.root == tok.i), None)
        if name is None or not fits_labels(ctx, a, name):
            continue
        if tok is front or a.end <= name.start or _set_off(ctx, a, name):
            return Link(a, name, "appositive")  # after the name, only set off ("Acme metro")
    return None


def _set_off(ctx: Context, a: Anaphor, name: Candidate) -> bool:
    """Is the apposition set off by punctuation ("Acme, the carmaker"; not "Acme metro")?"""
    gap = ctx.doc[min(a.end, name.end) : max(a.start, name.start)]
    return any(t.is_punct for t in gap)


def relative_pronoun(ctx: Context, a: Anaphor) -> Result:
    """``which``/``who``/``that`` -> the name (or resolved description) its clause modifies."""
    if a.kind != "relative":
        return None
    tok = ctx.tokens[a.head]
    clause = next((t for t in [tok, *tok.ancestors] if t.dep_ == "relcl"), None)
    if clause is None:
        return None
    noun = clause.head.i
    if not 0 < tok.i - noun <= 3:  # the clause follows its noun ("Acme, which ..."), or it is
        return None  # no relative clause of that noun but a misparse ("said in X that ...")
    found = next((c for c in [*ctx.names, *ctx.resolved] if c.root == noun), None)
    if found is None or found.group:
        return None
    wants = ctx.rules.relative_pronouns.get(tok.lower_, "any")
    is_person = cluster_label(ctx, found) == "PERSON"
    if (wants == "person" and not is_person) or (wants == "thing" and is_person):
        return None
    return Link(a, found, "relative-pronoun")


def predicate_nominative(ctx: Context, a: Anaphor) -> Result:
    if a.kind != "description":
        return None
    head = ctx.tokens[a.head]
    verb = head.head
    if verb.lemma_.lower() not in ("be", "become", "remain"):
        return None
    if head.dep_ == "attr":  # "Acme is the largest carmaker"
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    elif head.dep_ in SUBJECT_DEPS:  # "The largest carmaker is Acme"
        subjects = [c for c in verb.children if c.dep_ == "attr"]
    else:
        return None
    for tok in subjects:
        name = next((c for c in ctx.names if c.root == tok.i), None)
        if name is not None and fits_labels(ctx, a, name):
            return Link(a, name, "predicate-nominative")
    return None


# --- 4. role nouns and the titles people hold -------------------------------------------------


def role_title(ctx: Context, a: Anaphor) -> Result:
    if a.kind != "description" or a.spec is None or a.spec.kind != "role" or not a.definite:
        return None
    words = set(a.head_words.split())
    holders = [
        (t, p)
        for t, p in title_holders(ctx)
        if t.end <= a.start
        and words <= {w.lower() for w in t.text.split()}
        and a.sentence - ctx.sentence(t.start) <= ctx.rules.limits.role_sentences
    ]
    if not holders:
        return None
    return Link(a, max(holders, key=lambda h: h[0].start)[1], "role-title")


# --- 5. head match ------------------------------------------------------------------------------


def head_match(ctx: Context, a: Anaphor) -> Result:
    if a.kind != "description" or not a.definite or not a.anaphoric or a.spec is None:
        return None
    if a.spec.kind == "role":
        return None
    head = a.head_words.split()[-1]
    for c in ordered(a, ctx.names, ctx.rules.limits.head_match_sentences):
        if head in c.words and all(m in c.words for m in a.modifiers) and fits_labels(ctx, a, c):
            return Link(a, c, "head-match")
    return None


# --- 6. group descriptions ----------------------------------------------------------------------


def group(ctx: Context, a: Anaphor) -> Result:
    if a.kind != "group" or not a.definite:
        return None
    rules = ctx.rules
    labels = set(a.spec.labels) if a.spec else set(rules.group_heads.get(a.head_words, ()))
    kind = a.spec.kind if a.spec else "group"
    window = rules.limits.group_sentences

    def fits(c: Candidate) -> bool:
        return all(kind_fits(ctx, kind, labels, _single(c, n)) for n in c.clusters)

    for g in ordered(a, ctx.groups, window):
        if fits(g) and (a.count is None or len(g.clusters) == a.count):
            return Link(a, g, "group")
    if a.count is None:
        return None
    chosen: list[Candidate] = []
    for c in sorted(ordered(a, ctx.names, window), key=lambda c: -c.start):
        if not c.premodifier and fits(c) and c.clusters[0] not in {x.clusters[0] for x in chosen}:
            chosen.append(c)
        if len(chosen) == a.count:
            break
    if len(chosen) < a.count:
        return None
    chosen.sort(key=lambda c: c.start)
    merged = Candidate(
        start=chosen[0].start,
        end=chosen[-1].end,
        chars=(chosen[0].chars[0], chosen[-1].chars[1]),
        sentence=chosen[0].sentence,
        paragraph=chosen[0].paragraph,
        root=chosen[0].root,
        subject=False,
        clusters=tuple(c.clusters[0] for c in chosen),
        anchors=tuple(c.anchors[0] for c in chosen),
        labels=frozenset(lab for c in chosen for lab in c.labels),
    )
    return Link(a, merged, "group.nearest")


def _single(c: Candidate, cluster: int) -> Candidate:
    """One member of a coordination, for the checks made per entity."""
    if not c.group:
        return c
    return replace(c, clusters=(cluster,), anchors=c.anchors[:1])


# --- 7. descriptions by type ------------------------------------------------------------------


def description_type(ctx: Context, a: Anaphor) -> Result:
    if a.kind != "description" or not a.definite or not a.anaphoric or a.spec is None:
        return None
    if a.spec.kind == "role":
        return None
    spec = a.spec
    pool = [  # a demonym in front of a noun evokes its country ("the Kazakh minister")
        c
        for c in ctx.candidates()
        if (not c.premodifier or spec.kind in ("country", "product")) and not c.group
    ]
    fitting = [
        c
        for c in ordered(a, pool, ctx.rules.limits.description_sentences)
        if kind_fits(ctx, spec.kind, spec.labels, c)
    ]
    if not fitting:
        return None
    described = [c for c in fitting if spec.kind in ctx.cluster_kinds.get(c.clusters[0], ())]
    if described:  # an entity the text already described so ("ethanol producer Acme")
        return Link(a, described[0], "description-type")
    if ctx.rules.description_order == "salience":  # the entity mentioned most so far
        seen = [c.clusters[0] for c in pool if c.end <= a.start]
        top = max(seen.count(c.clusters[0]) for c in fitting)
        fitting = [c for c in fitting if seen.count(c.clusters[0]) == top]
    return Link(a, fitting[0], "description-type")


# --- 9. quotes: I and we ----------------------------------------------------------------------


def quote_speaker(ctx: Context, a: Anaphor) -> Result:
    p = a.pronoun
    if a.kind != "pronoun" or p is None or p.person != 1:
        return None
    quote = quote_of(ctx, a)
    if quote is None or quote.speaker is None:
        return None
    speaker = name_at(ctx, quote.speaker)
    if speaker is None or speaker.group:
        return None
    if p.number == "plural" and cluster_label(ctx, speaker) == "PERSON":
        organisation = _speaker_organisation(ctx, a, quote.speaker)
        if organisation is not None:
            return Link(a, organisation, "quote-speaker.organisation")
    if cluster_label(ctx, speaker) not in p.labels:
        return None
    return Link(a, speaker, "quote-speaker")


def _speaker_organisation(ctx: Context, a: Anaphor, speaker: int) -> Candidate | None:
    """The organisation a person speaks for: one named in the speaker's phrase ("Acme chief
    executive Jane Roe", "Jane Roe, head of Acme"), or in the phrase of an earlier mention of
    that person ("Jane Roe, head of Acme, ... 'We ...,' Roe said")."""
    orgs = set(ctx.rules.organisation_labels)
    phrases = [speaker]
    person = name_at(ctx, speaker)
    if person is not None and not person.group:
        cluster = ctx.find(person.clusters[0])
        phrases += [
            c.root
            for c in ctx.names
            if c.end <= a.start and c.root != speaker and ctx.find(c.clusters[0]) == cluster
        ]
    for root in phrases:
        subtree = _own_phrase(ctx.doc[root])
        found = [c for c in ctx.names if c.root in subtree and cluster_label(ctx, c) in orgs]
        if found:
            return found[0]
    return None


def _own_phrase(tok: Token) -> set[int]:
    """The tokens of ``tok``'s phrase without its conjuncts ("Acme chief Jo Roe and Zenith
    chief Al Poe": Zenith is not Roe's)."""
    out = {t.i for t in tok.subtree}
    for c in tok.children:
        if c.dep_ in ("conj", "cc"):
            out -= {t.i for t in c.subtree}
    return out


def quote_of(ctx: Context, a: Anaphor) -> Quote | None:
    return next((q for q in ctx.quotes if q.holds(a.chars[0])), None)


SIEVE_FUNCTIONS: dict[str, Sieve] = {
    "honorific": honorific,
    "appositive": appositive,
    "relative-pronoun": relative_pronoun,
    "predicate-nominative": predicate_nominative,
    "role-title": role_title,
    "head-match": head_match,
    "group": group,
    "description-type": description_type,
    "quote-speaker": quote_speaker,
}
