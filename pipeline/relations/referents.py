"""Relations stated for a pronoun or a description ("he", "the company"): the resolver's
references (``Doc._.references``, :mod:`pipeline.resolve`) as relation arguments.

A reference the resolver linked to one entity takes part in matching as a mention of that
entity's label (:func:`extra_mentions`). When a rule matches it, the relation's argument is a
mention of that entity in the same sentence, the nearest before it ("Ann Lee said she works for
Orbis" -> Ann Lee); when the sentence names none, the reference itself ("He is chairman of
Orbis" -> "He"), which the record gives as the reference's ``M`` id, whose ``refers_to`` is the
entity's cluster. The roles of a PERSON cluster count a position stated for its references.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pipeline.facts import Offsets, ReferenceFact

KINDS = frozenset({"pronoun", "description", "honorific"})  # one entity each; not groups


@dataclass
class Referents:
    """The document's usable references: each as a span labelled like the entity it refers to,
    with that entity's mention (offsets) and its cluster's mentions."""

    doc: Doc
    spans: list[Span] = field(default_factory=list)
    entity: dict[Offsets, Offsets] = field(default_factory=dict)  # reference -> entity mention
    _mentions: dict[Offsets, list[Offsets]] = field(default_factory=dict)  # of the same cluster

    @classmethod
    def of(cls, doc: Doc) -> Referents:
        out = cls(doc)
        facts: list[ReferenceFact] = doc._.references or []
        if not facts:
            return out
        label_of = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        cluster_of: dict[Offsets, tuple[Offsets, ...]] = {
            m: c.mentions for c in (doc._.clusters or []) for m in c.mentions
        }
        for fact in facts:
            if fact.kind not in KINDS or len(fact.entities) != 1:
                continue
            label = label_of.get(fact.entities[0])
            span = doc.char_span(*fact.span, alignment_mode="expand")
            if label is None or span is None or taken.intersection(range(span.start, span.end)):
                continue  # a name inside a description ("the Orbis plant") stays the name
            taken.update(range(span.start, span.end))
            key = (span.start_char, span.end_char)
            out.spans.append(Span(doc, span.start, span.end, label=label))
            out.entity[key] = fact.entities[0]
            out._mentions[key] = sorted(cluster_of.get(fact.entities[0], (fact.entities[0],)))
        return out

    def at(self) -> dict[int, Span]:
        """Each token of a usable reference -> its labelled span."""
        return {i: s for s in self.spans for i in range(s.start, s.end)}

    def argument(self, span: Span, at: Sequence[Span | None]) -> Span:
        """What a matched reference stands for as a relation argument: its entity's nearest
        mention in the sentence (before it if any), else the reference itself."""
        key = (span.start_char, span.end_char)
        sent = self.doc[span.start].sent
        mentions = self._mentions.get(key, [])
        inside = [m for m in mentions if sent.start_char <= m[0] and m[1] <= sent.end_char]
        if not inside:
            return span
        before = [m for m in inside if m[1] <= key[0]]
        chosen = before[-1] if before else inside[0]
        token = self.doc.char_span(*chosen)
        mention = at[token.start] if token is not None else None
        return mention if mention is not None else span

    def role_holder(self, offsets: Offsets) -> Offsets:
        """The entity mention a relation end stands for (itself unless it is a reference)."""
        return self.entity.get(offsets, offsets)
