"""A cheap necessary condition for a dependency pattern to match: skip the matcher when it fails.

A ``DependencyMatcher`` runs every token pattern of every rule over the whole document before it
looks at a single arc. A node constrained by ``{"ATTR": "value"}`` or ``{"ATTR": {"IN": [...]}}``
(ATTR one of :data:`GATE_ATTRS`) can only match a token with that value, so when the document (or
sentence) has no such token the rule cannot match and the matcher need not run. The gate never
changes a result: a rule it lets through is matched exactly as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.vocab import Vocab

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
    """Whether any of ``rules`` might match tokens with these rows (:func:`gate_array`)."""
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
