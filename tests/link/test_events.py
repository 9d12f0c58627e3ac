"""Event linking: the compatibility rule, blocks, and corpus events from hand-built records."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.link import link
from pipeline.link.events import Candidate, _interval, block_links, compatible
from pipeline.link.rules import load_link_rules

from .builders import Cl, Ev, lines, record

RULES = load_link_rules().events
MEETING = RULES.for_type("MEETING")
STATEMENT = RULES.for_type("STATEMENT")
FIGURE = RULES.for_type("FIGURE")


def cand(**kw) -> Candidate:
    base = dict(
        order=(0, 0),
        doc="a",
        status="happened",
        date="2021-05-04",
        published="2021-05-04",
        entities=frozenset({1, 2}),
        values={},
        texts={},
    )
    return Candidate(**(base | kw))


@pytest.mark.parametrize(
    ("other", "rule", "expected"),
    [
        (cand(), MEETING, True),
        (cand(status="planned"), MEETING, True),
        (cand(status="negated"), MEETING, False),
        (cand(entities=frozenset({1})), MEETING, False),  # one shared, two needed
        (cand(entities=frozenset({1, 2, 3, 4, 5})), MEETING, True),  # the smaller side's all
        (cand(date="2021-05-09"), MEETING, False),  # five days apart
        (cand(date="2021-05", published="2021-05-05"), MEETING, True),  # the month holds it
        (cand(date=None, published="2021-05-20"), MEETING, False),  # published too late
        (cand(date=None, published=None), MEETING, False),  # nothing to compare dates with
    ],
)
def test_meeting_compatibility(other: Candidate, rule, expected: bool) -> None:
    assert compatible(cand(), other, rule) is expected


def test_undated_reports_link_only_where_the_rule_does_not_need_dates() -> None:
    a, b = cand(date=None, published=None), cand(date=None, published=None)
    assert compatible(a, b, MEETING) is False  # require_dates
    assert STATEMENT is not None and not STATEMENT.require_dates
    words = {"content": frozenset({"harbour", "fees", "rise", "march"})}
    assert compatible(
        cand(date=None, published=None, entities=frozenset({1}), texts=words),
        cand(date=None, published=None, entities=frozenset({1}), texts=words),
        STATEMENT,
    )


@pytest.mark.parametrize(
    ("words_b", "expected"),
    [
        ({"harbour", "fees", "rise", "march"}, True),
        ({"harbour", "fees", "fall", "april", "sharply"}, False),  # 2 of 7 words
        ({"harbour", "fees", "rise", "march", "12"}, True),  # one side has no number
    ],
)
def test_statements_need_shared_words(words_b: set[str], expected: bool) -> None:
    a = cand(
        entities=frozenset({1}), texts={"content": frozenset({"harbour", "fees", "rise", "march"})}
    )
    b = cand(entities=frozenset({1}), texts={"content": frozenset(words_b)})
    assert compatible(a, b, STATEMENT) is expected


def test_statements_with_different_numbers_are_different_statements() -> None:
    a = cand(entities=frozenset({1}), texts={"content": frozenset({"fees", "rise", "12"})})
    b = cand(entities=frozenset({1}), texts={"content": frozenset({"fees", "rise", "15"})})
    assert compatible(a, b, STATEMENT) is False


def test_figures_of_different_periods_never_link_but_different_values_do() -> None:
    base = dict(
        status="reported", entities=frozenset({1}), texts={"metric": frozenset({"exports"})}
    )
    a = cand(**base, values={"period": "2021-Q1", "value": "10"})
    assert compatible(a, cand(**base, values={"period": "2021-Q1", "value": "11"}), FIGURE)
    assert not compatible(a, cand(**base, values={"period": "2021-Q2", "value": "10"}), FIGURE)


@pytest.mark.parametrize(
    ("periods", "values", "expected"),
    [
        ((None, None), ("10", "10"), True),  # no period, the same value: one figure reported twice
        ((None, None), ("10", "11"), False),  # no period, two values: two figures
        (("2021-Q1", None), ("10", "11"), False),  # one side without a period
        (("2021-Q1", "2021-Q1"), ("10", "11"), True),  # one period: the values conflict
    ],
)
def test_figures_without_a_period_link_only_on_the_same_value(periods, values, expected) -> None:
    base = dict(status="reported", entities=frozenset({1}), texts={"metric": frozenset({"profit"})})

    def side(period: str | None, value: str) -> Candidate:
        vals = {"value": value} | ({"period": period} if period else {})
        return cand(**base, values=vals)

    a, b = (side(p, v) for p, v in zip(periods, values, strict=True))
    assert compatible(a, b, FIGURE) is expected


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2021-05-04", "2021-05-04", "2021-05-04"),
        ("2021-02", "2021-02-01", "2021-02-28"),
        ("2021-12", "2021-12-01", "2021-12-31"),
        ("2021", "2021-01-01", "2021-12-31"),
        ("2021-Q4", "2021-10-01", "2021-12-31"),
        ("2021-W01", "2021-01-04", "2021-01-10"),
    ],
)
def test_a_date_value_covers_its_whole_period(value: str, first: str, last: str) -> None:
    span = _interval(value)
    assert span is not None and (span[0].isoformat(), span[1].isoformat()) == (first, last)


def test_blocks_compare_only_within_the_publication_window_and_the_block_size() -> None:
    days = [
        cand(order=(0, i), doc=f"d{i}", date=None, published=f"2021-05-{i + 1:02d}")
        for i in range(8)
    ]
    pairs = set(block_links(days, MEETING, max_block=200))
    assert ((0, 0), (0, 3)) in pairs and ((0, 0), (0, 4)) not in pairs  # three days apart at most
    assert set(block_links(days, MEETING, max_block=2)) == {((0, i), (0, i + 1)) for i in range(7)}


def test_two_events_of_one_document_stay_apart() -> None:
    a, b = cand(order=(0, 0)), cand(order=(0, 1))
    assert list(block_links([a, b], MEETING, 200)) == []
    assert list(block_links([a, b], MEETING, 200, within_document=True)) == [((0, 0), (0, 1))]


def _meeting(doc: str, published: str, outlet: str, date: str) -> object:
    text = f"Ines Duarte met Tomas Berg in Lisbon. Report {doc}."
    return record(
        doc,
        text,
        [Cl("PERSON", "Ines Duarte"), Cl("PERSON", "Tomas Berg"), Cl("GPE", "Lisbon")],
        [
            Ev(
                "MEETING",
                "met",
                [
                    ("participant", "Ines Duarte"),
                    ("participant", "Tomas Berg"),
                    ("place", "Lisbon"),
                ],
                date=date,
                rule="meeting.verb",
            )
        ],
        published=published,
        outlet=outlet,
    )


def test_reports_of_one_meeting_become_one_event_with_its_sources(tmp_path: Path) -> None:
    docs = [
        _meeting("b", "2021-05-05", "Daily Ledger", "2021-05-04"),
        _meeting("a", "2021-05-04", "Evening Post", "2021-05-04"),
        _meeting("c", "2021-05-05", "Daily Ledger", "2021-05-03"),
    ]
    link(docs, tmp_path)
    (event,) = lines(tmp_path / "events.jsonl")
    assert event["type"] == "MEETING" and event["n_documents"] == 3 and event["n_outlets"] == 2
    assert [s["doc"] for s in event["sources"]] == ["b", "a", "c"]
    assert event["first_reported"] == {
        "doc": "a",
        "published": "2021-05-04",
        "outlet": "Evening Post",
    }
    assert event["date"] == "2021-05-04" and event["date_range"] == ["2021-05-03", "2021-05-04"]
    assert {link["rule"] for link in event["links"]} == {"event.meeting"} and len(
        event["links"]
    ) == 2
    assert event["conflicts"] == [
        {
            "field": "date",
            "values": [
                {"value": "2021-05-03", "sources": [2]},
                {"value": "2021-05-04", "sources": [0, 1]},
            ],
        }
    ]
    names = [(p["role"], p["name"], p["n_sources"]) for p in event["participants"]]
    assert names == [("participant", "Ines Duarte", 3), ("participant", "Tomas Berg", 3)]


def test_meetings_a_week_apart_stay_two_events(tmp_path: Path) -> None:
    docs = [
        _meeting("a", "2021-05-04", "X", "2021-05-04"),
        _meeting("b", "2021-05-11", "X", "2021-05-11"),
    ]
    link(docs, tmp_path)
    assert len(lines(tmp_path / "events.jsonl")) == 2


def test_figures_that_disagree_on_the_value_are_one_event_with_a_conflict(tmp_path: Path) -> None:
    def figure(doc: str, value: str, amount: float) -> object:
        text = f"Corvid Mining said exports reached {value} in the first quarter."
        return record(
            doc,
            text,
            [Cl("ORG", "Corvid Mining")],
            [
                Ev(
                    "FIGURE",
                    "reached",
                    [
                        ("party", "Corvid Mining"),
                        ("metric", "=exports"),
                        ("value", value),
                        ("period", "=the first quarter"),
                    ],
                    status="reported",
                )
            ],
            published="2021-04-02",
            values={value: {"amount": amount, "currency": "USD"}},
        )

    link([figure("a", "$4 million", 4e6), figure("b", "$4.2 million", 4.2e6)], tmp_path)
    (event,) = lines(tmp_path / "events.jsonl")
    assert [c["field"] for c in event["conflicts"]] == ["value"]
    assert len(event["conflicts"][0]["values"]) == 2


def test_every_event_of_the_records_is_in_the_view_once(tmp_path: Path) -> None:
    docs = [_meeting(f"d{i}", "2021-05-04", "X", "2021-05-04") for i in range(3)]
    docs.append(_meeting("e", "2022-01-01", "X", "2022-01-01"))
    link(docs, tmp_path)
    sources = [
        (s["doc"], s["event"]) for e in lines(tmp_path / "events.jsonl") for s in e["sources"]
    ]
    assert sorted(sources) == sorted((d.id, "V1") for d in docs)


def test_a_third_report_never_joins_two_events_its_document_keeps_apart(tmp_path: Path) -> None:
    text = "Ines Duarte met Tomas Berg. Later Ines Duarte held talks with Tomas Berg."
    two = record(
        "a",
        text,
        [
            Cl("PERSON", "Ines Duarte", mentions=["Ines Duarte", "Ines Duarte"]),
            Cl("PERSON", "Tomas Berg", mentions=["Tomas Berg", "Tomas Berg"]),
        ],
        [
            Ev("MEETING", "met", [("participant", "Ines Duarte"), ("participant", "Tomas Berg")]),
            Ev(
                "MEETING",
                "talks",
                [("participant", "Ines Duarte"), ("participant", "Tomas Berg")],
            ),
        ],
        published="2021-05-04",
    )
    one = _meeting("b", "2021-05-04", "X", None)
    link([two, one], tmp_path)
    sizes = sorted(len(e["sources"]) for e in lines(tmp_path / "events.jsonl"))
    assert sizes == [1, 2]
