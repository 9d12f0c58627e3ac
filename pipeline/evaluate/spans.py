"""Scoring entity mentions, their normalised values and time expressions.

nervaluate / SemEval-2013 counts (correct, incorrect, partial, missed, spurious) for the strict,
exact, partial and ent_type schemes on top of the strict set scores; value accuracy over matched
spans; the TempEval-3 time-expression triple.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.prf import PRF, LabelScores, f_score, ratio, score_by_label

# --- mentions --------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Mention:
    doc: str
    start: int
    end: int
    label: str

    def overlaps(self, other: Mention) -> bool:
        return self.doc == other.doc and self.start < other.end and other.start < self.end

    def same_span(self, other: Mention) -> bool:
        return (self.doc, self.start, self.end) == (other.doc, other.start, other.end)


def label_of(m: Mention) -> str:
    return m.label


# match kinds, best first
EXACT = "exact"  # same span, same label
SPAN = "span"  # same span, other label
OVERLAP = "overlap"  # overlapping, same label
OVERLAP_OTHER = "overlap-other"  # overlapping, other label
_TIERS: list[tuple[str, Callable[[Mention, Mention], bool]]] = [
    (EXACT, lambda p, g: p == g),
    (SPAN, lambda p, g: p.same_span(g)),
    (OVERLAP, lambda p, g: p.overlaps(g) and p.label == g.label),
    (OVERLAP_OTHER, lambda p, g: p.overlaps(g)),
]


@dataclass(frozen=True)
class Match:
    pred: Mention | None
    gold: Mention | None
    kind: str  # EXACT, SPAN, OVERLAP, OVERLAP_OTHER, "spurious", "missed"


def match_mentions(pred: Iterable[Mention], gold: Iterable[Mention]) -> list[Match]:
    """One-to-one matching, best tier first, in document and span order."""
    by_doc_p: dict[str, list[Mention]] = defaultdict(list)
    by_doc_g: dict[str, list[Mention]] = defaultdict(list)
    for m in sorted(set(pred)):
        by_doc_p[m.doc].append(m)
    for m in sorted(set(gold)):
        by_doc_g[m.doc].append(m)
    out: list[Match] = []
    for doc in sorted(set(by_doc_p) | set(by_doc_g)):
        ps, gs = by_doc_p[doc], by_doc_g[doc]
        free_p = set(range(len(ps)))
        free_g = set(range(len(gs)))
        for kind, test in _TIERS:
            for i in sorted(free_p):
                for j in sorted(free_g):
                    if test(ps[i], gs[j]):
                        out.append(Match(ps[i], gs[j], kind))
                        free_p.discard(i)
                        free_g.discard(j)
                        break
        out.extend(Match(ps[i], None, "spurious") for i in sorted(free_p))
        out.extend(Match(None, gs[j], "missed") for j in sorted(free_g))
    return out


@dataclass
class NerCounts:
    """nervaluate / SemEval-2013 counts for one scheme."""

    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0
    partial_credit: bool = False  # only the "partial" scheme counts a partial match as half

    @property
    def possible(self) -> int:
        return self.correct + self.incorrect + self.partial + self.missed

    @property
    def actual(self) -> int:
        return self.correct + self.incorrect + self.partial + self.spurious

    @property
    def precision(self) -> float:
        credit = self.correct + (0.5 * self.partial if self.partial_credit else 0)
        return ratio(credit, self.actual)

    @property
    def recall(self) -> float:
        credit = self.correct + (0.5 * self.partial if self.partial_credit else 0)
        return ratio(credit, self.possible)

    @property
    def f1(self) -> float:
        return f_score(self.precision, self.recall)

    def to_dict(self) -> dict[str, float]:
        return {
            "correct": self.correct,
            "incorrect": self.incorrect,
            "partial": self.partial,
            "missed": self.missed,
            "spurious": self.spurious,
            "possible": self.possible,
            "actual": self.actual,
            "p": self.precision,
            "r": self.recall,
            "f": self.f1,
        }


SCHEMES = ("strict", "exact", "partial", "ent_type")
# what each match kind counts as, per scheme
_OUTCOME: dict[str, dict[str, str]] = {
    "strict": {
        EXACT: "correct",
        SPAN: "incorrect",
        OVERLAP: "incorrect",
        OVERLAP_OTHER: "incorrect",
    },
    "exact": {EXACT: "correct", SPAN: "correct", OVERLAP: "incorrect", OVERLAP_OTHER: "incorrect"},
    "partial": {EXACT: "correct", SPAN: "correct", OVERLAP: "partial", OVERLAP_OTHER: "partial"},
    "ent_type": {
        EXACT: "correct",
        SPAN: "incorrect",
        OVERLAP: "correct",
        OVERLAP_OTHER: "incorrect",
    },
}


def ner_counts(matches: Iterable[Match]) -> dict[str, NerCounts]:
    """Counts per scheme from :func:`match_mentions` output."""
    counts = {s: NerCounts(partial_credit=(s == "partial")) for s in SCHEMES}
    for m in matches:
        for scheme, c in counts.items():
            if m.kind == "spurious":
                c.spurious += 1
            elif m.kind == "missed":
                c.missed += 1
            else:
                outcome = _OUTCOME[scheme][m.kind]
                setattr(c, outcome, getattr(c, outcome) + 1)
    return counts


def ner_counts_by_label(matches: Sequence[Match]) -> dict[str, dict[str, NerCounts]]:
    """Per-label counts: a pair counts under its gold label, a spurious span under its own."""
    groups: dict[str, list[Match]] = defaultdict(list)
    for m in matches:
        ref = m.gold if m.gold is not None else m.pred
        assert ref is not None
        groups[ref.label].append(m)
    return {lab: ner_counts(ms) for lab, ms in sorted(groups.items())}


# --- normalised values -----------------------------------------------------------------------

VALUE_KEYS = ("value", "amount", "currency", "start", "end", "unit")


def same_value(pred: Mapping[str, Any] | None, gold: Mapping[str, Any]) -> bool:
    """Does ``pred`` agree with every value key the gold norm states?"""
    keys = [k for k in VALUE_KEYS if k in gold]
    if not keys or pred is None:
        return False
    for k in keys:
        g, p = gold[k], pred.get(k)
        if isinstance(g, int | float) and isinstance(p, int | float):
            if abs(float(g) - float(p)) > 1e-6 * max(1.0, abs(float(g))):
                return False
        elif p != g:
            return False
    return True


@dataclass(frozen=True)
class ValueScore:
    matched: int  # spans matched exactly (span and label) whose gold has a value
    correct: int

    @property
    def accuracy(self) -> float:
        return ratio(self.correct, self.matched)

    def to_dict(self) -> dict[str, float]:
        return {"matched": self.matched, "correct": self.correct, "accuracy": self.accuracy}


def score_values(
    pred: Mapping[Mention, Mapping[str, Any] | None],
    gold: Mapping[Mention, Mapping[str, Any] | None],
    labels: Iterable[str],
) -> dict[str, ValueScore]:
    """Value accuracy, per label, over spans both sides have (same span and label)."""
    out: dict[str, ValueScore] = {}
    for lab in labels:
        matched = correct = 0
        for m, gnorm in gold.items():
            if m.label != lab or not gnorm or m not in pred:
                continue
            if not any(k in gnorm for k in VALUE_KEYS):
                continue
            matched += 1
            correct += same_value(pred[m], gnorm)
        out[lab] = ValueScore(matched, correct)
    return out


# --- time expressions (TempEval-3) -----------------------------------------------------------


@dataclass(frozen=True, order=True)
class Timex:
    doc: str
    start: int
    end: int
    type: str
    value: str | None = None

    def mention(self) -> Mention:
        return Mention(self.doc, self.start, self.end, "TIMEX3")


@dataclass(frozen=True)
class TimexScores:
    """TempEval-3: relaxed (overlap) and strict (exact) span PRF, and value PRF.

    Value precision is correct values over predicted expressions, value recall over gold ones,
    a value being correct on a relaxed match with the same normalised value.
    """

    relaxed: PRF
    strict: PRF
    value: PRF
    type_accuracy: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "relaxed": self.relaxed.to_dict(),
            "strict": self.strict.to_dict(),
            "value": self.value.to_dict(),
            "type_accuracy": self.type_accuracy,
        }


def score_timex(pred: Iterable[Timex], gold: Iterable[Timex]) -> TimexScores:
    ps, gs = sorted(set(pred)), sorted(set(gold))
    by_p = {t.mention(): t for t in ps}
    by_g = {t.mention(): t for t in gs}
    matches = [m for m in match_mentions(by_p, by_g) if m.pred and m.gold]
    n_p, n_g = len(by_p), len(by_g)
    relaxed_tp = len(matches)
    strict_tp = sum(1 for m in matches if m.kind == EXACT)
    value_tp = type_ok = 0
    for m in matches:
        assert m.pred is not None and m.gold is not None
        tp, tg = by_p[m.pred], by_g[m.gold]
        value_tp += tg.value is not None and tp.value == tg.value
        type_ok += tp.type == tg.type
    return TimexScores(
        relaxed=PRF(relaxed_tp, n_p - relaxed_tp, n_g - relaxed_tp),
        strict=PRF(strict_tp, n_p - strict_tp, n_g - strict_tp),
        value=PRF(value_tp, n_p - value_tp, n_g - value_tp),
        type_accuracy=ratio(type_ok, relaxed_tp),
    )


def restrict_timex(
    pred: Iterable[Timex], gold: Iterable[Timex], ttype: str
) -> tuple[list[Timex], list[Timex]]:
    """Gold of one type, and the predictions that overlap no gold expression of another type."""
    gold = list(gold)
    keep_g = [g for g in gold if g.type == ttype]
    others = [g.mention() for g in gold if g.type != ttype]
    keep_p = [p for p in pred if not any(p.mention().overlaps(o) for o in others)]
    return keep_p, keep_g


@dataclass(frozen=True)
class ErrorExample:
    kind: str  # "FP" or "FN"
    label: str
    doc: str
    start: int
    end: int
    text: str
    sentence: str
    note: str = ""


@dataclass
class EntityScores:
    strict: LabelScores
    schemes: dict[str, NerCounts]
    schemes_by_label: dict[str, dict[str, NerCounts]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "strict": self.strict.to_dict(),
            "schemes": {k: v.to_dict() for k, v in self.schemes.items()},
            "schemes_by_label": {
                lab: {k: v.to_dict() for k, v in d.items()}
                for lab, d in self.schemes_by_label.items()
            },
        }


def score_entities(pred: Iterable[Mention], gold: Iterable[Mention]) -> EntityScores:
    pred, gold = set(pred), set(gold)
    matches = match_mentions(pred, gold)
    return EntityScores(
        strict=score_by_label(pred, gold, label_of),
        schemes=ner_counts(matches),
        schemes_by_label=ner_counts_by_label(matches),
    )
