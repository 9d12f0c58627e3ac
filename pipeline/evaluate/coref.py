"""Coreference scores of predicted records against gold records with clusters and references.

**Mentions scored.** The gold's mentions: every entity mention in a cluster and every
reference (for MEANTIME every ENTITY_MENTION: names, descriptions, pronouns, appositions,
conjunctions, and the untyped ones, as the data has them), inside the annotated region
(``meta["annotated_end"]``, when the gold sets it). The key is the gold partition of them.

**Alignment (head match).** Both sides are reduced to head words: a mention's head is its last
word before the first preposition, comma, bracket, dash or relative pronoun, possessive endings
and punctuation left out (``the parent company of Acme`` -> ``company``; ``Acme Corp ( AC`` ->
``Corp``). A gold mention takes the predicted cluster of the predicted mention with the same
head word (the one with the same span when several share it, else the one overlapping it most);
a reference to several clusters (``the two firms``) is a cluster of its own. A gold mention
with no predicted mention of its head is a singleton of the response; predicted mentions that
meet no gold mention are not scored. The scores therefore say how well newsrel partitions the
mentions the annotators marked (the "gold mentions" setting), not how well it finds them.

**Pronoun resolution accuracy.** Over the gold third-person pronouns (the words of
``models/coref.json`` with person 3) whose gold chain has a mention before them: a pronoun is
right when newsrel links it (a reference) to an entity with a mention before the pronoun that
the gold puts in the pronoun's chain. The subset whose chain holds a name (a gold entity
mention) is reported on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.coref_metrics import CorefPRF, b_cubed, ceaf_e, conll_f1, muc
from pipeline.schema import Record

Mapper = Callable[[int, int], tuple[int, int]]
_WORD = re.compile(r"\S+")
CUT_WORDS = frozenset(
    {"of", "in", "at", "for", "from", "on", "with", "by", "to", "(", ",", ";", ":", "-", "–", "—"}
    | {"who", "which", "that", "whose", "whom", "where", "and", "or"}
)
_STRIP = ",;:()[]\"'“”‘’"
_SKIP = frozenset({"'s", "’s", "'", "’", ".", '"'})


def head_word(text: str, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the head word of ``text[start:end]`` (see the module docstring)."""
    words = [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]
    if not words:
        return (start, end)
    kept = [words[0]]
    for w in words[1:]:
        if text[w[0] : w[1]].lower() in CUT_WORDS:
            break
        kept.append(w)
    for s, e in reversed(kept):
        if text[s:e].lower() in _SKIP:
            continue
        while s < e and text[s] in _STRIP:
            s += 1
        while e > s and text[e - 1] in _STRIP:
            e -= 1
        if s < e and text[s:e].lower() not in _SKIP:
            return (s, e)
    return kept[0]


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    head: tuple[int, int]
    cluster: Hashable
    name: bool = False
    text: str = ""


def _gold_mentions(rec: Record, limit: int | None) -> list[_Mention]:
    out = []
    for e in rec.entities:
        if e.entity is not None and (limit is None or e.start < limit):
            head = head_word(rec.text, e.start, e.end)
            out.append(_Mention(e.start, e.end, head, e.entity, True, e.text))
    for r in rec.references:
        if limit is None or r.start < limit:
            head = head_word(rec.text, r.start, r.end)
            out.append(_Mention(r.start, r.end, head, r.refers_to[0], False, r.text))
    return sorted(out, key=lambda m: (m.start, m.end))


def _pred_mentions(rec: Record, text: str, mapper: Mapper, limit: int | None) -> list[_Mention]:
    out = []
    spans: list[tuple[int, int, Hashable, bool]] = [
        (e.start, e.end, e.entity, True) for e in rec.entities if e.entity is not None
    ]
    for r in rec.references:
        key: Hashable = r.refers_to[0] if len(r.refers_to) == 1 else ("group", r.id)
        spans.append((r.start, r.end, key, False))
    for s0, e0, key, name in spans:
        s, e = mapper(s0, e0)
        if limit is None or s < limit:
            out.append(_Mention(s, e, head_word(text, s, e), key, name))
    return sorted(out, key=lambda m: (m.start, m.end))


def _align(gold: _Mention, by_head: dict[tuple[int, int], list[_Mention]]) -> _Mention | None:
    found = by_head.get(gold.head)
    if not found:
        return None

    def score(p: _Mention) -> tuple[bool, int, int]:
        overlap = min(p.end, gold.end) - max(p.start, gold.start)
        return ((p.start, p.end) == (gold.start, gold.end), overlap, -(p.end - p.start))

    return max(found, key=score)


@dataclass
class PronounScore:
    total: int = 0  # gold third-person pronouns with an antecedent in their chain
    resolved: int = 0  # of those, linked by newsrel to some entity
    correct: int = 0
    named_total: int = 0  # the subset whose chain holds a name
    named_resolved: int = 0
    named_correct: int = 0
    without_antecedent: int = 0  # gold pronouns with none before them (not counted above)
    linked_without_antecedent: int = 0  # ... that newsrel linked all the same

    def add(self, other: PronounScore) -> None:
        for k, v in other.__dict__.items():
            setattr(self, k, getattr(self, k) + v)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def named_accuracy(self) -> float:
        return self.named_correct / self.named_total if self.named_total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "accuracy": self.accuracy, "named_accuracy": self.named_accuracy}


@dataclass
class CorefScores:
    muc: CorefPRF = field(default_factory=CorefPRF)
    b_cubed: CorefPRF = field(default_factory=CorefPRF)
    ceaf_e: CorefPRF = field(default_factory=CorefPRF)
    pronouns: PronounScore = field(default_factory=PronounScore)
    documents: int = 0
    mentions: int = 0  # gold mentions scored
    aligned: int = 0  # of those, met by a predicted mention of the same head

    @property
    def conll(self) -> float:
        return conll_f1([self.muc, self.b_cubed, self.ceaf_e])

    def add_document(
        self, gold: Record, pred: Record | None, mapper: Mapper, pronoun_words: frozenset[str]
    ) -> None:
        limit = annotated_end(gold)
        gold_ms = _gold_mentions(gold, limit)
        pred_ms = _pred_mentions(pred, gold.text, mapper, limit) if pred is not None else []
        by_head: dict[tuple[int, int], list[_Mention]] = {}
        for q in pred_ms:
            by_head.setdefault(q.head, []).append(q)
        key: dict[Hashable, set[int]] = {}
        response: dict[Hashable, set[int]] = {}
        aligned = [_align(g, by_head) for g in gold_ms]
        for i, (g, p) in enumerate(zip(gold_ms, aligned, strict=True)):
            key.setdefault(g.cluster, set()).add(i)
            response.setdefault(("pred", p.cluster) if p else ("alone", i), set()).add(i)
        k = [frozenset(c) for c in key.values()]
        r = [frozenset(c) for c in response.values()]
        self.muc += muc(k, r)
        self.b_cubed += b_cubed(k, r)
        self.ceaf_e += ceaf_e(k, r)
        self.documents += 1
        self.mentions += len(gold_ms)
        self.aligned += sum(p is not None for p in aligned)
        self.pronouns.add(_pronoun_score(gold, gold_ms, aligned, pred_ms, by_head, pronoun_words))

    def to_dict(self) -> dict[str, Any]:
        return {
            "muc": self.muc.to_dict(),
            "b_cubed": self.b_cubed.to_dict(),
            "ceaf_e": self.ceaf_e.to_dict(),
            "conll": self.conll,
            "pronouns": self.pronouns.to_dict(),
            "documents": self.documents,
            "mentions": self.mentions,
            "aligned": self.aligned,
        }


def _pronoun_score(
    gold: Record,
    gold_ms: list[_Mention],
    aligned: list[_Mention | None],
    pred_ms: list[_Mention],
    by_head: dict[tuple[int, int], list[_Mention]],
    words: frozenset[str],
) -> PronounScore:
    out = PronounScore()
    gold_at: dict[tuple[int, int], set[Hashable]] = {}
    for m in gold_ms:
        gold_at.setdefault(m.head, set()).add(m.cluster)
    for g, p in zip(gold_ms, aligned, strict=True):
        if g.name or g.text.lower() not in words:
            continue
        chain = [m for m in gold_ms if m.cluster == g.cluster and m.start < g.start]
        linked = p is not None and not p.name
        if not chain:
            out.without_antecedent += 1
            out.linked_without_antecedent += linked
            continue
        named = any(m.name for m in chain)
        right = False
        if p is not None and linked:
            before = [q for q in pred_ms if q.cluster == p.cluster and q.start < g.start]
            right = any(g.cluster in gold_at.get(q.head, ()) for q in before)
        out.total += 1
        out.resolved += linked
        out.correct += right
        if named:
            out.named_total += 1
            out.named_resolved += linked
            out.named_correct += right
    return out


def has_coreference(gold: list[Record]) -> bool:
    """Does the gold say which mentions corefer (a reference, or a cluster of two mentions)?"""
    return any(
        r.references or any(len(c.mentions) + len(c.references) > 1 for c in r.clusters)
        for r in gold
    )


def annotated_end(rec: Record) -> int | None:
    """Where the gold's annotated region ends (MEANTIME annotates the first sentences only)."""
    value = (rec.meta.model_extra or {}).get("annotated_end")
    return value if isinstance(value, int) else None


def third_person_pronouns() -> frozenset[str]:
    """The third-person pronoun words of ``models/coref.json``."""
    from pipeline.resolve.coref_rules import load_coref_rules
    from pipeline.rulefiles import models_dir

    rules = load_coref_rules(models_dir() / "coref.json")
    return frozenset(w for w, p in rules.pronoun_table.items() if p.person == 3)
