"""Union-find over hashable, ordered keys (strings, tuples), with path halving. The smaller
key of two roots stays root, so the representatives do not depend on the order of unions."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Any)


class UnionFind(Generic[K]):
    def __init__(self) -> None:
        self.parent: dict[K, K] = {}

    def __contains__(self, key: object) -> bool:
        return key in self.parent

    def __len__(self) -> int:
        return len(self.parent)

    def add(self, key: K) -> K:
        return self.parent.setdefault(key, key)

    def find(self, key: K) -> K:
        parent = self.parent
        if key not in parent:
            parent[key] = key
            return key
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: K, b: K) -> tuple[K, K] | None:
        """Join the sets of ``a`` and ``b``; returns (kept root, absorbed root) or None when
        they were one set already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return ra, rb

    def union_all(self, keys: Iterable[K]) -> Iterator[tuple[K, K]]:
        """Join every key with the first; yields each (kept, absorbed) pair of roots."""
        it = iter(keys)
        first = next(it, None)
        if first is None:
            return
        self.add(first)
        for key in it:
            joined = self.union(first, key)
            if joined is not None:
                yield joined

    def roots(self) -> Iterator[K]:
        return (k for k in self.parent if self.find(k) == k)
