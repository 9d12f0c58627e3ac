"""Roles: the arguments a trigger's rule finds for each of its roles.

For each role (:class:`~pipeline.events.rules.RoleSpec`), :func:`fill_role` follows the role's
dependency paths from the trigger (or from an anchor word near it), else searches a ConText-style
window (direction, ``max_scope``, ``terminated_by``) inside the role's scope. Entity roles take
``doc.ents`` mentions of the allowed labels (a noun phrase of coordinated parts gives each part's
named head); span roles take a chunk, a subtree or a clause.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from pipeline.events.rules import EventTypes, RoleSpec, Step
from pipeline.events.scopes import Scopes
from pipeline.events.triggers import TriggerMatch
from pipeline.facts import Offsets

# the grammar of the spans a role takes (English dependency labels and POS)
ENTITY_CHILD_DEPS = frozenset({"appos", "compound", "nmod", "poss"})
CHUNK_DEPS = frozenset({"compound", "amod", "nmod"})
PUNCT_EDGES = frozenset({"PUNCT", "SPACE"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp"})
# ``extend_back: paragraph`` reaches back at most this many tokens: a text without paragraph
# breaks (one long line) is one "paragraph", and a content argument the size of the document
# is no quote (and made each such argument cost time in the length of the whole text)
PARAGRAPH_MAX_TOKENS = 300


@dataclass(frozen=True)
class Arg:
    role: str
    start: int  # character offsets
    end: int
    is_entity: bool
    key: str  # what two mentions of one argument share
    words: frozenset[str] = frozenset()  # lemmas of a free span, for loose comparison
    norm: dict[str, Any] | None = field(default=None, compare=False, hash=False)


def follow(tokens: Iterable[Token], step: Step) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        if step.op == ">":
            cands = [c for c in t.children if not step.deps or c.dep_ in step.deps]
        elif step.op == ">>":
            cands = [d for d in t.subtree if d is not t and (not step.deps or d.dep_ in step.deps)]
        elif step.op == "<":
            cands = [t.head] if t.head is not t and (not step.deps or t.dep_ in step.deps) else []
        else:  # "@left": the words before the trigger in its own phrase
            cands = [d for left in t.lefts for d in left.subtree]
        if step.lemmas:
            cands = [c for c in cands if c.lemma_.lower() in step.lemmas or c.lower_ in step.lemmas]
        out.extend(c for c in cands if c not in out)
    return out


def follow_path(start: Token, path: tuple[Step, ...]) -> list[Token]:
    tokens = [start]
    for step in path:
        tokens = follow(tokens, step)
        if not tokens:
            break
    return tokens


def _conjuncts(tok: Token) -> list[Token]:
    out, todo = [tok], [tok]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                todo.append(c)
    return out


class _Bounds:
    """The tokens a role may reach: its scope around the trigger."""

    def __init__(self, scopes: Scopes, match: TriggerMatch, spec: RoleSpec) -> None:
        i = match.head
        if spec.scope == "sentence":
            self.lo, self.hi = scopes.seg_start[i], scopes.seg_end[i]
        else:
            k = scopes.sentence[i]
            self.lo = next((j for j in range(i, -1, -1) if scopes.sentence[j] < k - 1), -1) + 1
            self.hi = next(
                (j for j in range(i, len(scopes.sentence)) if scopes.sentence[j] > k + 1),
                len(scopes.sentence),
            )

    def __contains__(self, i: int) -> bool:
        return self.lo <= i < self.hi


def _entity_for(tok: Token, spec: RoleSpec, scopes: Scopes) -> Span | None:
    """The entity at ``tok`` with an allowed label, else one naming it (an appositive, a
    compound or possessive child: "his counterpart Vasily Matyushevsky")."""
    ent = scopes.ent_at[tok.i]
    if ent is not None and ent.label_ in spec.allowed_types:
        return ent
    for c in tok.children:
        e = scopes.ent_at[c.i]
        if c.dep_ in ENTITY_CHILD_DEPS and e is not None and e.label_ in spec.allowed_types:
            return e
    return None


def phrase_parts(tok: Token, scopes: Scopes) -> list[tuple[int, int]]:
    """The parts of the noun phrase ``tok`` heads, as token ranges: its subtree without clauses
    hanging in it and without ``tok``'s own conjuncts (the caller takes those), cut at ``and``
    / ``or`` / commas outside entities before ``tok``. The last part holds ``tok`` and its
    complements.

    "Finnish carrier Nordic Air and Portuguese lessor Lusa Capital" → two parts, whatever the
    parser made of the coordination; "Polish and Czech delegations" → "Polish", "Czech
    delegations"; "officials from Chile and Peru" → one part.
    """
    skip: set[int] = set()
    for d in tok.subtree:
        if d.i in skip or d is tok:
            continue
        if d.dep_ in CLAUSE_DEPS or (d.head is tok and d.dep_ in ("conj", "cc")):
            skip.update(t.i for t in d.subtree)
    parts: list[tuple[int, int]] = []
    start = prev = -1
    for d in tok.subtree:
        if d.i in skip:
            continue
        cut = (
            d.i < tok.i
            and scopes.ent_at[d.i] is None
            and (d.dep_ in ("cc", "preconj") or d.text in (",", ";"))
        )
        if cut or (prev >= 0 and d.i != prev):  # a gap left by a skipped clause ends a part
            if start >= 0:
                parts.append((start, prev))
            start = -1 if cut else d.i
        elif start < 0:
            start = d.i
        prev = d.i + 1
    if start >= 0:
        parts.append((start, prev))
    return parts


def _part_entity(lo: int, hi: int, spec: RoleSpec, scopes: Scopes) -> Span | None:
    """The last entity of an allowed label inside tokens ``lo..hi``: the head of an English
    noun phrase comes last ("Acme chairman John Smith" → John Smith; "officials from Chile"
    → Chile; "Czech delegations" → Czech)."""
    for i in range(hi - 1, lo - 1, -1):
        ent = scopes.ent_at[i]
        if ent is not None and ent.label_ in spec.allowed_types and lo <= ent.start:
            return ent
    return None


def entities_for(
    tok: Token, spec: RoleSpec, scopes: Scopes, group_nouns: frozenset[str] | None
) -> list[Span]:
    """The entities a role reaches at ``tok``.

    With ``group_nouns`` (the role's ``group_nouns`` lexicon) and a role that takes many, a
    noun phrase whose premodifiers are coordinated gives the named head of each part: an entity
    stands for itself, a common noun of the lexicon (delegation, officials, carrier) for the
    last entity of its part and that entity's conjuncts ("Uzbek and Turkish delegations" →
    Uzbek, Turkish; "officials from Chile and Peru" → Chile, Peru). Otherwise the entity at
    ``tok`` or naming it (:func:`_entity_for`)."""
    ent = _entity_for(tok, spec, scopes)
    if group_nouns is None or not spec.many:
        return [ent] if ent is not None else []
    named = ent is not None and scopes.ent_at[tok.i] is ent
    if not (named or (scopes.ent_at[tok.i] is None and _in_lexicon(tok, group_nouns))):
        return [ent] if ent is not None else []
    out: list[Span] = []
    for lo, hi in phrase_parts(tok, scopes):
        if named and lo <= tok.i < hi:
            heads: list[Span | None] = [ent]
        else:
            e = _part_entity(lo, hi, spec, scopes)
            if e is None:
                continue
            heads = [
                scopes.ent_at[c.i] for c in _conjuncts(_coordination(e.root)) if lo <= c.i < hi
            ]
        for h in heads:
            if h is not None and h.label_ in spec.allowed_types and h not in out:
                out.append(h)
    return out


def _coordination(tok: Token) -> Token:
    """The first conjunct of the coordination ``tok`` is in."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _in_lexicon(tok: Token, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].pos_ in PUNCT_EDGES or doc[start].is_quote):
        start += 1
    while end > start and (doc[end - 1].pos_ in PUNCT_EDGES or doc[end - 1].is_quote):
        end -= 1
    return start, end


def _span_arg(
    doc: Doc, spec: RoleSpec, tok: Token, match: TriggerMatch, scopes: Scopes
) -> Arg | None:
    """A free-text argument grown from ``tok``: its chunk, its subtree or its clause."""
    if spec.span == "chunk":
        start = tok.i
        for left in reversed(list(tok.lefts)):
            if left.dep_ in CHUNK_DEPS and left.i == start - 1 and scopes.ent_at[left.i] is None:
                start = left.i
            else:
                break
        start, end = start, tok.i + 1
    else:
        start, end = tok.left_edge.i, tok.right_edge.i + 1
        if spec.span == "subtree":
            for j in range(tok.i + 1, end):
                if doc[j].lower_ in spec.terminated_by:
                    end = j
                    break
        if start <= match.start < end:  # a clause the trigger hangs in: the larger side of it
            trig_lo = min(doc[match.head].left_edge.i, match.start)
            trig_hi = max(doc[match.head].right_edge.i + 1, match.end)
            before, after_ = (start, trig_lo), (trig_hi, end)
            start, end = max(before, after_, key=lambda se: se[1] - se[0])
        start, end = _trim(doc, start, end)
        if (
            spec.extend_back == "paragraph"
            and end <= match.start
            and start - scopes.para_start[start] <= PARAGRAPH_MAX_TOKENS
            and start == _trim(doc, scopes.seg_start[start], end)[0]
        ):
            start = _trim(doc, scopes.para_start[start], end)[0]
        while start < end and (doc[start].pos_ == "DET" or doc[start].dep_ == "mark"):
            start += 1
    if start >= end:
        return None
    span = doc[start:end]
    words = frozenset(t.lemma_.lower() for t in span if not (t.is_punct or t.is_stop))
    return Arg(spec.role, span.start_char, span.end_char, False, " ".join(sorted(words)), words)


def _entity_arg(ent: Span, role: str, scopes: Scopes) -> Arg:
    o = (ent.start_char, ent.end_char)
    key = scopes.keys.get(o)
    if key is None:  # every mention has a key (entity_keys): the text is the fallback only
        key = ent.text.lower()
    return Arg(role, o[0], o[1], True, key, norm=ent._.norm)


def _window(
    doc: Doc, center: TriggerMatch, spec: RoleSpec, bounds: _Bounds, max_scope: int, direction: str
) -> Iterator[Token]:
    """Tokens outward from the trigger, nearest first, each direction stopping at a terminator,
    the scope's edge or ``max_scope`` words."""
    sides: list[Iterator[Token]] = []

    def walk(rng: range) -> Iterator[Token]:
        n = 0
        for j in rng:
            if j not in bounds:
                return
            tok = doc[j]
            if tok.is_space:
                continue
            if tok.lower_ in spec.terminated_by or tok.lemma_.lower() in spec.terminated_by:
                return
            n += 1
            if n > max_scope:
                return
            yield tok

    if direction in ("forward", "bidirectional"):
        sides.append(walk(range(center.end, len(doc))))
    if direction in ("backward", "bidirectional"):
        sides.append(walk(range(center.start - 1, -1, -1)))
    live = list(sides)
    while live:
        for it in list(live):
            tok = next(it, None)
            if tok is None:
                live.remove(it)
            else:
                yield tok


def fill_role(
    doc: Doc,
    spec: RoleSpec,
    match: TriggerMatch,
    types: EventTypes,
    scopes: Scopes,
    used: set[Offsets],
) -> list[Arg]:
    """The arguments of role ``spec`` for the trigger ``match``, none of them at an offset of
    ``used`` (taken by an earlier role)."""
    bounds = _Bounds(scopes, match, spec)
    lexicon = types.lexicons.get(spec.lexicon) if spec.lexicon else None
    starts = [doc[match.head]]
    if spec.anchor is not None:
        words = types.lexicons[spec.anchor.lexicon]
        anchor = next(
            (
                t
                for t in _window(
                    doc, match, spec, bounds, spec.anchor.max_scope, spec.anchor.direction
                )
                if _in_lexicon(t, words) and (not spec.anchor.pos or t.pos_ in spec.anchor.pos)
            ),
            None,
        )
        starts = [anchor] if anchor is not None else []

    found: list[Arg] = []
    group_nouns = types.lexicons[spec.group_nouns] if spec.group_nouns else None
    is_date = spec.role == types.types[match.rule.type].date_role

    def take(tok: Token, *, expand: bool) -> bool:
        """Add the argument at ``tok`` (and its conjuncts when the role takes many)."""
        added = False
        for t in _conjuncts(tok) if expand and spec.many else [tok]:
            if t.i not in bounds or match.start <= t.i < match.end:
                continue
            args: list[Arg] = []
            if spec.span == "entity":
                for ent in entities_for(t, spec, scopes, group_nouns if expand else None):
                    if ent.start not in bounds:
                        continue
                    if lexicon is not None and not any(_in_lexicon(w, lexicon) for w in ent):
                        continue
                    if match.start < ent.end and ent.start < match.end:
                        continue
                    if is_date and _is_duration(ent._.norm):
                        continue
                    args.append(_entity_arg(ent, spec.role, scopes))
            elif lexicon is not None and not _in_lexicon(t, lexicon):
                continue
            else:
                arg = _span_arg(doc, spec, t, match, scopes)
                args = [arg] if arg is not None else []
            for arg in args:
                if (arg.start, arg.end) in used or any(
                    a.start == arg.start and a.end == arg.end for a in found
                ):
                    continue
                found.append(arg)
                added = True
                if not spec.many:
                    return True
        return added

    for start in starts:
        for path in spec.steps:
            for tok in follow_path(start, path) if path else []:
                if take(tok, expand=True) and not spec.many:
                    return found
    if not found and spec.direction is not None and spec.anchor is None:
        for tok in _window(doc, match, spec, bounds, spec.max_scope, spec.direction):
            if take(tok, expand=False) and not spec.many:
                break
    return found


def _is_duration(norm: object) -> bool:
    """A DATE norm of a length of time (``two-day``, ``27-year``): no point an event happens at."""
    return isinstance(norm, dict) and norm.get("type") == "DURATION"
