"""What the normaliser reads around an entity (``pipeline.normalise.spans``): the span TimeML
marks and the clause tense that picks the occurrence, through the whole pipeline."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # spans TimeML marks whole: "each" joins the weekday, a holiday the model calls an EVENT
        (
            "The ferry sails each Thursday from the harbour.",
            "2003-05-07",
            ("each Thursday", "XXXX-WXX-4"),
        ),
        ("Flights leave on Mondays.", "2006-02-08", ("Mondays", "XXXX-WXX-1")),
        (
            "The boy was rescued on Thanksgiving Day near the coast.",
            "2004-01-10",
            ("Thanksgiving Day", "2003-11-27"),
        ),
        (
            "The rescue came last Thanksgiving, when the boat sank.",
            "2006-02-03",
            ("last Thanksgiving", "2005-11-24"),
        ),
        ("Nobody visited today, he said.", "2006-02-08", ("today", "2006-02-08")),
        # a year naming a period takes its noun and the quarter in hand
        (
            "Third-quarter profit rose 5%. Sales were flat compared with the 1992 quarter.",
            "1993-10-20",
            ("the 1992 quarter", "1992-Q3"),
        ),
        (
            "Supporters urged him to run in this year's election.",
            "1998-03-03",
            ("this year", "1998"),
        ),
        (
            "The rescuers arrived three days later.",
            "1998-03-03",
            ("three days", "P3D"),
        ),  # "later" is a signal
        ("The current owners sold the firm.", "1998-03-03", ("current", "PRESENT_REF")),
        ("Prices may rise in the near term.", "1998-03-03", ("the near term", "FUTURE_REF")),
        (
            "Third-quarter sales rose. Costs in the latest period were flat.",
            "1998-10-20",
            ("the latest period", "1998-Q3"),
        ),
        (
            "Talks lasted at least two more weeks.",
            "2000-06-01",
            ("at least two more weeks", "P2W"),
        ),  # a count + unit
        ("The talks lasted about 5 1/2 hours.", "2000-06-01", ("about 5 1/2 hours", "PT5H30M")),
        (
            "It became a daily rally.",
            "2000-06-01",
            ("daily", "P1D"),
        ),  # how often, unlike "quarterly dividend"
        (
            "She testified for more than four hours Friday.",
            "1998-02-27",
            ("Friday", "1998-02-27"),
        ),  # two expressions
        # the clause's tense picks the week of a weekday
        (
            "The minister has scheduled a news conference Thursday.",
            "2005-03-08",
            ("Thursday", "2005-03-10"),
        ),
        (
            "The team could arrive as early as Monday.",
            "2005-03-09",
            ("as early as Monday", "2005-03-14"),
        ),
        ("Officials postponed the vote until Friday.", "2005-03-09", ("Friday", "2005-03-11")),
        ("Until Friday, nobody had noticed the leak.", "2005-03-09", ("Friday", "2005-03-04")),
        (
            "Ms. Lee said she would fly to Paris on Thursday.",
            "2006-02-07",
            ("Thursday", "2006-02-09"),
        ),
        (
            "Mr. Kim could not be reached for comment Tuesday.",
            "2006-02-08",
            ("Tuesday", "2006-02-07"),
        ),
        (
            "Investors doubted that Wednesday's ruling would stand.",
            "2005-03-11",
            ("Wednesday", "2005-03-09"),
        ),
        (
            "They will renegotiate the June agreement.",
            "2005-10-20",
            ("June", "2005-06"),
        ),  # the noun's month
        # a participle after its noun tells of the past; an untold tense leans to the past
        (
            "Sales totalled $5 million in the year ended March 31.",
            "2005-10-20",
            ("March 31", "2005-03-31"),
        ),
        (
            "Police are still studying the Oct. 12 explosion.",
            "2006-05-03",
            ("Oct. 12", "2005-10-12"),
        ),
    ],
)
def test_temporal_expression_in_context(
    nlp, text: str, published: str, expected: tuple[str, str]
) -> None:
    from pipeline.extract import extract_text

    rec = extract_text(text, {"published": published}, nlp=nlp)
    got = [
        (e.text, e.norm["value"]) for e in rec.entities if e.label in ("DATE", "TIME") and e.norm
    ]
    assert expected in got
