"""The commands that look at records: ``report``, ``show`` and ``link`` (registered on the
app by :mod:`pipeline.cli`). Failures are raised, and worded by the one error handler."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


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
    from pipeline.io import check_writable, read_records
    from pipeline.present.report import build_report

    if out.resolve() == records.resolve():
        raise typer.BadParameter(f"{out} is the records file; choose another", param_hint="-o")
    check_writable(out)
    extra = {"corpus": str(corpus)} if corpus is not None else {}
    summary = build_report(read_records(records), out, title=title, source=str(records), **extra)
    typer.echo(
        f"{summary.documents} documents, {sum(summary.events.values())} events -> {out}", err=True
    )


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
    from pipeline.present.terminal import find_record, show

    if records.is_dir():
        from pipeline.link.view import find_corpus_event
        from pipeline.present.corpus import show_corpus_event

        show_corpus_event(find_corpus_event(records, doc_id))
        return
    show(find_record(records, doc_id), max_chars=chars)


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
    same for --engine local and dask. Exit code 0 on success, 2 for unreadable records or
    rules and for usage errors.
    """
    from pipeline.link import link_records
    from pipeline.run.progress import counter

    if engine not in ("local", "dask"):
        raise typer.BadParameter(f"{engine!r} is not local or dask", param_hint="--engine")
    if scheduler and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
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
    typer.echo(summary.line(), err=True)
