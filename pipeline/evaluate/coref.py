"""Coreference scores over one set of items: MUC, B³, CEAF-e, their CoNLL average, and pairwise.

A clustering is a dict item -> cluster id; key (gold) and response (predicted) cover the same
items (an item the system did not place is its own cluster). Definitions as in the CoNLL-2012
scorer (Pradhan et al. 2014): MUC counts links, B³ averages per-item overlap, CEAF-e aligns
key and response entities one-to-one (Kuhn-Munkres) with φ4 = 2|K∩R| / (|K|+|R|).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

Clustering = Mapping[Hashable, Hashable]


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"p": self.precision, "r": self.recall, "f": self.f1}


def clusters(assign: Clustering) -> list[frozenset[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, cid in assign.items():
        groups[cid].add(item)
    return [frozenset(g) for g in groups.values()]


def _check(key: Clustering, response: Clustering) -> None:
    if set(key) != set(response):
        raise ValueError("key and response must cluster the same items")


def muc(key: Clustering, response: Clustering) -> PRF:
    _check(key, response)

    def score(a: Clustering, b: Clustering) -> float:
        num = den = 0
        for group in clusters(a):
            parts = {b[item] for item in group}
            num += len(group) - len(parts)
            den += len(group) - 1
        return num / den if den else 0.0

    return PRF(score(response, key), score(key, response))


def b_cubed(key: Clustering, response: Clustering) -> PRF:
    _check(key, response)
    if not key:
        return PRF(0.0, 0.0)
    k_of = {item: g for g in clusters(key) for item in g}
    r_of = {item: g for g in clusters(response) for item in g}
    p = r = 0.0
    for item in key:
        common = len(k_of[item] & r_of[item])
        p += common / len(r_of[item])
        r += common / len(k_of[item])
    return PRF(p / len(key), r / len(key))


def _max_assignment(weights: Sequence[Sequence[float]]) -> float:
    """Largest total weight of a one-to-one assignment (rows to columns), Kuhn-Munkres."""
    n_rows, n_cols = len(weights), len(weights[0]) if weights else 0
    n = max(n_rows, n_cols)
    if n == 0:
        return 0.0
    top = max(max(row) for row in weights)
    cost = [
        [top - (weights[i][j] if i < n_rows and j < n_cols else 0.0) for j in range(n)]
        for i in range(n)
    ]
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    total = 0.0
    for j in range(1, n + 1):
        i = p[j]
        if i and i <= n_rows and j <= n_cols:
            total += weights[i - 1][j - 1]
    return total


def ceaf_e(key: Clustering, response: Clustering) -> PRF:
    _check(key, response)
    k_groups, r_groups = clusters(key), clusters(response)
    if not k_groups:
        return PRF(0.0, 0.0)
    r_index = {item: j for j, g in enumerate(r_groups) for item in g}
    # align within connected parts of the overlap graph: an entity sharing nothing scores 0
    links: dict[int, set[int]] = defaultdict(set)
    back: dict[int, set[int]] = defaultdict(set)
    for i, g in enumerate(k_groups):
        links[i] = {r_index[item] for item in g}
        for j in links[i]:
            back[j].add(i)
    seen_k: set[int] = set()
    total = 0.0
    for start in range(len(k_groups)):
        if start in seen_k:
            continue
        ks, rs, todo = {start}, set[int](), [start]
        while todo:
            i = todo.pop()
            for j in links[i] - rs:
                rs.add(j)
                for i2 in back[j]:
                    if i2 not in ks:
                        ks.add(i2)
                        todo.append(i2)
        seen_k |= ks
        k_list, r_list = sorted(ks), sorted(rs)
        weights = [
            [
                2 * len(k_groups[i] & r_groups[j]) / (len(k_groups[i]) + len(r_groups[j]))
                for j in r_list
            ]
            for i in k_list
        ]
        total += _max_assignment(weights)
    return PRF(total / len(r_groups), total / len(k_groups))


def pair_counts(
    key: Clustering, response: Clustering, *, keep: Callable[[Any, Any], bool] | None = None
) -> tuple[int, int, int]:
    """(correct, predicted, gold) coreferent pairs; ``keep(a, b)`` filters the pairs counted
    (e.g. only pairs from two different documents)."""
    _check(key, response)

    def pairs(assign: Clustering) -> set[frozenset[Hashable]]:
        out: set[frozenset[Hashable]] = set()
        for g in clusters(assign):
            for a, b in combinations(sorted(g, key=repr), 2):
                if keep is None or keep(a, b):
                    out.add(frozenset((a, b)))
        return out

    k, r = pairs(key), pairs(response)
    return len(k & r), len(r), len(k)


def pairwise(
    key: Clustering, response: Clustering, *, keep: Callable[[Any, Any], bool] | None = None
) -> PRF:
    """Precision and recall of coreferent pairs (0 where there is no pair to divide by)."""
    correct, predicted, gold = pair_counts(key, response, keep=keep)
    return PRF(correct / predicted if predicted else 0.0, correct / gold if gold else 0.0)


def conll_f1(key: Clustering, response: Clustering) -> float:
    return (muc(key, response).f1 + b_cubed(key, response).f1 + ceaf_e(key, response).f1) / 3
