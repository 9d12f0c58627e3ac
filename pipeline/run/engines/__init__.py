"""Engines run :func:`pipeline.run.jobs.run_batch` over batches and hand back each finished
:class:`~pipeline.run.parts.Part`, in whatever order they finish (the part store sorts).

One small interface, used by :func:`pipeline.run.batch.extract_batch`::

    with open_engine("local", workers=2, settings=settings) as engine:
        for part in engine.run(batches, settings): ...

``local``: this process (``workers=1``) or a pool of ``workers`` processes. ``dask``: a Dask
distributed cluster (``scheduler`` address, or a LocalCluster of ``workers`` processes).
At most a few batches per worker are in flight, so memory does not grow with the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from pipeline.run.jobs import Batch, Settings
    from pipeline.run.parts import Part

ENGINES = ("local", "dask")


class Engine(Protocol):
    def run(self, batches: Iterable[Batch], settings: Settings) -> Iterator[Part]: ...


def open_engine(
    name: str, *, workers: int = 1, scheduler: str | None = None, settings: Settings
) -> AbstractContextManager[Engine]:
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if name == "local":
        if scheduler:
            raise ValueError("--scheduler is for --engine dask")
        from pipeline.run.engines.local import LocalEngine

        return LocalEngine(workers, settings)
    if name == "dask":
        try:
            from pipeline.run.engines.dask import DaskEngine
        except ImportError as e:  # depends on the install
            raise RuntimeError("--engine dask needs Dask: pip install 'newsrel[dask]'") from e

        return DaskEngine(workers, scheduler, settings)
    raise ValueError(f"unknown engine {name!r}; one of {', '.join(ENGINES)}")
