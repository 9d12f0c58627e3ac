"""``newsrel evaluate`` on MEANTIME's cross-document annotation: run, print, write JSON."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from pipeline.evaluate.crossdoc import CrossDocResult, evaluate_crossdoc
from pipeline.evaluate.crossdoc_metrics import PRF


def _prf(x: PRF) -> list[str]:
    return [f"{100 * x.precision:.1f}", f"{100 * x.recall:.1f}", f"{100 * x.f1:.1f}"]


def render(result: CrossDocResult) -> Group:
    parts: list[Text | Table] = [
        Text(f"gold: {result.gold} (format crossdoc, {result.documents} documents)", style="bold"),
        Text(
            f"entities: {result.entity_mentions} gold named mentions ({result.entity_aligned} "
            f"aligned to a predicted mention), {result.entity_instances} instances, "
            f"{result.entity_instances_multi} named in two documents or more"
        ),
        Text(
            f"events: {result.event_items} predicted events on a gold event mention, "
            f"{result.event_instances_multi} of their instances in two documents or more"
        ),
    ]
    ent = Table(title="Cross-document entity coreference (gold named mentions)")
    ent.add_column("system")
    for m in ("MUC", "B³", "CEAF-e"):
        for c in ("P", "R", "F"):
            ent.add_column(f"{m} {c}", justify="right")
    ent.add_column("CoNLL F1", justify="right")
    ev = Table(title="Cross-document event coreference (predicted events on gold mentions)")
    ev.add_column("system")
    for m in ("pairwise", "cross-doc pairs", "B³"):
        for c in ("P", "R", "F"):
            ev.add_column(f"{m} {c}", justify="right")
    ev.add_column("pairs: right / made / gold", justify="right")
    for name, e in result.entities.items():
        ent.add_row(name, *_prf(e.muc), *_prf(e.b3), *_prf(e.ceaf_e), f"{100 * e.conll:.1f}")
    for name, v in result.events.items():
        ev.add_row(
            name,
            *_prf(v.pairwise),
            *_prf(v.pairwise_cross),
            *_prf(v.b3),
            " / ".join(map(str, v.pairs)),
        )
    parts += [ent, ev]
    return Group(*parts)


def run_crossdoc(
    gold: Path, pred: Path | None, *, model: str | None = None, json_out: Path | None = None
) -> int:
    """Evaluate, print the tables, write ``json_out``; the exit code. Unreadable input raises
    (a :class:`~pipeline.failures.Failure`: the CLI prints it as one line, exit 2)."""
    from pipeline.io import atomic_file

    result = evaluate_crossdoc(gold, pred, model=model)
    console = Console()
    if not console.is_terminal:
        console = Console(width=160)
    console.print(render(result))
    if json_out is not None:
        with atomic_file(json_out) as f:
            f.write(json.dumps(result.to_dict(), indent=2) + "\n")
    return 0
