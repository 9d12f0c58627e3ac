from __future__ import annotations

import re

import pytest

from pipeline import Record, render
from pipeline.present.displacy import render_event

from ..records import MEETING_TEXT, make_record
from .hostile import HOSTILE, Page, assert_only_markup_of_ours, hostile_records

XSS = "<script>document.body.setAttribute('data-pwned','1')</script>"


def test_render_returns_an_html_string_that_jupyter_displays() -> None:
    html = render(make_record())
    assert isinstance(html, str)
    assert html._repr_html_() == str(html)


@pytest.mark.parametrize(
    "fragment",
    [
        "Askar Mamin",  # entity text
        ">PERSON</span>",  # displaCy ent label
        "MEETING",  # event trigger label (span style)
        "participant",  # argument role label
        "V1 · MEETING · happened · 2017-09-22 · CAMEO 040",  # event caption
    ],
)
def test_render_shows_entities_and_events(fragment: str) -> None:
    assert fragment in render(make_record())


def test_render_event_labels_overlapping_spans() -> None:
    record = make_record()
    html = render_event(record, record.events[1])  # trigger "trade" is also the metric span
    labels = re.findall(r">\s*(TARGET|metric|value|deadline|announcer)\s*</span>", html)
    assert sorted(labels) == ["TARGET", "announcer", "deadline", "metric", "value"]


def test_render_without_events_has_no_span_view() -> None:
    assert 'class="spans"' not in render(make_record(), events=False)


def test_render_escapes_document_text_title_and_labels() -> None:
    record = make_record("x.txt", XSS + " " + MEETING_TEXT, title=XSS)
    data = record.dump()
    data["entities"][0]["label"] = "<b>TITLE</b>"
    html = render(Record.model_validate(data))
    assert "<script>" not in html and "<b>TITLE" not in html
    assert "&lt;script&gt;" in html


def _page(html: str) -> str:
    return f"<!doctype html><html><body>{html}</body></html>"


def test_render_of_hostile_records_holds_no_markup_from_the_data() -> None:
    benign = Page.of(_page(render(make_record())))
    for record in hostile_records():
        page = Page.of(_page(render(record)))
        assert_only_markup_of_ours(page, benign)
        assert any(HOSTILE in v for v in page.values_of("id"))
