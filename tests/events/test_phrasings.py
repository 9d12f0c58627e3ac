"""General phrasings of meetings, agreements and targets, through the whole pipeline, on
sentences written for these tests (no corpus or evaluation sentence)."""

from __future__ import annotations

import pytest

from pipeline.events.engine import match_events

from .handmade import events, the


@pytest.mark.parametrize(
    ("text", "etype", "role", "expected"),
    [
        # parties given as common nouns with a nationality, or of/from a country
        (
            "Polish and Czech delegations will meet in Krakow in May.",
            "MEETING",
            "participant",
            {"Polish", "Czech"},
        ),
        (
            "Officials from Vietnam and Thailand held talks in Hanoi on Tuesday.",
            "MEETING",
            "participant",
            {"Vietnam", "Thailand"},
        ),
        (
            "The presidents of Chile and Peru met in Lima.",
            "MEETING",
            "participant",
            {"Chile", "Peru"},
        ),
        # coordinated named signers, whatever the parser makes of the titles before them
        (
            "Acme Corporation chairman John Smith and Beta Group president Mary Jones signed a "
            "memorandum of understanding in Geneva on 3 March.",
            "AGREEMENT",
            "party",
            {"John Smith", "Mary Jones"},
        ),
        (
            "Airbus signed a memorandum of understanding with China Southern on Monday.",
            "AGREEMENT",
            "party",
            {"Airbus", "China Southern"},
        ),
        (
            "Siemens inked a deal with Alstom on Friday.",
            "AGREEMENT",
            "party",
            {"Siemens", "Alstom"},
        ),
        # a mutual agreement of two named parties
        (
            "Toyota and Suzuki agreed to form a joint venture.",
            "AGREEMENT",
            "party",
            {"Toyota", "Suzuki"},
        ),
        # a pronoun signer is the company that says so
        (
            "Microsoft said it had signed a contract with the Pentagon.",
            "AGREEMENT",
            "party",
            {"Microsoft"},
        ),
        # targets: goal / target of a value in a measure
        (
            "India has set a goal of $100 billion in bilateral trade with Russia by 2030.",
            "TARGET",
            "value",
            {"$100 billion"},
        ),
        (
            "India has set a goal of $100 billion in bilateral trade with Russia by 2030.",
            "TARGET",
            "metric",
            {"bilateral trade"},
        ),
        (
            "The two countries set a target of $3 billion in annual trade by 2025.",
            "TARGET",
            "metric",
            {"annual trade"},
        ),
        (
            '"We have set ourselves the goal of reaching $2 billion in trade by 2027," Smith told '
            "reporters.",
            "TARGET",
            "announcer",
            {"Smith"},
        ),
        (
            "The association's target is $100 million in new orders by 2026, Jones said.",
            "TARGET",
            "value",
            {"$100 million"},
        ),
        (
            "Chile and Peru plan to double trade to $10 billion by 2030.",
            "TARGET",
            "deadline",
            {"2030"},
        ),
    ],
)
def test_general_phrasings_find_their_arguments(nlp, text, etype, role, expected) -> None:
    assert the(nlp, text, etype).get(role) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Treasury Minister Giovanni Goria said at a news conference that rates would fall.",
        "The company said the new planes would meet additional demand on domestic routes.",
        # one party agreeing to do something is consent, not an agreement
        "Acme agreed to buy the plant.",
        # agreeing that something is so is no agreement either
        "Smith and Jones agreed that the economy was weak.",
    ],
)
def test_not_a_meeting_or_agreement(nlp, text) -> None:
    assert [t for t, _ in events(nlp, text) if t in ("MEETING", "AGREEMENT")] == []


def test_a_duration_is_no_event_date(nlp) -> None:
    roles = the(nlp, "Acme signed a 27-year contract with Beta Corp on Monday.", "AGREEMENT")
    assert roles.get("date") == {"Monday"}


def test_header_lines_and_datelines_stay_whole(nlp) -> None:
    doc = nlp("TRADE TALKS END\n\n- 29.09.2017\n\nASTANA — Mamin met Putin in Astana on Monday.")
    assert [s.text.strip() for s in doc.sents] == [
        "TRADE TALKS END",
        "- 29.09.2017",
        "ASTANA — Mamin met Putin in Astana on Monday.",
    ]


def test_headlines_start_events_when_asked(nlp) -> None:
    doc = nlp("Putin meets Xi in Beijing\n\nThe talks ended on Monday.")
    engine = nlp.get_pipe("newsrel_events").engine
    assert not any(e.trigger[0] < 25 for e in match_events(doc, engine))
    got = match_events(doc, engine, skip_headline=False)
    assert any(e.type == "MEETING" and e.trigger[0] < 25 for e in got)
