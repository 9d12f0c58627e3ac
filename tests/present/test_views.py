from __future__ import annotations

import datetime as dt

import pytest

from pipeline.present.views import event_window, parse_date

from ..records import make_record


@pytest.mark.parametrize(
    ("value", "day", "complete"),
    [
        ("2017-09-22", dt.date(2017, 9, 22), True),
        ("2017-11", dt.date(2017, 11, 1), False),
        ("2020", dt.date(2020, 1, 1), False),
        ("2017-W38", dt.date(2017, 9, 18), False),
        ("2017-Q3", dt.date(2017, 7, 1), False),
    ],
)
def test_parse_date_reads_timex_values_as_first_day(
    value: str, day: dt.date, complete: bool
) -> None:
    parsed = parse_date(value)
    assert parsed is not None and (parsed.day, parsed.complete) == (day, complete)


@pytest.mark.parametrize("value", [None, "", "P7M", "PRESENT_REF", "2017-13-45"])
def test_parse_date_gives_none_for_what_is_not_a_calendar_date(value) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("event_id", "sentence"),
    [
        (
            "V1",
            "ASTANA -- Kazakh First Deputy Prime Minister Askar Mamin met his Belarusian "
            "counterpart Vasily Matyushevsky on Sept. 22 in Karagandy.",
        ),
        ("V2", "Mamin said trade should be increased to $1 billion by 2020."),
        ("V3", "Kazakhstan and Belarus will sign an agreement in November 2017."),
    ],
)
def test_event_window_is_the_sentence_of_trigger_and_arguments(
    event_id: str, sentence: str
) -> None:
    record = make_record()
    (event,) = [e for e in record.events if e.id == event_id]
    w = event_window(record, event)
    assert record.text[w.start : w.end] == sentence
