"""Noun phrases as mentions: entities the text never names ("a new plane ... the plane ... it").

Stanford's deterministic coreference (Lee et al. 2013) starts from every noun phrase, not only
the named ones; this module is that mention detection and its two sieves between noun phrases:

- :func:`find_noun_phrases`: every noun phrase headed by a noun that is in no entity mention
  and no premodifier ("the plane", "its engines", "airliners", "a spokesman"), beside the
  descriptions :mod:`pipeline.resolve.anaphors` finds; :func:`register` gives each description
  and noun phrase a cluster of its own (after the named clusters), which a link joins to its
  antecedent's;
- ``nominal-exact``: a noun phrase whose words after the determiner are those of an earlier one
  ("aircraft ... aircraft", "the engine ... the engine");
- ``proper-head``: a name the entity model missed, with the head word of an earlier one
  ("the new zPhone ... their popular zPhone"), numbers agreeing;
- ``nominal-head-match`` (Stanford's strict head match): a definite noun phrase whose head noun
  is the head of an earlier noun phrase or name, with no modifier that mention lacks (word
  inclusion and compatible modifiers: "a new plane ... the plane", but not "the old plane").

A noun phrase that none of the sieves links stays a candidate for the pronouns after it
(:mod:`pipeline.resolve.pronouns`); a cluster of two mentions or more is an unnamed entity.
Pure functions over a parsed ``Doc`` and its :class:`~pipeline.resolve.mentions.Context`.
"""

from __future__ import annotations

import numpy
from spacy.attrs import POS
from spacy.symbols import NOUN, PROPN

from pipeline.facts import ClusterFact
from pipeline.resolve.anaphors import base_anaphor, head_phrase, modifiers_start, restrictive
from pipeline.resolve.mentions import (
    PREMODIFIER_DEPS,
    Anaphor,
    Candidate,
    Context,
)
from pipeline.resolve.sieve_base import Link, Result, cluster_label, ordered

UNKNOWN_LABEL = "OTHER"  # an unnamed entity whose head noun says no type


def find_noun_phrases(ctx: Context, taken: set[int]) -> list[Anaphor]:
    """Noun phrases whose head token is no anaphor yet (``taken``: their head tokens)."""
    doc, toks = ctx.doc, ctx.tokens
    pos = doc.to_array([POS])
    heads = numpy.flatnonzero((pos == NOUN) | (pos == PROPN)).tolist()
    skip = ctx.in_entity | taken
    honorifics = ctx.rules.honorifics
    generic = frozenset(ctx.rules.non_referential_heads)
    out = []
    for i in heads:
        if i in skip:
            continue
        tok = toks[i]
        if tok.dep_ in PREMODIFIER_DEPS and tok.head.i > i or tok.dep_ == "compound":
            if _brand(tok.text):  # "zPhone sales": a name the entity model missed
                out.append(_brand_mention(ctx, i))
            continue  # a noun modifying another ("the plane maker"): no mention of its own
        if tok.lower_ in honorifics or not tok.text[:1].isalnum() or tok.is_stop:
            continue
        if tok.lemma_.lower() in generic:
            continue
        start = modifiers_start(tok)
        found = base_anaphor(ctx, "description", start, i + 1, i)
        phrase = head_phrase(ctx.rules, tok)
        found.spec = ctx.rules.head_table.get(phrase[0]) if phrase else None
        found.head_words = phrase[0] if phrase else tok.lower_
        found.proper = (
            not (tok.is_lower or tok.is_sent_start)
            or any(  # "Trade rose": no name
                t.pos_ == "PROPN" and t.i not in ctx.in_entity for t in toks[start:i]
            )
        )
        if found.spec is not None and found.spec.kind == "place":  # "the Northfield region"
            found.proper = found.proper or any(t in ctx.in_entity for t in range(start, i))
        found.anaphoric = not found.proper  # a name, no description: linked by its words only
        out.append(found)
    return out


def _brand(text: str) -> bool:
    """A word spelt like a brand name: letters, with a capital after the first ("zPhone")."""
    return text.isalpha() and any(ch.isupper() for ch in text[1:]) and not text.isupper()


def _brand_mention(ctx: Context, i: int) -> Anaphor:
    found = base_anaphor(ctx, "description", i, i + 1, i)
    found.head_words = ctx.tokens[i].lower_
    found.proper = True
    found.anaphoric = False
    return found


def describe(ctx: Context, a: Anaphor) -> None:
    """Fill the noun phrase fields of a description (determiner, number, head lemma, words)."""
    rules = ctx.rules
    head = ctx.tokens[a.head]
    tokens = ctx.tokens[a.start : a.end]
    front = tokens[: a.head - a.start]
    det_words = {t.lower_ for t in front if t.dep_ in ("det", "predet") and t.head.i == a.head}
    a.phrase = True
    a.definite = a.definite or not det_words.isdisjoint(rules.definite)
    a.possessed = any(c.dep_ == "poss" for c in head.lefts)
    first = next((t for t in front if t.dep_ not in ("det", "predet")), None)
    a.indefinite = not (a.definite or a.possessed) and (
        not det_words.isdisjoint(rules.indefinite)  # "a plane", "some jets"
        or (first is not None and first.dep_ == "nummod")  # "five jets", not "the X 200 jet"
    )
    a.plural = head.tag_ in ("NNS", "NNPS") or a.kind == "group"
    a.person = a.spec is not None and a.spec.kind == "role"
    a.lemma = head.lemma_.lower() if head.pos_ == "NOUN" else head.lower_
    words = [
        t.lower_
        for t in tokens
        if not (t.dep_ in ("det", "predet", "poss", "case") and t.head.i >= t.i) and not t.is_punct
    ]
    a.key = " ".join(words)
    a.words = frozenset(words)
    if not a.modifiers:
        a.modifiers = tuple(words[:-1])
    blocked = rules.non_anaphoric_modifiers
    a.anaphoric = a.anaphoric and not (
        any(w in blocked for w in words[:-1])
        or any(t.tag_ in ("JJS", "RBS") for t in front)
        or any(restrictive(c) for c in head.rights)
    )


def register(ctx: Context, anaphors: list[Anaphor]) -> None:
    """A cluster of its own and a candidate for each description and noun phrase."""
    for a in anaphors:
        if a.kind not in ("description", "group") or a.head in ctx.nominals:
            continue
        describe(ctx, a)
        label = a.spec.labels[0] if a.spec is not None else UNKNOWN_LABEL
        k = len(ctx.clusters)
        words = ctx.tokens[a.start : a.end]
        name = "".join(t.text_with_ws for t in words[:-1]) + words[-1].text
        ctx.clusters.append(ClusterFact(label=label, name=name, mentions=()))
        ctx.cluster_words[k] = set(a.words)
        a.cluster = k
        ctx.nominals[a.head] = a.candidate(
            ctx.doc,
            clusters=(k,),
            anchors=(a.chars,),
            labels=frozenset({label}),
            words=a.words,
            plural=a.plural,
            person=a.person,
            nominal=True,
        )
        ctx.nominals_open.add(a.head)
        ctx.phrases[a.head] = a
        ctx.by_key.setdefault(a.key, []).append(a)
        ctx.by_lemma.setdefault(a.lemma, []).append(a)


def _earlier(
    ctx: Context, a: Anaphor, pool: list[Anaphor], sentences: int
) -> list[tuple[Anaphor, Candidate]]:
    """The noun phrases of ``pool`` before ``a`` within ``sentences``, nearest first."""
    out = [
        (p, ctx.nominals[p.head])
        for p in pool
        if p.end <= a.start and 0 <= a.sentence - p.sentence <= sentences
    ]
    return sorted(out, key=lambda pc: -pc[0].start)


def _open(ctx: Context, a: Anaphor) -> bool:
    return ctx.unnamed and a.phrase and a.cluster is not None and ctx.find(a.cluster) == a.cluster


def nominal_exact(ctx: Context, a: Anaphor) -> Result:
    """The same words after the determiner as an earlier noun phrase (not an indefinite one)."""
    if not _open(ctx, a) or a.indefinite or a.possessed or not a.key:
        return None
    if not (a.proper or _name_like(ctx, a) or (a.definite and a.anaphoric)):
        return None  # "trade ... trade": a bare common noun is no one thing
    pool = ctx.by_key.get(a.key, [])
    for p, c in _earlier(ctx, a, pool, ctx.rules.limits.head_match_sentences):
        if p.proper != a.proper:  # "trade ... the Trade Committee": a name matches a name
            continue
        if p.key == a.key and p.plural == a.plural and ctx.find(c.clusters[0]) != a.cluster:
            return Link(a, c, "nominal-exact")
    return None


def proper_head(ctx: Context, a: Anaphor) -> Result:
    """A name the entity model missed (a proper noun phrase) -> the nearest earlier one with the
    same head word, case and all, whatever its modifiers ("the new, faster zPhone ... their
    popular zPhone"), unless their numbers differ ("zPhone 3" is not "zPhone 4"): Stanford's
    proper head word match."""
    if not _open(ctx, a) or not a.proper or a.plural:
        return None
    head = ctx.tokens[a.head].text
    numbers = _numbers(ctx, a)
    names = _name_modifiers(ctx, a)
    pool = [p for p in ctx.by_lemma.get(a.lemma, []) if p.proper and not p.plural]
    for p, c in _earlier(ctx, a, pool, ctx.rules.limits.head_match_sentences):
        if ctx.tokens[p.head].text != head or _numbers(ctx, p) != numbers:
            continue
        root = ctx.find(c.clusters[0])
        if root != a.cluster and names <= ctx.cluster_words.get(root, set()):
            return Link(a, c, "proper-head")  # not "the Joint Trade ... Joint Energy Committee"
    return None


def _numbers(ctx: Context, a: Anaphor) -> set[str]:
    return {t.lower_ for t in ctx.doc[a.start : a.end] if any(ch.isdigit() for ch in t.text)}


def _name_modifiers(ctx: Context, a: Anaphor) -> set[str]:
    """The capitalised words in front of the head that are in no entity mention."""
    return {
        t.lower_
        for t in ctx.doc[a.start : a.head]
        if not t.is_lower and t.is_alpha and t.i not in ctx.in_entity and not t.is_sent_start
    }


def nominal_head_match(ctx: Context, a: Anaphor) -> Result:
    """A definite noun phrase -> the nearest earlier noun phrase or name with its head noun,
    every word of it among the words of that entity, every modifier among that mention's."""
    if not _open(ctx, a) or not a.definite or not a.anaphoric or a.possessed or not a.lemma:
        return None
    window = ctx.rules.limits.head_match_sentences
    mods = set(a.modifiers)
    found: list[tuple[int, Candidate]] = []
    for p, c in _earlier(ctx, a, ctx.by_lemma.get(a.lemma, []), window):
        if p.lemma != a.lemma or p.plural != a.plural or not mods <= p.words:
            continue
        if not a.words <= ctx.cluster_words.get(ctx.find(c.clusters[0]), set()) | p.words:
            continue
        found.append((p.start, c))
        break
    for c in ctx.names:  # "the program" -> "Northfield Training Program"
        if c.end > a.start or not 0 <= a.sentence - c.sentence <= window:
            continue
        last = ctx.doc[c.end - 1]
        if last.lower_ in (a.lemma, a.head_words) or last.lemma_.lower() == a.lemma:
            if mods <= c.words and not a.plural:
                found.append((c.start, c))
    if not found:
        return None
    return Link(a, max(found, key=lambda sc: sc[0])[1], "nominal-head-match")


def name_modifier(ctx: Context, a: Anaphor) -> Result:
    """A noun phrase headed by a product noun with a product's name in front of it -> that
    product ("the new Acme X200 phone" -> "X200")."""
    if a.kind not in ("description", "group") or a.spec is None or a.indefinite:
        return None  # "five new X200 phones" are some of them, not the model
    if a.spec.kind not in ctx.rules.name_modifier_kinds:
        return None
    inside = [
        c
        for c in ctx.names
        if a.start <= c.start
        and c.end <= a.head
        and c.premodifier
        and cluster_label(ctx, c) in a.spec.labels
    ]
    return Link(a, inside[-1], "name-modifier") if inside else None


def nominal_description(ctx: Context, a: Anaphor) -> Result:
    """A definite description of a kind (``the plane``) no named entity fits -> the nearest
    earlier noun phrase of that kind, or of no known kind but headed by a name or a model
    number for a product ("the X-200 ... the plane"), subjects first."""
    if not _open(ctx, a) or not a.definite or not a.anaphoric or a.spec is None or a.possessed:
        return None
    kind = a.spec.kind
    if kind == "role":
        return None
    pool = [
        ctx.nominals[p.head]
        for p in ctx.phrases.values()
        if p.end <= a.start
        and p.plural == a.plural
        and (
            (p.spec is not None and p.spec.kind == kind)
            or (p.spec is None and kind == "product" and _name_like(ctx, p))
        )
    ]
    mods = set(a.modifiers)
    for c in ordered(a, pool, ctx.rules.limits.description_sentences):
        root = ctx.find(c.clusters[0])
        if root != a.cluster and mods <= ctx.cluster_words.get(root, set()):
            return Link(a, c, "nominal-description")  # "the old plane": no other plane's
    return None


def _name_like(ctx: Context, p: Anaphor) -> bool:
    """A noun phrase headed by a model number or a name spelt like one ("the X-200",
    "the eReader"): a digit, or a capital letter after the first."""
    text = ctx.tokens[p.head].text
    return any(ch.isdigit() for ch in text) or any(ch.isupper() for ch in text[1:])
