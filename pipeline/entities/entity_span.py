"""The value every entity fix takes and returns, the label sets the fixes share, and a list of
entities that finds those near a token range without a scan of the whole list."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
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


def token_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, from the ORTH column (a token's text is its ORTH string),
    without building a Token for every word."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array("ORTH").tolist()]


class SpanSlots:
    """Entities in their list order, through removals, replacements in place and additions at
    the end; the entities near a token range are found through the tokens they cover (an empty
    entity counts at its start), not by a scan of the whole list."""

    def __init__(self, ents: Iterable[EntitySpan]) -> None:
        self._slots: list[EntitySpan | None] = []
        self._at: dict[int, set[int]] = {}  # token -> the slots of the entities covering it
        for ent in ents:
            self.append(ent)

    @staticmethod
    def _tokens(ent: EntitySpan) -> range:
        return range(ent.start, max(ent.end, ent.start + 1))

    def __getitem__(self, k: int) -> EntitySpan:
        ent = self._slots[k]
        assert ent is not None, "a removed slot"
        return ent

    def append(self, ent: EntitySpan) -> None:
        self._slots.append(None)
        self.put(len(self._slots) - 1, ent)

    def put(self, k: int, ent: EntitySpan | None) -> None:
        """Slot ``k`` holds ``ent`` from now on (None: the entity there is removed)."""
        old = self._slots[k]
        if old is not None:
            for i in self._tokens(old):
                self._at[i].discard(k)
        self._slots[k] = ent
        if ent is not None:
            for i in self._tokens(ent):
                self._at.setdefault(i, set()).add(k)

    def near(self, start: int, end: int) -> list[int]:
        """The slots, in list order, of the entities covering a token of ``start..end`` (or
        ``start`` itself when the range is empty): every entity that overlaps the range or has
        exactly its bounds is among them."""
        found: set[int] = set()
        for i in range(start, max(end, start + 1)):
            found.update(self._at.get(i, ()))
        return sorted(found)

    def overlapping(self, start: int, end: int) -> list[int]:
        """The slots, in list order, of the entities overlapping ``start..end``."""
        return [k for k in self.near(start, end) if self[k].start < end and start < self[k].end]

    def entities(self) -> list[EntitySpan]:
        return [ent for ent in self._slots if ent is not None]
