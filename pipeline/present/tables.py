"""Records as pandas DataFrames (the ``notebook`` extra): one table per kind of fact.

Tables join on ``doc_id`` plus the record's own ids: ``entity_id`` (T..), ``cluster_id`` (E..),
``event_id`` (V..), ``relation_id`` (R..). Normalised values are typed columns: ``amount``
(float) and ``currency`` for MONEY, ``percent`` (float) for PERCENT, ``date`` (datetime, only
where the value is a complete day) next to ``date_value`` (the TIMEX string as written).

    frames = to_frames(read_records("out.jsonl"))
    frames.events.merge(frames.arguments, on=["doc_id", "event_id"])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.present.columns import COLUMNS, CORPUS_TABLES, DATETIME
from pipeline.present.views import PARTY_ROLES, Lookup, names_in_role, parse_date
from pipeline.schema import Record

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Frames:
    """The tables of a corpus: seven from the records, four from a corpus view (empty without
    one). Iterate for ``(name, frame)`` pairs. ``references``: the resolved pronouns and
    descriptions ("he" -> the cluster of Gordon Brown)."""

    documents: pd.DataFrame
    entities: pd.DataFrame
    clusters: pd.DataFrame
    references: pd.DataFrame
    relations: pd.DataFrame
    events: pd.DataFrame
    arguments: pd.DataFrame
    corpus_entities: pd.DataFrame
    corpus_members: pd.DataFrame
    corpus_events: pd.DataFrame
    corpus_sources: pd.DataFrame

    def __iter__(self) -> Iterator[tuple[str, pd.DataFrame]]:
        for name in COLUMNS:
            yield name, getattr(self, name)


def to_frames(
    records: Iterable[Record] | str | Path, *, corpus: str | Path | None = None
) -> Frames:
    """DataFrames for ``records`` (or the path of a records JSONL file, read with
    :func:`pipeline.io.read_records`). Records are consumed one at a time. ``corpus``, a folder
    written by ``newsrel link``, fills the corpus tables: they join the record tables on
    ``doc_id`` + ``cluster_id`` (members) and ``doc_id`` + ``event_id`` (sources)."""
    if isinstance(records, (str, Path)):
        from pipeline.io import read_records

        records = read_records(records)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
    for record in records:
        for name, new in record_rows(record).items():
            rows[name].extend(new)
    if corpus is not None:
        from pipeline.link.frames import corpus_rows

        for name, new in corpus_rows(corpus).items():
            rows[name].extend(new)
    return Frames(**{name: _frame(name, rows[name]) for name in COLUMNS})


def _frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    dtypes = COLUMNS[name]
    data = {col: [row.get(col) for row in rows] for col in dtypes}
    columns = {}
    for col, dtype in dtypes.items():
        values = data[col]
        if dtype == DATETIME:
            columns[col] = pd.Series(pd.to_datetime(values, errors="coerce"), dtype=DATETIME)
        elif dtype == "object":
            columns[col] = pd.Series(values, dtype="object")
        elif dtype == "float64":
            columns[col] = pd.Series(
                [float("nan") if v is None else v for v in values], dtype=dtype
            )
        else:
            columns[col] = pd.Series([pd.NA if v is None else v for v in values], dtype=dtype)
    return pd.DataFrame(columns)


def record_rows(record: Record) -> dict[str, list[dict[str, Any]]]:
    """The rows one record adds to each table (plain dicts, before typing)."""
    look = Lookup(record)
    doc_id = record.id
    published = parse_date(record.meta.published)
    out: dict[str, list[dict[str, Any]]] = {
        name: [] for name in COLUMNS if name not in CORPUS_TABLES
    }
    out["documents"].append(
        {
            "doc_id": doc_id,
            "title": record.meta.title,
            "published": published.day if published and published.complete else None,
            "outlet": record.meta.outlet,
            "dateline": record.meta.dateline,
            "path": record.meta.path,
            "n_chars": len(record.text),
            "n_entities": len(record.entities),
            "n_clusters": len(record.clusters),
            "n_relations": len(record.relations),
            "n_events": len(record.events),
            "text": record.text,
        }
    )
    for e in record.entities:
        out["entities"].append(
            {
                "doc_id": doc_id,
                "entity_id": e.id,
                "cluster_id": e.entity,
                "label": e.label,
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "sentence": e.sentence,
                "source": e.source,
                **norm_columns(e.label, e.norm),
                "norm": e.norm,
            }
        )
    for c in record.clusters:
        roles = []
        for role in c.roles:
            of = look.clusters.get(role.of) if role.of else None
            roles.append(f"{role.title} of {of.name}" if of else role.title)
        out["clusters"].append(
            {
                "doc_id": doc_id,
                "cluster_id": c.id,
                "label": c.label,
                "name": c.name,
                "n_mentions": len(c.mentions),
                "mentions": list(c.mentions),
                "aliases": list(c.aliases),
                "roles": "; ".join(roles) or None,
                "norm": c.norm,
            }
        )
    for ref in record.references:
        out["references"].append(
            {
                "doc_id": doc_id,
                "reference_id": ref.id,
                "text": ref.text,
                "kind": ref.kind,
                "start": ref.start,
                "end": ref.end,
                "sentence": ref.sentence,
                "cluster_ids": list(ref.refers_to),
                "names": "; ".join(
                    look.clusters[c].name for c in ref.refers_to if c in look.clusters
                ),
                "antecedent_id": ref.antecedent,
                "rule": ref.rule,
            }
        )
    for r in record.relations:
        row: dict[str, Any] = {
            "doc_id": doc_id,
            "relation_id": r.id,
            "type": r.type,
            "rule": r.rule,
            "sentence": r.sentence,
        }
        for side, tid in (("head", r.head), ("tail", r.tail)):
            text, label, cluster = look.relation_end(tid)  # an entity or a reference (M..)
            row |= {
                f"{side}_id": tid,
                f"{side}_text": text,
                f"{side}_label": label,
                f"{side}_cluster": cluster,
            }
        out["relations"].append(row)
    for ev in record.events:
        args = look.arguments(ev)
        date = parse_date(ev.date)
        out["events"].append(
            {
                "doc_id": doc_id,
                "event_id": ev.id,
                "type": ev.type,
                "trigger": ev.trigger.text,
                "trigger_start": ev.trigger.start,
                "trigger_end": ev.trigger.end,
                "date_value": ev.date,
                "date": date.day if date and date.complete else None,
                "date_start": date.day if date else None,
                "status": ev.status,
                "cameo": ev.cameo,
                "sentence": ev.sentence,
                "rule": ev.rule,
                "n_arguments": len(args),
                "participants": "; ".join(names_in_role(args, PARTY_ROLES)) or None,
            }
        )
        for a in args:
            out["arguments"].append(
                {
                    "doc_id": doc_id,
                    "event_id": ev.id,
                    "event_type": ev.type,
                    "role": a.role,
                    "entity_id": a.entity_id,
                    "cluster_id": a.cluster_id,
                    "label": a.label,
                    "name": a.name,
                    "text": a.text,
                    "start": a.start,
                    "end": a.end,
                }
            )
    return out


def norm_columns(label: str, norm: dict[str, Any] | None) -> dict[str, Any]:
    """Typed columns from an entity's ``norm``: amount/currency, percent, date parts."""
    if not norm:
        return {}
    out: dict[str, Any] = {}
    if isinstance(norm.get("amount"), (int, float)):
        out["amount"] = float(norm["amount"])
    if isinstance(norm.get("currency"), str):
        out["currency"] = norm["currency"]
    value = norm.get("value")
    if label == "PERCENT" and isinstance(value, (int, float)):
        out["percent"] = float(value)
    if label in ("DATE", "TIME") and isinstance(value, str):
        out["date_value"] = value
        day = parse_date(value)
        out["date"] = day.day if day and day.complete else None
        for key in ("start", "end"):
            part = parse_date(norm.get(key)) if isinstance(norm.get(key), str) else None
            out[f"date_{key}"] = part.day if part and part.complete else None
    return out
