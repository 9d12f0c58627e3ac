"""Rows of the corpus tables of :func:`pipeline.present.tables.to_frames` (before typing)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.link.view import read_corpus_entities, read_corpus_events


def corpus_rows(folder: str | Path) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {
        "corpus_entities": [],
        "corpus_members": [],
        "corpus_events": [],
        "corpus_sources": [],
    }
    for ent in read_corpus_entities(folder):
        out["corpus_entities"].append(
            {
                "corpus_entity_id": ent.id,
                "label": ent.label,
                "name": ent.name,
                "country": (ent.norm or {}).get("country"),
                "n_documents": ent.n_documents,
                "n_mentions": ent.n_mentions,
                "aliases": list(ent.aliases),
                "titles": list(ent.titles),
            }
        )
        for m in ent.members:
            out["corpus_members"].append(
                {
                    "corpus_entity_id": ent.id,
                    "doc_id": m.doc,
                    "cluster_id": m.cluster,
                    "name": m.name,
                    "label": m.label,
                    "n_mentions": m.mentions,
                    "via": "; ".join(m.via) or None,
                }
            )
    for ev in read_corpus_events(folder):
        out["corpus_events"].append(
            {
                "corpus_event_id": ev.id,
                "type": ev.type,
                "status": ev.status,
                "date_value": ev.date,
                "date": ev.date if ev.date and len(ev.date) == 10 else None,
                "n_sources": len(ev.sources),
                "n_documents": ev.n_documents,
                "n_outlets": ev.n_outlets,
                "first_doc_id": ev.first_reported.doc,
                "first_published": ev.first_reported.published,
                "participants": "; ".join(p.name for p in ev.participants) or None,
                "participant_ids": [p.entity for p in ev.participants if p.entity],
                "values": dict(ev.values),
                "conflicts": "; ".join(c.field for c in ev.conflicts) or None,
            }
        )
        for s in ev.sources:
            out["corpus_sources"].append(
                {
                    "corpus_event_id": ev.id,
                    "doc_id": s.doc,
                    "event_id": s.event,
                    "outlet": s.outlet,
                    "published": s.published,
                    "date_value": s.date,
                    "status": s.status,
                    "trigger": s.trigger,
                    "rule": s.rule,
                    "sentence": s.sentence,
                }
            )
    return out
