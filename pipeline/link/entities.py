"""Entity linking: record clusters joined into corpus entities by their keys.

An :class:`EntityIndex` is the state of the linker, and what a partition of records gives
(map) is an index of the same kind, absorbed into the corpus's (reduce). It holds a union-find
over *strong* keys (a name, an alias, a country: clusters sharing one are one entity), a
:class:`Summary` per entity, how many clusters carry each strong key, and the *offers* and
*seeks* of the other rules. Everything is keyed by entity or by key, never by document, so it
grows with the number of distinct entities; the clusters themselves go to a disk spool.

Unions commute, so the result does not depend on the order records or partitions come in.
:meth:`EntityIndex.resolve` then lets each seek claim its key when the key is a strong key of
the corpus, or is offered by exactly one entity (a surname that only one full name has), as
computed on the strong links alone; the claims are applied together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pipeline.link.nodes import LABEL_VOTE, EntityNode, Order
from pipeline.link.unionfind import UnionFind

RENORMALISE_AT = 16  # a set of roots is re-read through find() when it grows past this
MAX_ALIASES = 40


@dataclass
class Summary:
    first: Order
    labels: Counter[str] = field(default_factory=Counter)  # label -> mentions
    names: Counter[str] = field(default_factory=Counter)  # cluster name -> clusters
    forms: Counter[str] = field(default_factory=Counter)  # names and mention forms -> clusters
    countries: Counter[str] = field(default_factory=Counter)
    titles: Counter[str] = field(default_factory=Counter)
    classes: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    clusters: int = 0

    @classmethod
    def of(cls, node: EntityNode) -> Summary:
        s = cls(first=node.order)
        s.labels[node.label] += node.mentions
        s.names[node.name] += 1
        s.forms.update(node.forms)
        if node.country:
            s.countries[node.country] += 1
        s.titles.update(node.titles)
        s.classes[node.cls] += 1
        s.mentions, s.clusters = node.mentions, 1
        return s

    def absorb(self, other: Summary) -> Summary:
        self.first = min(self.first, other.first)
        for mine, theirs in (
            (self.labels, other.labels),
            (self.names, other.names),
            (self.forms, other.forms),
            (self.countries, other.countries),
            (self.titles, other.titles),
            (self.classes, other.classes),
        ):
            mine.update(theirs)
        self.mentions += other.mentions
        self.clusters += other.clusters
        return self

    def label(self) -> str:
        return min(self.labels.items(), key=lambda kv: (-kv[1], kv[0]))[0]

    def name(self) -> str:
        person = self.classes.most_common(1)[0][0] == "person"

        def rank(kv: tuple[str, int]) -> tuple[Any, ...]:
            name, n = kv
            multi = person and len(name.split()) > 1
            return (not multi, -n, -len(name), name)

        return min(self.names.items(), key=rank)[0]

    def aliases(self, canonical: str) -> list[str]:
        forms = [(f, n) for f, n in self.forms.items() if f != canonical]
        forms.sort(key=lambda kv: (-kv[1], kv[0]))
        return [f for f, _ in forms[:MAX_ALIASES]]

    def norm(self) -> dict[str, Any] | None:
        if not self.countries:
            return None
        code = min(self.countries.items(), key=lambda kv: (-kv[1], kv[0]))[0]
        return {"country": code}


class EntityIndex:
    def __init__(self) -> None:
        self.uf: UnionFind[str] = UnionFind()
        self.summaries: dict[str, Summary] = {}
        self.key_count: Counter[str] = Counter()
        self.offers: dict[str, set[str]] = {}
        self.seeks: dict[tuple[str, str], set[str]] = {}
        self.targets: dict[str, str] = {}  # seek key -> the root it claimed (after resolve)

    # ------------------------------------------------------------------ building (map)

    def _join(self, a: str, b: str) -> None:
        joined = self.uf.union(a, b)
        if joined is None:
            return
        kept, gone = joined
        lost = self.summaries.pop(gone, None)
        if lost is not None:
            have = self.summaries.get(kept)
            self.summaries[kept] = have.absorb(lost) if have else lost

    def _add_summary(self, root: str, summary: Summary) -> None:
        have = self.summaries.get(root)
        self.summaries[root] = have.absorb(summary) if have else summary

    @staticmethod
    def _put(table: dict[Any, set[str]], key: Any, root: str, uf: UnionFind[str]) -> None:
        roots = table.setdefault(key, set())
        roots.add(root)
        if len(roots) > RENORMALISE_AT:
            table[key] = {uf.find(r) for r in roots}

    def add(self, node: EntityNode) -> None:
        keys = [k.key for k in node.strong]
        self.uf.add(keys[0])
        for k in keys[1:]:
            self._join(keys[0], k)
        self.key_count.update(keys)
        root = self.uf.find(keys[0])
        self._add_summary(root, Summary.of(node))
        for offer in node.offers:
            self._put(self.offers, offer.key, root, self.uf)
        for seek in node.seeks:
            self._put(self.seeks, (seek.key, seek.rule), root, self.uf)

    def absorb(self, other: EntityIndex) -> None:
        """Add a partition's index (reduce). ``other`` is left unusable."""
        for key in other.uf.parent:
            self.uf.add(key)
        for key in other.uf.parent:
            root = other.uf.find(key)
            if root != key:
                self._join(root, key)
        for root, summary in other.summaries.items():
            self._add_summary(self.uf.find(root), summary)
        self.key_count.update(other.key_count)
        for okey, roots in other.offers.items():
            for r in roots:
                self._put(self.offers, okey, r, self.uf)
        for skey, roots in other.seeks.items():
            for r in roots:
                self._put(self.seeks, skey, r, self.uf)

    # ------------------------------------------------------------------ resolving (reduce)

    def resolve(self) -> list[tuple[str, str, str]]:
        """Apply the seeks; returns the (seeking root, claimed root, rule) links made."""
        find = self.uf.find
        links: list[tuple[str, str, str]] = []
        for (key, rule), roots in sorted(self.seeks.items()):
            target: str | None
            if key.startswith(LABEL_VOTE):
                target = self._outvoted(key)
            elif key in self.uf:
                target = find(key)
            else:
                offerers = {find(r) for r in self.offers.get(key, ())}
                target = next(iter(offerers)) if len(offerers) == 1 else None
            if target is None:
                continue
            self.targets[key] = target
            links.extend((r, target, rule) for r in sorted({find(r) for r in roots}) if r != target)
        for seeker, target, _ in links:
            self._join(seeker, target)
        return links

    def _outvoted(self, key: str) -> str | None:
        """Rule kind ``label-vote``: the entity holding the name under the other label, when
        more clusters of the corpus read the name that way than the seeker's way."""
        own, other = key[len(LABEL_VOTE) :].split("\t")
        if other not in self.uf or self.key_count[other] <= self.key_count[own]:
            return None
        return self.uf.find(other)

    def numbering(self) -> dict[str, int]:
        """Root -> entity number (1, 2, ...) in input order of each entity's first cluster."""
        roots = sorted(self.summaries, key=lambda r: self.summaries[r].first)
        return {r: n for n, r in enumerate(roots, 1)}

    def via(self, row: dict[str, Any], root: str) -> list[str]:
        """Rule ids that tie the member ``row`` (a spooled node) to its entity's other members."""
        rules = {rule for key, rule in row["strong"] if self.key_count[key] > 1}
        for key, rule in [*row["seeks"], *row.get("offers", [])]:
            target = self.targets.get(key)
            if target is not None and self.uf.find(target) == root:
                rules.add(rule)
        return sorted(r for r in rules if r)


def index_of(nodes: Iterable[EntityNode]) -> EntityIndex:
    index = EntityIndex()
    for node in nodes:
        index.add(node)
    return index
