"""``newsrel show``: one record in the terminal (rich), for a quick look."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pipeline.failures import Failure, visible
from pipeline.io import read_records
from pipeline.present.references import reference_views
from pipeline.present.views import Lookup
from pipeline.schema import Record

LABEL_STYLES = {
    "PERSON": "bold magenta",
    "ORG": "bold cyan",
    "GPE": "bold yellow",
    "NORP": "magenta",
    "LOC": "yellow",
    "FAC": "yellow",
    "DATE": "green",
    "TIME": "green",
    "MONEY": "bold green",
    "PERCENT": "bold green",
    "TITLE": "bold red",
    "CARDINAL": "blue",
    "QUANTITY": "blue",
}


def safe(value: object) -> str:
    """A record's value as terminal text: control characters made visible (``\\x1b``), as
    in every error line (:func:`pipeline.failures.visible`)."""
    return visible(value)


class RecordNotFound(Failure, LookupError):
    """No record with the id asked for: exit code 1, as ``grep`` finding nothing."""

    code = 1


def find_record(path: str | Path, doc_id: str) -> Record:
    """The record with id ``doc_id`` in a records file (streamed; stops at the first match)."""
    for record in read_records(path):
        if record.id == doc_id:
            return record
    raise RecordNotFound(f"no record with id {doc_id!r} in {path}")


def highlighted_text(record: Record, *, max_chars: int | None = None) -> Text:
    """The record's text with each entity styled by label and followed by its label."""
    text = record.text if max_chars is None else record.text[:max_chars]
    out = Text()
    pos = 0
    for ent in sorted(record.entities, key=lambda e: e.start):
        if ent.start < pos or ent.end > len(text):
            continue
        out.append(safe(text[pos : ent.start]))
        out.append(safe(ent.text), style=LABEL_STYLES.get(ent.label, "bold"))
        out.append(safe(f"[{ent.label}]"), style="dim")
        pos = ent.end
    out.append(safe(text[pos:]))
    if max_chars is not None and len(record.text) > max_chars:
        out.append(f" … ({len(record.text) - max_chars:,} more characters)", style="dim italic")
    return out


def _clusters(record: Record) -> Table:
    look = Lookup(record)
    table = Table(title="Entities (clusters)", title_justify="left", expand=False)
    for col in ("id", "label", "name", "mentions", "aliases / roles"):
        table.add_column(col)
    for c in record.clusters:
        roles = [
            f"{r.title} of {look.clusters[r.of].name}" if r.of in look.clusters else r.title
            for r in c.roles
        ]
        table.add_row(
            Text(safe(c.id)),
            Text(safe(c.label), style=LABEL_STYLES.get(c.label, "")),
            Text(safe(c.name)),
            Text(str(len(c.mentions))),
            Text(safe("; ".join([*c.aliases, *roles]))),
        )
    return table


def _relations(record: Record) -> Table:
    look = Lookup(record)
    table = Table(title="Relations", title_justify="left")
    for col in ("id", "type", "head", "tail", "rule"):
        table.add_column(col)
    for r in record.relations:
        ends = (look.relation_end(r.head)[0], look.relation_end(r.tail)[0])
        values = (r.id, r.type, *ends, r.rule)
        table.add_row(*(Text(safe(v)) for v in values))
    return table


def _events(record: Record) -> Table:
    look = Lookup(record)
    table = Table(title="Events", title_justify="left")
    for col in ("id", "type", "trigger", "status", "date", "arguments"):
        table.add_column(col)
    for ev in record.events:
        args = "\n".join(f"{a.role}: {a.name or a.text}" for a in look.arguments(ev))
        table.add_row(
            Text(safe(ev.id)),
            Text(safe(ev.type), style="bold"),
            Text(safe(ev.trigger.text)),
            Text(safe(ev.status or "")),
            Text(safe(ev.date or "")),
            Text(safe(args)),
        )
    return table


def _references(record: Record) -> Table:
    table = Table(title="Pronouns and descriptions", title_justify="left")
    for col in ("id", "mention", "kind", "refers to", "linked to", "rule"):
        table.add_column(col)
    for v in reference_views(record):
        values = (v.id, v.text, v.kind, "; ".join(v.names), v.antecedent, v.rule)
        table.add_row(*(Text(safe(x)) for x in values))
    return table


def record_view(record: Record, *, max_chars: int | None = 4000) -> Group:
    meta = record.meta
    info = " · ".join(b for b in (meta.published, meta.outlet, meta.dateline) if b)
    title = Text(safe(record.id), style="bold")
    if meta.title:
        title.append(safe(f" — {meta.title}"), style="bold")
    parts: list[Panel | Table | Text] = [
        Panel(
            highlighted_text(record, max_chars=max_chars),
            title=title,
            subtitle=Text(safe(info)) if info else None,
            title_align="left",
        )
    ]
    counts = (
        f"{len(record.entities)} entities, {len(record.clusters)} clusters, "
        f"{len(record.references)} references, {len(record.relations)} relations, "
        f"{len(record.events)} events"
    )
    parts.append(Text(counts, style="dim"))
    if record.clusters:
        parts.append(_clusters(record))
    if record.references:
        parts.append(_references(record))
    if record.relations:
        parts.append(_relations(record))
    if record.events:
        parts.append(_events(record))
    return Group(*parts)


def show(records: Iterable[Record] | Record, console: Console | None = None, **kwargs: int) -> None:
    console = console or Console()
    for record in [records] if isinstance(records, Record) else records:
        console.print(record_view(record, **kwargs))
