"""Finding where relation rules match: token rules in one ``Matcher``, dependency rules in one
``DependencyMatcher`` per pair of argument label sets, run only on the sentences that hold both
labels and whose dependency tree can hold the rule (:mod:`pipeline.matchers.gates`)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

import numpy
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.matchers.gates import (
    GATE_ATTRS,
    Need,
    TreeIndex,
    TreeNode,
    can_match,
    gate_array,
    tree_nodes,
)
from pipeline.matchers.gates import token_needs as gate_token_needs
from pipeline.matchers.spandoc import SpanDocs
from pipeline.matchers.switch import speed_layer
from pipeline.relations.rules import RelationRule

Labels = tuple[frozenset[str], frozenset[str]]


@dataclass
class CompiledRules:
    """Token rules in one ``Matcher``; dependency rules in one ``DependencyMatcher`` per pair
    of argument label sets, run only where a sentence holds both (most text holds neither)."""

    rules: dict[str, RelationRule]
    tokens: Matcher
    deps: dict[Labels, DependencyMatcher]
    is_country: Callable[[str], bool] = lambda text: False
    # (head, tail): the head's first word is the demonym of the country the tail names
    same_country: Callable[[str, str], bool] = lambda head, tail: False
    # (place, region): a country, US state or county-like region that may hold the place, a
    # town (rules with region_tail)
    in_region: Callable[[str, str], bool] = lambda place, region: False
    # per label pair, what each of its rules needs of a sentence (pipeline.matchers.gates tree gate)
    trees: dict[Labels, list[tuple[TreeNode, ...]]] = field(default_factory=dict)
    token_needs: list[tuple[Need, ...]] | None = None  # the token rules' (None: always run)


def _compile(vocab: Vocab, rules: Iterable[RelationRule]) -> CompiledRules:
    rules = list(rules)
    tokens = Matcher(vocab, validate=True)
    deps: dict[Labels, DependencyMatcher] = {}
    trees: dict[Labels, list[tuple[TreeNode, ...]]] = {}
    token_needs: list[tuple[Need, ...]] = []
    for rule in rules:
        if rule.kind == "token":
            tokens.add(rule.id, [rule.pattern])
            token_needs.append(gate_token_needs(vocab, rule.pattern))
        else:
            key = (rule.head_labels, rule.tail_labels)
            deps.setdefault(key, DependencyMatcher(vocab, validate=True)).add(
                rule.id, [rule.pattern]
            )
            trees.setdefault(key, []).append(tree_nodes(vocab, rule.pattern))
    return CompiledRules(
        {r.id: r for r in rules}, tokens, deps, trees=trees, token_needs=token_needs
    )


def compile_rules(
    vocab: Vocab,
    rules: Iterable[RelationRule],
    *,
    is_country: Callable[[str], bool] | None = None,
    same_country: Callable[[str, str], bool] | None = None,
    in_region: Callable[[str, str], bool] | None = None,
) -> CompiledRules:
    compiled = _compile(vocab, rules)
    if is_country is not None:
        compiled.is_country = is_country
    if same_country is not None:
        compiled.same_country = same_country
    if in_region is not None:
        compiled.in_region = in_region
    return compiled


@dataclass(frozen=True)
class Match:
    """One rule match: the tokens standing for the head and the tail."""

    rule: str
    head_token: int
    tail_token: int
    tokens: tuple[int, ...] = ()  # every token the pattern matched


def find_matches(doc: Doc, compiled: CompiledRules, extra: Sequence[Span] = ()) -> list[Match]:
    """Every match of the rules. ``extra`` are spans the dependency rules also read as entity
    mentions, with their labels: the resolved pronouns and descriptions (the engine says what
    they stand for); token rules read the document's own entities only."""
    out = []
    rows = gate_array(doc)
    for match_id, start, _end, align in _token_matches(doc, compiled, rows):
        rule = compiled.rules[doc.vocab.strings[match_id]]
        first: dict[int, int] = {}
        for k, element in enumerate(align):
            first.setdefault(element, start + k)
        if rule.head in first and rule.tail in first:
            out.append(
                Match(rule.id, first[rule.head], first[rule.tail], tuple(range(start, _end)))
            )
    if not compiled.deps or len(doc.ents) + len(extra) < 2:
        return out
    sentences = _sentence_labels(doc, extra)
    starts = [s.start for s, _ in sentences]
    gate = _GroupGate(doc, _with_extra(doc, rows, extra), starts, compiled.trees)
    parts = _Parts(doc, sentences, _by_sentence(starts, extra))
    for labels, matcher in compiled.deps.items():
        keep = partial(gate.might_match, labels)
        for offset, part in parts.holding(labels, keep):
            for match_id, token_ids in matcher(part):
                rule = compiled.rules[doc.vocab.strings[match_id]]
                names = [node["RIGHT_ID"] for node in rule.pattern]
                by_name = dict(zip(names, token_ids, strict=True))
                out.append(
                    Match(
                        rule.id,
                        offset + by_name[str(rule.head)],
                        offset + by_name[str(rule.tail)],
                        tuple(offset + t for t in token_ids),
                    )
                )
    return out


def _token_matches(
    doc: Doc, compiled: CompiledRules, rows: numpy.ndarray
) -> list[tuple[int, int, int, list[int]]]:
    """The token rules' matches with their alignments, found sentence by sentence where a rule
    might match there (:func:`~pipeline.matchers.gates.can_match`): most sentences hold no
    pair of mentions a rule needs. With the speed layer off, or no sentences, the document
    at once (the same matches: no token rule crosses a sentence)."""
    needs = compiled.token_needs
    if needs is None or not speed_layer() or not doc.has_annotation("SENT_START"):
        return compiled.tokens(doc, with_alignments=True)  # type: ignore[return-value]
    if not can_match(needs, rows):
        return []
    out: list[tuple[int, int, int, list[int]]] = []
    for sent in doc.sents:
        if can_match(needs, rows[sent.start : sent.end]):
            found: list[tuple[int, int, int, list[int]]] = compiled.tokens(
                sent, with_alignments=True
            )  # type: ignore[assignment]
            out.extend((m, start + sent.start, end + sent.start, a) for m, start, end, a in found)
    return out


@dataclass
class _GroupGate:
    """The sentences where a rule of a group might match (:class:`~pipeline.matchers.gates.TreeIndex`),
    worked out only for the groups asked about (those with sentences holding their labels);
    the document's index is built at the first question."""

    doc: Doc
    rows: numpy.ndarray
    starts: list[int]
    trees: dict[Labels, list[tuple[TreeNode, ...]]]
    _index: TreeIndex | None = None
    _built: bool = False
    _possible: dict[Labels, set[int]] = field(default_factory=dict)

    def might_match(self, labels: Labels, first: int, end: int) -> bool:
        """Whether a rule of the group might match in sentences ``first..end`` (``True`` when
        the gate cannot tell: an arc leaves its sentence)."""
        if not self._built:
            self._index, self._built = TreeIndex.of(self.doc, self.rows, self.starts), True
        if self._index is None:
            return True
        possible = self._possible.get(labels)
        if possible is None:
            trees = self.trees[labels]
            possible = self._possible[labels] = set().union(
                *(self._index.sentences(t) for t in trees)
            )
        return not possible.isdisjoint(range(first, end))


def _sentence_labels(doc: Doc, extra: Sequence[Span] = ()) -> list[tuple[Span, frozenset[str]]]:
    """Each sentence with the labels of the entity mentions (and ``extra`` spans) that start
    in it."""
    if not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return [(doc[:], frozenset(e.label_ for e in [*doc.ents, *extra]))]
    sents = list(doc.sents)
    starts = [s.start for s in sents]
    labels: list[set[str]] = [set() for _ in sents]
    for ent in [*doc.ents, *extra]:
        labels[bisect_right(starts, ent.start) - 1].add(ent.label_)
    return [(s, frozenset(lab)) for s, lab in zip(sents, labels, strict=True)]


def _with_extra(doc: Doc, rows: numpy.ndarray, extra: Sequence[Span]) -> numpy.ndarray:
    """The gate's rows with the ``extra`` spans' labels as their tokens' entity type."""
    if not extra:
        return rows
    rows = rows.copy()
    column = GATE_ATTRS.index("ENT_TYPE")
    for span in extra:
        rows[span.start : span.end, column] = doc.vocab.strings.add(span.label_)
    return rows


def _by_sentence(starts: Sequence[int], extra: Sequence[Span]) -> dict[int, list[Span]]:
    """The ``extra`` spans of each sentence (by sentence number)."""
    out: dict[int, list[Span]] = {}
    for span in extra:
        out.setdefault(bisect_right(starts, span.start) - 1, []).append(span)
    return out


@dataclass
class _Parts:
    """The parts of a document the dependency matchers run on: sentence copies (each made
    once, whatever the number of rule groups; with their ``extra`` spans as entities), or the
    whole document when most of it holds a group's labels and no extra span is there."""

    doc: Doc
    sentences: Sequence[tuple[Span, frozenset[str]]]
    extra: dict[int, list[Span]]
    _copies: dict[int, Doc] = field(default_factory=dict)
    _span_docs: SpanDocs | None = None  # reads the document once for all its copies

    def holding(
        self, labels: Labels, keep: Callable[[int, int], bool] = lambda first, end: True
    ) -> Iterator[tuple[int, Doc]]:
        """The sentences holding a mention of each label set, as Docs with their token offset;
        only where ``keep`` accepts the sentence numbers (first, end) (a rule of the group
        might match there)."""
        head, tail = labels
        found = [(k, s) for k, (s, lab) in enumerate(self.sentences) if lab & head and lab & tail]
        if not found:
            return
        whole = sum(len(s) for _, s in found) > 0.6 * len(self.doc)
        if whole and not any(k in self.extra for k, _ in found):
            if keep(0, len(self.sentences)):
                yield 0, self.doc
            return
        for k, sent in found:
            if keep(k, k + 1):
                yield sent.start, self._copy(k, sent)

    def _copy(self, k: int, sent: Span) -> Doc:
        copy = self._copies.get(k)
        if copy is None:
            if self._span_docs is None:
                self._span_docs = SpanDocs(self.doc)
            copy = self._copies[k] = self._span_docs.of(sent)
            inside = [x for x in self.extra.get(k, []) if x.end <= sent.end]
            if inside:
                copy.ents = [
                    *copy.ents,
                    *(
                        Span(copy, x.start - sent.start, x.end - sent.start, x.label_)
                        for x in inside
                    ),
                ]
        return copy
