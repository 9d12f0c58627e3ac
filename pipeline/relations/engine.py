"""Relations between entity mentions from rules kept as data (``models/relation_rules.jsonl``).

A rule is a spaCy token pattern (``Matcher``) or dependency pattern (``DependencyMatcher``)
with an id, a description, the relation it makes (a type of ``models/relation_types.json``)
and which pattern element is the head and which the tail: the entity mention holding that
element's token is the argument. One pydantic model validates every rule on load (unknown keys,
bad patterns, head/tail naming no element), and its relation must be a listed type; an error
names the file, the rule id and the field.

Then :func:`roles` sums up, per PERSON cluster, the positions held: HOLDS_POSITION to a TITLE,
and that TITLE's POSITION_AT to an organisation or place.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

import numpy
from pydantic import Field, model_validator
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from pipeline.facts import ClusterFact, Offsets, RelationFact, RoleFact, SentenceIndex
from pipeline.matchers.doctext import doc_text
from pipeline.matchers.gates import Need, TreeIndex, TreeNode, can_match, gate_array, tree_nodes
from pipeline.matchers.gates import token_needs as gate_token_needs
from pipeline.matchers.spandoc import SpanDocs
from pipeline.relations.types import TYPES_FILE, RelationTypes, relation_types
from pipeline.rulefiles import RuleError, _Rule, load_jsonl

PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})


class RelationRule(_Rule):
    """One relation rule; the class is the only list of allowed keys."""

    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    relation: str = Field(min_length=1, description="A type of relation_types.json.")
    kind: Literal["token", "dependency"]
    pattern: list[dict[str, Any]] = Field(min_length=1)
    head: int | str = Field(description="token rules: element index; dependency rules: RIGHT_ID")
    tail: int | str
    head_labels: frozenset[str] = Field(min_length=1)
    tail_labels: frozenset[str] = Field(min_length=1)
    pronoun: Literal["head", "tail"] | None = Field(
        default=None,
        description="This argument is a personal pronoun: read it as the nearest PERSON before it.",
    )
    not_country_head: bool = Field(
        default=False,
        description="Drop a match whose head is a country name (LOCATED_IN: a country is in no city).",
    )

    @model_validator(mode="after")
    def _arguments_name_elements(self) -> RelationRule:
        for side in ("head", "tail"):
            ref = getattr(self, side)
            if self.kind == "token":
                if not isinstance(ref, int) or not 0 <= ref < len(self.pattern):
                    raise ValueError(
                        f"{side}: token rules name a pattern element by index 0..{len(self.pattern) - 1}"
                    )
            else:
                ids = {node.get("RIGHT_ID") for node in self.pattern}
                if ref not in ids:
                    raise ValueError(f"{side}: {ref!r} is no RIGHT_ID of the pattern")
        return self


def load_relation_rules(path: Path, types: RelationTypes | None = None) -> list[RelationRule]:
    """Validated rules, each making one of ``types`` (default: those of the rule folder,
    :func:`~pipeline.relations.types.relation_types`); spaCy checks each pattern. An error names
    the file, the rule id and the field."""
    rules = list(load_jsonl(path, RelationRule))
    known = (types or relation_types()).types
    seen: set[str] = set()
    vocab = Vocab()
    for rule in rules:
        if rule.relation not in known:
            raise RuleError(
                f"{path} (rule {rule.id!r}): field 'relation': {rule.relation!r} is not a type "
                f"of {TYPES_FILE} ({', '.join(known)})"
            )
        if rule.id in seen:
            raise RuleError(f"{path} (rule {rule.id!r}): field 'id': duplicate rule id")
        seen.add(rule.id)
        try:
            _compile(vocab, [rule])
        except (ValueError, KeyError) as e:
            raise RuleError(f"{path} (rule {rule.id!r}): field 'pattern': {e}") from e
    return rules


Labels = tuple[frozenset[str], frozenset[str]]


@dataclass
class CompiledRules:
    """Token rules in one ``Matcher``; dependency rules in one ``DependencyMatcher`` per pair
    of argument label sets, run only where a sentence holds both (most text holds neither)."""

    rules: dict[str, RelationRule]
    tokens: Matcher
    deps: dict[Labels, DependencyMatcher]
    is_country: Callable[[str], bool] = lambda text: False
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
    vocab: Vocab, rules: Iterable[RelationRule], *, is_country: Callable[[str], bool] | None = None
) -> CompiledRules:
    compiled = _compile(vocab, rules)
    if is_country is not None:
        compiled.is_country = is_country
    return compiled


@dataclass(frozen=True)
class Match:
    """One rule match: the tokens standing for the head and the tail."""

    rule: str
    head_token: int
    tail_token: int
    tokens: tuple[int, ...] = ()  # every token the pattern matched


def find_matches(doc: Doc, compiled: CompiledRules) -> list[Match]:
    out = []
    rows = gate_array(doc)
    matches: list[tuple[int, int, int, list[int]]] = (
        compiled.tokens(doc, with_alignments=True)  # type: ignore[assignment]
        if compiled.token_needs is None or can_match(compiled.token_needs, rows)
        else []
    )
    for match_id, start, _end, align in matches:
        rule = compiled.rules[doc.vocab.strings[match_id]]
        first: dict[int, int] = {}
        for k, element in enumerate(align):
            first.setdefault(element, start + k)
        if rule.head in first and rule.tail in first:
            out.append(
                Match(rule.id, first[rule.head], first[rule.tail], tuple(range(start, _end)))
            )
    if not compiled.deps or len(doc.ents) < 2:
        return out
    sentences = _sentence_labels(doc)
    gate = _GroupGate(doc, rows, [s.start for s, _ in sentences], compiled.trees)
    copies = SpanDocs(doc)  # a sentence copied once, whatever the number of rule groups
    for labels, matcher in compiled.deps.items():
        keep = partial(gate.might_match, labels)
        for offset, part in _parts_with(doc, sentences, labels, copies, keep):
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


def _sentence_labels(doc: Doc) -> list[tuple[Span, frozenset[str]]]:
    """Each sentence with the labels of the entity mentions that start in it."""
    if not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return [(doc[:], frozenset(e.label_ for e in doc.ents))]
    sents = list(doc.sents)
    starts = [s.start for s in sents]
    labels: list[set[str]] = [set() for _ in sents]
    for ent in doc.ents:
        labels[bisect_right(starts, ent.start) - 1].add(ent.label_)
    return [(s, frozenset(lab)) for s, lab in zip(sents, labels, strict=True)]


def _parts_with(
    doc: Doc,
    sentences: Sequence[tuple[Span, frozenset[str]]],
    labels: Labels,
    copies: SpanDocs,
    keep: Callable[[int, int], bool] = lambda first, end: True,
) -> Iterator[tuple[int, Doc]]:
    """The sentences holding a mention of each label set, as Docs with their token offset
    (the whole doc when those sentences are most of it); only where ``keep`` accepts the
    sentence numbers (first, end) (a rule of the group might match there)."""
    head, tail = labels
    found = [(k, s) for k, (s, lab) in enumerate(sentences) if lab & head and lab & tail]
    if not found:
        return
    if sum(len(s) for _, s in found) > 0.6 * len(doc):
        if keep(0, len(sentences)):
            yield 0, doc
        return
    for k, sent in found:
        if not keep(k, k + 1):
            continue
        yield sent.start, copies.of(sent)


def _entity_at(doc: Doc) -> list[Span | None]:
    at: list[Span | None] = [None] * len(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            at[i] = ent
    return at


def _antecedent(doc: Doc, token: int, at: Sequence[Span | None]) -> Span | None:
    """The nearest PERSON mention before a pronoun, in its sentence or the one before."""
    sent = doc[token].sent
    start = sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for i in range(token - 1, start - 1, -1):
        ent = at[i]
        if ent is not None and ent.label_ == "PERSON":
            return ent
    return None


def relations(doc: Doc, compiled: CompiledRules) -> list[RelationFact]:
    """Every relation the rules find, one per (type, head, tail), in text order."""
    matches = find_matches(doc, compiled)
    if not matches:  # nothing to look up (most documents)
        return []
    at = _entity_at(doc)
    sent_of = SentenceIndex.of(doc)
    found: dict[tuple[str, Offsets, Offsets], RelationFact] = {}
    for m in matches:
        rule = compiled.rules[m.rule]
        ends = []
        for side, tok in (("head", m.head_token), ("tail", m.tail_token)):
            if rule.pronoun == side:
                ent = _antecedent(doc, tok, at) if doc[tok].lower_ in PRONOUNS else None
            else:
                ent = at[tok]
            ends.append(ent)
        head, tail = ends
        if head is None or tail is None or head == tail:
            continue
        if head.label_ not in rule.head_labels or tail.label_ not in rule.tail_labels:
            continue
        if rule.not_country_head and compiled.is_country(head.text):
            continue
        rtype: str = rule.relation
        if rtype == "AFFILIATED_WITH" and (title := _title_between(m, at, head, tail)) is not None:
            rtype, head = "POSITION_AT", title
        key = (rtype, (head.start_char, head.end_char), (tail.start_char, tail.end_char))
        if key not in found:
            found[key] = RelationFact(rtype, key[1], key[2], rule.id, sent_of.get(head.start))
    return sorted(found.values(), key=lambda r: (r.head, r.tail, r.type))


def _title_between(m: Match, at: Sequence[Span | None], head: Span, tail: Span) -> Span | None:
    """The TITLE mention a person-organisation match passes through, if any.

    docs/ANNOTATION.md §4: AFFILIATED_WITH only when no TITLE links the two; when one does
    ("Carole Njeri, chief executive of KEPSA"), the link is POSITION_AT from that title (the
    person's HOLDS_POSITION comes from the title rules).
    """
    for tok in m.tokens:
        ent = at[tok]
        if ent is not None and ent.label_ == "TITLE" and ent != head and ent != tail:
            return ent
    return None


def roles(
    clusters: Sequence[ClusterFact], facts: Sequence[RelationFact], doc: Doc
) -> list[RoleFact]:
    """Each PERSON cluster's positions: (title, the org/place mention or None), no repeats,
    in the order the relations give them; the resolver's clusters are read, not changed.

    A title's POSITION_AT may point at a mention in any cluster; the record builder turns it
    into that cluster's id, so two mentions of one country give one role.
    """
    position_at: dict[Offsets, Offsets] = {}
    for r in facts:
        if r.type == "POSITION_AT":
            position_at.setdefault(r.head, r.tail)
    cluster_of = {m: n for n, c in enumerate(clusters) for m in c.mentions}
    held: dict[int, list[tuple[str, Offsets | None]]] = {}
    out: list[RoleFact] = []
    for r in facts:
        if r.type != "HOLDS_POSITION" or r.head not in cluster_of:
            continue
        title = doc_text(doc)[r.tail[0] : r.tail[1]]
        of = position_at.get(r.tail)
        n = cluster_of[r.head]
        seen = held.setdefault(n, [])
        key = (title.lower(), cluster_of.get(of) if of else None)
        if any((t.lower(), cluster_of.get(o) if o else None) == key for t, o in seen):
            continue
        if of is None and any(t.lower() == title.lower() for t, _ in seen):
            continue
        seen.append((title, of))
        out.append(RoleFact(r.head, title, of))
    return out
