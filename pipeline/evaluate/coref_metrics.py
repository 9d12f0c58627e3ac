"""Coreference metrics: MUC, B³, CEAF-e and their average (the CoNLL-2012 score).

The standard definitions (Vilain et al. 1995; Bagga & Baldwin 1998; Luo 2005), as the CoNLL
reference scorer computes them (Pradhan et al. 2014, "Scoring Coreference Partitions of Predicted
Mentions: A Reference Implementation"). A clustering is a list of sets of hashable mentions; the
key is the gold clustering, the response the predicted one. Each metric returns a
:class:`CorefPRF` of numerators and denominators, so scores over a corpus pool the counts of its
documents, as the reference scorer does (micro average).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from pipeline.evaluate.prf import f_score, ratio

Clustering = Sequence[frozenset[Hashable]]


@dataclass(frozen=True)
class CorefPRF:
    """Recall ``r_num / r_den`` and precision ``p_num / p_den``; added together over documents."""

    r_num: float = 0.0
    r_den: float = 0.0
    p_num: float = 0.0
    p_den: float = 0.0

    @property
    def recall(self) -> float:
        return ratio(self.r_num, self.r_den)

    @property
    def precision(self) -> float:
        return ratio(self.p_num, self.p_den)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return f_score(p, r)

    def __add__(self, other: CorefPRF) -> CorefPRF:
        return CorefPRF(
            self.r_num + other.r_num,
            self.r_den + other.r_den,
            self.p_num + other.p_num,
            self.p_den + other.p_den,
        )

    def to_dict(self) -> dict[str, float]:
        return {"p": self.precision, "r": self.recall, "f": self.f1}


def _partitions(cluster: frozenset[Hashable], other: Clustering) -> int:
    """How many parts ``cluster`` falls into when cut by ``other`` (a mention ``other`` lacks
    is a part of its own)."""
    seen: set[int] = set()
    alone = 0
    where = {m: i for i, c in enumerate(other) for m in c}
    for m in cluster:
        i = where.get(m)
        if i is None:
            alone += 1
        else:
            seen.add(i)
    return len(seen) + alone


def muc(key: Clustering, response: Clustering) -> CorefPRF:
    """MUC (Vilain et al. 1995): links. Recall = Σ(|k| − |p(k)|) / Σ(|k| − 1) over key entities,
    ``p(k)`` the partition of ``k`` by the response; precision the same with the roles swapped."""
    r_num = sum(len(k) - _partitions(k, response) for k in key)
    r_den = sum(len(k) - 1 for k in key)
    p_num = sum(len(r) - _partitions(r, key) for r in response)
    p_den = sum(len(r) - 1 for r in response)
    return CorefPRF(r_num, r_den, p_num, p_den)


def b_cubed(key: Clustering, response: Clustering) -> CorefPRF:
    """B³ (Bagga & Baldwin 1998): per mention. Recall = Σ_k Σ_r |k ∩ r|² / |k| over Σ|k|;
    precision = Σ_r Σ_k |k ∩ r|² / |r| over Σ|r|."""
    r_num = sum(len(k & r) ** 2 / len(k) for k in key for r in response if k & r)
    p_num = sum(len(k & r) ** 2 / len(r) for k in key for r in response if k & r)
    return CorefPRF(r_num, sum(len(k) for k in key), p_num, sum(len(r) for r in response))


def phi4(k: frozenset[Hashable], r: frozenset[Hashable]) -> float:
    """Luo's entity similarity φ4: 2|k ∩ r| / (|k| + |r|)."""
    return 2 * len(k & r) / (len(k) + len(r))


def ceaf_e(key: Clustering, response: Clustering) -> CorefPRF:
    """CEAF-e (Luo 2005): the best one-to-one alignment of key and response entities under φ4.
    Recall = Σφ4(aligned) / |key entities|; precision = Σφ4(aligned) / |response entities|.

    The alignment is solved within each connected part of the overlap graph (entities that share
    no mention score 0 together, so no optimal alignment pairs them across parts): the same
    total, without a cubic problem over a whole corpus."""
    where: dict[Hashable, int] = {m: j for j, r in enumerate(response) for m in r}
    links = [{where[m] for m in k if m in where} for k in key]
    back: dict[int, set[int]] = {}
    for i, js in enumerate(links):
        for j in js:
            back.setdefault(j, set()).add(i)
    best, seen = 0.0, set()
    for start in range(len(key)):
        if start in seen or not links[start]:
            continue
        ks, rs, todo = {start}, set[int](), [start]
        while todo:
            for j in links[todo.pop()] - rs:
                rs.add(j)
                for i in back[j] - ks:
                    ks.add(i)
                    todo.append(i)
        seen |= ks
        rows, cols = sorted(ks), sorted(rs)
        best += max_assignment([[phi4(key[i], response[j]) for j in cols] for i in rows])
    return CorefPRF(best, len(key), best, len(response))


def conll_f1(scores: Iterable[CorefPRF]) -> float:
    """The CoNLL-2012 score: the mean of the F1 of MUC, B³ and CEAF-e."""
    f = [s.f1 for s in scores]
    return sum(f) / len(f) if f else 0.0


def max_assignment(weights: Sequence[Sequence[float]]) -> float:
    """The largest total weight of a one-to-one matching of rows to columns (the assignment
    problem), by the Hungarian algorithm in O(n³) (Kuhn–Munkres with potentials, on costs
    ``max − w``; a rectangular matrix is padded with zero weights)."""
    rows = len(weights)
    cols = max((len(r) for r in weights), default=0)
    n = max(rows, cols)
    if n == 0:
        return 0.0
    top = max((w for r in weights for w in r), default=0.0)
    cost = [
        [top - (weights[i][j] if i < rows and j < len(weights[i]) else 0.0) for j in range(n)]
        for i in range(n)
    ]
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match = [0] * (n + 1)  # match[j]: the row (1-based) assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    total = 0.0
    for j in range(1, n + 1):
        i = match[j] - 1
        if i < rows and j - 1 < len(weights[i]):
            total += weights[i][j - 1]
    return total
