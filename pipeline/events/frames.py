"""Frames: the event a trigger starts, its roles filled, and the fact it becomes.

:func:`fill_frame` checks the rule's required and forbidden cues, fills its roles
(:mod:`pipeline.events.roles`) and sets the status (:mod:`pipeline.events.status`);
:func:`complete` keeps a frame whose type's required roles are filled; :func:`to_fact` makes one
:class:`~pipeline.facts.EventFact` of a frame, citing every rule, trigger and sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from pipeline.events.roles import Arg, fill_role
from pipeline.events.rules import EventTypes
from pipeline.events.scopes import Scopes
from pipeline.events.status import event_status, has_cue
from pipeline.events.triggers import TriggerMatch
from pipeline.facts import ArgumentFact, EventFact, Offsets

# 2017-09-22, 2017-W38, 2017-Q3, 199, 2017-09-29TMO: not PAST_REF, XXXX-07, P7M
_ISO_LIKE = re.compile(r"^\d{2,4}(?:-[0-9A-Z]+)*(?:T[0-9:A-Z]+)?$")


@dataclass
class Frame:
    """One event in the making: possibly several trigger mentions merged."""

    type: str
    triggers: list[TriggerMatch]
    args: list[Arg]
    status: str
    sentence: int
    sentences: set[int]
    cameo: str | None
    date_fallback: bool
    date_role: str | None

    @property
    def primary(self) -> TriggerMatch:
        return self.triggers[0]

    def role(self, name: str) -> list[Arg]:
        return [a for a in self.args if a.role == name]


def fill_frame(
    doc: Doc, match: TriggerMatch, types: EventTypes, scopes: Scopes, *, alone: bool = False
) -> Frame | None:
    """The frame a trigger starts, or None if a condition of its rule fails.

    ``alone``: no other trigger of its type in its sentence, so its frame merges with none
    before :func:`complete` drops it if a role the type requires is empty; such a frame is
    None as soon as that is certain (what it would have held is never read)."""
    rule = match.rule
    tok = doc[match.head]
    cues, arcs = types.cues, types.cue_arcs
    if any(not has_cue(tok, cues[c], arcs) for c in rule.requires_cue):
        return None
    if any(has_cue(tok, cues[c], arcs) for c in rule.forbids_cue):
        return None
    used: set[Offsets] = set()
    args: list[Arg] = []
    # the roles whose emptiness ends the frame: the rule's own, and the type's when alone
    needed = {*rule.required, *(types.types[rule.type].required if alone else ())}
    specs = rule.roles
    for n, spec in enumerate(specs):
        got = fill_role(doc, spec, match, types, scopes, used)
        args.extend(got)
        used.update((a.start, a.end) for a in got)
        if (
            spec.role in needed
            and all(a.role != spec.role for a in args)  # empty, and no later role fills it
            and all(later.role != spec.role for later in specs[n + 1 :])
        ):
            return None
    roles = {a.role for a in args}
    if any(r not in roles for r in rule.required):
        return None
    if any(sum(a.role == r for a in args) < n for r, n in rule.min_args.items()):
        return None
    k = scopes.sentence[match.head]
    frame = Frame(
        rule.type,
        [match],
        args,
        "",
        k,
        {k},
        rule.cameo,
        rule.date_fallback == "published",
        types.types[rule.type].date_role,
    )
    start = next((_date_start(a.norm) for a in frame.role(frame.date_role or "")), None)
    frame.status = event_status(doc, match, types, start, scopes.published)
    return frame


def _date_of(frame: Frame) -> str | None:
    for a in frame.role(frame.date_role) if frame.date_role else []:
        d = norm_date(a.norm)
        if d:
            return d
    return None


def norm_date(norm: dict[str, Any] | None) -> str | None:
    """The ``value`` of a DATE norm (``2017-09-22``, ``2017-11``, ``2017-Q3``); a range without a
    value, a duration (``P7M``), a set (``XXXX-07``), a TimeML REF value (``PAST_REF``,
    ``FUTURE_REF``: not a date) or a missing norm gives None."""
    if not isinstance(norm, dict):
        return None
    value = norm.get("value")
    if isinstance(value, str) and _ISO_LIKE.match(value):
        return value
    return None


def _date_start(norm: dict[str, Any] | None) -> str | None:
    """The earliest day a DATE norm can mean (for comparing with the publication date)."""
    if not isinstance(norm, dict):
        return None
    return norm_date(norm) or (str(norm["start"]) if norm.get("start") else None)


def complete(frame: Frame, types: EventTypes) -> bool:
    """Every required role filled, and a status the type allows (a negated STATEMENT is none)."""
    etype = types.types[frame.type]
    roles = {a.role for a in frame.args}
    return all(r in roles for r in etype.required) and frame.status in etype.statuses


def to_fact(
    doc: Doc,
    frame: Frame,
    types: EventTypes,
    published: str | None,
    sentence: Sequence[int] | None = None,
) -> EventFact:
    """The event fact of ``frame``; ``sentence`` is the sentence number of each token
    (:class:`~pipeline.events.scopes.Scopes`), worked out from ``doc.sents`` when not given."""

    def chars(m: TriggerMatch) -> Offsets:
        span = doc[m.start : m.end]
        return (span.start_char, span.end_char)

    date = _date_of(frame)
    if (
        date is None
        and frame.date_fallback
        and frame.status in types.status.dated_by_publication
        and published
    ):
        date = published[:10]
    rules = tuple(dict.fromkeys(m.rule.id for m in frame.triggers))
    if sentence is None:
        sentence = [k for k, sent in enumerate(doc.sents) for _ in range(len(sent))]
    spread = frame.sentences | _arg_sentences(doc, frame, sentence)
    args = sorted(frame.args, key=lambda a: (a.role, a.start))
    return EventFact(
        type=frame.type,
        trigger=chars(frame.primary),
        rule=frame.primary.rule.id,
        arguments=tuple(ArgumentFact(a.role, (a.start, a.end), a.is_entity) for a in args),
        triggers=tuple(sorted({chars(m) for m in frame.triggers})),
        rules=rules,
        date=date,
        status=frame.status,
        cameo=frame.cameo,
        sentence=frame.sentence,
        sentences=tuple(sorted(spread)) if len(spread) > 1 else (),
    )


def _arg_sentences(doc: Doc, frame: Frame, sentence: Sequence[int]) -> set[int]:
    """Numbers of the sentences the arguments' characters overlap: the sentences of the
    tokens each argument covers (found by bisection, never a pass over every sentence)."""
    out: set[int] = set()
    for a in frame.args:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None and len(span):
            out.update(range(sentence[span.start], sentence[span.end - 1] + 1))
    return out
