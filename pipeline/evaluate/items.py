"""From Records to scoring items: label maps applied, prediction offsets aligned to gold text."""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from fnmatch import fnmatch
from functools import partial
from typing import Any

from pipeline.evaluate.events import EventArgument, Trigger
from pipeline.evaluate.labels import Join, LabelMap, Target, map_label, map_relation, relation_type
from pipeline.evaluate.relations import RelationItem
from pipeline.evaluate.spans import Mention, Timex
from pipeline.failures import Failure
from pipeline.ingest.clean import Cleaned, restore
from pipeline.schema import Entity, Record, Relation


class AlignmentError(Failure, ValueError):
    """A prediction's text cannot be lined up with its gold text."""


@dataclass
class Items:
    """Everything the scorers need from one side (gold or prediction) of a corpus."""

    mentions: set[Mention] = field(default_factory=set)
    sources: dict[Mention, str] = field(default_factory=dict)  # "model" or "rule:<id>"
    norms: dict[Mention, dict[str, Any] | None] = field(default_factory=dict)
    timexes: set[Timex] = field(default_factory=set)
    relations: set[RelationItem] = field(default_factory=set)
    relation_rules: dict[RelationItem, set[str]] = field(default_factory=dict)  # what made each
    triggers: set[Trigger] = field(default_factory=set)
    arguments: set[EventArgument] = field(default_factory=set)


def offset_mapper(pred: Record, gold_text: str) -> Any:
    """A function taking a prediction ``(start, end)`` to gold-text offsets."""
    if pred.text == gold_text:
        return lambda s, e: (s, e)
    if pred.edits and restore(pred.text, pred.edits) == gold_text:
        cleaned = Cleaned(pred.text, list(pred.edits))

        def through_edits(s: int, e: int) -> tuple[int, int]:
            if e <= s:
                o = cleaned.original_offset(s)
                return o, o
            return cleaned.original_offset(s), cleaned.original_offset(e - 1) + 1

        return through_edits
    raise AlignmentError(
        f"document {pred.id!r}: the prediction's text differs from the gold text and its "
        "`edits` do not restore it; predictions must be made on the gold texts"
    )


def add_record(
    items: Items,
    rec: Record,
    labels: LabelMap,
    *,
    side: str,
    mapper: Any = None,
    limit: int | None = None,
) -> None:
    """Add one record's items; ``side`` is "gold" or "pred" (which half of the maps to use).
    ``limit``: only what starts before this gold-text offset (the gold's annotated region)."""
    ent_map = getattr(labels.entities, side)
    rel_map = getattr(labels.relations, side)
    timex_labels = set(getattr(labels.timex, side)) if labels.timex else set()
    conv = mapper or (lambda s, e: (s, e))
    doc = rec.id
    spans: dict[str, tuple[int, int, str | None]] = {}
    by_id: dict[str, Entity] = {}
    for ent in rec.entities:
        s, e = conv(ent.start, ent.end)
        if limit is not None and s >= limit:
            continue
        lab = map_label(ent_map, ent.label)
        spans[ent.id] = (s, e, lab)
        by_id[ent.id] = ent
        if lab is not None:
            m = Mention(doc, s, e, lab)
            items.mentions.add(m)
            items.sources[m] = ent.source
            items.norms[m] = ent.norm
        if ent.label in timex_labels:
            norm = ent.norm or {}
            value = norm.get("value")
            items.timexes.add(
                Timex(
                    doc,
                    s,
                    e,
                    str(norm.get("type") or ent.label),
                    None if value is None else str(value),
                )
            )

    def rel_item(head: str, tail: str, rtype: Callable[[str, str], str | None], rule: str) -> None:
        h, t = spans.get(head), spans.get(tail)
        if h is None or t is None or h[2] is None or t[2] is None:
            return  # an argument the entity map drops: not scored
        scored = rtype(h[2], t[2])
        if scored is not None:
            item = RelationItem(doc, (h[0], h[1], h[2]), (t[0], t[1], t[2]), scored)
            items.relations.add(item)
            items.relation_rules.setdefault(item, set()).add(rule)

    relations = rec.relations
    if side == "pred" and labels.relations.aliases:
        people = {e.id for e in rec.entities if e.label == "PERSON"}
        relations = through_aliases(relations, labels.relations.aliases, people)
    for rel in relations:
        rel_item(rel.head, rel.tail, partial(map_relation, rel_map, rel.type), rel.rule)
    for comp in labels.relations.compose if side == "pred" else []:
        firsts = [r for r in relations if r.type == comp.first]
        target: Target = comp.type
        for r2 in (r for r in relations if r.type == comp.second):
            if comp.except_second and _made_by({r2.rule}, comp.except_second):
                continue
            for r1 in firsts:
                if r1.tail == r2.head:
                    rule = f"{r1.rule} + {r2.rule}"
                    rel_item(r1.head, r2.tail, partial(relation_type, target), rule)

    for ev in rec.events:
        s, e = conv(ev.trigger.start, ev.trigger.end)
        if limit is not None and s >= limit:
            continue
        items.triggers.add(Trigger(doc, s, e, ev.type))
        for arg in ev.arguments:
            if arg.ref is not None and arg.ref in spans:
                a_s, a_e = spans[arg.ref][:2]
            elif arg.start is not None and arg.end is not None:
                a_s, a_e = conv(arg.start, arg.end)
            else:
                continue
            items.arguments.add(EventArgument(doc, ev.type, arg.role, a_s, a_e))


def through_aliases(
    relations: list[Relation], alias_types: list[str], people: AbstractSet[str] = frozenset()
) -> list[Relation]:
    """``relations`` and, for each one with an end that one of the ``alias_types`` relations
    joins to another mention (an acronym and its long form), the same relation to that other
    form, unless the relation already links the two forms; relations of other types with an
    end in such a pair are copied, never the alias relations themselves. A pair with an
    entity of ``people`` (ids) is left alone: a name repeated in parentheses is no acronym."""
    partner: dict[str, set[str]] = {}
    for r in relations:
        if r.type in alias_types and not {r.head, r.tail} & people:
            partner.setdefault(r.head, set()).add(r.tail)
            partner.setdefault(r.tail, set()).add(r.head)
    if not partner:
        return relations
    out = list(relations)
    seen = {(r.type, r.head, r.tail) for r in relations}
    for r in relations:
        if r.type in alias_types:
            continue
        for head, tail in [
            *((form, r.tail) for form in sorted(partner.get(r.head, ()))),
            *((r.head, form) for form in sorted(partner.get(r.tail, ()))),
        ]:
            if head != tail and (r.type, head, tail) not in seen:
                seen.add((r.type, head, tail))
                out.append(r.model_copy(update={"head": head, "tail": tail}))
    return out


def _made_by(rules: set[str], patterns: list[str] | None) -> bool:
    """Whether one of ``rules`` matches one of ``patterns`` (None: any relation)."""
    return patterns is None or any(fnmatch(r, p) for r in rules for p in patterns)


def join_places(items: Items, joins: list[Join], texts: dict[str, str]) -> None:
    """Rewrite predicted items to a gold convention of joined places (:class:`Join`); offsets
    are into ``texts`` (the gold texts)."""
    for join in joins:
        through = {(r.doc, r.head[:2]): r for r in items.relations if r.type == join.through}
        for rel in [r for r in items.relations if r.type == join.type]:
            inner = through.get((rel.doc, rel.tail[:2]))
            if inner is None or not _made_by(items.relation_rules.get(rel, set()), join.rules):
                continue
            between = texts.get(rel.doc, "")[inner.head[1] : inner.tail[0]]
            if between.strip() != join.separator:
                continue
            place = (inner.head[0], inner.tail[1], inner.head[2])
            joined = RelationItem(rel.doc, rel.head, place, rel.type)
            for old in (rel, inner):
                items.relations.discard(old)
                made_by = items.relation_rules.pop(old, set())
                items.relation_rules.setdefault(joined, set()).update(made_by)
            items.relations.add(joined)
            for end in (inner.head, inner.tail):
                items.mentions.discard(Mention(rel.doc, *end))
            items.mentions.add(Mention(rel.doc, *place))
