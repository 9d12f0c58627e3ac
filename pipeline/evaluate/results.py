"""What an evaluation gives: the scores of each system, and the run they belong to.

:mod:`pipeline.evaluate` builds these; :mod:`pipeline.evaluate.report` renders them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluate.by_rule import SourceScore
from pipeline.evaluate.coref import CorefScores
from pipeline.evaluate.events import EventScores
from pipeline.evaluate.relations import RelationError, RelationScores
from pipeline.evaluate.spans import EntityScores, ErrorExample, Mention, TimexScores, ValueScore


@dataclass
class SystemResult:
    """The scores of one system (a prediction file, the bare model or full newsrel)."""

    name: str
    entities: EntityScores
    values: dict[str, ValueScore]
    timex: dict[str, TimexScores] = field(default_factory=dict)
    relations: RelationScores | None = None
    events: EventScores | None = None
    coref: CorefScores | None = None
    errors: list[ErrorExample] = field(default_factory=list)
    relation_errors: list[RelationError] = field(default_factory=list)
    missing: int = 0  # gold documents without a predicted Record (scored as empty)
    failed: int = 0  # documents the pipeline reported as errors
    model: str | None = None  # the trained pipeline named in the predicted records
    # entities with a leading determiner dropped on both sides (when the label map names some)
    entities_nodet: EntityScores | None = None
    # per source ("model", "rule:<id>"): "strict", and "determiner_insensitive" with the above
    by_rule: dict[str, list[SourceScore]] = field(default_factory=dict)
    # the scored predicted mentions, in gold offsets (the baseline of the next system)
    mentions: set[Mention] = field(default_factory=set, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "model": self.model,
            "missing": self.missing,
            "failed": self.failed,
            "entities": self.entities.to_dict(),
            "values": {k: v.to_dict() for k, v in self.values.items()},
            "timex": {k: v.to_dict() for k, v in self.timex.items()},
            "relations": self.relations.to_dict() if self.relations else None,
            "events": self.events.to_dict() if self.events else None,
            "coreference": self.coref.to_dict() if self.coref else None,
            "entities_determiner_insensitive": (
                self.entities_nodet.to_dict() if self.entities_nodet else None
            ),
            "by_rule": {k: [r.to_dict() for r in rows] for k, rows in self.by_rule.items()},
            "errors": [e.__dict__ for e in self.errors],
            "relation_errors": [e.__dict__ for e in self.relation_errors],
        }


@dataclass
class Evaluation:
    gold: str
    format: str
    labels: str
    documents: int
    systems: list[SystemResult]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "format": self.format,
            "labels": self.labels,
            "documents": self.documents,
            "systems": [s.to_dict() for s in self.systems],
        }
