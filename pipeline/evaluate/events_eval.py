"""``newsrel evaluate GOLD.jsonl --format events``: event mentions against sentence-level gold.

Without ``--pred``, the pipeline runs on the gold texts twice: the trigger-only baseline (the
events pipe keeps its trigger words alone) and newsrel; both are scored
(:mod:`pipeline.evaluate.event_mentions`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from pipeline.evaluate.event_mentions import EventMentionScores, score_event_mentions
from pipeline.evaluate.readers._base import GoldFormatError
from pipeline.evaluate.readers.events import GoldArticle, read_events_gold
from pipeline.schema import Record

EVENT_SYSTEMS = ("trigger-only", "newsrel")


@dataclass
class EventsSystem:
    name: str
    scores: EventMentionScores
    missing: int = 0
    failed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "missing": self.missing,
            "failed": self.failed,
            **self.scores.to_dict(),
        }


@dataclass
class EventsEvaluation:
    gold: str
    split: str | None
    documents: int
    systems: list[EventsSystem]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "format": "events",
            "split": self.split,
            "documents": self.documents,
            "systems": [s.to_dict() for s in self.systems],
        }


def _by_gold_id(articles: list[GoldArticle], records: Iterable[Any]) -> tuple[dict, int]:
    """Predicted records by gold ``doc``: the same id, or a gold path that ends with the record's
    id (records of ``newsrel extract texts/`` are named relative to ``texts/``)."""
    wanted = {a.doc for a in articles}
    out: dict[str, Record] = {}
    failed = 0
    for r in records:
        if not isinstance(r, Record):
            failed += 1
            continue
        doc = r.id if r.id in wanted else next((d for d in wanted if d.endswith("/" + r.id)), None)
        if doc is not None and doc not in out:
            out[doc] = r
    return out, failed


def evaluate_events(
    gold_path: str | Path,
    pred_records: Iterable[Record] | str | Path | None = None,
    *,
    split: str | None = None,
    model: str | None = None,
    errors: int = 0,
) -> EventsEvaluation:
    """Score event mentions of predictions (or of the baseline and newsrel) against the gold."""
    from pipeline.extract import extract_documents
    from pipeline.ingest.files import Document
    from pipeline.io import RecordError, read_records
    from pipeline.nlp.build import build_nlp, load_nlp

    gold_path = Path(gold_path)
    articles = list(read_events_gold(gold_path, split))
    if not articles:
        raise GoldFormatError(
            gold_path, f"no gold articles{f' in split {split!r}' if split else ''}"
        )
    runs: list[tuple[str, Iterable[Any]]] = []
    if pred_records is not None:
        if isinstance(pred_records, str | Path):
            if not Path(pred_records).is_file():
                raise GoldFormatError(pred_records, "no such predictions file")
            try:
                preds: Iterable[Any] = list(read_records(Path(pred_records)))
            except RecordError as e:
                raise GoldFormatError(pred_records, str(e)) from e
        else:
            preds = pred_records
        runs.append(("pred", preds))
    else:
        for name in EVENT_SYSTEMS:
            nlp = build_nlp(model, events_mode="trigger-only") if name == "trigger-only" else None
            docs = (
                Document(id=a.doc, text=a.text, meta={"title": a.title} if a.title else {})
                for a in articles
            )
            runs.append((name, list(extract_documents(docs, nlp=nlp or load_nlp(model)))))
    systems = []
    for name, records in runs:
        by_doc, failed = _by_gold_id(articles, records)
        scores = score_event_mentions(articles, by_doc, errors=errors)
        missing = sum(1 for a in articles if a.doc not in by_doc)
        systems.append(EventsSystem(name, scores, missing=missing, failed=failed))
    return EventsEvaluation(str(gold_path), split, len(articles), systems)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def print_events_report(result: EventsEvaluation, console: Console | None = None) -> None:
    if console is None:
        console = Console()
        if not console.is_terminal:
            console = Console(width=140)
    where = f" (split {result.split})" if result.split else ""
    console.print(f"[bold]{result.gold}[/bold]{where}: {result.documents} articles, event mentions")
    table = Table(title="event mentions: P / R / F1 (matched, spurious | found, missed)")
    table.add_column("type")
    for sys_ in result.systems:
        for head in ("P", "R", "F1"):
            table.add_column(f"{sys_.name} {head}", justify="right")
    types = sorted({t for sys_ in result.systems for t in sys_.scores.by_type})
    for t in [*types, "micro"]:
        row = [t]
        for sys_ in result.systems:
            c = sys_.scores.micro if t == "micro" else sys_.scores.by_type.get(t)
            row += [_pct(c.precision), _pct(c.recall), _pct(c.f1)] if c else ["-"] * 3
        table.add_row(*row)
    args, status = ["arguments"], ["status acc."]
    for sys_ in result.systems:
        a = sys_.scores.arguments
        args += [_pct(a.precision), _pct(a.recall), _pct(a.f1)]
        status += ["", "", f"{_pct(sys_.scores.status_accuracy)}"]
    table.add_row(*args)
    table.add_row(*status)
    counts = Table(title="counts (predictions matched, spurious | gold found, missed)")
    counts.add_column("type")
    for sys_ in result.systems:
        counts.add_column(sys_.name, justify="right")
    for t in [*types, "micro"]:
        row = [t]
        for sys_ in result.systems:
            c = sys_.scores.micro if t == "micro" else sys_.scores.by_type.get(t)
            row.append(f"{c.matched}, {c.spurious} | {c.found}, {c.missed}" if c else "-")
        counts.add_row(*row)
    console.print(table)
    console.print(counts)
    for s in result.systems:
        if s.missing or s.failed:
            console.print(f"{s.name}: {s.missing} articles without a record, {s.failed} failed")
        for e in s.scores.errors:
            rule = f" [{e.rule}]" if e.rule else ""
            console.print(
                f"{s.name} {e.kind.upper()} {e.type}{rule} {e.doc}: «{e.trigger}» {e.sentence}",
                markup=False,
                highlight=False,
            )


def write_events_json(result: EventsEvaluation, path: Path) -> None:
    from pipeline.io import atomic_file

    with atomic_file(path) as f:
        f.write(json.dumps(result.to_dict(), indent=1) + "\n")
