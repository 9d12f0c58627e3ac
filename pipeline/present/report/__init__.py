"""``newsrel report``: one static, self-contained HTML file for a corpus of records.

Corpus summary, an events table, a timeline and a who-meets-whom network (inline SVG drawn
here), then every document rendered with :func:`pipeline.present.displacy.render`. No network access:
CSS and JS are inlined from package resources. Records stream through once; rendered
documents are spooled to a temporary file, so memory holds only the small event rows.
Every piece of document text is escaped (displaCy escapes, the rest goes through ``esc``).
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import IO

from pipeline._version import __version__
from pipeline.present.displacy import ENTITY_COLORS, EVENT_COLORS, render
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

OPEN_BELOW_CHARS = 4000  # documents shorter than this start expanded in small corpora
OPEN_MAX_DOCS = 50
MAX_EVENT_VIEWS = 12  # span views per document; the events table lists them all
NETWORK_MAX_NODES = 40


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _resource(name: str) -> str:
    return files("pipeline.present.report").joinpath(name).read_text(encoding="utf-8")


# ---------------------------------------------------------------- rows the report is built from


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


# ---------------------------------------------------------------- timeline (inline SVG)


def _color(event_type: str) -> str:
    return EVENT_COLORS.get(event_type, "#495057")


def _ticks(lo: dt.date, hi: dt.date) -> list[tuple[dt.date, str]]:
    days = (hi - lo).days
    if days <= 90:
        step = max(1, math.ceil(days / 8))
        return [
            (lo + dt.timedelta(d), (lo + dt.timedelta(d)).isoformat())
            for d in range(0, days + 1, step)
        ]
    if days <= 6 * 366:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month
        step = max(1, math.ceil(months / 10))
        out = []
        for m in range(0, months + 1, step):
            y, mo = divmod(lo.month - 1 + m, 12)
            day = dt.date(lo.year + y, mo + 1, 1)
            if lo <= day <= hi:
                out.append((day, day.strftime("%Y-%m")))
        return out
    years = hi.year - lo.year
    step = max(1, math.ceil(years / 10))
    return [(dt.date(y, 1, 1), str(y)) for y in range(lo.year + 1, hi.year + 1, step)]


def timeline_svg(rows: Sequence[EventRow], *, width: int = 1000) -> str:
    """Events by date, one lane per event type: a dot per day (bigger when several events
    share it; hollow when the date is only a month or a year), linked to its document."""
    dated = [r for r in rows if r.date is not None and r.date.day is not None]
    undated = len(rows) - len(dated)
    if not dated:
        return (
            f'<p class="empty" id="timeline-empty">No dated events to draw'
            f"{f' ({undated} without a date)' if undated else ''}.</p>"
        )
    types = sorted({r.type for r in dated}, key=lambda t: (-sum(r.type == t for r in dated), t))
    lo = min(r.date.day for r in dated if r.date and r.date.day)
    hi = max(r.date.day for r in dated if r.date and r.date.day)
    if (hi - lo).days < 30:
        lo, hi = lo - dt.timedelta(15), hi + dt.timedelta(15)
    left, right, top, lane = 120, 30, 20, 46
    height = top + lane * len(types) + 40
    span = max(1, (hi - lo).days)

    def x(day: dt.date) -> float:
        return left + (width - left - right) * (day - lo).days / span

    out = [
        f'<svg id="timeline-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"'
        f' width="100%" role="img" aria-label="Timeline of events by date">'
    ]
    axis_y = top + lane * len(types)
    for day, label in _ticks(lo, hi):
        out.append(
            f'<line class="grid" x1="{x(day):.1f}" y1="{top}" x2="{x(day):.1f}" y2="{axis_y}"/>'
            f'<text class="tick" x="{x(day):.1f}" y="{axis_y + 16}">{esc(label)}</text>'
        )
    for i, etype in enumerate(types):
        y = top + lane * i + lane / 2
        out.append(
            f'<line class="lane" x1="{left}" y1="{y}" x2="{width - right}" y2="{y}"/>'
            f'<text class="lane-label" x="{left - 10}" y="{y + 4}">{esc(etype)}</text>'
        )
        groups: dict[tuple[dt.date, bool], list[EventRow]] = {}
        for r in dated:
            if r.type == etype and r.date and r.date.day:
                groups.setdefault((r.date.day, r.date.complete), []).append(r)
        for (day, complete), members in sorted(groups.items()):
            n = len(members)
            radius = min(14.0, 5 + 2.5 * math.sqrt(n - 1))
            fill = _color(etype) if complete else "#fff"
            tip = "\n".join(
                f"{m.date.value if m.date else ''} {m.type} {', '.join(m.participants)} "
                f"({m.doc_id} {m.event_id})"
                for m in members[:8]
            ) + (f"\n… {n - 8} more" if n > 8 else "")
            out.append(
                f'<a href="#{members[0].anchor}"><circle class="event-dot" cx="{x(day):.1f}"'
                f' cy="{y}" r="{radius:.1f}" fill="{fill}" stroke="{_color(etype)}"'
                f' data-type="{esc(etype)}"><title>{esc(tip)}</title></circle></a>'
            )
    out.append(f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}"/>')
    out.append("</svg>")
    note = (
        f'<p class="note">Filled: a day; hollow: a month or a year. {undated} events without'
        f" a date are not drawn.</p>"
    )
    return "".join(out) + note


# ---------------------------------------------------------------- network (inline SVG)


@dataclass(frozen=True)
class Network:
    nodes: list[tuple[str, str, int]]  # (name, label, weighted degree)
    edges: list[tuple[int, int, int, str]]  # (node a, node b, count, main event type)


def build_network(rows: Iterable[EventRow], *, max_nodes: int = NETWORK_MAX_NODES) -> Network:
    """Participants and parties that share an event, the strongest ``max_nodes`` of them.

    A node is a name (the cluster's canonical name); its label is the one it has most often."""
    pairs: Counter[tuple[str, str]] = Counter()
    kinds: dict[tuple[str, str], Counter[str]] = {}
    labels: dict[str, Counter[str]] = {}
    for r in rows:
        for name, label in r.party_keys:
            labels.setdefault(name, Counter())[label] += 1
        names = sorted({name for name, _ in r.party_keys})
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                pairs[(a, b)] += 1
                kinds.setdefault((a, b), Counter())[r.type] += 1
    degree: Counter[str] = Counter()
    for (a, b), n in pairs.items():
        degree[a] += n
        degree[b] += n
    keep = [k for k, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]]
    index = {k: i for i, k in enumerate(keep)}
    edges = [
        (index[a], index[b], n, kinds[(a, b)].most_common(1)[0][0])
        for (a, b), n in sorted(pairs.items())
        if a in index and b in index
    ]
    nodes = [(name, labels[name].most_common(1)[0][0], degree[name]) for name in keep]
    return Network(nodes, edges)


def network_svg(rows: Iterable[EventRow]) -> str:
    """Who meets or signs with whom: participants on a circle, a line per shared event."""
    net = build_network(rows)
    if not net.nodes:
        return '<p class="empty" id="network-empty">No event with two or more participants.</p>'
    n = len(net.nodes)
    radius = 90 if n <= 6 else 170 if n <= 16 else 250
    radial = n > 8  # many nodes: labels along the radius, so neighbours' labels never collide
    width, height = 2 * radius + 420, 2 * radius + (400 if radial else 60)
    cx, cy = width / 2, height / 2
    pos = []
    for i in range(len(net.nodes)):
        angle = 2 * math.pi * i / len(net.nodes) - math.pi / 2
        pos.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle), angle))
    out = [
        f'<svg id="network-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}"'
        f' width="{width}" role="img" aria-label="Who meets or signs with whom">'
    ]
    for a, b, n, etype in net.edges:
        (x1, y1, _), (x2, y2, _) = pos[a], pos[b]
        title = f"{net.nodes[a][0]} — {net.nodes[b][0]}: {n} shared event{'s' if n > 1 else ''}"
        out.append(
            f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
            f' stroke="{_color(etype)}" stroke-width="{min(8, 1 + n):.0f}">'
            f"<title>{esc(title)}</title></line>"
        )
    for (name, label, deg), (x, y, angle) in zip(net.nodes, pos, strict=True):
        r = min(14.0, 5 + 1.5 * math.sqrt(deg))
        cos, sin = math.cos(angle), math.sin(angle)
        lx, ly = x + (r + 5) * cos, y + (r + 5) * sin
        if radial:
            rotate = math.degrees(angle) + (0 if cos >= 0 else 180)
            anchor = "start" if cos >= 0 else "end"
            place = f'transform="rotate({rotate:.1f} {lx:.1f} {ly:.1f})" dy=".35em"'
        else:
            anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
            place = f'dy="{".35em" if abs(sin) < 0.8 else "1em" if sin > 0 else "-.3em"}"'
        short = name if len(name) <= 28 else name[:27] + "…"
        out.append(
            f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"'
            f' fill="{ENTITY_COLORS.get(label, "#ced4da")}">'
            f"<title>{esc(f'{name} ({label}): {deg}')}</title></circle>"
            f'<text class="node-label" x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}"'
            f" {place}>{esc(short)}</text>"
        )
    out.append("</svg>")
    return "".join(out)


# ---------------------------------------------------------------- compact displaCy markup


class StyleSheet:
    """Hoists displaCy's repeated inline ``style`` attributes into classes (``s0``, ``s1``...)
    and squeezes its indentation: the same rendering in a fraction of the bytes."""

    _ATTR = re.compile(r'(?:class="([^"]*)" )?style="([^"]*)"')
    _SPACE = re.compile(r"\s*\n\s*")

    def __init__(self) -> None:
        self.classes: dict[str, str] = {}

    def _sub(self, m: re.Match[str]) -> str:
        name = self.classes.setdefault(m[2], f"s{len(self.classes)}")
        return f'class="{m[1]} {name}"' if m[1] else f'class="{name}"'

    def compact(self, markup: str) -> str:
        return self._SPACE.sub("\n", self._ATTR.sub(self._sub, markup))

    def css(self) -> str:
        return "\n".join(f".{name}{{{style}}}" for style, name in self.classes.items())


# ---------------------------------------------------------------- the page


def _document_section(record: Record, n: int, sheet: StyleSheet, small_corpus: bool) -> str:
    shown = record
    if len(record.events) > MAX_EVENT_VIEWS:
        shown = record.model_copy(update={"events": record.events[:MAX_EVENT_VIEWS]})
    body = sheet.compact(render(shown))
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


def _summary_html(s: Summary, source: str) -> str:
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


def _events_table(rows: Sequence[EventRow]) -> str:
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
            f'{_color(r.type)}"></span>{esc(r.type)}</td>'
            f"<td>{esc(r.date.value) if r.date else ''}</td><td>{esc(r.status or '')}</td>"
            f"<td>{esc('; '.join(r.participants))}</td><td>{esc('; '.join(r.places))}</td>"
            f'<td>{esc(others)}</td><td class="sentence">{esc(r.sentence)}</td>'
            f'<td><a href="#{r.anchor}">{esc(r.doc_id)}</a> {esc(r.event_id)}</td></tr>'
        )
    return head + "\n".join(body) + "</tbody></table>"


def write_report(
    records: Iterable[Record],
    out: IO[str],
    *,
    title: str = "newsrel report",
    source: str = "",
    corpus: str | Path | None = None,
) -> Summary:
    """Write the HTML report for ``records`` to ``out``; return the corpus summary. With
    ``corpus`` (a folder of ``newsrel link``) the report lists the linked events and draws the
    network over corpus entities (pipeline.present.corpus)."""
    summary = Summary()
    rows: list[EventRow] = []
    doc_ids: list[str] = []
    sheet = StyleSheet()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        records = iter(records)
        head: list[Record] = []
        for record in records:  # peek: is the corpus small enough to open documents?
            head.append(record)
            if len(head) > OPEN_MAX_DOCS:
                break
        small = len(head) <= OPEN_MAX_DOCS
        for n, record in enumerate(_chain(head, records)):
            summary.add(record)
            rows.extend(event_rows(record, n))
            doc_ids.append(record.id)
            spool.write(_document_section(record, n, sheet, small))
        rows.sort(key=lambda r: (r.date is None, r.date.day if r.date else None, r.doc, r.event_id))
        sections = [
            ("summary", "Corpus", _summary_html(summary, source)),
            ("timeline", "Timeline of events", timeline_svg(rows)),
            ("network", "Who meets or signs with whom", network_svg(rows)),
            ("events", f"Events ({len(rows):,})", _events_table(rows)),
        ]
        if corpus is not None:
            from pipeline.present.corpus import corpus_sections

            sections = corpus_sections(sections, corpus, doc_ids)
        top, bottom = _resource("report_template.html").split("$documents")
        values = {
            "title": esc(title),
            "source": esc(source),
            "version": esc(__version__),
            "css": _resource("report.css") + "\n" + sheet.css(),
            "sections": "".join(
                f'<section id="{sid}"><h2>{h}</h2>{body}</section>' for sid, h, body in sections
            ),
            "script": _resource("report.js"),
        }
        top, bottom = Template(top).substitute(values), Template(bottom).substitute(values)
        out.write(top)
        spool.seek(0)
        shutil.copyfileobj(spool, out)
        out.write(bottom)
    return summary


def _chain(head: list[Record], rest: Iterable[Record]) -> Iterable[Record]:
    yield from head
    yield from rest


def build_report(records: Iterable[Record], path: str | Path, **kwargs: str) -> Summary:
    """:func:`write_report` into the file ``path`` (written whole, then renamed)."""
    path = Path(path)
    part = path.with_name(path.name + ".part")
    with part.open("w", encoding="utf-8") as f:
        summary = write_report(records, f, **kwargs)
    part.replace(path)
    return summary
