"""The corpus view where a user looks: ``newsrel show CV.. DIR`` in the terminal, and the
linked-events section and corpus-entity network of ``newsrel report --corpus DIR``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pipeline.link.schema import CorpusEvent
from pipeline.link.view import entity_labels, read_corpus_events
from pipeline.present.report.markup import esc
from pipeline.present.report.rows import EventRow
from pipeline.present.terminal import safe
from pipeline.present.views import parse_date

MAX_LINKED_ROWS = 500  # the report lists the newest linked events, up to this many


def _cells(*values: object) -> list[Text]:
    """Table cells of values from a corpus view: text, never rich markup or terminal control."""
    return [Text(safe(v)) for v in values]


def corpus_event_view(event: CorpusEvent) -> Group:
    """One corpus event: what it is, who took part, where reports disagree, every source. Every
    value is shown as text (``[link=...]`` stays those characters, ESC is shown as ``\\x1b``)."""
    head = Text(safe(f"{event.id} {event.type}"), style="bold")
    facts = [
        f"status: {event.status or '-'}",
        f"date: {event.date or '-'}"
        + (f" ({event.date_range[0]} .. {event.date_range[1]})" if event.date_range else ""),
        f"{len(event.sources)} sources, {event.n_documents} documents, {event.n_outlets} outlets",
        f"first reported: {event.first_reported.doc}"
        + (f" ({event.first_reported.published})" if event.first_reported.published else ""),
    ]
    if event.values:
        facts.append("values: " + "; ".join(f"{k}: {v}" for k, v in event.values.items()))
    parts: list[Panel | Table | Text] = [
        Panel(Text(safe("\n".join(facts))), title=head, title_align="left")
    ]
    who = Table(title="Participants", title_justify="left")
    for col in ("role", "entity", "name", "sources"):
        who.add_column(col)
    for p in event.participants:
        who.add_row(*_cells(p.role, p.entity or "", p.name, p.n_sources))
    parts.append(who)
    if event.conflicts:
        conf = Table(title="Where sources disagree", title_justify="left")
        conf.add_column("field")
        conf.add_column("value")
        conf.add_column("sources")
        for c in event.conflicts:
            for v in c.values:
                docs = ", ".join(event.sources[i].doc for i in v.sources)
                conf.add_row(*_cells(c.field, v.value, docs))
        parts.append(conf)
    src = Table(title="Sources", title_justify="left")
    for col in ("#", "document", "event", "published", "outlet", "date", "sentence"):
        src.add_column(col, overflow="fold")
    for i, s in enumerate(event.sources):
        src.add_row(
            *_cells(i, s.doc, s.event, s.published or "", s.outlet or "", s.date or "", s.sentence)
        )
    parts.append(src)
    if event.links:
        links = "; ".join(f"{link.a}-{link.b} {link.rule}" for link in event.links)
        parts.append(Text(safe("links: " + links), style="dim"))
    return Group(*parts)


def show_corpus_event(event: CorpusEvent, console: Console | None = None) -> None:
    (console or Console()).print(corpus_event_view(event))


# ---------------------------------------------------------------- the report


def corpus_rows(folder: str | Path) -> tuple[list[EventRow], list[CorpusEvent]]:
    """Network rows (one per corpus event, parties by corpus entity) and the linked events
    (two sources or more), newest first."""
    labels = entity_labels(folder)
    rows: list[EventRow] = []
    linked: list[CorpusEvent] = []
    for event in read_corpus_events(folder):
        keys = tuple(
            dict.fromkeys(
                labels[p.entity] for p in event.participants if p.entity and p.entity in labels
            )
        )
        rows.append(
            EventRow(
                doc=0,
                doc_id=event.sources[0].doc,
                event_id=event.id,
                type=event.type,
                date=parse_date(event.date),
                status=event.status,
                participants=tuple(name for name, _ in keys),
                places=(),
                others=(),
                sentence=event.sources[0].sentence,
                party_keys=keys,
            )
        )
        if len(event.sources) > 1:
            linked.append(event)
    linked.sort(key=_newest, reverse=True)
    return rows, linked[:MAX_LINKED_ROWS]


def _newest(event: CorpusEvent) -> tuple[str, str]:
    latest = max((s.published or "" for s in event.sources), default="")
    return (event.date or latest, event.id)


def linked_events_html(events: Sequence[CorpusEvent], anchors: dict[str, int]) -> str:
    """The linked-events table: newest first, with the number of sources and a link to the
    first source's document section (``anchors``: document id -> its number in the report)."""
    if not events:
        return '<p class="empty" id="linked-empty">No event is reported by two sources.</p>'
    head = (
        '<table id="linked-events" class="events"><thead><tr>'
        + "".join(
            f"<th>{h}</th>"
            for h in ("event", "type", "date", "status", "participants", "sources", "conflicts")
        )
        + "</tr></thead><tbody>"
    )
    body = []
    for ev in events:
        docs = []
        for s in ev.sources:
            n = anchors.get(s.doc)
            label = esc(f"{s.doc} {s.event}")
            docs.append(f'<a href="#doc-{n}">{label}</a>' if n is not None else label)
        conflicts = "; ".join(
            f"{c.field}: " + " / ".join(v.value for v in c.values) for c in ev.conflicts
        )
        body.append(
            f'<tr data-type="{esc(ev.type)}"><td>{esc(ev.id)}</td><td>{esc(ev.type)}</td>'
            f"<td>{esc(ev.date or '')}</td><td>{esc(ev.status or '')}</td>"
            f"<td>{esc('; '.join(p.name for p in ev.participants))}</td>"
            f"<td><b>{len(ev.sources)}</b> ({ev.n_documents} documents): {'<br>'.join(docs)}</td>"
            f"<td>{esc(conflicts)}</td></tr>"
        )
    return head + "\n".join(body) + "</tbody></table>"


def corpus_sections(
    sections: list[tuple[str, str, str]], folder: str | Path, doc_ids: Iterable[str]
) -> list[tuple[str, str, str]]:
    """The report's sections with the corpus view in: the network drawn over corpus entities
    (one edge per real-world event, not per article) and the linked events after it."""
    from pipeline.present.report.charts import network_svg

    net_rows, linked = corpus_rows(folder)
    anchors = {d: n for n, d in enumerate(doc_ids)}
    out: list[tuple[str, str, str]] = []
    for sid, heading, body in sections:
        if sid == "network":
            body = network_svg(net_rows)
            heading = "Who meets or signs with whom (corpus entities, one edge per linked event)"
        out.append((sid, heading, body))
        if sid == "network":
            out.append(
                (
                    "linked",
                    f"Linked events, newest first ({len(linked):,})",
                    linked_events_html(linked, anchors),
                )
            )
    return out
