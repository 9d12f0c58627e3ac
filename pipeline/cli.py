"""The ``newsrel`` command: a thin typer layer over the library. No logic lives here."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline._version import __version__

app = typer.Typer(
    help="newsrel: entities, relations and events from English news, out as JSONL.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model",
        help="Trained spaCy pipeline (package name or path); default from models/pipeline.json.",
    ),
]


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
) -> None:
    """Extract records from news files into OUT (errors go to OUT.errors.jsonl).

    Finished batches are committed under OUT.parts/ as they come and merged into OUT at the end;
    after a crash or Ctrl-C, run the same command with --resume. Exit code 0 when every document
    succeeded, 1 when some failed, 2 for usage errors, 130 when interrupted.
    """
    from pipeline.nlp.build import ModelNotFound, load_nlp
    from pipeline.run.batch import Interrupted, extract_batch
    from pipeline.run.jobs import Settings
    from pipeline.run.parts import ResumeError
    from pipeline.run.progress import counter

    _check_date(published)
    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"{engine!r} is not local or dask", param_hint="--engine")
    if scheduler and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if resume and out == "-":
        raise typer.BadParameter("--resume needs an output file, not -", param_hint="--resume")
    try:
        load_nlp(model)
    except ModelNotFound as e:
        raise typer.BadParameter(str(e), param_hint="--model") from e
    settings = Settings(model=model, published=published, batch_size=batch_size)
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
    except ResumeError as e:
        raise typer.BadParameter(str(e), param_hint="--resume") from e
    except Interrupted as e:
        typer.echo(e.summary.line(), err=True)
        typer.echo(
            "committed batches are kept: run the same command with --resume to finish", err=True
        )
        raise typer.Exit(130) from None
    typer.echo(summary.line(), err=True)
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
) -> None:
    """Score entities, values, relations and events against gold annotations.

    Exit code 0 on success, 2 for unreadable gold, labels or predictions.
    """
    from pipeline.evaluate import FORMATS, EvaluationError
    from pipeline.evaluate import evaluate as run_evaluation
    from pipeline.evaluate.crossdoc import CROSSDOC, is_crossdoc
    from pipeline.evaluate.readers import detect_format
    from pipeline.evaluate.report import print_report, write_json
    from pipeline.nlp.build import ModelNotFound

    if format is not None and format not in (*FORMATS, CROSSDOC):
        raise typer.BadParameter(
            f"{format!r} is not one of {', '.join((*FORMATS, CROSSDOC))}", param_hint="--format"
        )
    if format == CROSSDOC or (format is None and is_crossdoc(gold)):
        from pipeline.evaluate.crossdoc_report import run_crossdoc

        raise typer.Exit(run_crossdoc(gold, pred, model=model, json_out=json_out))
    try:
        if (format or detect_format(gold)) == "events":
            from pipeline.evaluate.events_eval import (
                evaluate_events,
                print_events_report,
                write_events_json,
            )

            found = evaluate_events(gold, pred, split=split, model=model, errors=errors)
            print_events_report(found)
            if json_out is not None:
                write_events_json(found, json_out)
            return
        result = run_evaluation(gold, pred, fmt=format, labels=labels, model=model, errors=errors)
    except ModelNotFound as e:
        raise typer.BadParameter(str(e), param_hint="--model") from e
    except EvaluationError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2) from e
    print_report(result)
    if json_out is not None:
        write_json(result, json_out)


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
    from pipeline.link.schema import corpus_json_schema_text
    from pipeline.schema import json_schema_text

    text = corpus_json_schema_text() if corpus else json_schema_text()
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


@app.command()
def report(
    records: Annotated[Path, typer.Argument(help="Records JSONL written by `newsrel extract`.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="HTML file to write.")],
    title: Annotated[str, typer.Option(help="Title of the report.")] = "newsrel report",
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="Corpus view of `newsrel link` (a folder): list the linked events and draw "
            "the network over corpus entities."
        ),
    ] = None,
) -> None:
    """Write one static, self-contained HTML report of a records file: corpus summary,
    events table, timeline, who-meets-whom network and every document highlighted."""
    from pipeline.io import RecordError, read_records
    from pipeline.link.view import CorpusNotFound
    from pipeline.present.report import build_report

    extra = {"corpus": str(corpus)} if corpus is not None else {}
    try:
        summary = build_report(
            read_records(records), out, title=title, source=str(records), **extra
        )
    except (RecordError, OSError, CorpusNotFound) as e:
        typer.echo(f"newsrel report: {e}", err=True)
        raise typer.Exit(1) from e
    typer.echo(
        f"{summary.documents} documents, {sum(summary.events.values())} events -> {out}", err=True
    )


@app.command()
def show(
    doc_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="Document id (the record's `id`), or a corpus event id (CV..)."
        ),
    ],
    records: Annotated[
        Path,
        typer.Argument(
            help="Records JSONL written by `newsrel extract`, or a folder of `newsrel link`."
        ),
    ],
    chars: Annotated[int, typer.Option(help="Show at most this many characters of text.")] = 4000,
) -> None:
    """Show one record in the terminal: highlighted text, entities, relations, events; or,
    given a corpus view folder, one corpus event with its sources."""
    from pipeline.io import RecordError
    from pipeline.present.terminal import RecordNotFound, find_record, show

    if records.is_dir():
        from pipeline.link.view import CorpusNotFound, find_corpus_event
        from pipeline.present.corpus import show_corpus_event

        try:
            show_corpus_event(find_corpus_event(records, doc_id))
        except (CorpusNotFound, RecordError, OSError) as e:
            typer.echo(f"newsrel show: {e}", err=True)
            raise typer.Exit(1) from e
        return
    try:
        record = find_record(records, doc_id)
    except (RecordNotFound, RecordError, OSError) as e:
        typer.echo(f"newsrel show: {e}", err=True)
        raise typer.Exit(1) from e
    show(record, max_chars=chars)


@app.command()
def link(
    records: Annotated[
        list[Path], typer.Argument(help="Records JSONL files written by `newsrel extract`.")
    ],
    out: Annotated[
        Path,
        typer.Option("-o", "--out", help="Folder for entities.jsonl and events.jsonl."),
    ],
    rules: Annotated[
        Path | None,
        typer.Option(help="Linking rules (default: models/link_rules.json)."),
    ] = None,
    engine: Annotated[
        str, typer.Option(help="local (this process) or dask (map on a Dask cluster).")
    ] = "local",
    workers: Annotated[
        int, typer.Option(min=1, help="Dask LocalCluster processes (--engine dask).")
    ] = 2,
    scheduler: Annotated[
        str | None,
        typer.Option(help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
    ] = None,
    partition_mb: Annotated[
        int, typer.Option(min=1, help="Megabytes of records per partition (map task).")
    ] = 8,
    progress: Annotated[bool, typer.Option(help="Progress bar on stderr.")] = True,
) -> None:
    """Link records across documents into a corpus view: OUT/entities.jsonl (one line per
    real-world entity, with the clusters it joins) and OUT/events.jsonl (one line per
    real-world event, with its sources, outlets, first report and conflicts).

    The rules are data (models/link_rules.json) and every link cites its rule id. Output is the
    same for --engine local and dask. Exit code 0 on success, 1 for unreadable records or
    rules, 2 for usage errors.
    """
    from pipeline.io import RecordError
    from pipeline.link import LinkError, link_records
    from pipeline.rulefiles import RuleError
    from pipeline.run.progress import counter

    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"{engine!r} is not local or dask", param_hint="--engine")
    if scheduler and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    try:
        with counter(enabled=progress) as advance:
            summary = link_records(
                records,
                out,
                rules=rules,
                engine=engine,
                workers=workers,
                scheduler=scheduler,
                partition_bytes=partition_mb << 20,
                progress=advance,
            )
    except (RecordError, RuleError, LinkError, OSError) as e:
        typer.echo(f"newsrel link: {e}", err=True)
        raise typer.Exit(1) from e
    typer.echo(summary.line(), err=True)


@app.command()
def version() -> None:
    """Print newsrel's version."""
    typer.echo(__version__)


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
