"""``newsrel evaluate``: the command function (hooked into ``pipeline.cli`` by the main app)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .readers import FORMATS


def evaluate_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold file, or folder of .tml / MEANTIME .xml files.")
    ],
    pred: Annotated[
        Path | None,
        typer.Option(
            help="Predicted records (JSONL). Omitted: run bare + newsrel on the gold "
            "texts and score both."
        ),
    ] = None,
    format: Annotated[
        str | None, typer.Option("--format", help=f"Gold format: {', '.join(FORMATS)}.")
    ] = None,
    labels: Annotated[
        Path | None, typer.Option(help="Label-map JSON (default: the format's own map).")
    ] = None,
    model: Annotated[
        str | None, typer.Option(help="spaCy model to run (default: the pipeline's).")
    ] = None,
    errors: Annotated[
        int, typer.Option(min=0, help="List N false positives and N false negatives per label.")
    ] = 0,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures as JSON here.")
    ] = None,
) -> None:
    """Score entities, values, relations and events against gold annotations."""
    from . import evaluate
    from .items import AlignmentError
    from .labels import LabelMapError
    from .readers import GoldFormatError
    from .report import print_report, write_json

    if format is not None and format not in FORMATS:
        raise typer.BadParameter(
            f"{format!r} is not one of {', '.join(FORMATS)}", param_hint="--format"
        )
    try:
        result = evaluate(gold, pred, fmt=format, labels=labels, model=model, errors=errors)
    except (GoldFormatError, LabelMapError, AlignmentError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=2) from exc
    print_report(result)
    if json_out is not None:
        write_json(result, json_out)
