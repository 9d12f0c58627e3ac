"""Scoring relations: strict (argument spans and types, relation type) and boundaries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pipeline.evaluate.prf import LabelScores, score_by_label


@dataclass(frozen=True, order=True)
class RelationItem:
    doc: str
    head: tuple[int, int, str]  # start, end, label
    tail: tuple[int, int, str]
    type: str

    def boundaries(self) -> RelationItem:
        return RelationItem(self.doc, (*self.head[:2], ""), (*self.tail[:2], ""), self.type)


def type_of(x: RelationItem) -> str:
    return x.type


@dataclass(frozen=True)
class RelationScores:
    strict: LabelScores
    boundaries: LabelScores

    def to_dict(self) -> dict[str, Any]:
        return {"strict": self.strict.to_dict(), "boundaries": self.boundaries.to_dict()}


def score_relations(pred: Iterable[RelationItem], gold: Iterable[RelationItem]) -> RelationScores:
    """Strict: argument spans, argument types and relation type; boundaries: types of the
    arguments ignored."""
    pred, gold = set(pred), set(gold)
    return RelationScores(
        strict=score_by_label(pred, gold, type_of),
        boundaries=score_by_label(
            {r.boundaries() for r in pred}, {r.boundaries() for r in gold}, type_of
        ),
    )
