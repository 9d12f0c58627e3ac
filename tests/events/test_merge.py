"""Merging frames: dates agree when one holds the other, across sentences a shared argument."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.events.frames import Frame
from pipeline.events.merge import compatible, merge_frames
from pipeline.events.roles import Arg
from pipeline.events.triggers import TriggerMatch

from .handmade import ENGINE, engine_with

RULE = ENGINE.ruleset.rule("meeting.verb")


def meeting(at: int, *args: Arg, sentence: int = 0) -> Frame:
    trigger = TriggerMatch(RULE, at, at + 1, at)
    return Frame(
        "MEETING", [trigger], list(args), "happened", sentence, {sentence}, "040", False, "date"
    )


def date(at: int, value: str) -> Arg:
    return Arg("date", at, at + 5, True, f"DATE:{value}", norm={"type": "DATE", "value": value})


def person(at: int, surname: str) -> Arg:
    return Arg("participant", at, at + 5, True, f"PERSON:{surname}")


@pytest.mark.parametrize(
    ("first", "second", "merges"),
    [
        ("2017-09", "2017-09-22", True),  # one date holds the other
        ("2017-09-22", "2017-09-22", True),
        ("2017-09-22", "2017-09-23", False),
    ],
)
def test_dates_agree_when_one_holds_the_other(first: str, second: str, merges: bool) -> None:
    x, y = meeting(0, date(10, first)), meeting(20, date(30, second))
    assert compatible(x, y, ENGINE.types, across=False) is merges
    assert len(merge_frames([x, y], ENGINE.types, across=False)) == (1 if merges else 2)


def test_a_role_not_compared_by_date_compares_by_key(tmp_path: Path) -> None:
    engine = engine_with(tmp_path, lambda t: t["types"]["MEETING"].update(compare_by_date=[]))
    x, y = meeting(0, date(10, "2017-09")), meeting(20, date(30, "2017-09-22"))
    assert not compatible(x, y, engine.types, across=False)


@pytest.mark.parametrize(("surname", "merges"), [("mamin", True), ("rumas", False)])
def test_across_sentences_frames_merge_only_with_a_shared_argument(
    surname: str, merges: bool
) -> None:
    x = meeting(0, person(10, "mamin"))
    y = meeting(40, person(50, surname), sentence=2)
    assert compatible(x, y, ENGINE.types, across=True) is merges
    merged = merge_frames([x, y], ENGINE.types, across=True)
    assert [len(f.triggers) for f in merged] == ([2] if merges else [1, 1])
