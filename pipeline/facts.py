"""Typed values the components attach to a ``Doc`` and the record builder reads.

Components refer to entity mentions by their character offsets ``(start, end)`` in the
document text (the same offsets as ``doc.ents``); ``record.py`` turns them into the
record's ``T``/``E`` ids. Extensions holding these are registered in ``components.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Offsets = tuple[int, int]


@dataclass(frozen=True)
class ClusterFact:
    """One real-world entity: its mentions (offsets of ``doc.ents`` spans)."""

    label: str
    name: str
    mentions: tuple[Offsets, ...]
    aliases: tuple[str, ...] = ()
    norm: dict[str, Any] | None = None
    roles: tuple[tuple[str, Offsets | None], ...] = ()  # (title, mention of the org/place)


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
