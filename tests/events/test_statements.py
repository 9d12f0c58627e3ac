"""STATEMENT as news attributes speech: speech verbs, pronoun and description speakers, quotes
next to their attribution, 'according to', object contents, and the speakers that give none.
Sentences written for these tests (no corpus or evaluation sentence)."""

from __future__ import annotations

import pytest

from .handmade import events, the

NAMED = "Jane Porter runs Acme Boilers, a firm based in Leeds.\n\n"


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a named speaker, reported speech, the date on the verb
        (
            "Acme Boilers said on Thursday that its profits had doubled.",
            "Acme Boilers",
            "that its profits had doubled",
        ),
        # inverted attribution after a quotation
        (
            '"Demand was weak all winter," said Tom Hart, a director of the group.',
            "Tom Hart",
            "Demand was weak all winter",
        ),
        # an attribution inside a relative clause: the clause wraps its verb
        (
            "The deal, which Acme Boilers said would create 200 jobs, was signed on Monday.",
            "Acme Boilers",
            "would create 200 jobs",
        ),
        # a pronoun with a named antecedent in the paragraph before
        (NAMED + '"We will open two new plants next year," she said.', "she", None),
        (NAMED + "She added that the Leeds plant would close.", "She", None),
        # a description that coreference can resolve
        (NAMED + "The company said its sales had slowed.", "The company", None),
        (
            NAMED + "A spokesman for the group said the new plant would open in May.",
            "A spokesman",
            None,
        ),
        # a quotation after the attribution
        (
            NAMED + 'Ms Porter told the local paper: "We are not for sale."',
            "Porter",
            "We are not for sale",
        ),
        # speech acts whose content is their object
        ("Tom Hart denied the charges on Monday.", "Tom Hart", "charges"),
        (
            "Tom Hart rejected claims that he had misled the board.",
            "Tom Hart",
            "claims that he had misled the board",
        ),
        # a quote attributed through a newspaper, or a verb embedded in the attribution
        (
            '"We are not for sale," the paper quoted Acme chief Tom Hart as saying.',
            "Tom Hart",
            "We are not for sale",
        ),
        # a source named in its complement, a generic word named in apposition
        (
            "A new report by the Leeds Policy Institute argues that the tax is unfair.",
            "Leeds Policy Institute",
            None,
        ),
        (
            "Output will fall, according to industry analysts Acme Research.",
            "Acme Research",
            None,
        ),
        # dismissing something as something is said
        ("Tom Hart dismissed the plan as a stunt.", "Tom Hart", None),
        # the clause "according to" hangs on is the content
        (
            "Sales will fall by a tenth this year, according to Acme Boilers.",
            "Acme Boilers",
            "Sales will fall by a tenth this year",
        ),
    ],
)
def test_statement_finds_speaker_and_content(nlp, text, speaker, content) -> None:
    roles = the(nlp, text, "STATEMENT")
    assert roles["speaker"] == {speaker}
    if content is not None:
        assert roles["content"] == {content}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Acme Boilers said on Thursday that its profits had doubled.", "Thursday"),
        # a date fronted in a phrase of its own, or on the clause a participle hangs from
        ("In a statement on Friday, Acme Boilers said its sales had slowed.", "Friday"),
        ("In March 2021, Zenith Mining told investors that its costs had risen.", "March 2021"),
        ("Jane Porter went to court in 2019, saying the firm owed her money.", "2019"),
        ("During the hearing on Monday, Tom Hart denied the charges.", "Monday"),
    ],
)
def test_statement_takes_the_date_of_the_speech(nlp, text, date) -> None:
    assert the(nlp, text, "STATEMENT")["date"] == {date}


def test_said_adding_that_is_two_statements(nlp) -> None:
    text = NAMED + "Ms Porter said sales had risen, adding that the plant would expand."
    found = [roles for t, roles in events(nlp, text) if t == "STATEMENT"]
    assert sorted(next(iter(r["content"])) for r in found) == [
        "sales had risen",
        "that the plant would expand",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # generic and anonymous speakers name nobody
        "Analysts said the shares were cheap.",
        "A union source said the strike would go ahead.",
        "Some economists say the recovery is fragile.",
        "Local press reported that the mill was up for sale.",
        # a pronoun with nobody it could stand for
        "Prices are too high, she said.",
        # a source that is no speaker
        "Prices are set according to the law.",
        # speech that has not happened
        NAMED + "Ms Porter will tell staff on Friday that the plant will close.",
        # a speech verb without content
        NAMED + "Ms Porter was adding new lines to the plant.",
    ],
)
def test_no_statement(nlp, text) -> None:
    assert [t for t, _ in events(nlp, text) if t == "STATEMENT"] == []


def test_a_reported_target_is_a_statement_and_lends_its_speaker(nlp) -> None:
    text = "Tom Hart said Acme Boilers aims to raise exports to $50 million by 2030."
    assert the(nlp, text, "TARGET")["announcer"] == {"Tom Hart"}
    assert the(nlp, text, "STATEMENT")["speaker"] == {"Tom Hart"}
