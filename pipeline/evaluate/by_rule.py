"""Scores per source: how the entities of the trained model and of each rule fare against gold.

Every predicted entity carries its ``source`` (``model``, or ``rule:<id>`` for the rule that
made or last changed it). After the one-to-one matching of :func:`~pipeline.evaluate.spans.
match_mentions` (best tier first), each predicted entity is

- **right**: same span and label as its gold entity;
- **wrong type**: same span, another label;
- **wrong span**: it overlaps its gold entity without the same span (whatever the label);
- **spurious**: no gold entity left to match it.

Beside a baseline (the bare trained model, run on the same texts), two more counts say what a
source changes: **alone** = gold entities the source gets right that the baseline does not
predict exactly (same span and label): what the source adds; **broke** = gold entities the
baseline predicts exactly that the system misses, charged to the source of the system's entity
overlapping the gold span (``(removed)`` when nothing overlaps it: a fix dropped the entity).

The determiner-insensitive comparison (:func:`strip_determiners`) drops a leading determiner
(``the Bank of England`` -> ``Bank of England``) from gold and predicted spans alike, for gold
whose name spans include it (MEANTIME) where newsrel's convention leaves it out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pipeline.evaluate.prf import ratio
from pipeline.evaluate.spans import EXACT, SPAN, Mention, match_mentions

REMOVED = "(removed)"  # the source charged with a baseline hit nothing overlaps any more


@dataclass
class SourceScore:
    source: str
    entities: int = 0
    right: int = 0
    wrong_type: int = 0
    wrong_span: int = 0
    spurious: int = 0
    alone: int | None = None  # None without a baseline
    broke: int | None = None

    @property
    def precision(self) -> float:
        return ratio(self.right, self.entities)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "entities": self.entities,
            "right": self.right,
            "wrong_type": self.wrong_type,
            "wrong_span": self.wrong_span,
            "spurious": self.spurious,
            "precision": self.precision,
            "alone": self.alone,
            "broke": self.broke,
        }


def _order(row: SourceScore) -> tuple[int, int, str]:
    return (row.source != "model", -row.entities, row.source)


def score_sources(
    pred: Collection[Mention],
    gold: Collection[Mention],
    sources: Mapping[Mention, str],
    baseline: Collection[Mention] | None = None,
) -> list[SourceScore]:
    """One row per source of ``pred`` (``sources[m]``, "model" when unknown), the model first,
    then by number of entities."""
    rows: dict[str, SourceScore] = {}

    def row(source: str) -> SourceScore:
        if source not in rows:
            rows[source] = SourceScore(source)
            if baseline is not None:
                rows[source].alone = rows[source].broke = 0
        return rows[source]

    base = set(baseline) if baseline is not None else None
    for match in match_mentions(pred, gold):
        if match.pred is None:
            continue
        r = row(sources.get(match.pred, "model"))
        r.entities += 1
        if match.kind == EXACT:
            r.right += 1
            if base is not None and match.gold not in base:
                r.alone = (r.alone or 0) + 1
        elif match.kind == SPAN:
            r.wrong_type += 1
        elif match.gold is not None:
            r.wrong_span += 1
        else:
            r.spurious += 1
    if base is not None:
        by_doc: dict[str, list[Mention]] = defaultdict(list)
        for m in pred:
            by_doc[m.doc].append(m)
        predicted = set(pred)
        for g in sorted(set(gold) & base - predicted):
            over = sorted(p for p in by_doc.get(g.doc, []) if p.overlaps(g))
            r = row(sources.get(over[0], "model") if over else REMOVED)
            r.broke = (r.broke or 0) + 1
    return sorted(rows.values(), key=_order)


def strip_determiners(
    mentions: Iterable[Mention], texts: Mapping[str, str], determiners: Collection[str]
) -> dict[Mention, Mention]:
    """Each mention, without a leading determiner word (compared in lower case) followed by
    a space: ``the Bank of England`` -> ``Bank of England``; a mention that is only a
    determiner stays as it is."""
    words = {d.lower() for d in determiners}
    out: dict[Mention, Mention] = {}
    for m in mentions:
        text = texts.get(m.doc, "")[m.start : m.end]
        first, sep, rest = text.partition(" ")
        if sep and first.lower() in words and rest.strip():
            start = m.start + len(first) + 1
            while start < m.end and texts[m.doc][start].isspace():
                start += 1
            out[m] = Mention(m.doc, start, m.end, m.label)
        else:
            out[m] = m
    return out
