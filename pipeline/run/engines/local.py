"""The local engine: batches in this process, or in a pool of worker processes.

Workers are started with ``spawn`` (no forked copies of a half-initialised parent) and each
builds the pipeline once, when it starts. They ignore Ctrl-C: the parent handles it, stops
handing out batches, and keeps what was committed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from types import TracebackType

from pipeline.nlp.build import load_nlp
from pipeline.run.jobs import Batch, Settings, run_batch
from pipeline.run.parts import Part

IN_FLIGHT_PER_WORKER = 2
# one BLAS/OpenMP thread per worker process: N workers on N cores, not N x N threads fighting
# (Dask's nanny sets the same for its workers)
SINGLE_THREADED = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def _start_worker(model: str | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_nlp(model)


class LocalEngine:
    def __init__(self, workers: int, settings: Settings) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.saved_env: dict[str, str | None] = {}
        if workers > 1:
            for key, value in SINGLE_THREADED.items():  # inherited by the workers spawned below
                self.saved_env[key] = os.environ.get(key)
                os.environ[key] = value
            self.pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(settings.model,),
            )

    def __enter__(self) -> LocalEngine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        for key, value in self.saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    def run(self, batches: Iterable[Batch], settings: Settings) -> Iterator[Part]:
        if self.pool is None:
            for batch in batches:
                yield run_batch(batch, settings)
            return
        pending: set[Future[Part]] = set()
        todo = iter(batches)
        limit = self.workers * IN_FLIGHT_PER_WORKER
        while True:
            while len(pending) < limit and (nxt := next(todo, None)) is not None:
                pending.add(self.pool.submit(run_batch, nxt, settings))
            if not pending:
                return
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=lambda f: f.result().seq):
                yield future.result()
