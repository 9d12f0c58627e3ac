"""displaCy views of a record: entities over the whole text, each event over its sentence.

``render(record)`` returns an HTML string (a ``str`` that Jupyter also displays as HTML).
Entities use displaCy's ``ent`` style in manual mode (character offsets, exact); events use
the ``span`` style, which draws overlapping spans: the trigger labelled with the event type,
each argument with its role. Every value of a record is data: text goes through displaCy's
escaping, and labels, ids and captions (text or attribute) through :func:`html.escape`.
"""

from __future__ import annotations

import html
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy import displacy

from pipeline.present.views import Lookup, event_window
from pipeline.schema import Event, Record

if TYPE_CHECKING:
    from spacy.language import Language

EVENTS_KEY = "events"

ENTITY_COLORS = {
    "PERSON": "#aa9cfc",
    "ORG": "#7aecec",
    "GPE": "#feca74",
    "NORP": "#c887fb",
    "LOC": "#ff9561",
    "FAC": "#9cc9cc",
    "DATE": "#bfe1d9",
    "TIME": "#bfe1d9",
    "MONEY": "#e4e7d2",
    "PERCENT": "#e4e7d2",
    "QUANTITY": "#e4e7d2",
    "CARDINAL": "#e4e7d2",
    "ORDINAL": "#e4e7d2",
    "TITLE": "#f6c8de",
    "EVENT": "#ffeb80",
    "LAW": "#ff8197",
    "PRODUCT": "#bfeeb7",
    "WORK_OF_ART": "#f0d0ff",
    "LANGUAGE": "#ff8197",
}

EVENT_COLORS = {
    "MEETING": "#ff922b",
    "AGREEMENT": "#51cf66",
    "TARGET": "#4dabf7",
    "FIGURE": "#9775fa",
    "STATEMENT": "#f06595",
}

ROLE_COLORS = {
    "participant": "#ffa94d",
    "party": "#8ce99a",
    "body": "#ffd8a8",
    "date": "#a5d8ff",
    "place": "#ffe066",
    "agreement": "#b2f2bb",
    "metric": "#d0bfff",
    "value": "#eebefa",
    "deadline": "#a5d8ff",
    "period": "#a5d8ff",
    "change": "#fcc2d7",
    "announcer": "#ffc9c9",
    "speaker": "#ffc9c9",
    "content": "#e9ecef",
}


class Html(str):
    """An HTML string that Jupyter renders (``_repr_html_``) instead of printing."""

    def _repr_html_(self) -> str:
        return str(self)


@lru_cache(maxsize=1)
def _blank() -> Language:
    import spacy

    return spacy.blank("en")


def render(record: Record, *, entities: bool = True, events: bool = True) -> Html:
    """displaCy HTML for ``record``: a header, its entities, then one view per event."""
    parts = [_header(record)]
    if entities:
        parts.append(render_entities(record))
    if events and record.events:
        look = Lookup(record)
        parts.append('<div class="newsrel-events">')
        parts.extend(render_event(record, ev, look) for ev in record.events)
        parts.append("</div>")
    return Html(f'<div class="newsrel-record">{"".join(parts)}</div>')


def _header(record: Record) -> str:
    meta = record.meta
    bits = [b for b in (meta.published, meta.outlet, meta.dateline) if b]
    title = f" — {html.escape(meta.title)}" if meta.title else ""
    sub = f'<div class="newsrel-meta">{html.escape(" · ".join(bits))}</div>' if bits else ""
    return f'<div class="newsrel-head"><b>{html.escape(record.id)}</b>{title}{sub}</div>'


def render_entities(record: Record) -> str:
    """displaCy ``ent`` view of the whole text (manual mode: the record's character offsets)."""
    data = {
        "text": record.text,
        "ents": [
            {"start": e.start, "end": e.end, "label": html.escape(e.label)} for e in record.entities
        ],
        "title": None,
    }
    return displacy.render(
        data, style="ent", manual=True, jupyter=False, options={"colors": ENTITY_COLORS}
    )


def event_caption(event: Event) -> str:
    bits = [event.id, event.type, event.status, event.date, event.cameo and f"CAMEO {event.cameo}"]
    return " · ".join(b for b in bits if b)


def render_event(record: Record, event: Event, look: Lookup | None = None) -> str:
    """displaCy ``span`` view of the sentence an event was read from: the trigger labelled
    with the event type, each argument with its role (spans may overlap)."""
    look = look or Lookup(record)
    window = event_window(record, event)
    doc = _blank()(record.text[window.start : window.end])
    spans = []
    # labels go into displaCy's markup unescaped: escape them here
    marks = [(t.start, t.end, html.escape(event.type)) for t in [event.trigger, *event.triggers]]
    marks += [
        (a.start, a.end, html.escape(a.role))
        for a in look.arguments(event)
        if a.start is not None and a.end is not None
    ]
    seen = set()
    for start, end, label in marks:
        if not (window.start <= start < end <= window.end) or (start, end, label) in seen:
            continue
        seen.add((start, end, label))
        span = doc.char_span(
            start - window.start, end - window.start, label=label, alignment_mode="expand"
        )
        if span is not None:
            spans.append(span)
    doc.spans[EVENTS_KEY] = spans
    body = displacy.render(
        doc,
        style="span",
        jupyter=False,
        options={"spans_key": EVENTS_KEY, "colors": {**ROLE_COLORS, **EVENT_COLORS}},
    )
    caption = html.escape(event_caption(event))
    return (
        f'<div class="newsrel-event" id="{html.escape(f"{record.id}--{event.id}")}">'
        f'<div class="newsrel-event-caption">{caption}</div>{body}</div>'
    )
