"""Cues and an event's status.

A cue (``event_types.json`` ``cues``, after medspaCy ConText) is found on the trigger or on the
words governing it; the ``status`` section says which cues name a status and in what order,
the status of an event dated after publication and the default. A rule's fixed status (stated,
reported) comes before all of them.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from pipeline.events.triggers import TriggerMatch
from pipeline.events.types import Cue, CueArcs, EventTypes

_ISO = re.compile(r"^\d{4}(-\d{2}){0,2}$")


def has_cue(tok: Token, cue: Cue, arcs: CueArcs) -> bool:
    """Whether ``cue`` marks ``tok``: its own lemma or dependency label, its tag with no determiner (a bare
    plural), a child (neg, aux, modifier, object: the labels of ``arcs``) of it or of a word
    governing it (up ``max_up`` arcs labelled ``through``), or a governing word's lemma."""
    if tok.lemma_.lower() in cue.lemmas or tok.dep_ in cue.as_deps:
        return True
    if tok.tag_ in cue.bare and not any(c.dep_ in arcs.determiners for c in tok.children):
        return True
    chain = [tok]
    t = tok
    for _ in range(cue.max_up):
        if t.dep_ not in cue.through or t.head is t:
            break
        t = t.head
        chain.append(t)
    for n, t in enumerate(chain):
        if n and (t.lemma_.lower() in cue.governors or t.lower_ in cue.governors):
            return True
        for c in t.children:
            if c.dep_ in cue.deps:
                return True
            if c.dep_ in arcs.aux and (c.lemma_.lower() in cue.aux or c.lower_ in cue.aux):
                return True
            if c.dep_ in arcs.modifiers and (
                c.lemma_.lower() in cue.modifiers or c.lower_ in cue.modifiers
            ):
                return True
            if c.dep_ in arcs.objects and c.lemma_.lower() in cue.objects:
                return True
    return False


def event_status(
    doc: Doc, match: TriggerMatch, types: EventTypes, date: str | None, published: str | None
) -> str:
    """The rule's fixed status, else the first status cue found (negated, planned), else the
    status of a date after the publication date (planned), else the default (happened)."""
    if match.rule.status:
        return match.rule.status
    tok = doc[match.head]
    for name in types.status.cues:
        if has_cue(tok, types.cues[name], types.cue_arcs):
            return name
    if after(date, published):
        return types.status.after_publication
    return types.status.default


def after(date: str | None, published: str | None) -> bool:
    """Whether an ISO date (any grain) begins after the publication date."""
    if not (date and published and _ISO.match(date) and _ISO.match(published[:10])):
        return False
    return date > published[: len(date)]
