"""The value every entity fix takes and returns, and the label sets the fixes share."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.rulefiles import EntityFixes

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
VALUE_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


@dataclass(frozen=True)
class EntitySpan:
    start: int  # token offsets, end exclusive
    end: int
    label: str
    source: str = ""  # "" for the model, else the rule id

    @classmethod
    def of(cls, span: Span) -> EntitySpan:
        return cls(span.start, span.end, span.label_, span.id_)

    def span(self, doc: Doc) -> Span:
        return Span(doc, self.start, self.end, label=self.label, span_id=self.source)


# a fix: the document, its entities so far and the word lists -> the entities after the fix
Fix = Callable[[Doc, Sequence[EntitySpan], EntityFixes], list[EntitySpan]]


def drop_overlaps(ents: Sequence[EntitySpan]) -> list[EntitySpan]:
    """Sorted by start; of overlapping entities the first (the longest at a start) stays."""
    out: list[EntitySpan] = []
    for ent in sorted(ents, key=lambda e: (e.start, -(e.end - e.start))):
        if out and ent.start < out[-1].end:
            continue
        out.append(ent)
    return out
