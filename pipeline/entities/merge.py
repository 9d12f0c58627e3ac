"""How the rule patterns' matches and the entities of recased all-caps lines join the model's
entities, before the fixes run."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from pipeline.entities.entity_span import EntitySpan, SpanSlots
from pipeline.entities.gazetteer import is_country


def _of_place(doc: Doc, rule: EntitySpan, ent: EntitySpan) -> EntitySpan | None:
    """The "of <place>" tail of an entity that starts with a title: its place, as GPE."""
    lead = doc[ent.start : rule.start]
    if any(t.lower_ != "the" for t in lead) or ent.start > rule.start:
        return None
    if ent.end <= rule.end + 1 or doc[rule.end].lower_ != "of":
        return None
    start = rule.end + 1
    if doc[start].lower_ == "the":
        start += 1
    name = doc[start : ent.end].text
    if start < ent.end and is_country(name):
        return EntitySpan(start, ent.end, "GPE", "entity-fix.title-of-place")
    return None


def merge_rule_spans(
    doc: Doc,
    model: Sequence[EntitySpan],
    rules: Sequence[EntitySpan],
) -> list[EntitySpan]:
    """Combine rule matches with the model's entities.

    A rule span replaces model entities it covers entirely. Where it overlaps a PERSON only
    in part, the PERSON keeps the words after the rule span ("President Putin" -> "Putin")
    and loses those before it ("Kazakh First" + "First Deputy Prime Minister" -> the rule
    span alone): a name is never followed by its own title inside one span; but a title
    word that ends the PERSON span is its surname ("Martin Luther King"). Where it
    overlaps any other entity in part, the model entity wins and the rule span is dropped
    ("Office of the President" stays ORG) -- unless the entity is the rule span followed by
    "of <a country>": "Minister of Foreign Affairs of Japan" is a TITLE and a GPE.
    """
    kept = SpanSlots(model)  # the model's entities, in order, as the rule spans change them
    accepted: list[EntitySpan] = []
    reach = 0  # the furthest end of the accepted rule spans, which come in order of start
    for rule in sorted(rules, key=lambda r: (r.start, -(r.end - r.start))):
        if rule.start < rule.end and rule.start < reach:
            continue  # it overlaps an accepted rule span (all start at or before it)
        if rule.start == rule.end and any(
            rule.start < a.end and a.start < rule.end for a in accepted
        ):
            continue
        near = kept.near(rule.start, rule.end)
        same = (rule.start, rule.end, rule.label)
        if any((kept[k].start, kept[k].end, kept[k].label) == same for k in near):
            continue  # the model already says so: its reading stands, with its source
        clash = False
        changes: list[tuple[int, EntitySpan | None]] = []
        for k in near:
            ent = kept[k]
            if not (rule.start < ent.end and ent.start < rule.end):
                continue
            elif rule.start <= ent.start and ent.end <= rule.end:
                changes.append((k, None))  # covered: the rule's reading wins
            elif ent.label == "PERSON" and ent.start < rule.start and rule.end == ent.end:
                clash = True  # a title word ending a name is its surname: "Martin Luther King"
            elif ent.label == "PERSON":
                tail = EntitySpan(rule.end, ent.end, "PERSON", "entity-fix.person-title")
                changes.append((k, tail if ent.end > rule.end else None))
            elif (place := _of_place(doc, rule, ent)) is not None:
                changes.append((k, place))
            else:
                clash = True
        if clash:
            continue
        for k, change in changes:
            kept.put(k, change)
        accepted.append(rule)
        reach = max(reach, rule.end)
    return sorted(kept.entities() + accepted, key=lambda e: e.start)


def replace_line_entities(
    ents: Sequence[EntitySpan], lines: Sequence[tuple[int, int]], found: Sequence[EntitySpan]
) -> list[EntitySpan]:
    """The entities of the recased all-caps ``lines`` (token ranges) replace the model's
    entities there; ``found`` are in document token offsets."""
    inside = [False] * (max((e for _, e in lines), default=0) + 1)
    for s, e in lines:
        for i in range(s, e):
            inside[i] = True

    def in_line(ent: EntitySpan) -> bool:
        return ent.start < len(inside) and inside[ent.start]

    kept = [e for e in ents if not in_line(e)]
    return sorted(
        [*kept, *(replace(f, source="entity-fix.recased-caps") for f in found)],
        key=lambda e: e.start,
    )
