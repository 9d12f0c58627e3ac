"""Coreference scores over one assignment of items to clusters (a corpus at once): the metrics
of :mod:`pipeline.evaluate.coref_metrics` over ``item -> cluster id`` maps, and pairwise scores.

Key (gold) and response (predicted) cover the same items; an item the system did not place is
its own cluster.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping
from itertools import combinations
from typing import Any

from pipeline.evaluate import coref_metrics
from pipeline.evaluate.coref_metrics import CorefPRF

Assignment = Mapping[Hashable, Hashable]
PRF = CorefPRF


def clusters(assign: Assignment) -> list[frozenset[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, cid in assign.items():
        groups[cid].add(item)
    return [frozenset(g) for g in groups.values()]


def _both(key: Assignment, response: Assignment) -> tuple[list, list]:
    if set(key) != set(response):
        raise ValueError("key and response must cluster the same items")
    return clusters(key), clusters(response)


def muc(key: Assignment, response: Assignment) -> CorefPRF:
    return coref_metrics.muc(*_both(key, response))


def b_cubed(key: Assignment, response: Assignment) -> CorefPRF:
    return coref_metrics.b_cubed(*_both(key, response))


def ceaf_e(key: Assignment, response: Assignment) -> CorefPRF:
    return coref_metrics.ceaf_e(*_both(key, response))


def conll_f1(key: Assignment, response: Assignment) -> float:
    return coref_metrics.conll_f1(
        [muc(key, response), b_cubed(key, response), ceaf_e(key, response)]
    )


def pair_counts(
    key: Assignment, response: Assignment, *, keep: Callable[[Any, Any], bool] | None = None
) -> tuple[int, int, int]:
    """(correct, predicted, gold) coreferent pairs; ``keep(a, b)`` filters the pairs counted
    (e.g. only pairs from two different documents)."""
    k_groups, r_groups = _both(key, response)

    def pairs(groups: list[frozenset[Hashable]]) -> set[frozenset[Hashable]]:
        out: set[frozenset[Hashable]] = set()
        for g in groups:
            for a, b in combinations(sorted(g, key=repr), 2):
                if keep is None or keep(a, b):
                    out.add(frozenset((a, b)))
        return out

    k, r = pairs(k_groups), pairs(r_groups)
    return len(k & r), len(r), len(k)


def pairwise(
    key: Assignment, response: Assignment, *, keep: Callable[[Any, Any], bool] | None = None
) -> CorefPRF:
    """Precision and recall of coreferent pairs (0 where there is no pair to divide by)."""
    correct, predicted, gold = pair_counts(key, response, keep=keep)
    return CorefPRF(correct, gold, correct, predicted)
