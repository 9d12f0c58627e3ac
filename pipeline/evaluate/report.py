"""Render an :class:`~pipeline.evaluate.results.Evaluation`: a rich table for the terminal, JSON for
notebooks and CI. Systems sit side by side so the bare model and newsrel compare at a glance."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from pipeline.evaluate.by_rule import SourceScore
from pipeline.evaluate.coref_report import coref_tables
from pipeline.evaluate.prf import LabelScores
from pipeline.evaluate.results import Evaluation, SystemResult
from pipeline.io import atomic_file


def to_json(result: Evaluation) -> str:
    return json.dumps(result.to_dict(), indent=2, sort_keys=False) + "\n"


def write_json(result: Evaluation, path: Path) -> None:
    with atomic_file(path) as f:
        f.write(to_json(result))


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _prf_table(title: str, scores: dict[str, LabelScores], first: str = "label") -> Table:
    names = list(scores)
    table = Table(title=title, title_justify="left")
    table.add_column(first)
    table.add_column("gold", justify="right")
    for n in names:
        for col in ("P", "R", "F"):
            table.add_column(f"{n} {col}", justify="right")
    labels = sorted({lab for s in scores.values() for lab in s.per_label})

    def row(name: str, support: str, cells: list[tuple[float, float, float]]) -> None:
        table.add_row(name, support, *[_pct(v) for c in cells for v in c])

    any_s = next(iter(scores.values()))
    for lab in labels:
        sup = max(s.per_label[lab].support for s in scores.values() if lab in s.per_label)
        row(
            lab,
            str(sup),
            [
                (s.per_label[lab].precision, s.per_label[lab].recall, s.per_label[lab].f1)
                if lab in s.per_label
                else (0.0, 0.0, 0.0)
                for s in scores.values()
            ],
        )
    table.add_section()
    row(
        "micro",
        str(any_s.micro.support),
        [(s.micro.precision, s.micro.recall, s.micro.f1) for s in scores.values()],
    )
    row("macro", "", [(s.macro.p, s.macro.r, s.macro.f) for s in scores.values()])
    return table


MODES = {"strict": "strict", "determiner_insensitive": "determiner-insensitive"}


def _count(n: int | None) -> str:
    return "—" if n is None else str(n)


def _by_rule_table(system: SystemResult, mode: str, rows: list[SourceScore]) -> Table:
    table = Table(
        title=f"Entities of {system.name} by source ({MODES.get(mode, mode)}; alone / broke: "
        "gold entities the bare model does not / does find exactly)",
        title_justify="left",
    )
    cols = ("source", "entities", "right", "wrong type", "wrong span", "spurious", "P")
    for col in (*cols, "alone", "broke"):
        table.add_column(col, justify="left" if col == "source" else "right")
    for r in rows:
        table.add_row(
            r.source,
            str(r.entities),
            str(r.right),
            str(r.wrong_type),
            str(r.wrong_span),
            str(r.spurious),
            _pct(r.precision) if r.entities else "—",
            _count(r.alone),
            _count(r.broke),
        )
    return table


def render(result: Evaluation, *, by_rule: bool = False) -> Group:
    """Everything the terminal shows, as one rich renderable; ``by_rule``: with the tables of
    entities by source (model, each rule) of every system that has rule-made entities."""
    parts: list[Any] = [
        Text(
            f"gold: {result.gold} (format {result.format}, {result.documents} documents, "
            f"labels {result.labels})",
            style="bold",
        ),
    ]
    sys = result.systems
    for s in sys:
        if s.model:
            parts.append(Text(f"{s.name}: {s.model}"))
    for s in sys:
        if s.missing or s.failed:
            parts.append(
                Text(
                    f"{s.name}: {s.missing} gold documents without a prediction "
                    f"({s.failed} failed)",
                    style="yellow",
                )
            )
    parts.append(
        _prf_table("Entities, strict (span and type)", {s.name: s.entities.strict for s in sys})
    )
    if any(s.entities_nodet for s in sys):
        parts.append(
            _prf_table(
                "Entities, determiner-insensitive (a leading determiner dropped on both sides)",
                {s.name: s.entities_nodet.strict for s in sys if s.entities_nodet},
            )
        )
    for s in sys if by_rule else []:
        if any(r.source != "model" for rows in s.by_rule.values() for r in rows):
            parts.extend(_by_rule_table(s, mode, rows) for mode, rows in s.by_rule.items())
    schemes = Table(title="Entities, nervaluate schemes (all labels)", title_justify="left")
    for col in ("system", "scheme", "COR", "INC", "PAR", "MIS", "SPU", "P", "R", "F"):
        schemes.add_column(col, justify="left" if col in ("system", "scheme") else "right")
    for s in sys:
        for name, c in s.entities.schemes.items():
            schemes.add_row(
                s.name,
                name,
                str(c.correct),
                str(c.incorrect),
                str(c.partial),
                str(c.missed),
                str(c.spurious),
                _pct(c.precision),
                _pct(c.recall),
                _pct(c.f1),
            )
    parts.append(schemes)
    if any(s.values for s in sys):
        values = Table(title="Normalised values, over exactly matched spans", title_justify="left")
        for col in ("system", "label", "matched", "correct", "accuracy"):
            values.add_column(col, justify="left" if col in ("system", "label") else "right")
        for s in sys:
            for lab, v in s.values.items():
                values.add_row(s.name, lab, str(v.matched), str(v.correct), _pct(v.accuracy))
        parts.append(values)
    if any(s.timex for s in sys):
        tx = Table(title="Time expressions (TempEval-3)", title_justify="left")
        for col in (
            "system",
            "subset",
            "relaxed P",
            "relaxed R",
            "relaxed F",
            "strict F",
            "value P",
            "value R",
            "value F",
            "type acc",
        ):
            tx.add_column(col, justify="left" if col in ("system", "subset") else "right")
        for s in sys:
            for subset, t in s.timex.items():
                tx.add_row(
                    s.name,
                    subset,
                    _pct(t.relaxed.precision),
                    _pct(t.relaxed.recall),
                    _pct(t.relaxed.f1),
                    _pct(t.strict.f1),
                    _pct(t.value.precision),
                    _pct(t.value.recall),
                    _pct(t.value.f1),
                    _pct(t.type_accuracy),
                )
        parts.append(tx)
    if any(s.relations for s in sys):
        parts.append(
            _prf_table(
                "Relations, strict (argument spans and types, relation type)",
                {s.name: s.relations.strict for s in sys if s.relations},
                "type",
            )
        )
        parts.append(
            _prf_table(
                "Relations, boundaries (argument types ignored)",
                {s.name: s.relations.boundaries for s in sys if s.relations},
                "type",
            )
        )
    if any(s.events for s in sys):
        ev = Table(title="Events", title_justify="left")
        for col in ("system", "measure", "P", "R", "F"):
            ev.add_column(col, justify="left" if col in ("system", "measure") else "right")
        for s in sys:
            if s.events is None:
                continue
            for k, v in s.events.to_dict().items():
                ev.add_row(s.name, k.replace("_", " "), _pct(v["p"]), _pct(v["r"]), _pct(v["f"]))
        parts.append(ev)
    parts.extend(coref_tables(sys))
    for s in sys:
        if s.errors:
            errs = Table(
                title=f"Errors of {s.name} (entities, strict)",
                title_justify="left",
                show_lines=False,
            )
            for col in ("label", "kind", "doc", "span", "note", "sentence"):
                errs.add_column(col, overflow="fold")
            for e in s.errors:
                errs.add_row(e.label, e.kind, e.doc, e.text, e.note, e.sentence)
            parts.append(errs)
        if s.relation_errors:
            parts.append(
                Text(
                    f"Relation errors of {s.name} (boundaries: argument spans, relation type)",
                    style="italic",
                )
            )
            for r in s.relation_errors:
                why = "; ".join(x for x in (r.note, r.rules and f"rules: {r.rules}") if x)
                line = Text(f"{r.kind} {r.type}  ", style="bold")
                line.append(f"{r.head} -> {r.tail}  [{r.doc}]")
                if why:
                    line.append(f"  ({why})", style="dim")
                parts += [line, Text(f"    {r.sentence}")]
    return Group(*parts)


def print_report(
    result: Evaluation, console: Console | None = None, *, by_rule: bool = False
) -> None:
    if console is None:
        console = Console()
        if not console.is_terminal:  # files and pipes get whole column names
            console = Console(width=140)
    console.print(render(result, by_rule=by_rule))
