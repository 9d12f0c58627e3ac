"""Triggers: the words (or phrases, or dependency patterns) that start an event.

:class:`TriggerIndex` holds the rules' triggers compiled once (lemma and phrase lookups, one
DependencyMatcher per dependency rule); :func:`find_triggers` finds them in a parsed ``Doc``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from pipeline.events.rules import EventRule, EventRuleSet
from pipeline.matchers.gates import Need, TreeIndex, TreeNode, can_match, gate_array, tree_nodes
from pipeline.matchers.gates import needs as gate_needs


@dataclass(frozen=True)
class TriggerMatch:
    rule: EventRule
    start: int  # token offsets of the trigger words
    end: int
    head: int  # the word paths start from


class TriggerIndex:
    """The rules' triggers, compiled once: lemma and phrase lookups, dependency matchers."""

    def __init__(self, vocab: Vocab, ruleset: EventRuleSet) -> None:
        self.ruleset = ruleset
        self.by_lemma: dict[str, list[EventRule]] = {}
        self.phrases: dict[str, list[tuple[tuple[str, ...], EventRule]]] = {}
        # one matcher per dependency rule, run only when the document has what its nodes
        # need (pipeline.matchers.gates: a DependencyMatcher runs its token patterns over the whole doc)
        self.dependency: list[tuple[tuple[TreeNode, ...], tuple[Need, ...], DependencyMatcher]] = []
        for r in ruleset.rules:
            for lemma in r.trigger.lemmas:
                self.by_lemma.setdefault(lemma, []).append(r)
            for phrase in r.trigger.phrases:
                words = tuple(phrase.split())
                self.phrases.setdefault(words[0], []).append((words, r))
            if r.trigger.dependency:
                matcher = DependencyMatcher(vocab)
                matcher.add(r.id, [r.trigger.dependency])
                pattern = r.trigger.dependency
                self.dependency.append(
                    (tree_nodes(vocab, pattern), gate_needs(vocab, pattern), matcher)
                )
        # every word a trigger lemma or phrase can start with (find_triggers looks no further)
        self.first_words = frozenset(self.by_lemma) | frozenset(self.phrases)


def find_triggers(doc: Doc, index: TriggerIndex) -> list[TriggerMatch]:
    found: dict[tuple[str, int, int], TriggerMatch] = {}

    def add(rule: EventRule, start: int, end: int, head: int) -> None:
        found.setdefault((rule.id, start, end), TriggerMatch(rule, start, end, head))

    for i in trigger_candidates(doc, index.first_words):
        tok = doc[i]
        lower = tok.text.lower()
        for key in {tok.lemma_.lower(), lower}:
            for rule in index.by_lemma.get(key, ()):
                if not rule.trigger.pos or tok.pos_ in rule.trigger.pos:
                    add(rule, tok.i, tok.i + 1, tok.i)
        for words, rule in index.phrases.get(lower, ()):
            end = tok.i + len(words)
            if doc[tok.i : end].text.lower().split() == list(words):
                add(rule, tok.i, end, doc[tok.i : end].root.i)
    if index.dependency:
        rows = gate_array(doc)
        tree: TreeIndex | None = None  # built only for a rule the node gate lets through
        for nodes, needs, matcher in index.dependency:
            if not can_match([needs], rows):
                continue
            # then the tree gate, where it can tell (no arc leaves its sentence)
            tree = tree or TreeIndex.of(doc, rows, [s.start for s in doc.sents])
            if tree is not None and not tree.sentences(nodes):
                continue
            for match_id, token_ids in matcher(doc):
                rule = index.ruleset.rule(doc.vocab.strings[match_id])
                t = token_ids[0]
                add(rule, t, t + 1, t)
    return sorted(found.values(), key=lambda m: (m.start, m.rule.id))


def trigger_candidates(doc: Doc, words: frozenset[str]) -> list[int]:
    """The tokens whose lowercased text or lemma is one of ``words``, in order.

    The same test as ``tok.text.lower()`` / ``tok.lemma_.lower()`` on every token, made once
    per distinct ORTH and LEMMA value of the document instead of once per token (building a
    ``Token`` for each is what costs); a token it leaves out cannot start a trigger."""
    rows = doc.to_array([ORTH, LEMMA]).reshape(len(doc), 2)
    strings = doc.vocab.strings
    hit = numpy.zeros(len(doc), dtype=bool)
    for column in (0, 1):
        values = rows[:, column]
        found = [h for h in set(values.tolist()) if strings[h].lower() in words]
        if found:
            hit |= numpy.isin(values, found)
    return numpy.flatnonzero(hit).tolist()
