"""The Dask engine: batches as tasks on a Dask distributed cluster.

With no ``scheduler`` address a LocalCluster of ``workers`` single-threaded processes is
started in this process (nothing to set up); with one (``tcp://host:8786``) the batches go to
that cluster. Each worker builds the pipeline once (:class:`BuildPipeline`, a worker plugin,
at start; :func:`~pipeline.nlp.build.load_nlp` is cached per process). Workers read the input files
themselves, so on a real cluster the inputs must be at the same path on every worker (a
shared file system); the parts come back to this process, which writes the output.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from distributed import WorkerPlugin

from pipeline.run.jobs import Batch, Settings, run_batch
from pipeline.run.parts import Part

IN_FLIGHT_PER_WORKER = 2
# Settings for the LocalCluster this engine starts (a cluster given by address keeps its own):
# - Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536 (to hand memory back to the
#   OS). Setting it at all also pins glibc's mmap threshold at 128 KiB, so every array spaCy
#   allocates for a batch is a fresh mmap: about 50x the page faults and 15% more CPU per batch
#   than the same batch in a plain process (the local engine's workers). None drops the
#   variable; a value set in the environment by the user is still inherited.
# - the sampling profiler (a thread walking the task's stack every 10 ms) and the system
#   monitor (psutil every 0.5 s) feed the dashboard, which is not started; the tick (every
#   20 ms) only measures event-loop delays. Slower, they more than halve the CPU of the
#   worker's other threads (0.10 -> 0.03 s per batch) and of the parent's scheduler and nannies
#   (1.06 -> 0.42 s over 640 stories). None of them decides where or when a task runs.
LOCAL_CLUSTER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",
}


class BuildPipeline(WorkerPlugin):
    """Worker plugin: build the newsrel pipeline when a worker starts (or joins)."""

    name = "newsrel-pipeline"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from pipeline.nlp.build import load_nlp

        load_nlp(self.model)


class DaskEngine:
    def __init__(self, workers: int, scheduler: str | None, settings: Settings) -> None:
        import dask
        from distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            with dask.config.set(LOCAL_CLUSTER_CONFIG):  # read when the workers are spawned
                self.cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # without a dashboard the scheduler still serves /health on 8787, and warns
                    # when another cluster on the machine has it: any free local port will do
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                )
            self.client = Client(self.cluster)
        self.client.register_plugin(BuildPipeline(settings.model), name=BuildPipeline.name)
        self.slots = max(
            1, sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values())
        )

    def __enter__(self) -> DaskEngine:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def run(self, batches: Iterable[Batch], settings: Settings) -> Iterator[Part]:
        from distributed import as_completed

        todo = iter(batches)
        limit = self.slots * IN_FLIGHT_PER_WORKER
        first = [self._submit(b, settings) for _, b in zip(range(limit), todo, strict=False)]
        if not first:
            return
        running = as_completed(first)
        for future in running:
            part: Part = future.result()
            future.release()
            if (batch := next(todo, None)) is not None:
                running.add(self._submit(batch, settings))
            yield part

    def _submit(self, batch: Batch, settings: Settings) -> Any:
        return self.client.submit(
            run_batch, batch, settings, key=f"newsrel-batch-{batch.seq}", pure=False
        )
