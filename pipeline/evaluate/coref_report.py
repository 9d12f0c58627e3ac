"""The coreference tables of ``newsrel evaluate`` (rich): MUC, B³, CEAF-e and CoNLL per system,
and pronoun resolution accuracy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.table import Table


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def coref_tables(systems: Sequence[Any]) -> list[Table]:
    """Tables for the systems (``SystemResult``) that have coreference scores."""
    scored = [(s.name, s.coref) for s in systems if getattr(s, "coref", None) is not None]
    if not scored:
        return []
    metrics = Table(
        title="Coreference over the gold mentions (head match; docs/COREFERENCE.md)",
        title_justify="left",
    )
    for col in ("system", "mentions", "aligned", "MUC P", "MUC R", "MUC F"):
        metrics.add_column(col, justify="left" if col == "system" else "right")
    for col in ("B³ P", "B³ R", "B³ F", "CEAF-e P", "CEAF-e R", "CEAF-e F", "CoNLL F1"):
        metrics.add_column(col, justify="right")
    for name, c in scored:
        cells = [
            _pct(v) for m in (c.muc, c.b_cubed, c.ceaf_e) for v in (m.precision, m.recall, m.f1)
        ]
        metrics.add_row(name, str(c.mentions), str(c.aligned), *cells, _pct(c.conll))
    pronouns = Table(
        title="Pronoun resolution (gold third-person pronouns with an antecedent in their chain)",
        title_justify="left",
    )
    for col in (
        "system",
        "pronouns",
        "linked",
        "right",
        "accuracy",
        "chain named",
        "linked",
        "right",
        "accuracy",
        "no antecedent (linked)",
    ):
        pronouns.add_column(col, justify="left" if col == "system" else "right")
    for name, c in scored:
        p = c.pronouns
        pronouns.add_row(
            name,
            str(p.total),
            str(p.resolved),
            str(p.correct),
            _pct(p.accuracy),
            str(p.named_total),
            str(p.named_resolved),
            str(p.named_correct),
            _pct(p.named_accuracy),
            f"{p.without_antecedent} ({p.linked_without_antecedent})",
        )
    return [metrics, pronouns]
