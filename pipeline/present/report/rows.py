"""The rows the report is built from: one per event (for the events table, the timeline and
the network), and the corpus summary counted as records stream by."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from pipeline.present.views import (
    PARTY_ROLES,
    PLACE_ROLES,
    DateValue,
    Lookup,
    names_in_role,
    parse_date,
    sentence_text,
)
from pipeline.schema import Record


@dataclass(frozen=True)
class EventRow:
    """One event, as the table, the timeline and the network need it."""

    doc: int  # index of the document in the report (its anchor is ``doc-<n>``)
    doc_id: str
    event_id: str
    type: str
    date: DateValue | None
    status: str | None
    participants: tuple[str, ...]
    places: tuple[str, ...]
    others: tuple[tuple[str, str], ...]  # (role, text) of the remaining arguments
    sentence: str
    party_keys: tuple[tuple[str, str], ...] = ()  # (name, label) of participants/parties

    @property
    def anchor(self) -> str:
        return f"doc-{self.doc}"


def event_rows(record: Record, doc: int = 0) -> list[EventRow]:
    look = Lookup(record)
    rows = []
    for ev in record.events:
        args = look.arguments(ev)
        parties = [a for a in args if a.role in PARTY_ROLES and a.name]
        keys = tuple(dict.fromkeys((a.name or "", a.label or "") for a in parties))
        rows.append(
            EventRow(
                doc=doc,
                doc_id=record.id,
                event_id=ev.id,
                type=ev.type,
                date=parse_date(ev.date),
                status=ev.status,
                participants=tuple(names_in_role(args, PARTY_ROLES)),
                places=tuple(names_in_role(args, PLACE_ROLES)),
                others=tuple(
                    (a.role, a.text) for a in args if a.role not in PARTY_ROLES + PLACE_ROLES
                ),
                sentence=sentence_text(record, ev),
                party_keys=keys,
            )
        )
    return rows


def corpus_event_rows(records: Iterable[Record]) -> list[EventRow]:
    """Event rows of a whole corpus (documents numbered in order), for timeline/network."""
    return [row for n, record in enumerate(records) for row in event_rows(record, n)]


@dataclass
class Summary:
    documents: int = 0
    characters: int = 0
    entities: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    clusters: int = 0
    relations: Counter[str] = field(default_factory=Counter)

    def add(self, record: Record) -> None:
        self.documents += 1
        self.characters += len(record.text)
        self.entities.update(e.label for e in record.entities)
        self.events.update(e.type for e in record.events)
        self.relations.update(r.type for r in record.relations)
        self.clusters += len(record.clusters)
