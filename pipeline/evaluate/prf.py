"""Scoring as set arithmetic over typed tuples (after spaCy's ``PRFScore.score_set``).

Everything here is a pure function of hashable items: a predicted ``(doc, start, end, label)``
that meets a gold span with another label is a false positive *and* a false negative. The
scorers of :mod:`pipeline.evaluate.spans` (entities, values, time expressions),
:mod:`pipeline.evaluate.relations` and :mod:`pipeline.evaluate.events` build on these counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import asdict, dataclass
from typing import Any, TypeVar

T = TypeVar("T", bound=Hashable)


def ratio(a: float, b: float) -> float:
    """``a / b``, and 0 when ``b`` is 0 (an undefined precision or recall counts as 0)."""
    return a / b if b else 0.0


def f_score(p: float, r: float) -> float:
    """The harmonic mean of precision ``p`` and recall ``r`` (0 when both are 0)."""
    return ratio(2 * p * r, p + r)


@dataclass(frozen=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return f_score(p, r)

    @property
    def support(self) -> int:
        return self.tp + self.fn

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_dict(self) -> dict[str, float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "p": self.precision,
            "r": self.recall,
            "f": self.f1,
        }


def score_set(pred: Iterable[Hashable], gold: Iterable[Hashable]) -> PRF:
    p, g = set(pred), set(gold)
    return PRF(tp=len(p & g), fp=len(p - g), fn=len(g - p))


@dataclass(frozen=True)
class Averages:
    p: float
    r: float
    f: float


@dataclass(frozen=True)
class LabelScores:
    """Per-label PRF with micro (pooled counts) and macro (mean over labels) averages."""

    per_label: dict[str, PRF]
    micro: PRF
    macro: Averages

    def to_dict(self) -> dict[str, Any]:
        return {
            "per_label": {k: v.to_dict() for k, v in self.per_label.items()},
            "micro": self.micro.to_dict(),
            "macro": asdict(self.macro),
        }


def score_by_label(pred: Iterable[T], gold: Iterable[T], label: Callable[[T], str]) -> LabelScores:
    by_p: dict[str, set[T]] = defaultdict(set)
    by_g: dict[str, set[T]] = defaultdict(set)
    for x in pred:
        by_p[label(x)].add(x)
    for x in gold:
        by_g[label(x)].add(x)
    labels = sorted(set(by_p) | set(by_g))
    per = {lab: score_set(by_p[lab], by_g[lab]) for lab in labels}
    micro = sum(per.values(), PRF())
    n = len(per)
    macro = Averages(
        p=ratio(sum(s.precision for s in per.values()), n),
        r=ratio(sum(s.recall for s in per.values()), n),
        f=ratio(sum(s.f1 for s in per.values()), n),
    )
    return LabelScores(per_label=per, micro=micro, macro=macro)
