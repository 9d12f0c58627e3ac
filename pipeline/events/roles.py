"""Roles: the arguments a trigger's rule finds for each of its roles.

For each role (:class:`~pipeline.events.rules.RoleSpec`), :func:`fill_role` follows the role's
dependency paths from the trigger (or from an anchor word near it), else searches a ConText-style
window (direction, ``max_scope``, ``terminated_by``) inside the role's scope. Entity roles take
``doc.ents`` mentions of the allowed labels (:mod:`~pipeline.events.parties`), and where none is,
a pronoun, a description or a number the recogniser missed when the role says so
(:mod:`~pipeline.events.references`); span roles take a chunk, a subtree, a clause or the
quotation next to the trigger (:mod:`~pipeline.events.quotes`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from pipeline.events.parties import (
    appositive_entity,
    complement_entities,
    conjuncts,
    entities_for,
    in_lexicon,
)
from pipeline.events.quotes import quote_next_to
from pipeline.events.references import GENERIC, number_at, reference_at, resolved_at
from pipeline.events.rules import RoleSpec, Step
from pipeline.events.scopes import Scopes
from pipeline.events.triggers import TriggerMatch
from pipeline.events.types import EventTypes
from pipeline.facts import Offsets

# the grammar of the spans a role takes (English dependency labels and POS)
CHUNK_DEPS = frozenset({"compound", "amod", "nmod"})
PUNCT_EDGES = frozenset({"PUNCT", "SPACE"})
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
        elif step.op == "@self":  # the word itself (a noun trigger that names its own measure)
            cands = [t]
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
            head = doc[match.head]
            if head.is_ancestor(tok):  # "which X says is fair": the clause wraps its verb
                rest = [c for c in head.children if c != tok and not c.is_ancestor(tok)]
                trig_lo = min([match.start] + [c.left_edge.i for c in rest])
                trig_hi = max([match.end] + [c.right_edge.i + 1 for c in rest])
            else:
                trig_lo = min(head.left_edge.i, match.start)
                trig_hi = max(head.right_edge.i + 1, match.end)
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
        while (  # what is agreed is named without its determiner; a clause keeps its "that"
            spec.span == "subtree"
            and start < end
            and (doc[start].pos_ == "DET" or doc[start].dep_ == "mark")
        ):
            start += 1
    return _free_arg(doc, spec.role, start, end)


def _free_arg(doc: Doc, role: str, start: int, end: int) -> Arg | None:
    """A free-text argument over tokens ``start..end``; its key is its content words."""
    if start >= end:
        return None
    span = doc[start:end]
    words = frozenset(t.lemma_.lower() for t in span if not (t.is_punct or t.is_stop))
    key = " ".join(sorted(words)) or span.text.lower()
    return Arg(role, span.start_char, span.end_char, False, key, words)


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
                if in_lexicon(t, words) and (not spec.anchor.pos or t.pos_ in spec.anchor.pos)
            ),
            None,
        )
        starts = [anchor] if anchor is not None else []

    found: list[Arg] = []
    if spec.span == "quote":
        quote = quote_next_to(doc, doc[match.head], scopes.quotes)
        arg = _free_arg(doc, spec.role, *_trim(doc, *quote)) if quote else None
        return [arg] if arg is not None and (arg.start, arg.end) not in used else []
    group_nouns = types.lexicons[spec.group_nouns] if spec.group_nouns else None
    is_date = spec.role == types.types[match.rule.type].date_role
    refs = types.references
    generic = types.lexicons[refs.generic]
    blocked = False  # a word that names nobody was reached: the role stays empty
    pronouns: set[Offsets] = set()  # the pronouns taken

    def take(tok: Token, *, expand: bool, own: bool = False) -> bool:
        """Add the argument at ``tok`` (and its conjuncts when the role takes many); ``own``:
        the trigger's own words may be it."""
        nonlocal blocked
        added = False
        for t in conjuncts(tok) if expand and spec.many else [tok]:
            if t.i not in bounds or (match.start <= t.i < match.end and not own):
                continue
            if spec.pos and t.pos_ not in spec.pos:
                continue
            args: list[Arg] = []
            if spec.span == "entity":
                ref = None
                at = scopes.ent_at[t.i]
                if spec.references and (at is None or at.label_ not in spec.allowed_types):
                    ref = reference_at(t, spec.references, refs, generic, scopes)
                    if ref is not GENERIC:  # what coreference resolved, as it resolved it
                        ref = resolved_at(t, spec.references, scopes) or ref
                if ref is GENERIC and not spec.many:  # "party sources", "analysts": nobody,
                    named = appositive_entity(t, spec, scopes)  # unless named in apposition
                    if named is None:
                        blocked = True
                        return added
                    ref = None
                ents = entities_for(t, spec, scopes, group_nouns if expand else None)
                if ref is not None and ref.kind == "description" and not ents:
                    if (
                        spec.describe
                        and t.pos_ != "PROPN"
                        and not in_lexicon(t, types.lexicons[spec.describe])
                    ):
                        ref = None
                    else:  # "the letter from Acme": the name in it
                        ents = complement_entities(t, spec, scopes, types.references.owner_preps)
                if not ents and ref is not None and ref is not GENERIC:
                    arg = _free_arg(doc, spec.role, ref.start, ref.end)
                    if arg is not None and ref.key is not None:
                        arg = replace(arg, key=ref.key)
                    args = [arg] if arg is not None else []
                    if ref.kind == "pronoun":
                        pronouns.add((arg.start, arg.end) if arg else (0, 0))
                elif not ents and spec.numbers and (number := number_at(t, scopes)) is not None:
                    arg = _free_arg(doc, spec.role, *number)
                    args = [arg] if arg is not None else []
                for ent in ents:
                    if ent.start not in bounds:
                        continue
                    if lexicon is not None and not any(in_lexicon(w, lexicon) for w in ent):
                        continue
                    if match.start < ent.end and ent.start < match.end:
                        continue
                    if is_date and _is_duration(ent._.norm):
                        continue
                    args.append(_entity_arg(ent, spec.role, scopes))
            elif lexicon is not None and not in_lexicon(t, lexicon):
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
            own = path[-1].op == "@self"
            for tok in follow_path(start, path) if path else []:
                if take(tok, expand=True, own=own) and not spec.many or blocked:
                    return found
    if not found and spec.direction is not None and spec.anchor is None:
        for tok in _window(doc, match, spec, bounds, spec.max_scope, spec.direction):
            if take(tok, expand=False) and not spec.many:
                break
    if any(a.is_entity for a in found):  # a pronoun stands in for a name only where none is
        found = [a for a in found if (a.start, a.end) not in pronouns]
    return found


def _is_duration(norm: object) -> bool:
    """A DATE norm of a length of time (``two-day``, ``27-year``): no point an event happens at."""
    return isinstance(norm, dict) and norm.get("type") == "DURATION"
