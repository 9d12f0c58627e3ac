"""Read-side helpers over a :class:`~pipeline.schema.Record`: what frames, the report,
``render`` and ``newsrel show`` need to look things up. Pure functions, typed results.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pipeline.schema import Cluster, Entity, Event, Record, Reference

# Roles that name who takes part in an event (the "who meets or signs with whom" roles).
PARTY_ROLES = ("participant", "party")
PLACE_ROLES = ("place",)


@dataclass(frozen=True)
class ArgumentView:
    """One event argument, resolved: the entity mention and its cluster when it has a ``ref``."""

    role: str
    text: str
    start: int | None
    end: int | None
    entity_id: str | None = None
    cluster_id: str | None = None
    label: str | None = None
    name: str | None = None  # the cluster's canonical name, else the text


class Lookup:
    """Entity and cluster tables of one record, by id."""

    def __init__(self, record: Record) -> None:
        self.record = record
        self.entities: dict[str, Entity] = {e.id: e for e in record.entities}
        self.clusters: dict[str, Cluster] = {c.id: c for c in record.clusters}
        self.references: dict[str, Reference] = {r.id: r for r in record.references}

    def relation_end(self, mention_id: str) -> tuple[str, str | None, str | None]:
        """Text, label and cluster id of a relation's end: an entity mention, or a resolved
        pronoun or description (a reference, newsrel/1.1) and the one cluster it refers to."""
        ent = self.entities.get(mention_id)
        if ent is not None:
            return ent.text, ent.label, ent.entity
        ref = self.references[mention_id]
        cluster = self.clusters.get(ref.refers_to[0]) if len(ref.refers_to) == 1 else None
        return ref.text, cluster.label if cluster else None, cluster.id if cluster else None

    def cluster_of(self, entity: Entity) -> Cluster | None:
        return self.clusters.get(entity.entity) if entity.entity else None

    def name_of(self, entity: Entity) -> str:
        cluster = self.cluster_of(entity)
        return cluster.name if cluster else entity.text

    def arguments(self, event: Event) -> list[ArgumentView]:
        out: list[ArgumentView] = []
        for arg in event.arguments:
            ent = self.entities.get(arg.ref) if arg.ref else None
            if ent is not None:
                out.append(
                    ArgumentView(
                        role=arg.role,
                        text=ent.text,
                        start=ent.start,
                        end=ent.end,
                        entity_id=ent.id,
                        cluster_id=ent.entity,
                        label=ent.label,
                        name=self.name_of(ent),
                    )
                )
            else:
                text = arg.text
                if text is None and arg.start is not None and arg.end is not None:
                    text = self.record.text[arg.start : arg.end]
                # a resolved pronoun or description: named by the entities it refers to
                names = [self.clusters[c].name for c in arg.refers_to if c in self.clusters]
                out.append(
                    ArgumentView(
                        role=arg.role,
                        text=text or "",
                        start=arg.start,
                        end=arg.end,
                        cluster_id=arg.refers_to[0] if len(arg.refers_to) == 1 else None,
                        name="; ".join(names) or text or "",
                    )
                )
        return out


def names_in_role(args: list[ArgumentView], roles: tuple[str, ...]) -> list[str]:
    """Distinct names of the arguments in ``roles``, in order of appearance."""
    seen: dict[str, None] = {}
    for a in args:
        if a.role in roles and a.name:
            seen.setdefault(a.name, None)
    return list(seen)


@dataclass(frozen=True)
class Window:
    start: int
    end: int


_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“A-Z])|\n\s*\n")


def event_window(record: Record, event: Event, *, limit: int = 600) -> Window:
    """The stretch of text an event was read from: its trigger and arguments, widened to the
    surrounding sentence boundaries (a heuristic; records keep sentence numbers, not offsets)."""
    spans = [(event.trigger.start, event.trigger.end)]
    lookup_ents = {e.id: e for e in record.entities}
    for arg in event.arguments:
        if arg.ref and arg.ref in lookup_ents:
            ent = lookup_ents[arg.ref]
            spans.append((ent.start, ent.end))
        elif arg.start is not None and arg.end is not None:
            spans.append((arg.start, arg.end))
    lo = min(s for s, _ in spans)
    hi = max(e for _, e in spans)
    text = record.text
    start = 0
    for m in _SENT_END.finditer(text, max(0, lo - limit), lo + 1):
        start = m.end()
    after = _SENT_END.search(text, hi)
    end = after.start() if after else len(text)
    if lo - start > limit:
        start = lo - limit
    if end - hi > limit:
        end = hi + limit
    return Window(start, end)


def sentence_text(record: Record, event: Event) -> str:
    w = event_window(record, event)
    return " ".join(record.text[w.start : w.end].split())


@dataclass(frozen=True)
class DateValue:
    """A TIMEX-style value read as a calendar day: ``day`` is the first day of the period."""

    value: str
    day: dt.date | None
    complete: bool  # a full YYYY-MM-DD date


_YMD = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YM = re.compile(r"^(\d{4})-(\d{2})$")
_Y = re.compile(r"^(\d{4})$")
_YW = re.compile(r"^(\d{4})-W(\d{2})$")
_YQ = re.compile(r"^(\d{4})-Q([1-4])$")


def parse_date(value: str | None) -> DateValue | None:
    """``2017-09-22`` (complete), ``2017-09``, ``2017``, ``2017-W38``, ``2017-Q3``; else None."""
    if not value:
        return None
    try:
        if m := _YMD.match(value):
            return DateValue(value, dt.date(int(m[1]), int(m[2]), int(m[3])), True)
        if m := _YM.match(value):
            return DateValue(value, dt.date(int(m[1]), int(m[2]), 1), False)
        if m := _Y.match(value):
            return DateValue(value, dt.date(int(m[1]), 1, 1), False)
        if m := _YW.match(value):
            return DateValue(value, dt.date.fromisocalendar(int(m[1]), int(m[2]), 1), False)
        if m := _YQ.match(value):
            return DateValue(value, dt.date(int(m[1]), 3 * int(m[2]) - 2, 1), False)
    except ValueError:
        return None
    return None
