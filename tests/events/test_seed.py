"""The seed article's five events, through the whole pipeline."""

from __future__ import annotations

import json

import pytest

from pipeline.schema import Event, Record


def one(record: Record, etype: str) -> Event:
    events = [e for e in record.events if e.type == etype]
    assert len(events) == 1, [(e.type, e.trigger.text) for e in record.events]
    return events[0]


def args(record: Record, event: Event) -> dict[str, set[str]]:
    text = {e.id: e.text for e in record.entities} | {r.id: r.text for r in record.references}
    out: dict[str, set[str]] = {}
    for a in event.arguments:
        out.setdefault(a.role, set()).add(text[a.ref] if a.ref else a.text or "")
    return out


def test_seed_has_its_five_events_and_the_statements_the_guidelines_add(
    seed_record: Record,
) -> None:
    assert sorted(e.type for e in seed_record.events) == [
        "AGREEMENT",
        "FIGURE",
        "MEETING",
        "STATEMENT",  # Mamin announced ... that trade ... should be increased (the TARGET's words)
        "STATEMENT",  # The sides said they want to cooperate (an identifiable collective)
        "STATEMENT",  # ..., said Matyushevsky
        "TARGET",
    ]


def statement_by(record: Record, speaker: str) -> Event:
    (event,) = [
        e
        for e in record.events
        if e.type == "STATEMENT" and args(record, e).get("speaker") == {speaker}
    ]
    return event


def test_seed_meeting(seed_record: Record) -> None:
    ev = one(seed_record, "MEETING")
    got = args(seed_record, ev)
    assert got["body"] == {"Kazakh-Belarusian Intergovernmental Commission"}
    assert got["participant"] == {"Askar Mamin", "Vasily Matyushevsky"}
    assert got["date"] == {"Sept. 22"} and got["place"] == {"Karagandy"}
    assert ev.status == "happened" and ev.cameo == "040"
    # "the commission meeting" of the next sentence is the same meeting: one event, two triggers
    assert [t.text for t in ev.triggers] == ["meeting", "meeting"] and ev.sentences == [
        3,
        4,
    ]  # as in seeds/gold.jsonl


def test_seed_agreement(seed_record: Record) -> None:
    ev = one(seed_record, "AGREEMENT")
    got = args(seed_record, ev)
    assert got["party"] == {
        "Foreign Trade Chamber of Kazakhstan",
        "Chamber of Commerce and Industry of Belarus",
    }
    (subject,) = got["agreement"]
    assert "Kazakh-Belarusian Business Council" in subject and "between" not in subject
    assert got["date"] == {"November 2017"}
    assert ev.status == "planned" and ev.cameo == "057" and ev.rule == "agreement.signing-noun"


def test_seed_target(seed_record: Record) -> None:
    ev = one(seed_record, "TARGET")
    got = args(seed_record, ev)
    assert {m.lower() for m in got["metric"]} & {"trade", "trade turnover"}
    assert {v.lower() for v in got["value"]} == {"$1 billion"}
    assert got["deadline"] == {"2020"}
    assert got["announcer"] == {"Askar Mamin"}
    assert got["party"] == {"Belarus"}
    assert ev.status == "stated" and ev.cameo == "030" and ev.date is None
    # the headline restates the lede and starts no event of its own
    assert [t.text for t in ev.triggers] == ["increased"]


def test_seed_figure(seed_record: Record) -> None:
    ev = one(seed_record, "FIGURE")
    got = args(seed_record, ev)
    assert got == {
        "metric": {"turnover"},
        "value": {"$313.7 million"},
        "period": {"January-July"},
        "change": {"75.6 percent"},
    }
    assert ev.status == "reported" and ev.trigger.text == "amounted" and ev.date is None


def test_seed_quote_paragraph_is_one_statement(seed_record: Record) -> None:
    ev = statement_by(seed_record, "Matyushevsky")
    (content,) = args(seed_record, ev)["content"]
    assert content.startswith("Over the past years") and content.endswith("encouraging investments")
    assert ev.sentences == [10, 11, 12]  # as in seeds/gold.jsonl


def test_seed_reported_target_is_a_statement_too(seed_record: Record) -> None:
    ev = statement_by(seed_record, "Askar Mamin")
    (content,) = args(seed_record, ev)["content"]
    assert "increased to $1 billion" in content
    assert ev.trigger.text == "announced"


def test_seed_statement_by_the_sides(seed_record: Record) -> None:
    event = statement_by(seed_record, "The sides")
    (content,) = args(seed_record, event)["content"]
    assert content.startswith("they want to cooperate")
    # the description carries what coreference resolved it to: Kazakhstan and Belarus
    (speaker,) = [a for a in event.arguments if a.role == "speaker"]
    names = {c.id: c.name for c in seed_record.clusters}
    assert {names[c] for c in speaker.refers_to} == {"Kazakhstan", "Belarus"}


def test_seed_she_with_nobody_to_stand_for_gives_no_statement(seed_record: Record) -> None:
    assert "lesser of two evils" not in json.dumps([e.model_dump() for e in seed_record.events])


def test_every_seed_event_cites_rules_sentences_and_traced_arguments(seed_record: Record) -> None:
    ids = {e.id for e in seed_record.entities}
    for ev in seed_record.events:
        assert ev.rule and ev.rule in ev.rules and ev.sentence is not None
        assert ev.sentences == [] or (len(ev.sentences) > 1 and ev.sentence in ev.sentences)
        assert ev.trigger in ev.triggers
        for a in ev.arguments:
            assert a.ref in ids or seed_record.text[a.start : a.end] == a.text


@pytest.mark.parametrize(
    ("etype", "date"),
    [
        ("MEETING", "2017-09-22"),
        ("AGREEMENT", "2017-11"),
    ],
)
def test_seed_event_dates_come_from_norms(seed_record: Record, etype: str, date: str) -> None:
    assert one(seed_record, etype).date == date


def test_seed_statement_is_dated_by_the_publication(seed_record: Record) -> None:
    assert statement_by(seed_record, "Matyushevsky").date in ("2017-09-28", "2017-09-29")


def test_events_component_is_last_in_the_pipeline(nlp) -> None:
    assert nlp.pipe_names[-1] == "newsrel_events"
    assert nlp.get_pipe_meta("newsrel_events").factory == "newsrel_events_v1"
