"""The trained pipeline's ``attribute_ruler`` matches, found through an index instead of the Matcher.

spaCy's ``AttributeRuler`` (POS, MORPH and LEMMA from the tagger's tags, plus exceptions such
as "n't" -> PART) finds its matches with a ``Matcher``, which tries every pattern at every token
and evaluates its ``IN`` / ``NOT_IN`` / ``REGEX`` predicates in Python, token by token: in
``en_core_web_sm`` 179 patterns, about a sixth of the trained components' CPU time (0.99 of
6.17 s on 300 Reuters stories, ``benchmarks/component_cost.py``). Here each pattern is
filed under one value its first token must have (a plain ``{"TAG": "NN"}``, or every value of an
``IN`` set), so a token is only tried against the patterns filed under its own values; the few
patterns without such a value are tried everywhere. The result is the list
``AttributeRuler.match`` returns, in the same order, so ``set_annotations`` sets the same
attributes: ``tests/matchers/test_attributes.py`` compares the two on real text.

Only what is needed for that is supported: token specs made of string attributes compared by
value, ``IN``, ``NOT_IN`` or ``REGEX``, and ``IS_*`` flags; patterns of any other shape (``OP``,
numeric comparisons, extensions, ...) make :func:`compile_patterns` return ``None``, and the
ruler then matches with spaCy's ``Matcher`` as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from spacy.attrs import IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

# attributes whose value in ``Doc.to_array`` is the hash of the string the pattern names
STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "LEMMA", "TAG", "DEP", "ENT_TYPE", "SHAPE"})


@dataclass(frozen=True)
class Check:
    """One condition on one token: ``column`` of the token's row compared by ``op``."""

    column: int
    op: str  # "eq", "in", "not_in", "regex"
    value: Any  # int (eq), frozenset[int] (in / not_in), re.Pattern (regex)

    def holds(self, row: Sequence[int], vocab: Vocab) -> bool:
        have = row[self.column]
        if self.op == "eq":
            return bool(have == self.value)
        if self.op == "in":
            return have in self.value
        if self.op == "not_in":
            return have not in self.value
        return self.value.search(vocab.strings[have]) is not None


@dataclass(frozen=True)
class Pattern:
    """One matcher pattern of the rule at ``position`` (the ``int`` of its match key)."""

    position: int
    key: int  # the match id the Matcher returns (hash of ``str(position)``)
    tokens: tuple[tuple[Check, ...], ...]


@dataclass(frozen=True)
class PatternIndex:
    attrs: tuple[str, ...]  # the columns of a token's row
    filed: dict[tuple[int, int], tuple[Pattern, ...]]  # (column, value) -> patterns
    everywhere: tuple[Pattern, ...]  # patterns with no value to file them under


def _check(vocab: Vocab, columns: dict[str, int], attr: str, spec: Any) -> Check | None:
    if attr.startswith("IS_") and attr in IDS and isinstance(spec, bool):
        return Check(columns.setdefault(attr, len(columns)), "eq", int(spec))
    if attr not in STRING_ATTRS:
        return None
    column = columns.setdefault(attr, len(columns))
    if isinstance(spec, str):
        return Check(column, "eq", get_string_id(spec))
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    ((op, arg),) = spec.items()
    if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
        return Check(column, op.lower(), frozenset(get_string_id(a) for a in arg))
    if op == "REGEX" and isinstance(arg, str):
        return Check(column, "regex", re.compile(arg))
    return None


def compile_patterns(
    vocab: Vocab, rules: Iterable[list[list[dict[str, Any]]]]
) -> PatternIndex | None:
    """The index of the ruler's patterns (``rules[i]`` holds the patterns of its rule ``i``), or
    ``None`` when one of them has a shape this index does not handle."""
    columns: dict[str, int] = {}
    filed: dict[tuple[int, int], list[Pattern]] = {}
    everywhere: list[Pattern] = []
    for position, patterns in enumerate(rules):
        key = get_string_id(str(position))
        for pattern in patterns:
            if not pattern:
                return None
            tokens = []
            for spec in pattern:
                checks = [_check(vocab, columns, attr, value) for attr, value in spec.items()]
                if not checks or any(c is None for c in checks):
                    return None
                tokens.append(tuple(c for c in checks if c is not None))
            compiled = Pattern(position, key, tuple(tokens))
            first = tokens[0]
            if eq := next((c for c in first if c.op == "eq"), None):
                filed.setdefault((eq.column, eq.value), []).append(compiled)
            elif one_of := next((c for c in first if c.op == "in"), None):
                for value in one_of.value:
                    filed.setdefault((one_of.column, value), []).append(compiled)
            else:
                everywhere.append(compiled)
    attrs = tuple(sorted(columns, key=columns.__getitem__))
    return PatternIndex(attrs, {k: tuple(v) for k, v in filed.items()}, tuple(everywhere))


def find_matches(index: PatternIndex, doc: Doc) -> list[tuple[int, int, int, int]]:
    """``(position, match id, start, end)`` of every match, sorted: what
    ``AttributeRuler.match`` returns for the same patterns."""
    if not len(doc):
        return []
    array = doc.to_array(list(index.attrs)).reshape(len(doc), -1)
    rows = cast(list[list[int]], array.tolist())
    vocab = doc.vocab
    n = len(rows)
    found = set()
    for start, row in enumerate(rows):
        candidates: list[Pattern] = list(index.everywhere)
        for column, value in enumerate(row):
            candidates.extend(index.filed.get((column, value), ()))
        for pattern in candidates:
            end = start + len(pattern.tokens)
            if end <= n and all(
                check.holds(rows[start + k], vocab)
                for k, checks in enumerate(pattern.tokens)
                for check in checks
            ):
                found.add((pattern.position, pattern.key, start, end))
    return sorted(found)
