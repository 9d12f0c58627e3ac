"""Meetings, agreements, figures and targets as business and politics reporters phrase them,
through the whole pipeline, on sentences written for these tests (no corpus or evaluation
sentence)."""

from __future__ import annotations

import pytest

from .handmade import events, the

ACME = "Acme Boilers makes boilers in Leeds.\n\n"


@pytest.mark.parametrize(
    ("text", "etype", "role", "expected"),
    [
        # parties given as pronouns and descriptions
        (ACME + "It said it was in discussions about a merger.", "MEETING", "participant", {"it"}),
        (
            "The directors of Zenith Mining are expected to meet on Friday.",
            "MEETING",
            "participant",
            {"Zenith Mining"},
        ),
        # takeovers both sides agree to, and mergers
        (
            "Delta Foods accepted a takeover offer from Omega Holdings on Friday.",
            "AGREEMENT",
            "party",
            {"Delta Foods", "Omega Holdings"},
        ),
        (  # the company to be bought, and the side that walked away
            "Delta Foods backed out of its agreement to acquire Omega Holdings in May.",
            "AGREEMENT",
            "party",
            {"Delta Foods", "Omega Holdings"},
        ),
        (
            "Delta Foods agreed to a takeover by Omega Holdings.",
            "AGREEMENT",
            "party",
            {"Delta Foods", "Omega Holdings"},
        ),
        (
            "Omega Holdings agreed to buy Delta Foods for $2bn.",
            "AGREEMENT",
            "party",
            {"Omega Holdings", "Delta Foods"},
        ),
        (
            "Ruritania accepted a $2bn loan from the Harbour Development Bank.",
            "AGREEMENT",
            "party",
            {"Ruritania", "Harbour Development Bank"},
        ),
        # figures: metric, value, change, period, party
        (
            "Pre-tax profits at Acme Boilers rose 12% to £2.4bn in the year to March.",
            "FIGURE",
            "value",
            {"£2.4bn"},
        ),
        (
            "Pre-tax profits at Acme Boilers rose 12% to £2.4bn in the year to March.",
            "FIGURE",
            "change",
            {"12%"},
        ),
        ("Shares in Zenith Mining were up 6% in early trading.", "FIGURE", "value", {"6%"}),
        ("Group sales were 4.1% higher than a year ago.", "FIGURE", "change", {"4.1%"}),
        ("Its stocks of copper were 15% smaller than planned.", "FIGURE", "change", {"15%"}),
        ("The yen closed 1.2% lower at 105.3 to the dollar.", "FIGURE", "change", {"1.2%"}),
        (
            "The currency was trading at $1.2810 on Monday morning.",
            "FIGURE",
            "metric",
            {"currency"},
        ),
        ("The firm reported a 5% rise in annual sales.", "FIGURE", "metric", {"annual sales"}),
        (
            "Acme managed to halt a decline in sales to 3.5% from 6% a year earlier.",
            "FIGURE",
            "value",
            {"3.5%"},
        ),
        (
            "Zenith Mining posted profits of 3.2bn euros for the year.",
            "FIGURE",
            "value",
            {"3.2bn euros"},
        ),
        # targets: aims, plans, hopes, promised spending, budget plans
        (
            "The ministry hopes to triple wheat output by 2030.",
            "TARGET",
            "value",
            {"triple"},
        ),
        ("Spending on schools will rise by 6% next year.", "TARGET", "value", {"6%"}),
        ("The council will pump £30m into new housing.", "TARGET", "value", {"£30m"}),
        ("Acme Boilers plans to cut 500 jobs by 2026.", "TARGET", "deadline", {"2026"}),
    ],
)
def test_business_phrasings_find_their_arguments(nlp, text, etype, role, expected) -> None:
    assert the(nlp, text, etype).get(role) == expected


def types_in(nlp, text: str) -> list[str]:
    return sorted(t for t, _ in events(nlp, text))


def test_a_refused_offer_is_a_negated_agreement_and_no_statement(nlp) -> None:
    doc = nlp("Delta Foods rebuffed a cash offer from Omega Holdings.")
    assert [(e.type, e.status) for e in doc._.events] == [("AGREEMENT", "negated")]


def test_the_talks_refer_back_to_the_talks_held(nlp) -> None:
    doc = nlp(
        "Acme Boilers and Zenith Mining held talks in Geneva on Monday.\n\nThe talks ended late."
    )
    (meeting,) = [e for e in doc._.events if e.type == "MEETING"]
    assert [doc.text[s:e] for s, e in meeting.triggers] == ["talks", "talks"]


@pytest.mark.parametrize(
    "text",
    [
        # 'talks' after 'and that' comes out tagged VBZ, yet it is the subject of the verb after it
        "The union says pay has been frozen for a year and that talks with managers over a new "
        "contract will open on Monday.",
        "Officials said the plant had closed and that talks with the owners about its future "
        "would resume in March.",
    ],
)
def test_talks_the_tagger_took_for_a_verb_are_still_talks(nlp, text) -> None:
    assert "MEETING" in types_in(nlp, text)


def test_talks_as_a_verb_are_no_meeting(nlp) -> None:
    assert "MEETING" not in types_in(nlp, "She talks to reporters every week.")


def test_a_named_meeting_needs_no_participant(nlp) -> None:
    doc = nlp("Investors are waiting for the spring meeting of the central bank.")
    assert [e.type for e in doc._.events] == ["MEETING"]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        # generic mentions name no specific meeting or deal
        ("During annual meetings the chairman rarely spoke.", "MEETING"),
        ("The new rules would cause a great deal of confusion.", "AGREEMENT"),
        ("Regulators will examine all current contracts of the group.", "AGREEMENT"),
        # a passive 'was met' is met as a demand is
        ("The objectives could not be met by the council.", "MEETING"),
        ("The loan will help meet the country's share of the costs.", "MEETING"),
        ("The minister posed at a photo session with the envoy.", "MEETING"),
        # talks and deals only wished for or conditional
        ("Jane Porter may visit Leeds next week.", "MEETING"),
        ("Traders doubt whether negotiations will begin soon.", "MEETING"),
        # traded instruments called contracts or agreements
        ("The exchange will launch a futures contract on crude oil.", "AGREEMENT"),
        # one party agreeing to do something is consent
        ("Acme Boilers agreed to buy the plant.", "AGREEMENT"),
        # a projection with a modal is no target
        ("The economy will grow by 3% next year.", "TARGET"),
        # 'up 8%' after a verb is that verb's change, not a second figure
        ("Trade amounted to $4bn last year, up 8% on the year before.", "FIGURE-twice"),
    ],
)
def test_not_an_event(nlp, text, etype) -> None:
    found = types_in(nlp, text)
    if etype == "FIGURE-twice":
        assert found.count("FIGURE") == 1
    else:
        assert etype not in found
