"""A cheap necessary condition for a dependency pattern to match: skip the matcher when it fails.

A ``DependencyMatcher`` runs every token pattern of every rule over the whole document before it
looks at a single arc. A node constrained by ``{"ATTR": "value"}`` or ``{"ATTR": {"IN": [...]}}``
(ATTR one of :data:`GATE_ATTRS`) can only match a token with that value, so when the document (or
sentence) has no such token the rule cannot match and the matcher need not run. The gate never
changes a result: a rule it lets through is matched exactly as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import HEAD
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.matchers.switch import speed_layer

GATE_ATTRS = ("LEMMA", "DEP", "POS", "TAG", "ENT_TYPE", "LOWER", "ORTH")


@dataclass(frozen=True)
class Need:
    """One node's constraint: a token whose ``GATE_ATTRS[column]`` is one of ``values``."""

    column: int
    values: frozenset[int]


def needs(vocab: Vocab, pattern: Sequence[dict[str, Any]]) -> tuple[Need, ...]:
    """The constraints of a dependency pattern the gate can check (the others are ignored)."""
    out = []
    for node in pattern:
        for attr, value in node.get("RIGHT_ATTRS", {}).items():
            if attr not in GATE_ATTRS:
                continue
            if isinstance(value, str):
                values = [value]
            elif isinstance(value, dict) and set(value) == {"IN"}:
                values = list(value["IN"])
            else:
                continue
            if attr == "POS":
                ids = frozenset(POS_IDS[v] for v in values if v in POS_IDS)
            else:
                ids = frozenset(vocab.strings.add(v) for v in values)
            out.append(Need(GATE_ATTRS.index(attr), ids))
    return tuple(out)


def gate_array(doc: Doc) -> numpy.ndarray:
    """The columns :func:`can_match` reads, one row per token (slice it for a sentence)."""
    return doc.to_array(list(GATE_ATTRS)).reshape(len(doc), len(GATE_ATTRS))


def can_match(rules: Sequence[tuple[Need, ...]], rows: numpy.ndarray) -> bool:
    """Whether any of ``rules`` might match tokens with these rows (:func:`gate_array`); always
    True with the speed layer off (:mod:`pipeline.matchers.switch`)."""
    if not speed_layer():
        return True
    present: dict[int, frozenset[int]] = {}
    for rule in rules:
        ok = True
        for need in rule:
            have = present.get(need.column)
            if have is None:
                have = present[need.column] = frozenset(rows[:, need.column].tolist())
            if not have & need.values:
                ok = False
                break
        if ok:
            return True
    return False


def token_needs(vocab: Vocab, pattern: Sequence[dict[str, Any]]) -> tuple[Need, ...]:
    """The same for a ``Matcher`` pattern: only the token specs that must match a token (no
    ``OP``, ``"+"`` or ``"1"``); an optional, repeated-or-not or negated one needs nothing."""
    must = [
        {"RIGHT_ATTRS": {k: v for k, v in spec.items() if k != "OP"}}
        for spec in pattern
        if spec.get("OP") in (None, "+", "1")
    ]
    return needs(vocab, must)


# --- The tree gate: the same test per node (all of a node's needs on one token) and along the
# pattern's arcs, sentence by sentence. Exact for the same reason: every token a match uses
# passes its node's needs and hangs from the token of the node it names (``>``: a child of it,
# ``<``: its head), so a sentence the gate rules out holds no match.


@dataclass(frozen=True)
class TreeNode:
    """One node of a dependency pattern: its needs, and the earlier node it is tied to."""

    needs: tuple[Need, ...]
    left: int | None = None  # the node LEFT_ID names (None: the pattern's root)
    op: str | None = None  # REL_OP; only ">" and "<" narrow the candidates, the others do not


def tree_nodes(vocab: Vocab, pattern: Sequence[dict[str, Any]]) -> tuple[TreeNode, ...]:
    """The gate's view of a dependency pattern, node by node in pattern order (spaCy requires a
    LEFT_ID to name an earlier node). A need on the empty string is left out: 0 stands for
    missing annotation, which a sentence copy may have where the document has a value."""
    position = {node["RIGHT_ID"]: k for k, node in enumerate(pattern)}
    return tuple(
        TreeNode(
            tuple(n for n in needs(vocab, [node]) if 0 not in n.values),
            position.get(node.get("LEFT_ID")),
            node.get("REL_OP"),
        )
        for node in pattern
    )


@dataclass
class TreeIndex:
    """What the tree gate reads of one document: token columns, heads, children, sentences."""

    columns: list[list[int]]  # GATE_ATTRS columns, one list each
    heads: list[int]
    sentence: list[int]  # each token's sentence number
    _children: list[list[int]] | None = None
    _matching: dict[tuple[Need, ...], list[int]] = field(default_factory=dict)
    _by_value: dict[int, dict[int, list[int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, doc: Doc, rows: numpy.ndarray, starts: Sequence[int]) -> TreeIndex | None:
        """None when an arc leaves its sentence: a sentence copy (``Span.as_doc``) rewires such
        arcs, so the document's arcs would not be the copy's and the gate could not be used; and
        None with the speed layer off, so every sentence is tried."""
        if not speed_layer():
            return None
        n = len(doc)
        heads = numpy.arange(n) + doc.to_array(HEAD).astype(numpy.int64)
        sentence = numpy.zeros(n, dtype=numpy.int64)
        sentence[list(starts[1:])] = 1
        sentence = numpy.cumsum(sentence)
        if n and (sentence[heads] != sentence).any():
            return None
        return cls(rows.T.tolist(), heads.tolist(), sentence.tolist())

    @property
    def children(self) -> list[list[int]]:
        """Each token's children, in order (built on first use)."""
        if self._children is None:
            self._children = [[] for _ in self.heads]
            for i, h in enumerate(self.heads):
                if h != i:
                    self._children[h].append(i)
        return self._children

    def passes(self, i: int, needs: tuple[Need, ...]) -> bool:
        for need in needs:
            if self.columns[need.column][i] not in need.values:
                return False
        return True

    def matching(self, needs: tuple[Need, ...]) -> list[int]:
        """Every token meeting all ``needs``, in order (computed once per distinct set)."""
        found = self._matching.get(needs)
        if found is None:
            if not needs:
                found = list(range(len(self.heads)))
            else:
                first, rest = needs[0], needs[1:]
                at = self._positions(first.column)
                found = sorted(i for v in first.values for i in at.get(v, ()))
                if rest:
                    found = [i for i in found if self.passes(i, rest)]
            self._matching[needs] = found
        return found

    def _positions(self, column: int) -> dict[int, list[int]]:
        """Where each value of a column stands (built once per column)."""
        at = self._by_value.get(column)
        if at is None:
            at = self._by_value[column] = {}
            for i, v in enumerate(self.columns[column]):
                at.setdefault(v, []).append(i)
        return at

    def sentences(self, nodes: Sequence[TreeNode]) -> set[int]:
        """The sentences in which the pattern might match (each of its nodes has a candidate
        token there, tied along ``>``/``<`` arcs to a candidate of the node it names)."""
        candidates: list[list[int]] = []
        for node in nodes:
            if node.left is not None and node.op == ">":
                pool = [c for p in candidates[node.left] for c in self.children[p]]
                found = [i for i in pool if self.passes(i, node.needs)]
            elif node.left is not None and node.op == "<":
                pool = [self.heads[p] for p in candidates[node.left] if self.heads[p] != p]
                found = [i for i in pool if self.passes(i, node.needs)]
            else:
                found = self.matching(node.needs)
            if not found:
                return set()
            candidates.append(found)
        sentence = self.sentence
        return set.intersection(*({sentence[i] for i in c} for c in candidates))
