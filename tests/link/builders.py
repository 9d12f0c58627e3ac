"""Records built by hand for the linker's tests: invented names and sentences, offsets found
in the text, so a test states only what matters to it (which clusters, which events)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.io import dumps
from pipeline.schema import Record


@dataclass
class Cl:
    """A cluster: its label, canonical name, the mention texts (found in order in the text)."""

    label: str
    name: str
    mentions: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    norm: dict[str, Any] | None = None
    roles: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Ev:
    """An event: type, trigger text, arguments as (role, mention text) or (role, "=span")."""

    type: str
    trigger: str
    args: list[tuple[str, str]] = field(default_factory=list)
    status: str | None = "happened"
    date: str | None = None
    rule: str = "test.rule"


def record(
    doc_id: str,
    text: str,
    clusters: list[Cl],
    events: list[Ev] | None = None,
    *,
    published: str | None = None,
    outlet: str | None = None,
    values: dict[str, dict[str, Any]] | None = None,
) -> Record:
    """A valid Record: each cluster's mentions (default: its name) are found left to right;
    ``values`` gives a norm to the value mentions (by text) events point at."""
    entities: list[dict[str, Any]] = []
    out_clusters: list[dict[str, Any]] = []
    by_text: dict[str, str] = {}
    cursor: dict[str, int] = {}
    for n, cl in enumerate(clusters, 1):
        cid = f"E{n}"
        ids = []
        for mention in cl.mentions or [cl.name]:
            start = text.index(mention, cursor.get(mention, 0))
            cursor[mention] = start + 1
            tid = f"T{len(entities) + 1}"
            entities.append(
                {
                    "id": tid,
                    "start": start,
                    "end": start + len(mention),
                    "text": mention,
                    "label": cl.label,
                    "norm": cl.norm,
                    "entity": cid,
                    "source": "model",
                    "sentence": 0,
                }
            )
            by_text.setdefault(mention, tid)
            ids.append(tid)
        out_clusters.append(
            {
                "id": cid,
                "label": cl.label,
                "name": cl.name,
                "mentions": ids,
                "aliases": cl.aliases,
                "norm": cl.norm,
                "roles": cl.roles,
            }
        )
    for value, norm in (values or {}).items():
        start = text.index(value)
        tid = f"T{len(entities) + 1}"
        entities.append(
            {
                "id": tid,
                "start": start,
                "end": start + len(value),
                "text": value,
                "label": "MONEY" if "amount" in norm else "PERCENT",
                "norm": norm,
                "entity": None,
                "source": "model",
                "sentence": 0,
            }
        )
        by_text[value] = tid
    out_events = []
    for n, ev in enumerate(events or [], 1):
        start = text.index(ev.trigger)
        args = []
        for role, what in ev.args:
            if what.startswith("="):
                s = text.index(what[1:])
                args.append({"role": role, "start": s, "end": s + len(what) - 1, "text": what[1:]})
            else:
                args.append({"role": role, "ref": by_text[what]})
        out_events.append(
            {
                "id": f"V{n}",
                "type": ev.type,
                "trigger": {"start": start, "end": start + len(ev.trigger), "text": ev.trigger},
                "arguments": args,
                "date": ev.date,
                "status": ev.status,
                "sentence": 0,
                "rule": ev.rule,
            }
        )
    meta = {k: v for k, v in (("published", published), ("outlet", outlet)) if v}
    return Record.model_validate(
        {
            "schema": "newsrel/1",
            "id": doc_id,
            "meta": meta,
            "text": text,
            "entities": entities,
            "clusters": out_clusters,
            "events": out_events,
        }
    )


def write(path: Path, records: list[Record]) -> Path:
    path.write_text("".join(dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def entity_of(folder: Path, doc: str, cluster: str) -> dict[str, Any]:
    for ent in lines(folder / "entities.jsonl"):
        if any(m["doc"] == doc and m["cluster"] == cluster for m in ent["members"]):
            return ent
    raise KeyError((doc, cluster))
