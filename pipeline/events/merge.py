"""Merging: mentions of one real event become one frame.

Two frames merge when they have the same type and status and no two different arguments in a
single-valued role (:func:`compatible`): first within a sentence, then, for the types that allow
it, across the document, where they must also share an argument. A frame whose span argument
holds the trigger of a type it ``yields_to`` gives way to that frame (:func:`give_way`).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.events.frames import Frame, norm_date
from pipeline.events.roles import Arg
from pipeline.events.rules import EventTypes


def _same(a: Arg, b: Arg) -> bool:
    if a.is_entity and b.is_entity:
        return a.key == b.key
    if not a.is_entity and not b.is_entity:
        return bool(a.words & b.words) or a.key == b.key
    return False


def _dates_agree(a: Arg, b: Arg) -> bool:
    da, db = norm_date(a.norm), norm_date(b.norm)
    if da and db:
        return da.startswith(db) or db.startswith(da)
    return _same(a, b)


def compatible(x: Frame, y: Frame, types: EventTypes, *, across: bool) -> bool:
    """Whether two frames can be one event: same type and status, no two different arguments
    in a single-valued role; across sentences they must also share an argument, and a
    many-valued role's arguments on one side must all be on the other."""
    if x.type != y.type or x.status != y.status:
        return False
    etype = types.types[x.type]
    for role in etype.single:
        xs, ys = x.role(role), y.role(role)
        if xs and ys:
            check = _dates_agree if role in etype.compare_by_date else _same
            if not any(check(a, b) for a in xs for b in ys):
                return False
    if not across:
        return True
    shared = any(_same(a, b) for a in x.args for b in y.args if a.role == b.role)
    if not shared:
        return False
    for role in set(etype.roles) - set(etype.single):
        xs, ys = x.role(role), y.role(role)
        if xs and ys:
            small, big = (xs, ys) if len(xs) <= len(ys) else (ys, xs)
            if not all(any(_same(a, b) for b in big) for a in small):
                return False
    return True


def _absorb(x: Frame, y: Frame, types: EventTypes) -> Frame:
    """``x`` and ``y`` as one frame; the earlier mention leads (its trigger is primary)."""
    lead, other = (x, y) if x.primary.start <= y.primary.start else (y, x)
    single = set(types.types[lead.type].single)
    args = list(lead.args)
    for a in other.args:
        if a.role in single and lead.role(a.role):
            continue
        if any(
            b.role == a.role and (_same(a, b) or (a.start, a.end) == (b.start, b.end)) for b in args
        ):
            continue
        args.append(a)
    triggers = list(lead.triggers) + [t for t in other.triggers if t not in lead.triggers]
    return Frame(
        lead.type,
        triggers,
        args,
        lead.status,
        lead.sentence,
        lead.sentences | other.sentences,
        lead.cameo or other.cameo,
        lead.date_fallback or other.date_fallback,
        lead.date_role,
    )


def merge_frames(frames: list[Frame], types: EventTypes, *, across: bool) -> list[Frame]:
    """Greedy merge in text order: each frame joins the first earlier compatible one."""
    out: list[Frame] = []
    for f in frames:
        for n, g in enumerate(out):
            if not across and g.sentence != f.sentence:
                continue
            if across and types.types[f.type].merge != "document":
                continue
            if compatible(g, f, types, across=across):
                out[n] = _absorb(g, f, types)
                break
        else:
            out.append(f)
    return out


def give_way(doc: Doc, frames: list[Frame], types: EventTypes) -> list[Frame]:
    """A frame whose span argument holds the trigger of a frame of a type it ``yields_to`` is
    that frame: it goes, and its mapped roles fill the other's empty ones (a reported target is
    the TARGET, the speaker its announcer). The frames whose trigger a span holds are found by
    bisection over the trigger offsets, so a document with many events is not a pass over
    every pair."""
    at = sorted((doc[g.primary.start].idx, n) for n, g in enumerate(frames))
    starts = [t for t, _ in at]
    gone: set[int] = set()
    for n, f in enumerate(frames):
        rules = types.types[f.type].yields_to
        if not rules:
            continue
        held: set[int] = set()
        for a in f.args:
            if not a.is_entity:
                lo, hi = bisect_left(starts, a.start), bisect_left(starts, a.end)
                held.update(k for _, k in at[lo:hi])
        for k in sorted(held):
            g = frames[k]
            mapping = rules.get(g.type)
            if mapping is None or k == n:
                continue
            for mine, theirs in mapping.items():
                if not g.role(theirs):
                    g.args.extend(replace(a, role=theirs) for a in f.role(mine))
            gone.add(n)
    return [f for n, f in enumerate(frames) if n not in gone]
