"""The Dask engine: a LocalCluster gives the bytes one process gives, on lean workers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.run.batch import extract_batch
from pipeline.run.jobs import Settings

from ..corpus import output_files, small_run


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, tuple[bytes, bytes]]:
    """A small corpus with one bad file, and its output from one process."""
    return small_run(tmp_path_factory)


@pytest.mark.slow
def test_dask_local_cluster_gives_byte_identical_output(small, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    folder, expected = small
    out = tmp_path / "dask.jsonl"
    extract_batch([folder], out, engine="dask", workers=2, settings=Settings(batch_size=2))
    assert output_files(out) == expected


@pytest.mark.slow
def test_dask_local_cluster_workers_run_without_the_nannys_malloc_trim_threshold() -> None:
    """The nanny's MALLOC_TRIM_THRESHOLD_ costs spaCy ~15% CPU in page faults (see the engine)."""
    pytest.importorskip("distributed")
    from pipeline.run.engines.dask import DaskEngine

    with DaskEngine(1, None, Settings()) as engine:
        malloc = engine.client.run(os.getenv, "MALLOC_TRIM_THRESHOLD_")
        omp = engine.client.run(os.getenv, "OMP_NUM_THREADS")
    assert (list(malloc.values()), list(omp.values())) == ([None], ["1"])
