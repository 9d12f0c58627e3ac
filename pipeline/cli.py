"""The ``newsrel`` command: a thin typer layer over the library. No logic lives here.

The app, its options and the one error handler are in :mod:`pipeline.cli_app`; the commands
that look at records (report, show, link) in :mod:`pipeline.cli_views`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli_app import ModelOpt, app
from pipeline.cli_views import link, report, show


@app.command()
def extract(
    paths: Annotated[
        list[Path], typer.Argument(help="Files, folders (recursive) or .jsonl inputs.")
    ],
    out: Annotated[str, typer.Option("-o", "--out", help="Output JSONL file, or - for stdout.")],
    model: ModelOpt = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for every document of this run."),
    ] = None,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr.")] = True,
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes (same output for any number).")
    ] = 1,
    engine: Annotated[
        str, typer.Option(help="local (this machine) or dask (a Dask cluster).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
    ] = None,
    resume: Annotated[
        bool, typer.Option(help="Skip documents already in OUT and finish the rest.")
    ] = False,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Documents per batch (one committed part each).")
    ] = 64,
    doc_timeout: Annotated[
        float | None,
        typer.Option(
            min=0,
            help="CPU seconds a document may take before it becomes an error line (kind "
            "timeout); 0: no limit. Default: $NEWSREL_DOC_TIMEOUT, else 600.",
        ),
    ] = None,
) -> None:
    """Extract records from news files into OUT (errors go to OUT.errors.jsonl).

    Finished batches are committed under OUT.parts/ as they come and merged into OUT at the end;
    after a crash or Ctrl-C, run the same command with --resume. Exit code 0 when every document
    succeeded (or there was nothing to do), 1 when some failed, 2 for usage and input errors,
    3 for an internal error, 130 when interrupted.
    """
    from pipeline.about import unused_rules_here
    from pipeline.nlp.build import load_nlp
    from pipeline.run.batch import Interrupted, extract_batch
    from pipeline.run.jobs import Settings
    from pipeline.run.progress import counter
    from pipeline.timelimit import default_limit

    _check_date(published)
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"{engine!r} is not local or dask", param_hint="--engine")
    if scheduler and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if resume and out == "-":
        raise typer.BadParameter("--resume needs an output file, not -", param_hint="--resume")
    if out != "-":
        from pipeline.run.guard import check_output

        check_output(Path(out), paths)  # before the model loads: a bad -o fails at once
    load_nlp(model)
    if doc_timeout is None:
        try:
            limit = default_limit()
        except ValueError as e:
            raise typer.BadParameter(str(e), param_hint="--doc-timeout") from e
    else:
        limit = doc_timeout or None
    settings = Settings(model=model, published=published, batch_size=batch_size, doc_timeout=limit)
    try:
        with counter(enabled=progress) as advance:
            summary = extract_batch(
                paths,
                out,
                engine=engine,
                workers=workers,
                scheduler=scheduler,
                settings=settings,
                resume=resume,
                progress=advance,
            )
    except Interrupted as e:
        typer.echo(e.summary.line(), err=True)
        typer.echo(
            "committed batches are kept: run the same command with --resume to finish", err=True
        )
        raise typer.Exit(130) from None
    for warning in summary.warnings:
        typer.echo(f"newsrel extract: warning: {warning}", err=True)
    if not summary.given:
        shown = ", ".join(str(p) for p in paths)
        typer.echo(
            f"newsrel extract: no documents in {shown} (folders are read for .txt, .md and "
            ".html files; .jsonl files when named); nothing to do",
            err=True,
        )
    typer.echo(summary.line(), err=True)
    typer.echo(f"rules: {summary.rules}", err=True)
    if note := unused_rules_here():
        typer.echo(note, err=True)
    raise typer.Exit(1 if summary.errors else 0)


@app.command()
def evaluate(
    gold: Annotated[
        Path, typer.Argument(help="Gold file, or folder of .tml / MEANTIME .xml files.")
    ],
    pred: Annotated[
        Path | None,
        typer.Option(
            help="Predicted records (JSONL). Omitted: run bare + newsrel on the gold texts, score both."
        ),
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            help="Gold format: records, conll, conll04 (conll04-verbatim: spans as the tokens give "
            "them, a sentence-final full stop kept), timeml, meantime, events (event mentions "
            "by sentence, as bbc_events), crossdoc (MEANTIME's cross-document annotation: links "
            "the predictions with `newsrel link` and scores cross-document coreference; detected "
            "from a folder named *cross-doc*).",
        ),
    ] = None,
    labels: Annotated[
        Path | None, typer.Option(help="Label-map JSON (default: the format's own map).")
    ] = None,
    model: ModelOpt = None,
    errors: Annotated[
        int,
        typer.Option(
            min=0,
            help="List N false positives and N false negatives per entity label and per "
            "relation type, with their sentences.",
        ),
    ] = 0,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the figures as JSON here.")
    ] = None,
    split: Annotated[
        str | None,
        typer.Option(help="Only the gold articles of this split (event-mention gold: dev, test)."),
    ] = None,
    by_rule: Annotated[
        bool,
        typer.Option(
            "--by-rule",
            help="Also print, per source of the entities (model, each rule), how many are right, "
            "of the wrong type or span, or spurious, and what each adds to or breaks of the bare "
            "model's (the JSON always has it).",
        ),
    ] = False,
) -> None:
    """Score entities, values, relations and events against gold annotations.

    Exit code 0 on success (or no gold document to score), 2 for unreadable gold, labels or
    predictions.
    """
    from pipeline.evaluate import FORMATS
    from pipeline.evaluate import evaluate as run_evaluation
    from pipeline.evaluate.crossdoc import CROSSDOC, is_crossdoc
    from pipeline.evaluate.readers import detect_format
    from pipeline.evaluate.report import print_report, write_json
    from pipeline.io import check_writable

    if format is not None and format not in (*FORMATS, CROSSDOC):
        raise typer.BadParameter(
            f"{format!r} is not one of {', '.join((*FORMATS, CROSSDOC))}", param_hint="--format"
        )
    if json_out is not None:
        for given in (gold, pred):
            if given is not None and json_out.resolve() == given.resolve():
                raise typer.BadParameter(
                    f"{json_out} is an input; choose another", param_hint="--json"
                )
        check_writable(json_out)  # before the evaluation, not after it
    if format == CROSSDOC or (format is None and is_crossdoc(gold)):
        from pipeline.evaluate.crossdoc_report import run_crossdoc

        raise typer.Exit(run_crossdoc(gold, pred, model=model, json_out=json_out))
    if (format or detect_format(gold)) == "events":
        from pipeline.evaluate.events_eval import (
            evaluate_events,
            print_events_report,
            write_events_json,
        )

        found = evaluate_events(gold, pred, split=split, model=model, errors=errors)
        if not found.documents:
            _nothing_to_score(gold)
        print_events_report(found)
        if json_out is not None:
            write_events_json(found, json_out)
        return
    result = run_evaluation(gold, pred, fmt=format, labels=labels, model=model, errors=errors)
    if not result.documents:
        _nothing_to_score(gold)
    print_report(result, by_rule=by_rule)
    if json_out is not None:
        write_json(result, json_out)


def _nothing_to_score(gold: Path) -> None:
    typer.echo(f"newsrel evaluate: {gold} holds no gold documents; nothing to score", err=True)
    raise typer.Exit(0)


@app.command()
def schema(
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Write here instead of stdout.")
    ] = None,
    corpus: Annotated[
        bool, typer.Option(help="The schema of a corpus view line (`newsrel link`) instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of a newsrel record (or, --corpus, of a corpus view line)."""
    from pipeline.io import atomic_file, check_writable
    from pipeline.link.schema import corpus_json_schema_text
    from pipeline.schema import json_schema_text

    text = corpus_json_schema_text() if corpus else json_schema_text()
    if out:
        check_writable(out)
        with atomic_file(out) as f:
            f.write(text)
    else:
        sys.stdout.write(text)


for _command in (report, show, link):
    app.command()(_command)


@app.command()
def version(model: ModelOpt = None) -> None:
    """Print newsrel's version, the trained model and the rules folder in use (and its hash)."""
    from pipeline.about import version_lines

    typer.echo("\n".join(version_lines(model)))


def _check_date(value: str | None) -> None:
    import datetime as dt

    if value is None:
        return
    try:
        dt.date.fromisoformat(value)
    except ValueError as e:
        raise typer.BadParameter(
            f"{value!r} is not a date like 2017-09-29", param_hint="--published"
        ) from e


def main() -> None:
    app()


if __name__ == "__main__":
    main()
