"""Status cues on hand-parsed Docs, dates after the publication date, and the status data."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.events.engine import match_events
from pipeline.events.status import after, has_cue
from pipeline.ingest.layout import find_layout

from .handmade import ENGINE, Row, engine_with, met, parsed


@pytest.mark.parametrize(
    ("aux", "status"),
    [
        ([], "happened"),
        ([("will", "will", "AUX", 0, "aux", "O")], "planned"),
        ([("did", "do", "AUX", 0, "aux", "O"), ("not", "not", "PART", 0, "neg", "O")], "negated"),
        ([("never", "never", "ADV", 0, "neg", "O")], "negated"),
    ],
)
def test_status_comes_from_cues_on_the_trigger(aux: list[Row], status: str) -> None:
    (event,) = match_events(met(aux), ENGINE)
    assert event.status == status


def test_date_and_planned_status_come_from_the_norm() -> None:
    doc = met([], date=("November", "November", "PROPN", 0, "", ""))
    doc.ents[-1]._.norm = {"type": "DATE", "value": "2017-11"}
    doc._.layout = find_layout(doc.text, published="2017-09-28")
    (event,) = match_events(doc, ENGINE)
    assert event.date == "2017-11" and event.status == "planned"


@pytest.mark.parametrize(
    ("date", "published", "expected"),
    [
        ("2017-11", "2017-09-28", True),
        ("2017-09", "2017-09-28", False),
        ("2017-09-22", "2017-09-28", False),
        ("2020", "2017-09-28", True),
        ("2017-11", None, False),
        ("P7M", "2017-09-28", False),
    ],
)
def test_after_compares_at_the_dates_grain(date, published, expected) -> None:
    assert after(date, published) is expected


WILL: list[Row] = [("will", "will", "AUX", 0, "aux", "O")]
WILL_NOT: list[Row] = [*WILL, ("not", "not", "PART", 0, "neg", "O")]


@pytest.mark.parametrize(
    ("change", "aux", "status"),
    [
        (lambda t: None, WILL_NOT, "negated"),
        # the status cues are tried in the order the data gives
        (lambda t: t["status"].update(cues=["planned", "negated"]), WILL_NOT, "planned"),
        # an auxiliary is looked for only on the arcs cue_arcs lists
        (lambda t: t["cue_arcs"].update(aux=["auxpass"]), WILL, "happened"),
        (lambda t: t["status"].update(default="planned"), [], "planned"),
    ],
)
def test_status_follows_the_status_and_cue_arcs_data(
    tmp_path: Path, change, aux: list[Row], status: str
) -> None:
    (event,) = match_events(met(aux), engine_with(tmp_path, change))
    assert event.status == status


def _noun_phrase(words: list[tuple[str, str, str]], tags: list[str]):
    """Hand-parsed words (text, lemma, dep) all hanging on the last one, with ``tags``."""
    last = len(words) - 1
    rows: list[Row] = [
        (w, lemma, "NOUN", last, "ROOT" if i == last else dep, "O")
        for i, (w, lemma, dep) in enumerate(words)
    ]
    doc = parsed(rows)
    for tok, tag in zip(doc, tags, strict=True):
        tok.tag_ = tag
    return doc


@pytest.mark.parametrize(
    ("words", "tags", "generic"),
    [
        # a bare plural is a generic mention; with a determiner or a number it is specific
        (
            [("shareholder", "shareholder", "compound"), ("meetings", "meeting", "")],
            ["NN", "NNS"],
            True,
        ),
        ([("the", "the", "det"), ("meetings", "meeting", "")], ["DT", "NNS"], False),
        ([("two", "two", "nummod"), ("meetings", "meeting", "")], ["CD", "NNS"], False),
        ([("the", "the", "det"), ("meeting", "meeting", "")], ["DT", "NN"], False),
    ],
)
def test_a_bare_plural_is_a_generic_mention(words, tags, generic) -> None:
    doc = _noun_phrase(words, tags)
    cue = ENGINE.types.cues["generic_mention"]
    assert has_cue(doc[-1], cue, ENGINE.types.cue_arcs) is generic


def test_a_verb_used_as_a_modifier_has_the_cue_of_its_own_label() -> None:
    doc = _noun_phrase(
        [("the", "the", "det"), ("reported", "report", "amod"), ("move", "move", "")],
        ["DT", "VBN", "NN"],
    )
    cue = ENGINE.types.cues["modifier_use"]
    assert has_cue(doc[1], cue, ENGINE.types.cue_arcs)
    assert not has_cue(doc[2], cue, ENGINE.types.cue_arcs)
