"""Cues and an event's status.

A cue (``event_types.json`` ``cues``, after medspaCy ConText) is found on the trigger or on the
words governing it. An event is negated or planned by the cue of that name, planned when dated
after publication, else happened; a rule's fixed status (stated, reported) comes first.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from pipeline.events.rules import Cue, EventTypes
from pipeline.events.triggers import TriggerMatch

_ISO = re.compile(r"^\d{4}(-\d{2}){0,2}$")
AUX_DEPS = frozenset({"aux", "auxpass"})
MODIFIER_DEPS = frozenset({"amod", "advmod", "det", "neg", "nmod", "compound", "npadvmod"})


def has_cue(tok: Token, cue: Cue) -> bool:
    """Whether ``cue`` marks ``tok``: its own lemma, a child (neg, aux, modifier) of it or of a
    word governing it (up ``max_up`` arcs labelled ``through``), or a governing word's lemma."""
    if tok.lemma_.lower() in cue.lemmas:
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
            if c.dep_ in AUX_DEPS and (c.lemma_.lower() in cue.aux or c.lower_ in cue.aux):
                return True
            if c.dep_ in MODIFIER_DEPS and c.lemma_.lower() in cue.modifiers:
                return True
            if c.dep_ == "dobj" and c.lemma_.lower() in cue.objects:
                return True
    return False


def event_status(
    doc: Doc, match: TriggerMatch, types: EventTypes, date: str | None, published: str | None
) -> str:
    """negated, planned or happened (or the rule's fixed status)."""
    if match.rule.status:
        return match.rule.status
    tok = doc[match.head]
    if has_cue(tok, types.cues["negated"]):
        return "negated"
    if has_cue(tok, types.cues["planned"]) or after(date, published):
        return "planned"
    return "happened"


def after(date: str | None, published: str | None) -> bool:
    """Whether an ISO date (any grain) begins after the publication date."""
    if not (date and published and _ISO.match(date) and _ISO.match(published[:10])):
        return False
    return date > published[: len(date)]
