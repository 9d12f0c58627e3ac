"""Scoring relations: strict (argument spans and types, relation type) and boundaries; the
errors behind the boundaries figures, by type, with their sentences."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
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


@dataclass(frozen=True)
class RelationError:
    """A missed (FN) or spurious (FP) relation under boundaries scoring."""

    kind: str  # "FP" or "FN"
    type: str
    doc: str
    head: str
    tail: str
    sentence: str  # the document text around both arguments, each marked [[...]]
    note: str = ""  # the other side's type for the same pair, or the argument it lacks
    rules: str = ""  # FP: the rules that made the prediction


def _marked(text: str, spans: list[tuple[int, int]], width: int = 160) -> str:
    s, e = min(a for a, _ in spans), max(b for _, b in spans)
    first = max(text.rfind("\n", 0, s) + 1, s - width)
    last = text.find("\n", e)
    last = min(len(text) if last < 0 else last, e + width)
    out, at = [], first
    for a, b in sorted(spans):
        out += [text[at:a], "[[", text[a:b], "]]"]
        at = b
    return "".join([*out, text[at:last]])


def relation_errors(
    pred: Iterable[RelationItem],
    gold: Iterable[RelationItem],
    texts: Mapping[str, str],
    order: Mapping[str, int],
    n: int,
    *,
    pred_spans: set[tuple[str, int, int]] | frozenset[tuple[str, int, int]] = frozenset(),
    rules: Mapping[RelationItem, Iterable[str]] | None = None,
) -> list[RelationError]:
    """``n`` spurious and ``n`` missed relations per type, boundaries scoring (argument types
    ignored), in document order. A note names the type the other side gives the same pair, else
    for a miss the argument no predicted mention covers exactly (``pred_spans``: (doc, start,
    end)); ``rules`` (per predicted item) say which rules made a spurious relation."""
    if n <= 0:
        return []
    by_bounds: dict[RelationItem, list[str]] = {}
    for item, made_by in rules.items() if rules else []:
        by_bounds.setdefault(item.boundaries(), []).extend(made_by)
    p, g = {r.boundaries() for r in pred}, {r.boundaries() for r in gold}
    out: list[RelationError] = []
    for kind, wrong, other in (("FP", p - g, g), ("FN", g - p, p)):
        pair_types: dict[tuple[str, Any, Any], list[str]] = {}
        for r in other:
            pair_types.setdefault((r.doc, r.head, r.tail), []).append(r.type)
        per: dict[str, int] = {}
        for r in sorted(wrong, key=lambda r: (order.get(r.doc, len(order)), r.head, r.tail)):
            if per.get(r.type, 0) >= n:
                continue
            per[r.type] = per.get(r.type, 0) + 1
            text = texts.get(r.doc, "")
            note = ", ".join(sorted(pair_types.get((r.doc, r.head, r.tail), [])))
            if note:
                note = f"{'gold' if kind == 'FP' else 'predicted'}: {note}"
            elif kind == "FN" and pred_spans:
                lacking = [
                    text[a[0] : a[1]]
                    for a in (r.head, r.tail)
                    if (r.doc, a[0], a[1]) not in pred_spans
                ]
                note = "no predicted mention: " + " | ".join(lacking) if lacking else ""
            out.append(
                RelationError(
                    kind=kind,
                    type=r.type,
                    doc=r.doc,
                    head=text[r.head[0] : r.head[1]],
                    tail=text[r.tail[0] : r.tail[1]],
                    sentence=_marked(text, [r.head[:2], r.tail[:2]]),
                    note=note,
                    rules=", ".join(sorted(set(by_bounds.get(r, [])))) if kind == "FP" else "",
                )
            )
    return sorted(out, key=lambda e: (e.type, e.kind, order.get(e.doc, 0)))
