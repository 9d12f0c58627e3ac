"""The normaliser wired into the pipeline: the seed record's values, the anchor on the Doc, and
the temporal entities it adds, splits, merges and drops."""

from __future__ import annotations

import pytest


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


def test_anchor_is_on_the_doc(nlp) -> None:
    from pipeline.extract import make_doc, prepare
    from pipeline.ingest.files import Document

    p = prepare(Document(id="x", text="Hello.", meta={"published": "2001-02-03"}))
    doc = nlp(make_doc(nlp, p))
    assert (doc._.layout.published, doc._.layout.published_source) == ("2001-02-03", "meta")


def test_component_is_registered_in_pipeline_order(nlp) -> None:
    names = nlp.pipe_names
    assert names.index("newsrel_normalise") > names.index("newsrel_entities")
