"""The sections of the report page: the corpus summary, the events table and one section per
document (rendered with :func:`pipeline.present.displacy.render`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pipeline.present.displacy import ENTITY_COLORS, EVENT_COLORS, render
from pipeline.present.references import references_html
from pipeline.present.report.markup import StyleSheet, esc, event_color
from pipeline.present.report.rows import EventRow, Summary
from pipeline.schema import Record

OPEN_BELOW_CHARS = 4000  # documents shorter than this start expanded in small corpora
MAX_EVENT_VIEWS = 12  # span views per document; the events table lists them all


def summary_html(s: Summary, source: str) -> str:
    cards = [
        ("documents", s.documents),
        ("entities", sum(s.entities.values())),
        ("clusters", s.clusters),
        ("relations", sum(s.relations.values())),
        ("events", sum(s.events.values())),
    ]
    out = ['<div class="cards">']
    out += [
        f'<div class="card"><div class="num" id="count-{k}">{v:,}</div>{k}</div>' for k, v in cards
    ]
    out.append("</div>")

    def table(title: str, counts: Counter[str], colors: dict[str, str], tid: str) -> str:
        if not counts:
            return f'<div class="counts"><h3>{title}</h3><p class="empty">none</p></div>'
        top = max(counts.values())
        rows = "".join(
            f'<tr><td><span class="swatch" style="background:{colors.get(k, "#ced4da")}"></span>'
            f'{esc(k)}</td><td class="n">{v:,}</td><td class="bar"><span style="width:'
            f'{100 * v / top:.0f}%;background:{colors.get(k, "#ced4da")}"></span></td></tr>'
            for k, v in counts.most_common()
        )
        return f'<div class="counts"><h3>{title}</h3><table id="{tid}">{rows}</table></div>'

    out.append('<div class="count-tables">')
    out.append(table("Entities per label", s.entities, ENTITY_COLORS, "entities-per-label"))
    out.append(table("Events per type", s.events, EVENT_COLORS, "events-per-type"))
    out.append(table("Relations per type", s.relations, {}, "relations-per-type"))
    out.append("</div>")
    return "".join(out)


def events_table(rows: Sequence[EventRow]) -> str:
    if not rows:
        return '<p class="empty">No events in this corpus.</p>'
    types = sorted({r.type for r in rows})
    options = "".join(f'<option value="{esc(t)}">{esc(t)}</option>' for t in types)
    head = (
        '<div class="filters"><label>Type <select id="event-type-filter"><option value="">'
        f'all</option>{options}</select></label> <label>Search <input id="event-search" '
        'type="search" placeholder="name, place, text"></label> <span id="event-shown"></span>'
        '</div><table id="events-table" class="events"><thead><tr>'
        + "".join(
            f'<th data-col="{i}">{h}</th>'
            for i, h in enumerate(
                [
                    "type",
                    "date",
                    "status",
                    "participants",
                    "place",
                    "other arguments",
                    "sentence",
                    "document",
                ]
            )
        )
        + "</tr></thead><tbody>"
    )
    body = []
    for r in rows:
        others = "; ".join(f"{role}: {text}" for role, text in r.others)
        body.append(
            f'<tr data-type="{esc(r.type)}"><td><span class="swatch" style="background:'
            f'{event_color(r.type)}"></span>{esc(r.type)}</td>'
            f"<td>{esc(r.date.value) if r.date else ''}</td><td>{esc(r.status or '')}</td>"
            f"<td>{esc('; '.join(r.participants))}</td><td>{esc('; '.join(r.places))}</td>"
            f'<td>{esc(others)}</td><td class="sentence">{esc(r.sentence)}</td>'
            f'<td><a href="#{r.anchor}">{esc(r.doc_id)}</a> {esc(r.event_id)}</td></tr>'
        )
    return head + "\n".join(body) + "</tbody></table>"


def document_section(record: Record, n: int, sheet: StyleSheet, small_corpus: bool) -> str:
    shown = record
    if len(record.events) > MAX_EVENT_VIEWS:
        shown = record.model_copy(update={"events": record.events[:MAX_EVENT_VIEWS]})
    body = sheet.compact(render(shown)) + references_html(record)
    more = len(record.events) - len(shown.events)
    if more:
        body += f'<p class="note">{more} more events: see the events table.</p>'
    is_open = small_corpus and len(record.text) < OPEN_BELOW_CHARS
    title = f" — {esc(record.meta.title)}" if record.meta.title else ""
    counts = f"{len(record.entities)} entities, {len(record.events)} events"
    return (
        f'<article class="doc" id="doc-{n}" data-doc-id="{esc(record.id)}">'
        f"<details{' open' if is_open else ''}><summary><b>{esc(record.id)}</b>{title}"
        f' <span class="count">{counts}</span></summary>{body}</details></article>\n'
    )
