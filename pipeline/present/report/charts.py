"""The report's pictures, as inline SVG drawn here: a timeline of events by date and type, and
a who-meets-whom network of the parties that share events."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pipeline.present.displacy import ENTITY_COLORS
from pipeline.present.report.markup import esc, event_color
from pipeline.present.report.rows import EventRow

NETWORK_MAX_NODES = 40

# ---------------------------------------------------------------- timeline


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
            fill = event_color(etype) if complete else "#fff"
            tip = "\n".join(
                f"{m.date.value if m.date else ''} {m.type} {', '.join(m.participants)} "
                f"({m.doc_id} {m.event_id})"
                for m in members[:8]
            ) + (f"\n… {n - 8} more" if n > 8 else "")
            out.append(
                f'<a href="#{members[0].anchor}"><circle class="event-dot" cx="{x(day):.1f}"'
                f' cy="{y}" r="{radius:.1f}" fill="{fill}" stroke="{event_color(etype)}"'
                f' data-type="{esc(etype)}"><title>{esc(tip)}</title></circle></a>'
            )
    out.append(f'<line class="axis" x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}"/>')
    out.append("</svg>")
    note = (
        f'<p class="note">Filled: a day; hollow: a month or a year. {undated} events without'
        f" a date are not drawn.</p>"
    )
    return "".join(out) + note


# ---------------------------------------------------------------- network


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
            f' stroke="{event_color(etype)}" stroke-width="{min(8, 1 + n):.0f}">'
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
