"""Every custom ``Doc._``/``Span._`` slot newsrel uses, registered once, each with its one writer.

A slot is written by exactly one component (or, for ``layout``, by the extractor before the
pipeline runs) and read by the components after it; each factory declares what it reads and
writes (``requires=`` / ``assigns=``), so ``nlp.analyze_pipes()`` checks the order.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.ingest.layout import Layout, find_layout
from pipeline.matchers.doctext import doc_text


@dataclass(frozen=True)
class Slot:
    owner: str  # "doc" or "span"
    name: str
    writer: str  # the component (factory) that writes it; "ingest" for the extractor
    holds: str


SLOTS = (
    Slot("doc", "layout", "ingest", "ingest.layout.Layout: headline, dateline, starts, date"),
    Slot("doc", "clusters", "newsrel_resolve_v1", "list[facts.ClusterFact]"),
    Slot("doc", "aliases", "newsrel_resolve_v1", "list[facts.RelationFact] (ALIAS_OF)"),
    Slot("doc", "references", "newsrel_resolve_v1", "list[facts.ReferenceFact] (coreference)"),
    Slot("doc", "unnamed", "newsrel_resolve_v1", "list[facts.UnnamedFact] (coreference)"),
    Slot("doc", "relations", "newsrel_relations_v1", "list[facts.RelationFact]"),
    Slot("doc", "roles", "newsrel_relations_v1", "list[facts.RoleFact]"),
    Slot("doc", "events", "newsrel_events_v1", "list[facts.EventFact]"),
    Slot("span", "norm", "newsrel_normalise_v1", "the normalised value of an entity"),
    Slot("span", "cluster", "newsrel_resolve_v1", "index of the entity's cluster"),
)


def register_extensions() -> None:
    """Register every slot once (idempotent: safe to call from any process)."""
    for slot in SLOTS:
        cls = Doc if slot.owner == "doc" else Span
        if not cls.has_extension(slot.name):
            cls.set_extension(slot.name, default=None)


register_extensions()


_found: tuple[Doc, Layout] | None = None


def layout_of(doc: Doc) -> Layout:
    """The layout the extractor set on ``doc``; for a Doc made without it (``nlp("...")`` in a
    notebook), the layout of its text without a publication date, found once for the most
    recent such document (the slot itself is only ever written by the extractor)."""
    global _found
    layout = doc._.layout
    if isinstance(layout, Layout):
        return layout
    found = _found
    if found is not None and found[0] is doc:
        return found[1]
    layout = find_layout(doc_text(doc))
    _found = (doc, layout)
    return layout
