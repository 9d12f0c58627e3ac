"""Event linking: record events that report the same real-world event, by blocks.

Every event is put in one block per participant it has (type, corpus entity); only events of
one block are compared, in date order and at most ``max_block`` apart, so the cost is near
linear in the number of events. Two events are one when the type's rule says so
(:func:`compatible`: statuses, shared participants, dates, publication dates, values, words);
links are joined transitively (single link) in a union-find over the events that have one.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.link.nodes import EventNode, Order
from pipeline.link.rules import EventRule, EventRules
from pipeline.link.schema import (
    Conflict,
    ConflictValue,
    CorpusEvent,
    EventLink,
    EventParticipant,
    EventSource,
    FirstReport,
)
from pipeline.link.unionfind import UnionFind
from pipeline.present.views import parse_date


@dataclass(frozen=True)
class Candidate:
    """What :func:`compatible` needs of one event (a row of the block spool)."""

    order: Order
    doc: str
    status: str | None
    date: str | None
    published: str | None
    entities: frozenset[int]
    values: dict[str, str]
    texts: dict[str, frozenset[str]]

    def dump(self) -> list[Any]:
        return [
            list(self.order),
            self.doc,
            self.status,
            self.date,
            self.published,
            sorted(self.entities),
            self.values,
            {k: sorted(v) for k, v in self.texts.items()},
        ]

    @classmethod
    def load(cls, row: list[Any]) -> Candidate:
        order, doc, status, date, published, entities, values, texts = row
        return cls(
            (order[0], order[1]),
            doc,
            status,
            date,
            published,
            frozenset(entities),
            values,
            {k: frozenset(v) for k, v in texts.items()},
        )


def _interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date value covers (``2017-09`` -> Sep 1 .. Sep 30)."""
    parsed = parse_date(value)
    if parsed is None or parsed.day is None or value is None:
        return None
    start = parsed.day
    if parsed.complete:
        return start, start
    if len(value) == 4:
        return start, dt.date(start.year, 12, 31)
    if "-W" in value:
        return start, start + dt.timedelta(days=6)
    if "-Q" in value:
        end_month = start.month + 2
        nxt = dt.date(start.year + end_month // 12, end_month % 12 + 1, 1)
        return start, nxt - dt.timedelta(days=1)
    nxt = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)


def _gap(a: str | None, b: str | None) -> int | None:
    """Days between two date values (0 when they overlap); None unless both are dates."""
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return None
    if ia[1] < ib[0]:
        return (ib[0] - ia[1]).days
    if ib[1] < ia[0]:
        return (ia[0] - ib[1]).days
    return 0


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard: words both have over words either has."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def compatible(a: Candidate, b: Candidate, rule: EventRule) -> bool:
    """Are ``a`` and ``b`` (same type, one shared participant at least) one event by ``rule``?"""
    pair = tuple(sorted((a.status or "", b.status or "")))
    if pair not in rule.statuses:
        return False
    shared = len(a.entities & b.entities)
    smaller = min(len(a.entities), len(b.entities))
    if shared < rule.min_shared or (smaller and shared / smaller < rule.shared_fraction):
        return False
    dated = False
    gap = _gap(a.date, b.date)
    if gap is not None:
        if gap > rule.date_window_days:
            return False
        dated = True
    gap = _gap(a.published, b.published)
    if gap is not None:
        if gap > rule.published_window_days:
            return False
        dated = True
    if rule.require_dates and not dated:
        return False
    for role in rule.same_values:
        va, vb = a.values.get(role), b.values.get(role)
        if va is not None and vb is not None and va != vb:
            return False
    for missing, roles in rule.same_values_without.items():
        if a.values.get(missing) is None or b.values.get(missing) is None:
            for role in roles:
                va, vb = a.values.get(role), b.values.get(role)
                if va is not None and vb is not None and va != vb:
                    return False
    for role, least in rule.same_words.items():
        ta, tb = a.texts.get(role), b.texts.get(role)
        if ta and tb and _overlap(ta, tb) < least:
            return False
    for role in rule.same_numbers:
        na, nb = _numbers(a.texts.get(role)), _numbers(b.texts.get(role))
        if na and nb and na != nb:
            return False
    return True


def _numbers(words: frozenset[str] | None) -> frozenset[str]:
    return frozenset(w for w in words or () if any(c.isdigit() for c in w))


def date_sort(c: Candidate) -> str:
    """Events are compared in this order within a block: dated first, by date."""
    return c.published or c.date or "~"


def block_links(
    block: Sequence[Candidate], rule: EventRule, max_block: int, within_document: bool = False
) -> Iterator[tuple[Order, Order]]:
    """Compatible pairs of one block (sorted by :func:`date_sort`): each event is compared with
    the next ``max_block - 1``, and not past the publication window. Two events of one document
    are left as the record has them unless ``within_document``."""
    window = rule.published_window_days
    for i, a in enumerate(block):
        start = _interval(a.published)
        for b in block[i + 1 : i + max_block]:
            if start is not None:
                other = _interval(b.published)
                if other is not None and (other[0] - start[1]).days > window:
                    break
            if (within_document or a.doc != b.doc) and compatible(a, b, rule):
                yield (a.order, b.order) if a.order < b.order else (b.order, a.order)


@dataclass
class EventLinker:
    """The union-find over linked events and the links that joined them.

    Two events one record keeps apart stay apart: a link that would put two events of one
    document into one corpus event is refused (unless ``within_document``), so single links
    do not chain through a third report. Blocks come in key order and each block in date
    order, so which link wins does not depend on how the records were partitioned."""

    rules: EventRules
    uf: UnionFind[Order] = field(default_factory=UnionFind)
    edges: list[tuple[Order, Order, str]] = field(default_factory=list)
    docs: dict[Order, frozenset[str]] = field(default_factory=dict)  # root -> its documents
    compared: int = 0

    def link_block(self, event_type: str, block: list[Candidate]) -> None:
        rule = self.rules.for_type(event_type)
        if rule is None or len(block) < 2:
            return
        block.sort(key=lambda c: (date_sort(c), c.order))
        self.compared += len(block)
        doc_of = {c.order: c.doc for c in block}
        within = self.rules.within_document
        for a, b in block_links(block, rule, self.rules.max_block, within):
            ra, rb = self.uf.find(a), self.uf.find(b)
            if ra == rb:
                continue
            da = self.docs.get(ra, frozenset({doc_of[a]}))
            db = self.docs.get(rb, frozenset({doc_of[b]}))
            if not within and da & db:
                continue
            joined = self.uf.union(a, b)
            if joined is not None:
                self.docs.pop(joined[1], None)
                self.docs[joined[0]] = da | db
                self.edges.append((a, b, rule.id))

    def firsts(self) -> dict[Order, Order]:
        """Root -> the first event (input order) of each linked event."""
        out: dict[Order, Order] = {}
        for key in self.uf.parent:
            root = self.uf.find(key)
            out[root] = min(out.get(root, key), key)
        return out

    def group_of(self, order: Order, firsts: dict[Order, Order]) -> Order:
        if order not in self.uf:
            return order
        return firsts[self.uf.find(order)]

    def edges_by_group(
        self, firsts: dict[Order, Order]
    ) -> dict[Order, list[tuple[Order, Order, str]]]:
        out: dict[Order, list[tuple[Order, Order, str]]] = {}
        for a, b, rule in self.edges:
            out.setdefault(firsts[self.uf.find(a)], []).append((a, b, rule))
        return out


def _most(values: Iterable[str]) -> str | None:
    counts = Counter(values)
    if not counts:
        return None
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _conflict(name: str, values: list[str | None]) -> Conflict | None:
    where: dict[str, list[int]] = {}
    for i, v in enumerate(values):
        if v is not None:
            where.setdefault(v, []).append(i)
    if len(where) < 2:
        return None
    return Conflict(
        field=name, values=[ConflictValue(value=v, sources=idx) for v, idx in sorted(where.items())]
    )


def corpus_event(
    number: int,
    nodes: list[tuple[EventNode, list[int | None]]],
    edges: list[tuple[Order, Order, str]],
    entity_names: dict[int, str],
    rule: EventRule | None,
) -> CorpusEvent:
    """One line of ``events.jsonl`` from its sources (in input order) and their links."""
    sources = [
        EventSource(
            doc=n.doc,
            event=n.event,
            outlet=n.outlet,
            published=n.published,
            date=n.date,
            status=n.status,
            trigger=n.trigger,
            sentence=n.sentence,
            rule=n.rule,
            values=n.values,
        )
        for n, _ in nodes
    ]
    index = {n.order: i for i, (n, _) in enumerate(nodes)}
    parts: Counter[tuple[str, int | None, str]] = Counter()
    for node, entities in nodes:
        seen = set()
        for p, ent in zip(node.participants, entities, strict=True):
            key = (p.role, ent, entity_names[ent] if ent is not None else p.name)
            if key not in seen:
                seen.add(key)
                parts[key] += 1
    participants = [
        EventParticipant(
            role=role, entity=f"CE{ent}" if ent is not None else None, name=name, n_sources=k
        )
        for (role, ent, name), k in sorted(
            parts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][2])
        )
    ]
    dates = [s.date for s in sources if s.date]
    value_roles = sorted({r for s in sources for r in s.values})
    conflicts = [
        c
        for c in (
            _conflict("date", [s.date for s in sources]),
            _conflict("status", [s.status for s in sources]),
            *(
                _conflict(r, [s.values.get(r) for s in sources])
                for r in (rule.values if rule else [])
            ),
        )
        if c is not None
    ]
    first = min(
        range(len(sources)),
        key=lambda i: (sources[i].published is None, sources[i].published or "", i),
    )
    return CorpusEvent(
        id=f"CV{number}",
        type=nodes[0][0].type,
        status=_most(s.status for s in sources if s.status),
        date=_most(dates),
        date_range=[min(dates), max(dates)] if len(set(dates)) > 1 else None,
        participants=participants,
        values={
            r: v for r in value_roles if (v := _most(s.values[r] for s in sources if r in s.values))
        },
        n_documents=len({s.doc for s in sources}),
        n_outlets=len({s.outlet for s in sources if s.outlet}),
        first_reported=FirstReport(
            doc=sources[first].doc, published=sources[first].published, outlet=sources[first].outlet
        ),
        sources=sources,
        links=[EventLink(a=index[a], b=index[b], rule=r) for a, b, r in edges],
        conflicts=conflicts,
    )
