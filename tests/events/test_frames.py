"""Frames: the early stop of a frame alone in its sentence, and the event's date."""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Doc

from pipeline.events.engine import match_events
from pipeline.events.frames import complete, fill_frame, norm_date
from pipeline.events.scopes import find_scopes
from pipeline.events.triggers import find_triggers

from .handmade import ENGINE, Row, met, parsed


def test_missing_norm_leaves_the_date_empty() -> None:
    doc = met([], date=("Monday", "Monday", "PROPN", 0, "", ""))
    (event,) = match_events(doc, ENGINE)
    assert event.date is None


@pytest.mark.parametrize(
    ("norm", "value"),
    [
        ({"type": "DATE", "value": "2017-09-22"}, "2017-09-22"),
        ({"type": "DATE", "value": "2017-11"}, "2017-11"),
        ({"type": "DATE", "start": "2017-01", "end": "2017-07"}, None),
        ({"type": "DATE", "value": "P7M"}, None),
        ({"type": "DATE", "value": "2017-Q3"}, "2017-Q3"),
        ({"type": "DATE", "value": "199"}, "199"),
        ({"type": "TIME", "value": "2017-09-29TMO"}, "2017-09-29TMO"),
        # TimeML REF values and sets are not dates an event can carry
        ({"type": "DATE", "value": "PAST_REF"}, None),
        ({"type": "DATE", "value": "PRESENT_REF"}, None),
        ({"type": "DATE", "value": "FUTURE_REF"}, None),
        ({"type": "SET", "value": "XXXX-07"}, None),
        ({"type": "DATE", "value": "2017/2018"}, None),
        (None, None),
    ],
)
def test_norm_date(norm, value) -> None:
    assert norm_date(norm) == value


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Askar Mamin met Belarusian Prime Minister Sergei Rumas in Astana recently.",
        "Kazakhstan and Belarus will sign a trade agreement in the future.",
    ],
)
def test_event_date_is_never_a_ref_value(nlp, text: str) -> None:
    from pipeline.extract import extract_text

    rec = extract_text(text, {"published": "2017-09-29"}, nlp=nlp)
    dates = [e.norm["value"] for e in rec.entities if e.label == "DATE" and e.norm]
    assert any(str(v).endswith("_REF") for v in dates)  # the sentence does hold a REF value
    assert rec.events, "the sentence should give an event"
    for ev in rec.events:
        assert ev.date is None or re.match(r"^\d{2,4}(?:-|$)", ev.date), ev.date


NO_PARTICIPANT: list[Row] = [
    ("They", "they", "PRON", 1, "nsubj", "O"),
    ("met", "meet", "VERB", 1, "ROOT", "O"),
    ("in", "in", "ADP", 1, "prep", "O"),
    ("Beijing", "Beijing", "PROPN", 2, "pobj", "B-GPE"),
    (".", ".", "PUNCT", 1, "punct", "O"),
]


@pytest.mark.parametrize(
    ("doc", "completes"),
    [(met([]), True), (parsed(NO_PARTICIPANT), False)],
)
def test_a_frame_alone_stops_early_only_when_it_cannot_be_complete(
    doc: Doc, completes: bool
) -> None:
    (trigger,) = [m for m in find_triggers(doc, ENGINE.triggers) if m.rule.type == "MEETING"]
    scopes = find_scopes(doc)
    full = fill_frame(doc, trigger, ENGINE.types, scopes)
    early = fill_frame(doc, trigger, ENGINE.types, scopes, alone=True)
    if completes:
        assert full is not None and complete(full, ENGINE.types)
        assert early == full
    else:
        assert full is not None and not complete(full, ENGINE.types)  # kept alone, then dropped
        assert early is None
