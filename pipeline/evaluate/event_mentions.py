"""Scoring event mentions against sentence-level gold (``--format events``, the bbc_events rules).

- A predicted event matches a gold mention of its type when one of its trigger mentions lies in
  the gold mention's sentence; a gold mention is found when some prediction matches it.
- Gold mentions marked ``anaphoric`` are optional: a prediction matching only such mentions is
  neither right nor wrong, and they are never missed.
- Predictions in the title (the first line) and FIGUREs after the third body paragraph (paragraphs
  split at blank lines after the title) are dropped before scoring.
- Arguments: a predicted (role, text) is right when the role is equal and its text contains or is
  contained in the gold text or its ``resolved`` name (case and outer punctuation aside). Precision
  is over the arguments of matched and spurious predictions, recall over the arguments of found
  and missed gold mentions; each argument is counted once (a one-to-one pairing per event pair).
- Status accuracy: over matched pairs of prediction and gold mention.

Precision counts predictions (matched / matched + spurious), recall gold mentions (found / found
+ missed), as in ACE-style mention scoring.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.items import offset_mapper
from pipeline.evaluate.prf import f_score, ratio
from pipeline.evaluate.readers.events import GoldArticle, GoldEvent
from pipeline.schema import Event, Record

FIGURE_PARAGRAPHS = 3
_BLANK = re.compile(r"\n[^\S\n]*\n\s*")
_STRIP = " \t\n\"'“”‘’.,;:()[]"


@dataclass
class Counts:
    """Events of one type: predictions matched / spurious, gold found / missed."""

    matched: int = 0
    spurious: int = 0
    found: int = 0
    missed: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.matched, self.matched + self.spurious)

    @property
    def recall(self) -> float:
        return ratio(self.found, self.found + self.missed)

    @property
    def f1(self) -> float:
        return f_score(self.precision, self.recall)

    def add(self, other: Counts) -> None:
        self.matched += other.matched
        self.spurious += other.spurious
        self.found += other.found
        self.missed += other.missed

    def to_dict(self) -> dict[str, float]:
        return {
            "matched": self.matched,
            "spurious": self.spurious,
            "found": self.found,
            "missed": self.missed,
            "p": self.precision,
            "r": self.recall,
            "f": self.f1,
        }


@dataclass
class ArgumentCounts:
    right_pred: int = 0  # predicted arguments that are right
    pred: int = 0
    right_gold: int = 0  # gold arguments a prediction found
    gold: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.right_pred, self.pred)

    @property
    def recall(self) -> float:
        return ratio(self.right_gold, self.gold)

    @property
    def f1(self) -> float:
        return f_score(self.precision, self.recall)

    def to_dict(self) -> dict[str, float]:
        return {
            "right_pred": self.right_pred,
            "pred": self.pred,
            "right_gold": self.right_gold,
            "gold": self.gold,
            "p": self.precision,
            "r": self.recall,
            "f": self.f1,
        }


@dataclass(frozen=True)
class MentionError:
    kind: str  # "missed" or "spurious"
    type: str
    doc: str
    trigger: str
    sentence: str
    rule: str | None = None


@dataclass
class EventMentionScores:
    by_type: dict[str, Counts] = field(default_factory=dict)
    arguments: ArgumentCounts = field(default_factory=ArgumentCounts)
    status_right: int = 0
    status_pairs: int = 0
    errors: list[MentionError] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.by_type.values():
            total.add(c)
        return total

    @property
    def status_accuracy(self) -> float:
        return self.status_right / self.status_pairs if self.status_pairs else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "by_type": {t: c.to_dict() for t, c in sorted(self.by_type.items())},
            "micro": self.micro.to_dict(),
            "arguments": self.arguments.to_dict(),
            "status": {
                "right": self.status_right,
                "pairs": self.status_pairs,
                "accuracy": self.status_accuracy,
            },
            "errors": [e.__dict__ for e in self.errors],
        }


def body_limits(text: str) -> tuple[int, int]:
    """Where the title ends (the first line break) and where the fourth body paragraph starts
    (``len(text)`` when there are fewer): FIGUREs from there on are not annotated."""
    title_end = text.find("\n")
    if title_end < 0:
        return len(text), len(text)
    first = title_end + 1
    while first < len(text) and text[first].isspace():
        first += 1
    starts = sorted(
        {first, *(m.end() for m in _BLANK.finditer(text, title_end) if m.end() > first)}
    )
    starts = [x for x in starts if x < len(text)]
    figure_end = starts[FIGURE_PARAGRAPHS] if len(starts) > FIGURE_PARAGRAPHS else len(text)
    return title_end, figure_end


def _norm(s: str) -> str:
    return " ".join(s.lower().strip(_STRIP).split())


def argument_right(role: str, text: str, gold: GoldEvent) -> list[int]:
    """The gold arguments of ``gold`` a predicted (role, text) matches (indices)."""
    t = _norm(text)
    out: list[int] = []
    if not t:
        return out
    for k, a in enumerate(gold.arguments):
        if a.role != role:
            continue
        for g in (a.text, a.resolved):
            g = _norm(g or "")
            if g and (t in g or g in t):
                out.append(k)
                break
    return out


Arg = tuple[str, tuple[str, ...]]  # role, the texts it may be read as


def predicted_arguments(record: Record, event: Event) -> list[Arg]:
    """Each argument's role and texts: an entity's text or the free span's, and for an argument
    that resolves to a cluster (a pronoun or description), also the cluster's name."""
    by_id = {e.id: e for e in record.entities}
    names = {c.id: c.name for c in record.clusters}
    out: list[Arg] = []
    for a in event.arguments:
        text = by_id[a.ref].text if a.ref is not None and a.ref in by_id else a.text or ""
        resolved = tuple(names[c] for c in a.refers_to if c in names)  # newsrel/1.1
        out.append((a.role, (text, *resolved)))
    return out


def _pair(pred: Sequence[Arg], gold: GoldEvent) -> int:
    """How many predicted arguments pair up with gold arguments, one to one, in order."""
    used: set[int] = set()
    right = 0
    for role, texts in pred:
        for text in texts:
            hit = next((k for k in argument_right(role, text, gold) if k not in used), None)
            if hit is not None:
                used.add(hit)
                right += 1
                break
    return right


def score_article(
    article: GoldArticle, record: Record | None, scores: EventMentionScores, errors: int
) -> None:
    text = article.text
    title_end, figure_end = body_limits(text)
    gold = article.events
    found: list[list[tuple[Event, list[Arg]]]] = [[] for _ in gold]
    events = record.events if record is not None else []
    mapper = offset_mapper(record, text) if record is not None else None
    for event in events:
        assert record is not None and mapper is not None
        starts = [mapper(t.start, t.end)[0] for t in [event.trigger, *event.triggers]]
        if all(s < title_end for s in starts):
            continue
        if event.type == "FIGURE" and all(s >= figure_end for s in starts):
            continue
        hits = [
            i
            for i, g in enumerate(gold)
            if g.type == event.type and any(g.sentence_start <= s < g.sentence_end for s in starts)
        ]
        counts = scores.by_type.setdefault(event.type, Counts())
        args = predicted_arguments(record, event)
        if hits and all(gold[i].anaphoric for i in hits):
            continue  # optional mentions only: neither right nor wrong
        scores.arguments.pred += len(args)
        if not hits:
            counts.spurious += 1
            _error(scores, errors, "spurious", event.type, article, text, starts[0], event.rule)
            continue
        counts.matched += 1
        best = max(hits, key=lambda i: _pair(args, gold[i]))
        scores.arguments.right_pred += _pair(args, gold[best])
        for i in hits:
            found[i].append((event, args))
    for i, g in enumerate(gold):
        if g.anaphoric:
            continue
        counts = scores.by_type.setdefault(g.type, Counts())
        scores.arguments.gold += len(g.arguments)
        if not found[i]:
            counts.missed += 1
            _error(scores, errors, "missed", g.type, article, text, g.trigger_start, None)
            continue
        counts.found += 1
        event, args = max(found[i], key=lambda ea: _pair(ea[1], g))
        scores.arguments.right_gold += _pair(args, g)
        scores.status_pairs += 1
        scores.status_right += event.status == g.status


def _error(
    scores: EventMentionScores,
    n: int,
    kind: str,
    etype: str,
    article: GoldArticle,
    text: str,
    at: int,
    rule: str | None,
) -> None:
    if n <= 0 or sum(e.kind == kind and e.type == etype for e in scores.errors) >= n:
        return
    s = max(text.rfind("\n", 0, at) + 1, at - 200)
    e = text.find("\n", at)
    e = len(text) if e < 0 else min(e, at + 200)
    word = re.match(r"\S+", text[at:])
    scores.errors.append(
        MentionError(kind, etype, article.doc, word.group() if word else "", text[s:e], rule)
    )


def score_event_mentions(
    articles: Iterable[GoldArticle], predictions: Mapping[str, Record], *, errors: int = 0
) -> EventMentionScores:
    """Scores of ``predictions`` (records by gold ``doc`` id) against the gold articles."""
    scores = EventMentionScores()
    for article in articles:
        score_article(article, predictions.get(article.doc), scores, errors)
    return scores
