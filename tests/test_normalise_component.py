"""The normaliser wired into the pipeline: the seed record's values, the anchor on the Doc,
entities it adds, splits, merges and drops, and the rule file's validation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.normalise.rules import load_rules
from pipeline.rulefiles import RuleError, models_dir


def norms(record, text: str) -> list[dict]:
    return [e.norm for e in record.entities if e.text == text]


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("$1 billion", {"amount": 1000000000, "currency": "USD"}),
        ("$313.7 million", {"amount": 313700000, "currency": "USD"}),
        ("75.6 percent", {"value": 75.6, "change": "+"}),
        ("Sept. 22", {"type": "DATE", "value": "2017-09-22"}),
        ("November 2017", {"type": "DATE", "value": "2017-11"}),
        ("January-July", {"type": "DATE", "value": None, "start": "2017-01", "end": "2017-07"}),
        ("2020", {"type": "DATE", "value": "2020"}),
        ("Today", {"type": "DATE", "value": "2017-09-29"}),
        (
            "the same period last year",
            {"type": "DATE", "value": None, "start": "2016-01", "end": "2016-07"},
        ),
    ],
)
def test_seed_values(seed_record, text: str, norm: dict) -> None:
    assert norm in norms(seed_record, text)


def test_seed_publication_date_from_header(seed_record) -> None:
    assert (seed_record.meta.published, seed_record.meta.published_source) == (
        "2017-09-29",
        "header",
    )


def test_every_seed_date_has_a_type(seed_record) -> None:
    for e in seed_record.entities:
        if e.label in ("DATE", "TIME"):
            assert e.norm and e.norm["type"] in ("DATE", "TIME", "DURATION", "SET"), e.text


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # added by pattern where the model saw nothing
        ("Prices are now higher.", "2000-01-05", [("now", "DATE", "PRESENT_REF")]),
        # split TimeML-style at "ended"
        (
            "Profit rose in the quarter ended Sept. 30, the company said.",
            "1989-10-27",
            [("the quarter", "DATE", "1989-Q3"), ("Sept. 30", "DATE", "1989-09-30")],
        ),
        # the model's "Wednesday" + "night" merged into one expression
        (
            "Castro spoke Wednesday night in Havana.",
            "2000-04-06",
            [("Wednesday night", "TIME", "2000-04-05TNI")],
        ),
        # an age is not a date, a rate is not a duration, a dividend's frequency is no expression
        ("The 6-year-old boy was found on Thanksgiving.", "1999-12-01", []),
        ("The chip runs 15 million instructions per second.", "1999-12-01", []),
        ("The board declared a quarterly dividend.", "1999-12-01", []),
    ],
)
def test_temporal_entities_added_split_merged_dropped(nlp, text, published, expected) -> None:
    from pipeline.extract import extract_text

    rec = extract_text(text, {"published": published}, nlp=nlp)
    got = [(e.text, e.label, e.norm["value"]) for e in rec.entities if e.label in ("DATE", "TIME")]
    got = [g for g in got if g[0] != "Thanksgiving"]
    assert got == expected


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


def test_anchor_is_on_the_doc(nlp) -> None:
    from pipeline.extract import make_doc, prepare
    from pipeline.ingest.files import Document

    p = prepare(Document(id="x", text="Hello.", meta={"published": "2001-02-03"}))
    doc = nlp(make_doc(nlp, p))
    assert (doc._.layout.published, doc._.layout.published_source) == ("2001-02-03", "meta")


def test_component_is_registered_in_pipeline_order(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("newsrel_normalise") > names.index("newsrel_entities")


def _broken(tmp_path: Path, change) -> Path:
    data = json.loads((models_dir() / "normalise.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "normalise.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["currency_symbols"].update({"X$": "XYZ"}), "currency_symbols"),
        (lambda d: d["months"].update({"smarch": 13}), "months"),
        (lambda d: d.update({"surprise": 1}), "surprise"),
        (
            lambda d: d["added_entities"].append(
                {"id": "bad", "label": "DATE", "pattern": [{"NOPE": 1}]}
            ),
            "bad",
        ),
        (lambda d: d["refs"].update({"then": "SOMETIME_REF"}), "refs"),
        # the date word lists: modifier kinds, a step for every relative lead, lower case
        (lambda d: d["date_modifiers"].update({"BEGIN": ["dawn of"]}), "date_modifiers"),
        (lambda d: d["relative_leads"].append("bygone"), "relative_leads"),
        (lambda d: d["date_leads"].append("Circa"), "date_leads"),
        (lambda d: d["date_modifiers"]["MID"].append("Midst of"), "date_modifiers.MID"),
        (lambda d: d["time_zones"].append("JST"), "time_zones"),
        (lambda d: d.pop("duration_leads"), "duration_leads"),
    ],
)
def test_bad_rules_fail_naming_file_and_field(tmp_path: Path, change, message: str) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(RuleError, match=message) as err:
        load_rules(path)
    assert str(path) in str(err.value)
