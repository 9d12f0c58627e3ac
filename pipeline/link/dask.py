"""The map step on a Dask cluster: one task per partition, results handed back as they finish.

With no ``scheduler`` a LocalCluster of ``workers`` single-threaded processes is started (the
settings of the extract engine's cluster); with one, that cluster is used and the record files
must be at the same path on every worker. At most two partitions per worker are in flight, so
the client holds a bounded number of map results. The reduce runs here, as on the local path.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.link.partitions import MapResult, Partition, map_partition

IN_FLIGHT_PER_WORKER = 2


def map_on_dask(
    parts: list[Partition], rules_path: Path, workers: int, scheduler: str | None
) -> Iterator[MapResult]:
    try:
        import dask
        from distributed import Client, LocalCluster, as_completed
    except ImportError as e:  # depends on the install
        raise RuntimeError("--engine dask needs Dask: pip install 'newsrel[dask]'") from e
    from pipeline.run.engines.dask import LOCAL_CLUSTER_CONFIG

    cluster: Any = None
    if scheduler:
        client = Client(scheduler)
    else:
        with dask.config.set(LOCAL_CLUSTER_CONFIG):
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            )
        client = Client(cluster)
    try:
        slots = max(
            1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
        )
        todo = iter(parts)

        def submit(part: Partition) -> Any:
            return client.submit(
                map_partition, part, str(rules_path), key=f"newsrel-link-{part.number}", pure=False
            )

        first = [submit(p) for _, p in zip(range(slots * IN_FLIGHT_PER_WORKER), todo, strict=False)]
        if not first:
            return
        running = as_completed(first)
        for future in running:
            result: MapResult = future.result()
            future.release()
            if (part := next(todo, None)) is not None:
                running.add(submit(part))
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
