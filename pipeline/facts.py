"""Typed values the components attach to a ``Doc`` and the record builder reads.

Components refer to entity mentions by their character offsets ``(start, end)`` in the
document text (the same offsets as ``doc.ents``); ``record.py`` turns them into the
record's ``T``/``E`` ids. The slots holding these are registered in ``pipeline/nlp/extensions.py``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

Offsets = tuple[int, int]


@dataclass(frozen=True)
class ClusterFact:
    """One real-world entity: its mentions (offsets of ``doc.ents`` spans)."""

    label: str
    name: str
    mentions: tuple[Offsets, ...]
    aliases: tuple[str, ...] = ()
    norm: dict[str, Any] | None = None


@dataclass(frozen=True)
class ReferenceFact:
    """A pronoun or description (``span``) resolved by coreference sieve ``rule``.

    ``antecedent`` is the mention the sieve linked it to (an entity mention or an earlier
    reference); ``entities`` holds one entity mention (``doc.ents`` offsets) of each entity it
    refers to: one for "he", several for "the two firms". Offsets, never cluster indices, so
    the fact survives chunking (``pipeline.nlp.chunking.shift_fact``).
    """

    span: Offsets
    kind: str  # pronoun, description, group, honorific
    antecedent: Offsets
    entities: tuple[Offsets, ...]
    rule: str
    sentence: int | None = None


@dataclass(frozen=True)
class UnnamedFact:
    """An entity no entity mention names, known by two mentions or more that are noun phrases
    and pronouns ("a new plane ... the plane ... it"). ``references`` in text order, each with
    ``entities`` = the first one's span; the first is its own antecedent (its ``rule`` is the
    sieve that linked the next mention to it)."""

    label: str  # the type its first mention's head noun says (PRODUCT, ORG ...), else OTHER
    name: str  # the text of its first mention
    references: tuple[ReferenceFact, ...]


@dataclass(frozen=True)
class RoleFact:
    """A position a person holds: ``title`` held by the cluster of the mention ``person``, at the
    organisation or place mention ``of`` (None: not said)."""

    person: Offsets
    title: str
    of: Offsets | None = None


@dataclass(frozen=True)
class RelationFact:
    type: str
    head: Offsets
    tail: Offsets
    rule: str
    sentence: int | None = None


@dataclass(frozen=True)
class ArgumentFact:
    role: str
    span: Offsets
    is_entity: bool  # True: ``span`` is a ``doc.ents`` mention; False: a free text span


@dataclass(frozen=True)
class EventFact:
    type: str
    trigger: Offsets
    rule: str
    arguments: tuple[ArgumentFact, ...] = ()
    triggers: tuple[Offsets, ...] = ()
    rules: tuple[str, ...] = ()
    date: str | None = None
    status: str | None = None
    cameo: str | None = None
    sentence: int | None = None
    sentences: tuple[int, ...] = field(default_factory=tuple)


class SentenceIndex:
    """Sentence number of a token index, by bisection over sentence starts: one pass over
    ``doc.sents`` per document, no per-token work (components and the record builder share it)."""

    def __init__(self, starts: list[int]) -> None:
        self.starts = starts

    @classmethod
    def of(cls, doc: Doc) -> SentenceIndex:
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return cls([])
        return cls([sent.start for sent in doc.sents])

    def get(self, token: int) -> int | None:
        return bisect_right(self.starts, token) - 1 if self.starts else None
