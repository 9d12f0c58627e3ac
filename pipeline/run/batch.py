"""Batch extraction at scale: the sorted list of sources is cut into batches, an engine runs
:func:`~pipeline.run.jobs.run_batch` on each (in this process, a process pool, or a Dask
cluster), and every finished batch is committed as a part file (:mod:`pipeline.run.parts`)
then merged by id.

The output depends only on the inputs and the settings: not on the engine, the number of
workers, the order batches finish in, or whether the run was interrupted and resumed.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from pipeline.about import rules_description
from pipeline.extract import pipeline_info
from pipeline.failures import Failure
from pipeline.ingest.files import Item, index_documents
from pipeline.nlp.build import load_nlp
from pipeline.run.engines import open_engine
from pipeline.run.guard import OutputError, OutputLock, check_output
from pipeline.run.jobs import Batch, Settings
from pipeline.run.parts import DamagedParts, Part, PartStore


@dataclass
class Summary:
    documents: int = 0  # processed in this run
    skipped: int = 0  # already done (--resume)
    records: int = 0
    errors: int = 0
    words: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    out: str = ""
    given: int = 0  # documents (and unreadable inputs) found under the paths given
    rules: str = ""  # the rules folder in use
    warnings: list[str] = field(default_factory=list)  # damaged parts set aside

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        head = "interrupted after " if self.interrupted else ""
        skipped = f" ({self.skipped} already done)" if self.skipped else ""
        return (
            f"{head}{self.documents} documents{skipped}: {self.records} records, "
            f"{self.errors} errors, {self.words} words in {self.seconds:.1f} s "
            f"({self.words_per_second:,.0f} words/s) -> {self.out}"
        )


def plan_batches(
    items: Sequence[Item], size: int, done: set[str] | frozenset[str] = frozenset()
) -> Iterator[Batch]:
    """Consecutive batches of about ``size`` items; items with one id stay in one batch, so a
    batch is either wholly committed or not at all. Batch boundaries depend only on ``items``
    (not on ``done``), so a resumed run cuts the same batches; done items are left out."""
    if size < 1:
        raise ValueError("batch size must be at least 1")
    seq = 0
    current: list[Item] = []
    for n, item in enumerate(items):
        current.append(item)
        nxt = items[n + 1] if n + 1 < len(items) else None
        if len(current) >= size and (nxt is None or nxt.id != item.id):
            yield from _keep(seq, current, done)
            seq, current = seq + 1, []
    if current:
        yield from _keep(seq, current, done)


def _keep(seq: int, items: list[Item], done: set[str] | frozenset[str]) -> Iterator[Batch]:
    todo = tuple(i for i in items if i.id not in done)
    if todo:
        yield Batch(seq, todo)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a run: what was committed is kept; ``summary`` says how far it got."""

    def __init__(self, summary: Summary) -> None:
        super().__init__(summary.line())
        self.summary = summary


@dataclass
class _StreamSink:
    """``-o -``: records to stdout and error lines to stderr, in order, as batches finish."""

    out: IO[str]
    err: IO[str]
    next_seq: int = 0
    waiting: dict[int, Part] = field(default_factory=dict)
    order: list[int] = field(default_factory=list)

    def commit(self, part: Part) -> None:
        self.waiting[part.seq] = part
        while self.order and self.order[0] in self.waiting:
            ready = self.waiting.pop(self.order.pop(0))
            self.out.writelines(line + "\n" for _, line in ready.records)
            self.err.writelines(line + "\n" for _, line in ready.errors)
        self.out.flush()


MAX_ROUNDS = 3  # a part found damaged is done again; a third failure in a row is an error


class PartsKeepFailing(Failure):
    """Parts written by this run fail their check again and again (a failing disk?)."""


def extract_batch(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    settings: Settings | None = None,
    resume: bool = False,
    progress: Callable[[int], None] | None = None,
) -> Summary:
    """Extract every document under ``paths`` into ``out`` (``OUT.jsonl`` + ``OUT.errors.jsonl``,
    or ``-`` for stdout), with ``engine`` ``local`` (``workers`` processes) or ``dask``
    (``scheduler`` address, default a local cluster of ``workers`` processes).

    ``out`` is checked before anything is read (:func:`~pipeline.run.guard.check_output`) and
    locked while the run writes it. ``resume`` continues an earlier run into the same ``out``
    (:mod:`pipeline.run.resume` checks it is the same run). Raises :class:`Interrupted` on
    Ctrl-C, after keeping what was committed."""
    settings = settings or Settings()
    started = time.perf_counter()
    paths = list(paths)
    stream = str(out) == "-"
    if stream and resume:
        raise OutputError("--resume needs an output file, not - (stdout)")
    if not stream:
        check_output(Path(out), paths)
    with nullcontext() if stream else OutputLock(Path(out)):
        return _run(paths, out, engine, workers, scheduler, settings, resume, progress, started)


def _run(
    paths: list[str | Path],
    out: str | Path,
    engine: str,
    workers: int,
    scheduler: str | None,
    settings: Settings,
    resume: bool,
    progress: Callable[[int], None] | None,
    started: float,
) -> Summary:
    items = index_documents(paths)
    summary = Summary(out=str(out), given=len(items), rules=rules_description())
    store = None if str(out) == "-" else PartStore(Path(out))
    sink: _StreamSink | PartStore
    if store is None:
        done: set[str] = set()
        sink = _StreamSink(sys.stdout, sys.stderr)
    else:
        info = pipeline_info(load_nlp(settings.model))
        fingerprint = {
            "published": settings.published,
            "doc_timeout": settings.doc_timeout,
            "pipeline": info.model_dump(mode="json"),
        }
        done = store.start(fingerprint, resume=resume, items=items)
        sink = store
    summary.skipped = sum(1 for i in items if i.id in done)
    processed: set[str] = set()
    words: dict[frozenset[str], int] = {}
    try:
        with open_engine(engine, workers=workers, scheduler=scheduler, settings=settings) as runner:
            for _ in range(MAX_ROUNDS):
                batches = list(plan_batches(items, settings.batch_size, done))
                if isinstance(sink, _StreamSink):
                    sink.order = [b.seq for b in batches]
                for part in runner.run(batches, settings):
                    sink.commit(part)
                    # a part redone after a damaged one counts its documents once
                    processed.update(part.ids)
                    key = frozenset(part.ids)
                    summary.words += part.words - words.get(key, 0)
                    words[key] = part.words
                    summary.documents = len(processed)
                    summary.records += len(part.records)
                    summary.errors += len(part.errors)
                    if progress:
                        progress(len(part.ids))
                if store is None:
                    break
                try:
                    summary.records, summary.errors = store.finish(i.id for i in items)
                    break
                except DamagedParts:
                    done = store.done_ids()  # without the damaged part: its documents again
            else:
                raise PartsKeepFailing(
                    f"parts under {Path(str(out) + '.parts')} failed their check {MAX_ROUNDS} "
                    "times in a row; is the disk sound?"
                )
    except KeyboardInterrupt as e:
        summary.seconds = time.perf_counter() - started
        summary.interrupted = True
        raise Interrupted(summary) from e
    finally:
        if store is not None:
            summary.warnings = list(store.warnings)
    summary.seconds = time.perf_counter() - started
    return summary
