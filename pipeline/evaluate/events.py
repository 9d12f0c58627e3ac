"""Scoring events: trigger identification and classification, argument identification and
classification."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.evaluate.prf import PRF, score_set


@dataclass(frozen=True, order=True)
class Trigger:
    doc: str
    start: int
    end: int
    type: str


@dataclass(frozen=True, order=True)
class EventArgument:
    doc: str
    event_type: str
    role: str
    start: int
    end: int

    def overlaps(self, other: EventArgument) -> bool:
        return (
            self.doc == other.doc
            and self.event_type == other.event_type
            and self.start < other.end
            and other.start < self.end
        )


@dataclass(frozen=True)
class EventScores:
    trigger_identification: PRF
    trigger_classification: PRF
    argument_identification: PRF
    argument_classification: PRF

    def to_dict(self) -> dict[str, Any]:
        return {
            k: getattr(self, k).to_dict()
            for k in (
                "trigger_identification",
                "trigger_classification",
                "argument_identification",
                "argument_classification",
            )
        }


def _match_args(pred: Sequence[EventArgument], gold: Sequence[EventArgument], *, role: bool) -> int:
    free = list(gold)
    tp = 0
    for p in pred:
        for g in free:
            if p.overlaps(g) and (not role or p.role == g.role):
                free.remove(g)
                tp += 1
                break
    return tp


def score_events(
    pred_triggers: Iterable[Trigger],
    gold_triggers: Iterable[Trigger],
    pred_args: Iterable[EventArgument],
    gold_args: Iterable[EventArgument],
) -> EventScores:
    """Triggers: identification is the span, classification span and type. Arguments (one to
    one, same event type, overlapping span): identification ignores the role, classification
    needs it."""
    pt, gt = set(pred_triggers), set(gold_triggers)
    pa, ga = sorted(set(pred_args)), sorted(set(gold_args))
    ident = _match_args(pa, ga, role=False)
    cls = _match_args(pa, ga, role=True)
    return EventScores(
        trigger_identification=score_set(
            {(t.doc, t.start, t.end) for t in pt}, {(t.doc, t.start, t.end) for t in gt}
        ),
        trigger_classification=score_set(pt, gt),
        argument_identification=PRF(ident, len(pa) - ident, len(ga) - ident),
        argument_classification=PRF(cls, len(pa) - cls, len(ga) - cls),
    )
