"""Scorer tests: every expectation below is computed by hand in the comment beside it."""

from __future__ import annotations

from pipeline.evaluate.events import EventArgument, Trigger, score_events
from pipeline.evaluate.prf import PRF


def prf(s: PRF) -> tuple[int, int, int]:
    return s.tp, s.fp, s.fn


def test_events_trigger_and_argument_identification_and_classification() -> None:
    gold_t = [Trigger("d", 5, 12, "MEETING")]
    gold_a = [
        EventArgument("d", "MEETING", "participant", 0, 4),
        EventArgument("d", "MEETING", "place", 20, 25),
    ]
    # right trigger span, wrong type; arguments overlap but one has the wrong role
    pred_t = [Trigger("d", 5, 12, "AGREEMENT")]
    pred_a = [
        EventArgument("d", "MEETING", "participant", 0, 3),
        EventArgument("d", "MEETING", "body", 21, 25),
        EventArgument("d", "MEETING", "date", 30, 35),
    ]
    s = score_events(pred_t, gold_t, pred_a, gold_a)
    assert prf(s.trigger_identification) == (1, 0, 0)
    assert prf(s.trigger_classification) == (0, 1, 1)
    assert prf(s.argument_identification) == (2, 1, 0)
    assert prf(s.argument_classification) == (1, 2, 1)


def test_event_arguments_of_another_event_type_do_not_match() -> None:
    s = score_events(
        [],
        [],
        [EventArgument("d", "AGREEMENT", "party", 0, 4)],
        [EventArgument("d", "MEETING", "party", 0, 4)],
    )
    assert prf(s.argument_identification) == (0, 1, 1)
