"""Finding the anaphors of a document: the mentions coreference resolves.

Third-person pronouns (and ``I``/``we``, for quotes), relative pronouns, descriptions headed by
a common noun of ``models/coref.json`` (``the company``, ``the Japanese car maker``) and any
noun phrase in apposition to, predicated of, or standing in front of a name, group
descriptions (``the two firms``, ``both companies``, ``the sides``), and honorific + surname
that is no entity (``Mr Brown``). Pure functions over a parsed ``Doc`` and its
:class:`~pipeline.resolve.mentions.Context`.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Span, Token

from pipeline.resolve.coref_rules import CorefRules, Pronoun
from pipeline.resolve.mentions import (
    MODIFIER_DEPS,
    PREMODIFIER_DEPS,
    RELATIVE_DEPS,
    SUBJECT_DEPS,
    Anaphor,
    Context,
)
from pipeline.resolve.sieve_base import title_holders


def find_anaphors(ctx: Context) -> list[Anaphor]:
    """Every pronoun, description and honorific name to resolve, in text order."""
    doc, rules = ctx.doc, ctx.rules
    if not len(doc):
        return []
    pronouns = rules.pronoun_table
    heads = rules.last_words
    honorifics = rules.honorifics
    relatives = set(rules.relative_pronouns)
    wanted = rules.word_ids
    in_ent = ctx.in_entity
    titles = {i for e in ctx.all_ents if e.label_ == "TITLE" for i in range(e.start, e.end)}
    ctx.title_tokens = titles
    out: list[Anaphor] = []
    hits = [i for i, lower in enumerate(doc.to_array([LOWER]).tolist()) if lower in wanted]
    for i in hits:
        if i in in_ent and i not in titles:
            continue  # a title alone ("the minister") may be a description of its holder
        tok = doc[i]
        word = tok.lower_
        found: Anaphor | None = None
        if word in pronouns and tok.pos_ == "PRON" and not (tok.is_upper and len(tok) > 1):
            found = _pronoun(ctx, tok, pronouns[word])
        elif word in relatives and tok.tag_ in ("WDT", "WP", "WP$") and tok.dep_ in RELATIVE_DEPS:
            found = base_anaphor(ctx, "relative", i, i + 1, i)
        elif word in honorifics:
            found = _honorific(ctx, tok, in_ent)
        elif word in heads and tok.pos_ in ("NOUN", "PROPN") and not tok.text.isupper():
            found = _description(ctx, tok, in_ent - titles if i in titles else in_ent)
            if i in titles and (found is None or found.spec is None or found.spec.kind != "role"):
                found = None
        if found is not None:
            out.append(found)
    out.extend(_syntactic_descriptions(ctx, {a.head for a in out}, in_ent))
    out.extend(_title_descriptions(ctx, {a.head: a for a in out}))
    return sorted(out, key=lambda a: a.start)


def _title_descriptions(ctx: Context, taken: dict[int, Anaphor]) -> list[Anaphor]:
    """A TITLE right before or after a person's name, with its determiner and the words in
    front of it ("Acme CEO Jo Roe" -> "Acme CEO"; "Jo Roe, the Acme Chief Executive"): a
    description of that person (the TITLE alone is an entity mention, no reference)."""
    out = []
    for title, person in title_holders(ctx):
        root = title.root
        if root.i in taken:
            taken[root.i].holder = person
            continue
        start = title.start
        while start > 0 and _in_front(ctx, ctx.doc[start - 1], title):
            start -= 1
        if start >= title.start:
            continue
        found = base_anaphor(ctx, "description", start, title.end, root.i)
        found.head_words = title.text.lower()
        found.spec = ctx.rules.head_table.get(root.lower_)
        found.definite = ctx.doc[start].lower_ in ctx.rules.definite
        found.anaphoric = False  # linked by syntax only
        found.holder = person
        out.append(found)
    return out


def _in_front(ctx: Context, tok: Token, title: Span) -> bool:
    """Is ``tok`` a determiner or modifier of ``title`` ("the", "Acme", "Uzbek"), no part of a
    person's name or of a coordination?"""
    if tok.dep_ not in ("det", "amod", "compound", "nmod") or tok.ent_type_ == "PERSON":
        return False
    head = tok
    while head.head.i > head.i and head.i < title.start:
        head = head.head
    return title.start <= head.i < title.end


def base_anaphor(ctx: Context, kind: str, start: int, end: int, head: int) -> Anaphor:
    first, last = ctx.tokens[start], ctx.tokens[end - 1]
    sent = ctx.sentence(start)
    return Anaphor(
        kind=kind,
        start=start,
        end=end,
        head=head,
        chars=(first.idx, last.idx + len(last)),
        sentence=sent,
        paragraph=ctx.paragraph_of[sent] if ctx.paragraph_of else 0,
    )


def _pronoun(ctx: Context, tok: Token, pronoun: Pronoun) -> Anaphor:
    found = base_anaphor(ctx, "pronoun", tok.i, tok.i + 1, tok.i)
    found.pronoun = pronoun
    return found


def _honorific(ctx: Context, tok: Token, in_ent: set[int]) -> Anaphor | None:
    """``Mr Brown``: an honorific and a capitalised word that is no entity mention."""
    doc = ctx.doc
    j = tok.i + 1
    if j < len(doc) and doc[j].text == ".":
        j += 1
    if j >= len(doc) or j in in_ent or not doc[j].is_title or doc[j].pos_ != "PROPN":
        return None
    end = j + 1
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title and end not in in_ent:
        end += 1
    found = base_anaphor(ctx, "honorific", tok.i, end, end - 1)
    found.surname = doc[end - 1].text
    found.gender = ctx.rules.honorifics.get(tok.lower_)
    return found


def head_phrase(rules: CorefRules, tok: Token) -> tuple[str, bool] | None:
    """The head noun (singular, one or two words) a description ends in, and whether it is
    plural: "car maker" (with the compound before), else the word alone."""
    word = tok.lower_
    plural = word in rules.plural_heads
    single = rules.plural_heads.get(word, word)
    if tok.i > 0:
        two = f"{tok.doc[tok.i - 1].lower_} {single}"
        if two in rules.head_table:
            return two, plural
    if single in rules.head_table or single in rules.group_heads:
        return single, plural
    return None


def _description(ctx: Context, tok: Token, in_ent: set[int]) -> Anaphor | None:
    """A noun phrase headed by ``tok``: its determiner and premodifiers, up to the head."""
    rules = ctx.rules
    phrase = head_phrase(rules, tok)
    if phrase is None or tok.dep_ in PREMODIFIER_DEPS and tok.head.i > tok.i:
        return None
    head_words, plural = phrase
    spec = rules.head_table.get(head_words)
    if not tok.is_lower and (spec is None or spec.kind != "role"):
        return None  # "the Joint Trade Committee": a name the entity model missed, no anaphor
    left = [
        c
        for c in tok.lefts
        if c.dep_ in ("det", "predet", "nummod", "poss") or c.dep_ in MODIFIER_DEPS
    ]
    dets = [c.lower_ for c in left if c.dep_ in ("det", "predet")]
    if any(c.dep_ == "poss" for c in left):
        return None  # "its bank", "Acme's chief": a relational noun, not an anaphor of its own
    start = min((c.left_edge.i for c in left), default=tok.i)
    if any(i in in_ent for i in range(start, tok.i)) and not dets:
        return None
    titles = ctx.title_tokens
    if any(t.pos_ == "PROPN" and t.i not in in_ent | titles for t in ctx.doc[start : tok.i]):
        return None  # "the Northfield region": part of a name
    if spec is not None and spec.kind == "place" and any(i in in_ent for i in range(start, tok.i)):
        return None  # "the Northfield region" with "Northfield" an entity: a name too
    count = next(
        (rules.group_counts[c.lower_] for c in left if c.lower_ in rules.group_counts), None
    )
    found = base_anaphor(ctx, "group" if plural else "description", start, tok.i + 1, tok.i)
    found.spec = spec
    found.head_words = head_words
    found.definite = any(d in rules.definite or d in rules.group_counts for d in dets)
    found.count = count if plural else None
    mods = []
    for t in ctx.doc[start : tok.i]:
        if (
            t.i in in_ent
            or t.dep_ in ("det", "predet", "punct", "nummod")
            or t.lower_ in head_words.split()
        ):
            continue
        mods.append(t.lower_)
    found.modifiers = tuple(mods)
    blocked = set(rules.non_anaphoric_modifiers)
    found.anaphoric = not (
        any(m in blocked for m in mods)
        or any(t.tag_ in ("JJS", "RBS") for t in ctx.doc[start : tok.i])
        or any(restrictive(c) for c in tok.rights)
    )
    if not found.definite and not _syntactic_partner(tok):
        return None
    return found


def modifiers_start(tok: Token) -> int:
    """Where a noun phrase starts: the left edge of its determiner and modifiers, never
    reaching into a coordination before it ("Acme and [Zenith's freight operator]")."""
    start = tok.i
    for c in reversed(list(tok.lefts)):
        if c.tag_ == "HYPH":  # "the X-200": the hyphen inside a model's name
            continue
        if c.dep_ not in ("det", "poss", "predet") and c.dep_ not in MODIFIER_DEPS:
            break
        edge = c.left_edge.i
        if any(t.dep_ in ("cc", "conj") for t in tok.doc[edge : c.i]):
            edge = c.i
        start = min(start, edge)
    return start


def restrictive(clause: Token) -> bool:
    """A relative or participle clause not set off by a comma ("the firm that makes locks")."""
    if clause.dep_ not in ("relcl", "acl"):
        return False
    first = clause.left_edge.i
    return first == 0 or clause.doc[first - 1].text != ","


def _syntactic_partner(tok: Token) -> bool:
    """Is the noun in apposition to, or the complement of a copula with, something?"""
    return tok.dep_ in ("appos", "attr") or any(c.dep_ == "appos" for c in tok.children)


def _syntactic_descriptions(ctx: Context, taken: set[int], in_ent: set[int]) -> list[Anaphor]:
    """Noun phrases with any common-noun head in apposition to a name or predicated of one
    ("Acme, a maker of locks," / "Acme is a maker of locks"): the appositive and
    predicate-nominative sieves link them whatever their head."""
    out = []
    by_root = {c.root: c for c in ctx.names}
    for name in ctx.names:
        root = ctx.doc[name.root]
        partners = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            partners.append(root.head)
        if root.dep_ in SUBJECT_DEPS:
            partners += [c for c in root.head.children if c.dep_ == "attr"]
        if name.start > 0:  # "aircraft maker Acme": a noun phrase in front of the name
            before = ctx.doc[name.start - 1]
            if before.dep_ in ("compound", "nmod") and before.head.i == name.root:
                partners.append(before)
        for tok in partners:
            if tok.i in taken or tok.i in in_ent or tok.pos_ != "NOUN" or tok.i in by_root:
                continue
            if tok.tag_ == "NNS":  # a plural noun is no description of one name
                continue
            start = modifiers_start(tok)
            if tok.head.i == name.root and tok.i < name.start:  # "Acme chief executive Jo Roe"
                while (
                    start > 0
                    and ctx.doc[start - 1].head.i == name.root
                    and ctx.doc[start - 1].dep_ in MODIFIER_DEPS
                    and start - 1 not in in_ent
                ):
                    start -= 1
            found = base_anaphor(ctx, "description", start, tok.i + 1, tok.i)
            found.head_words = tok.lower_
            found.spec = ctx.rules.head_table.get(tok.lower_)
            found.anaphoric = False  # linked by syntax only
            out.append(found)
            taken.add(tok.i)
    return out
