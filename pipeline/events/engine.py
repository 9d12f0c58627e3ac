"""Events from rules: :func:`match_events` runs the steps, each a module of pure functions over a
parsed ``Doc`` (the rules are data: :mod:`pipeline.events.rules`):

1. :mod:`~pipeline.events.triggers` — words (or phrases, or dependency patterns) that start an
   event;
2. :mod:`~pipeline.events.frames` with :mod:`~pipeline.events.roles` — for each role of the rule,
   follow dependency paths from the trigger, else search a ConText-style window (direction,
   ``max_scope``, ``terminated_by``) inside the role's scope (:mod:`~pipeline.events.scopes`);
   entity roles take ``doc.ents`` mentions of the allowed labels, span roles take a chunk,
   subtree or clause;
3. :mod:`~pipeline.events.status` — negated / planned cues on the trigger and the words governing
   it, or a date after the publication date; fixed statuses (stated, reported) come from the rule;
4. :mod:`~pipeline.events.merge` — mentions of one real event merge (same type, compatible
   arguments and date): first within a sentence, then across the document for types that allow
   it;
5. :func:`~pipeline.events.frames.to_fact` — one :class:`~pipeline.facts.EventFact` per event,
   citing every rule, trigger and sentence.

Scopes never cross a blank line (a paragraph break), so a headline never lends its words to the
first sentence even when the parser joins them.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.events.frames import complete, fill_frame, to_fact
from pipeline.events.merge import give_way, merge_frames
from pipeline.events.rules import EventRuleSet, EventTypes
from pipeline.events.scopes import find_scopes
from pipeline.events.triggers import TriggerIndex, TriggerMatch, find_triggers
from pipeline.facts import EventFact


class EventEngine:
    """The rules, compiled once: the trigger index (role paths are parsed when the rules load)."""

    def __init__(self, vocab: Vocab, ruleset: EventRuleSet) -> None:
        self.ruleset = ruleset
        self.types = ruleset.types
        self.triggers = TriggerIndex(vocab, ruleset)


def match_events(
    doc: Doc,
    engine: EventEngine,
    *,
    trigger_only: bool = False,
    skip_headline: bool | None = None,
) -> list[EventFact]:
    """Every event the rules find in ``doc``, merged, in text order. ``skip_headline`` overrides
    the rule files' setting: by default (the annotation guideline) a headline starts no event;
    with False its triggers count, within the headline's own words."""
    if not (doc.has_annotation("DEP") and doc.has_annotation("LEMMA")):
        return []
    triggers = find_triggers(doc, engine.triggers)
    types = engine.types
    if trigger_only:
        return _trigger_only(doc, triggers, types)
    if not triggers:  # no frame to fill: every step below would work on empty lists
        return []
    scopes = find_scopes(doc)
    if skip_headline is None:
        skip_headline = types.skip_headline
    if skip_headline and scopes.headline_end:
        triggers = [m for m in triggers if doc[m.start].idx >= scopes.headline_end]
    # triggers per (type, sentence): a frame alone there can only survive complete (fill_frame)
    per_sentence = Counter((m.rule.type, scopes.sentence[m.head]) for m in triggers)
    filled = (
        fill_frame(
            doc, m, types, scopes, alone=per_sentence[m.rule.type, scopes.sentence[m.head]] == 1
        )
        for m in triggers
    )
    frames = [f for f in filled if f is not None]
    frames = merge_frames(frames, types, across=False)
    frames = [f for f in frames if complete(f, types)]
    frames = merge_frames(frames, types, across=True)
    frames = give_way(doc, frames, types)
    return [to_fact(doc, f, types, scopes.published, scopes.sentence) for f in frames]


def _trigger_only(doc: Doc, triggers: list[TriggerMatch], types: EventTypes) -> list[EventFact]:
    """The baseline: one argument-less event per trigger word and type."""
    seen: set[tuple[int, int, str]] = set()
    sentence_of = {i: k for k, s in enumerate(doc.sents) for i in range(s.start, s.end)}
    out = []
    for m in triggers:
        key = (m.start, m.end, m.rule.type)
        if key in seen:
            continue
        seen.add(key)
        span = doc[m.start : m.end]
        out.append(
            EventFact(
                type=m.rule.type,
                trigger=(span.start_char, span.end_char),
                rule=m.rule.id,
                status=m.rule.status or types.status.default,
                cameo=m.rule.cameo,
                sentence=sentence_of.get(m.head),
            )
        )
    return out
